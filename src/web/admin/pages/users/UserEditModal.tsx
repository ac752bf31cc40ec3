import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Radio, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { ROLE_ORG_KINDS } from '../../../../domain/roles';
import { api, errorText } from '../../api';
import { applyFieldErrors } from '../../errors';
import { useI18n } from '../../i18n';
import type { TOrgNode, TStatus, TUser } from '../../types';
import { toTreeSelectData } from '../orgs/orgTree';
import { buttonTestId } from '../../testId';

interface TForm {
  displayName: string;
  orgId: number;
  status: TStatus;
}

/** Display name, org (only orgs the user's role may belong to) and enable/disable. */
export function UserEditModal({ user, tree, onClose }: { user: TUser; tree: TOrgNode[]; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<TForm>();
  const orgData = useMemo(() => toTreeSelectData(tree, (n) => !ROLE_ORG_KINDS[user.role].includes(n.kind) || n.status === 'disabled'), [tree, user.role]);
  const save = useMutation({
    mutationFn: (v: TForm) => {
      // send only what changed: the server audits each field
      const body: Partial<TForm> = {};
      if (v.displayName.trim() !== user.displayName) body.displayName = v.displayName.trim();
      if (v.orgId !== user.orgId) body.orgId = v.orgId;
      if (v.status !== user.status) body.status = v.status;
      return api<TUser>(`/users/${user.id}`, { method: 'PATCH', body });
    },
    onSuccess: async () => {
      void message.success(t('common.saved'));
      await client.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
    onError: (err) => applyFieldErrors(form, err, lang, ['displayName', 'orgId', 'status']),
  });

  return (
    <Modal
      open
      title={t('user.editTitle', { name: user.username })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={buttonTestId('ue-submit')}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {save.error && <Alert type="error" showIcon title={errorText(save.error, lang)} style={{ marginBottom: 16 }} />}
      <Form<TForm> form={form} layout="vertical" initialValues={{ displayName: user.displayName, orgId: user.orgId, status: user.status }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="displayName" label={t('user.displayName')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={50} data-testid="ue-displayName" />
        </Form.Item>
        <Form.Item name="orgId" label={t('user.org')} rules={[{ required: true, message: t('common.required') }]}>
          <TreeSelect treeData={orgData} showSearch treeNodeFilterProp="title" treeDefaultExpandAll data-testid="ue-org" />
        </Form.Item>
        <Form.Item name="status" label={t('user.status')}>
          <Radio.Group
            optionType="button"
            data-testid="ue-status"
            options={[
              { value: 'active', label: t('user.enable') },
              { value: 'disabled', label: t('user.disable') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
