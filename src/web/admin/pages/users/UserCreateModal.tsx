import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import type { TRole } from '../../../../domain/roles';
import { api, errorText } from '../../api';
import { applyFieldErrors } from '../../errors';
import { useI18n } from '../../i18n';
import type { TOrgNode, TUser } from '../../types';
import { toTreeSelectData } from '../orgs/orgTree';
import { roleOptions, rolesFor } from './roleOptions';
import { buttonTestId } from '../../testId';

interface TForm {
  username: string;
  displayName: string;
  orgId?: number;
  role?: TRole;
}

export function UserCreateModal(props: { tree: TOrgNode[]; index: Map<string, TOrgNode>; onClose: (created?: { user: TUser; initialPassword: string }) => void }) {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const [form] = Form.useForm<TForm>();
  const orgId = Form.useWatch('orgId', form);
  const kind = orgId === undefined ? undefined : props.index.get(String(orgId))?.kind;
  const roles = orgId === undefined ? [] : rolesFor(kind);
  const orgData = useMemo(() => toTreeSelectData(props.tree, (n) => n.status === 'disabled'), [props.tree]);
  const create = useMutation({
    mutationFn: (v: TForm) =>
      api<{ user: TUser; initialPassword: string }>('/users', {
        method: 'POST',
        body: { username: v.username.trim(), displayName: v.displayName.trim(), orgId: v.orgId, role: v.role },
      }),
    onSuccess: async (res) => {
      await client.invalidateQueries({ queryKey: ['users'] });
      props.onClose(res);
    },
    onError: (err) => applyFieldErrors(form, err, lang, ['username', 'displayName', 'orgId', 'role']),
  });
  const required = { required: true, message: t('common.required') };

  return (
    <Modal
      open
      title={t('user.create')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={() => props.onClose()}
      confirmLoading={create.isPending}
      okButtonProps={buttonTestId('uc-submit')}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {create.error && <Alert type="error" showIcon title={errorText(create.error, lang)} style={{ marginBottom: 16 }} data-testid="uc-error" />}
      <Form<TForm>
        form={form}
        layout="vertical"
        onFinish={(v) => create.mutate(v)}
        onValuesChange={(changed: Partial<TForm>, all) => {
          // a role the new org cannot hold is cleared, not silently kept
          if ('orgId' in changed && all.role && all.orgId !== undefined && !rolesFor(props.index.get(String(all.orgId))?.kind).includes(all.role)) {
            form.setFieldValue('role', undefined);
          }
        }}
      >
        <Form.Item name="username" label={t('user.username')} extra={t('user.usernameHint')} rules={[required, { pattern: /^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, message: t('user.usernameHint') }]}>
          <Input autoComplete="off" autoCapitalize="off" spellCheck={false} maxLength={32} data-testid="uc-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('user.displayName')} rules={[{ ...required, whitespace: true }]}>
          <Input maxLength={50} data-testid="uc-displayName" />
        </Form.Item>
        <Form.Item name="orgId" label={t('user.org')} rules={[required]}>
          <TreeSelect treeData={orgData} showSearch treeNodeFilterProp="title" treeDefaultExpandAll={props.index.size <= 60} data-testid="uc-org" />
        </Form.Item>
        <Form.Item name="role" label={t('user.role')} rules={[required]}>
          <Select options={roleOptions(roles, t)} disabled={orgId === undefined} placeholder={orgId === undefined ? t('user.chooseOrgFirst') : undefined} data-testid="uc-role" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
