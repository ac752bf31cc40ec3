import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { TAbility } from '../../domain/abilities';
import { useI18n } from './i18n';
import { useMe } from './queries';

/**
 * A route's gate: the page when the signed-in role has the ability (any one of a list), else a
 * plain "no permission" result, so a typed URL never shows a page whose every request would be
 * refused. Sits inside AppLayout, which has already waited for /auth/me. The server decides in
 * the end; this only keeps the screen honest.
 */
export function RequireAbility({ ability, children }: { ability: TAbility | readonly TAbility[]; children: ReactNode }) {
  const me = useMe();
  const { t } = useI18n();
  const navigate = useNavigate();
  if (!me.data) return null;
  const needed: readonly TAbility[] = typeof ability === 'string' ? [ability] : ability;
  if (needed.some((a) => me.data.abilities.includes(a))) return <>{children}</>;
  return (
    <Result
      status="403"
      title={t('noPermission.title')}
      subTitle={t('noPermission.text')}
      data-testid="no-permission"
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
