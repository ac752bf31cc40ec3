import { LockOutlined, LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, TranslationOutlined } from '@ant-design/icons';
import { Button, Layout, Space, Tooltip } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n';
import type { TMe } from '../types';

const headerStyle = {
  display: 'flex',
  alignItems: 'center',
  gap: 8,
  padding: '0 12px',
  background: '#1d4e89',
  color: '#fff',
  position: 'sticky' as const,
  top: 0,
  zIndex: 10,
};
const white = { color: '#fff' };

export function HeaderBar(props: { me: TMe; compact: boolean; menuOpen: boolean; onToggleMenu: () => void; onSignOut: () => void }) {
  const { me, compact } = props;
  const { t, lang, setLang } = useI18n();
  const navigate = useNavigate();
  const role = t(`role.${me.user.role}`);
  return (
    <Layout.Header style={headerStyle}>
      <Button
        type="text"
        style={white}
        aria-label={t('header.menu')}
        data-testid="menu-toggle"
        icon={props.menuOpen ? <MenuFoldOutlined /> : <MenuUnfoldOutlined />}
        onClick={props.onToggleMenu}
      />
      <strong style={{ fontSize: 16, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', flex: compact ? 1 : 'none' }}>
        {compact ? t('app.short') : t('app.name')}
      </strong>
      {!compact && <span style={{ flex: 1 }} />}
      {!compact && (
        <div className="jf-header-user" data-testid="header-user">
          <span>{me.user.displayName}</span>
          <small>
            {role} · {me.user.org.name}
          </small>
        </div>
      )}
      <Space size={0}>
        <Tooltip title={t('lang.switchTitle')}>
          <Button type="text" style={white} icon={<TranslationOutlined />} data-testid="lang-switch" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            {compact ? null : t('lang.other')}
          </Button>
        </Tooltip>
        <Tooltip title={t('header.changePassword')}>
          <Button type="text" style={white} icon={<LockOutlined />} aria-label={t('header.changePassword')} data-testid="change-password" onClick={() => void navigate('/change-password')} />
        </Tooltip>
        <Tooltip title={t('header.logout')}>
          <Button type="text" style={white} icon={<LogoutOutlined />} data-testid="logout" onClick={props.onSignOut}>
            {compact ? null : t('header.logout')}
          </Button>
        </Tooltip>
      </Space>
    </Layout.Header>
  );
}
