import { Button, Popconfirm, Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { formatDateTime, type TLang } from '../../../../domain/i18n';
import type { TAbility } from '../../../../domain/abilities';
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

/** Row buttons; none on one's own row (own password: the change-password page; the server refuses self-actions). */
function actionsOf(o: TColumnOptions, u: TUser) {
  const { t, can, onAction } = o;
  if (u.id === o.meId) return null;
  return (
    <Space size={0} wrap>
      {can('user.manage') && (
        <Button type="link" size="small" onClick={() => onAction('edit', u)} data-testid={`user-edit-${u.username}`}>
          {t('common.edit')}
        </Button>
      )}
      {can('user.manage') && (
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
      {can('user.security') && (
        <Button type="link" size="small" onClick={() => onAction('role', u)} data-testid={`user-role-${u.username}`}>
          {t('user.changeRole')}
        </Button>
      )}
      {can('user.security') && u.locked && (
        <Button type="link" size="small" disabled={o.busy} onClick={() => onAction('unlock', u)} data-testid={`user-unlock-${u.username}`}>
          {t('user.unlock')}
        </Button>
      )}
    </Space>
  );
}
