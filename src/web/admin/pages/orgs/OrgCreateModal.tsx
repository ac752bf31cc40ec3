import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { ORG_KINDS, ORG_PARENT_KINDS, SCHOOL_TYPES, type TOrgKind, type TSchoolType } from '../../../../domain/roles';
import { api, errorText } from '../../api';
import { applyFieldErrors } from '../../errors';
import { useI18n } from '../../i18n';
import type { TOrgDetail } from '../../types';
import { ContactFields, blankToUndefined, codeLabel } from './orgFields';
import { buttonTestId } from '../../testId';

interface TForm {
  kind: TOrgKind;
  name: string;
  code?: string;
  schoolType?: TSchoolType;
  hotline?: string;
  mailbox?: string;
}

export function OrgCreateModal({ parent, onClose }: { parent: TOrgDetail; onClose: (createdId?: number) => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<TForm>();
  const kind = Form.useWatch('kind', form);
  const kinds = ORG_KINDS.filter((k) => ORG_PARENT_KINDS[k].includes(parent.kind));
  const create = useMutation({
    mutationFn: (v: TForm) =>
      api<{ id: number }>('/orgs', {
        method: 'POST',
        body: {
          parentId: parent.id,
          kind: v.kind,
          name: v.name.trim(),
          code: blankToUndefined(v.code),
          schoolType: v.kind === 'school' ? v.schoolType : undefined,
          hotline: blankToUndefined(v.hotline),
          mailbox: blankToUndefined(v.mailbox),
        },
      }),
    onSuccess: async (org) => {
      void message.success(t('org.created'));
      await client.invalidateQueries({ queryKey: ['orgs'] });
      onClose(org.id);
    },
    onError: (err) => applyFieldErrors(form, err, lang, ['kind', 'name', 'code', 'schoolType', 'hotline', 'mailbox']),
  });

  return (
    <Modal
      open
      title={t('org.createTitle', { parent: parent.name })}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      confirmLoading={create.isPending}
      okButtonProps={{ ...buttonTestId('org-submit'), disabled: kinds.length === 0 }}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {kinds.length === 0 && <Alert type="info" showIcon title={t('org.noChildKinds')} />}
      {create.error && <Alert type="error" showIcon title={errorText(create.error, lang)} style={{ marginBottom: 16 }} />}
      {kinds.length > 0 && (
        <Form<TForm> form={form} layout="vertical" initialValues={{ kind: kinds[0] }} onFinish={(v) => create.mutate(v)}>
          <Form.Item name="kind" label={t('org.kind')} rules={[{ required: true, message: t('common.required') }]}>
            <Select options={kinds.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))} data-testid="org-kind" />
          </Form.Item>
          <Form.Item name="name" label={t('org.name')} rules={[{ required: true, whitespace: true, min: 2, max: 100, message: t('common.required') }]}>
            <Input maxLength={100} data-testid="org-name" />
          </Form.Item>
          <Form.Item name="code" label={t(codeLabel(kind))}>
            <Input maxLength={32} style={{ fontFamily: 'monospace' }} data-testid="org-code" />
          </Form.Item>
          {kind === 'school' && (
            <Form.Item name="schoolType" label={t('org.schoolType')} rules={[{ required: true, message: t('common.required') }]}>
              <Select options={SCHOOL_TYPES.map((s) => ({ value: s, label: t(`schoolType.${s}`) }))} data-testid="org-schoolType" />
            </Form.Item>
          )}
          <ContactFields t={t} />
        </Form>
      )}
    </Modal>
  );
}
