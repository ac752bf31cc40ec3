import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Space, Table } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../api';
import { ExportButton } from '../../exports/ExportButton';
import { ErrorAlert, useShowError } from '../../errors';
import { useI18n } from '../../i18n';
import { indexTree, useCan, useMe, useOrgTree } from '../../queries';
import type { TPage, TUser } from '../../types';
import { InitialPasswordModal } from './InitialPasswordModal';
import { userColumns, type TUserAction } from './userColumns';
import { UserCreateModal } from './UserCreateModal';
import { UserEditModal } from './UserEditModal';
import { UserFilters, type TUserFilter } from './UserFilters';
import { UserRoleModal } from './UserRoleModal';
import { useServerPaging } from '../../paging';

type TDialog =
  | { kind: 'create' }
  | { kind: 'edit' | 'role'; user: TUser }
  | { kind: 'password'; title: string; password: string; testId: string };

export function UsersPage() {
  const { t, lang } = useI18n();
  const can = useCan();
  const me = useMe();
  const { message } = App.useApp();
  const showError = useShowError();
  const client = useQueryClient();
  const tree = useOrgTree();
  const roots = useMemo(() => tree.data ?? [], [tree.data]);
  const index = useMemo(() => indexTree(roots), [roots]);
  const [filter, setFilter] = useState<TUserFilter>({});
  const { paging, firstPage, pagination } = useServerPaging();
  const [dialog, setDialog] = useState<TDialog | null>(null);
  const query = { ...filter, ...paging };
  const list = useQuery({ queryKey: ['users', 'list', query], queryFn: () => api<TPage<TUser>>('/users', { query }), placeholderData: keepPreviousData });

  const reset = useMutation({
    mutationFn: (u: TUser) => api<{ initialPassword: string }>(`/users/${u.id}/reset-password`, { method: 'POST' }),
    onSuccess: async (res, u) => {
      setDialog({ kind: 'password', title: t('user.passwordReset', { name: u.username }), password: res.initialPassword, testId: 'reset-initial-password' });
      await client.invalidateQueries({ queryKey: ['users'] });
    },
    onError: showError,
  });
  const unlock = useMutation({
    mutationFn: (u: TUser) => api<void>(`/users/${u.id}/unlock`, { method: 'POST' }),
    onSuccess: async () => {
      void message.success(t('user.unlocked'));
      await client.invalidateQueries({ queryKey: ['users'] });
    },
    onError: showError,
  });

  const onAction = (action: TUserAction, user: TUser) => {
    if (action === 'reset') reset.mutate(user);
    else if (action === 'unlock') unlock.mutate(user);
    else setDialog({ kind: action, user });
  };
  const columns = userColumns({ t, lang, can, onAction, busy: reset.isPending || unlock.isPending, meId: me.data?.user.id });

  return (
    <Card
      title={t('nav.users')}
      extra={
        <Space wrap>
          <ExportButton path="/users/export.xlsx" query={{ ...filter }} fallbackName="users.xlsx" testId="user-export" />
          {can('user.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })} disabled={!tree.isSuccess} data-testid="user-create">
              {t('user.create')}
            </Button>
          )}
        </Space>
      }
    >
      <UserFilters
        value={filter}
        tree={roots}
        onChange={(f) => {
          setFilter(f);
          firstPage();
        }}
      />
      {list.isError ? (
        <ErrorAlert error={list.error} />
      ) : (
        <Table<TUser>
          rowKey="id"
          size="middle"
          data-testid="user-table"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={pagination(list.data?.total)}
        />
      )}
      {dialog?.kind === 'create' && (
        <UserCreateModal
          tree={roots}
          index={index}
          onClose={(created) => {
            setDialog(
              created
                ? { kind: 'password', title: t('user.created', { name: created.user.username }), password: created.initialPassword, testId: 'uc-initial-password' }
                : null,
            );
          }}
        />
      )}
      {dialog?.kind === 'edit' && <UserEditModal user={dialog.user} tree={roots} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'role' && <UserRoleModal user={dialog.user} orgKind={index.get(String(dialog.user.orgId))?.kind} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'password' && <InitialPasswordModal title={dialog.title} password={dialog.password} testId={dialog.testId} onClose={() => setDialog(null)} />}
    </Card>
  );
}
