import { TranslationOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';

/** The centred card of the login and change-password pages, with the language switch. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  return (
    <div className="jf-auth-page">
      <div className="jf-auth-card">
        <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', color: '#fff', marginBottom: 16 }}>
          <strong style={{ fontSize: 20 }}>{t('app.name')}</strong>
          <Button type="text" style={{ color: '#fff' }} icon={<TranslationOutlined />} data-testid="lang-switch" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            {t('lang.other')}
          </Button>
        </div>
        <Card title={title}>{children}</Card>
      </div>
    </div>
  );
}
