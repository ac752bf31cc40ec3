import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Modal, Select } from 'antd';
import type { TOrgKind, TRole } from '../../../../domain/roles';
import { api, errorText } from '../../api';
import { useI18n } from '../../i18n';
import type { TUser } from '../../types';
import { roleOptions, rolesFor } from './roleOptions';
import { buttonTestId } from '../../testId';

/** Change a user's role (user.security); only roles the user's org kind may hold are offered. */
export function UserRoleModal({ user, orgKind, onClose }: { user: TUser; orgKind: TOrgKind | undefined; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ role: TRole }>();
  const save = useMutation({
    mutationFn: (role: TRole) => api<TUser>(`/users/${user.id}`, { method: 'PATCH', body: { role } }),
    onSuccess: async () => {
      void message.success(t('common.saved'));
      await client.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('user.changeRoleTitle', { name: user.username })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={buttonTestId('ur-submit')}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {save.error && <Alert type="error" showIcon title={errorText(save.error, lang)} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ role: user.role }} onFinish={(v) => save.mutate(v.role)}>
        <Form.Item name="role" label={t('user.role')} rules={[{ required: true, message: t('common.required') }]}>
          <Select options={roleOptions(rolesFor(orgKind), t)} data-testid="ur-role" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
