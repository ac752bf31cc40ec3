import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import { api, errorText } from '../../api';
import { applyFieldErrors } from '../../errors';
import { useI18n } from '../../i18n';
import type { TOrgDetail, TStatus } from '../../types';
import { ContactFields } from './orgFields';
import { buttonTestId } from '../../testId';

interface TForm {
  name: string;
  hotline?: string;
  mailbox?: string;
  status: TStatus;
}

/** '' clears a contact channel (null), as the PATCH contract allows. */
const blankToNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);

export function OrgEditModal({ org, onClose }: { org: TOrgDetail; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<TForm>();
  const save = useMutation({
    mutationFn: (v: TForm) =>
      api(`/orgs/${org.id}`, {
        method: 'PATCH',
        body: { name: v.name.trim(), hotline: blankToNull(v.hotline), mailbox: blankToNull(v.mailbox), status: v.status },
      }),
    onSuccess: async () => {
      void message.success(t('common.saved'));
      await client.invalidateQueries({ queryKey: ['orgs'] });
      onClose();
    },
    onError: (err) => applyFieldErrors(form, err, lang, ['name', 'hotline', 'mailbox', 'status']),
  });

  return (
    <Modal
      open
      title={t('org.editTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={buttonTestId('org-save')}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {save.error && <Alert type="error" showIcon title={errorText(save.error, lang)} style={{ marginBottom: 16 }} />}
      <Form<TForm>
        form={form}
        layout="vertical"
        initialValues={{ name: org.name, hotline: org.hotline ?? '', mailbox: org.mailbox ?? '', status: org.status }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="name" label={t('org.name')} rules={[{ required: true, whitespace: true, min: 2, max: 100, message: t('common.required') }]}>
          <Input maxLength={100} data-testid="org-name" />
        </Form.Item>
        <ContactFields t={t} />
        <Form.Item name="status" label={t('org.status')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'active', label: t('status.active') },
              { value: 'disabled', label: t('status.disabled') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
