import { Button, Popconfirm, Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { formatDateTime, type TLang } from '../../../../domain/i18n';
import type { TAbility } from '../../../../domain/abilities';
import { isSeparationRole } from '../../../../domain/roles';
import type { TI18n } from '../../i18n';
import type { TUser } from '../../types';

export type TUserAction = 'edit' | 'role' | 'reset' | 'unlock';

interface TColumnOptions {
  t: TI18n['t'];
  lang: TLang;
  can: (a: TAbility) => boolean;
  onAction: (a: TUserAction, u: TUser) => void;
  busy: boolean;
  meId: number | undefined;
}

export function userColumns(o: TColumnOptions): TableColumnsType<TUser> {
  const { t, lang, can } = o;
  const showActions = can('user.manage') || can('user.security');
  const columns: TableColumnsType<TUser> = [
    { key: 'username', title: t('user.username'), dataIndex: 'username', fixed: 'start', render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
    { key: 'displayName', title: t('user.displayName'), dataIndex: 'displayName' },
    { key: 'role', title: t('user.role'), dataIndex: 'role', render: (_v, u) => <Tag color="blue">{t(`role.${u.role}`)}</Tag> },
    { key: 'org', title: t('user.org'), dataIndex: 'orgName' },
    {
      key: 'status',
      title: t('user.status'),
      render: (_v, u) => (
        <Space size={4} wrap>
          <Tag color={u.status === 'active' ? 'green' : 'default'}>{t(`status.${u.status}`)}</Tag>
          {u.locked && (
            <Tag color="red" data-testid={`locked-${u.username}`}>
              {t('user.locked')}
            </Tag>
          )}
          {u.mustChangePassword && <Tag color="orange">{t('user.mustChange')}</Tag>}
        </Space>
      ),
    },
    { key: 'lastLogin', title: t('user.lastLogin'), dataIndex: 'lastLoginAt', render: (v: string | null) => (v ? formatDateTime(v, lang) : t('user.neverLoggedIn')) },
  ];
  if (showActions) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      fixed: 'end',
      render: (_v, u) => actionsOf(o, u),
    });
  }
  return columns;
}

/**
 * The actions a row offers, as the server's user policy allows them: none on one's own row (own
 * password: the change-password page) and none on a 三员 row (those accounts are managed on the
 * command line only); edit and reset with `user.manage`, role and unlock with `user.security`.
 */
export function rowActions(u: Pick<TUser, 'id' | 'role' | 'locked'>, can: (a: TAbility) => boolean, meId: number | undefined): TUserAction[] {
  if (u.id === meId || isSeparationRole(u.role)) return [];
  const out: TUserAction[] = [];
  if (can('user.manage')) out.push('edit', 'reset');
  if (can('user.security')) out.push('role');
  if (can('user.security') && u.locked) out.push('unlock');
  return out;
}

/** Row buttons, one per allowed action (see rowActions). */
function actionsOf(o: TColumnOptions, u: TUser) {
  const { t, onAction } = o;
  const allowed = rowActions(u, o.can, o.meId);
  if (allowed.length === 0) return null;
  const offers = (a: TUserAction) => allowed.includes(a);
  return (
    <Space size={0} wrap>
      {offers('edit') && (
        <Button type="link" size="small" onClick={() => onAction('edit', u)} data-testid={`user-edit-${u.username}`}>
          {t('common.edit')}
        </Button>
      )}
      {offers('reset') && (
        <Popconfirm
          title={t('user.resetPassword')}
          description={t('user.resetConfirm', { name: u.username })}
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
          onConfirm={() => onAction('reset', u)}
        >
          <Button type="link" size="small" disabled={o.busy} data-testid={`user-reset-${u.username}`}>
            {t('user.resetPassword')}
          </Button>
        </Popconfirm>
      )}
      {offers('role') && (
        <Button type="link" size="small" onClick={() => onAction('role', u)} data-testid={`user-role-${u.username}`}>
          {t('user.changeRole')}
        </Button>
      )}
      {offers('unlock') && (
        <Button type="link" size="small" disabled={o.busy} onClick={() => onAction('unlock', u)} data-testid={`user-unlock-${u.username}`}>
          {t('user.unlock')}
        </Button>
      )}
    </Space>
  );
}
