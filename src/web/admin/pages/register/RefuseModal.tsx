import { useMutation } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, errorText } from '../../api';
import { applyFieldErrors } from '../../errors';
import { useI18n } from '../../i18n';
import { buttonTestId } from '../../testId';

interface TForm {
  what?: string;
  from?: string;
  date?: Dayjs;
  code?: string;
}

/** 拒绝未登记事项: what was asked, by whom, when, and the code if one was given → a lead for the office. */
export function RefuseModal({ onClose }: { onClose: (done: boolean) => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<TForm>();
  const refuse = useMutation({
    mutationFn: (v: TForm) =>
      api('/school/refuse', {
        method: 'POST',
        body: { what: (v.what ?? '').trim(), from: (v.from ?? '').trim(), date: (v.date ?? dayjs()).format('YYYY-MM-DD'), ...(v.code?.trim() ? { code: v.code.trim() } : {}) },
      }),
    onSuccess: () => onClose(true),
    onError: (err) => applyFieldErrors(form, err, lang, ['what', 'from', 'date', 'code']),
  });
  const required = { required: true, whitespace: true, message: t('common.required') };
  return (
    <Modal
      open
      title={t('school.refuse')}
      okText={t('school.refuse.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      confirmLoading={refuse.isPending}
      okButtonProps={{ ...buttonTestId('refuse-submit'), danger: true }}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Alert type="info" showIcon title={t('school.refuseHint')} style={{ marginBottom: 12 }} />
      {refuse.error && <Alert type="error" showIcon title={errorText(refuse.error, lang)} style={{ marginBottom: 12 }} />}
      <Form<TForm> form={form} layout="vertical" initialValues={{ date: dayjs() }} onFinish={(v) => refuse.mutate(v)}>
        <Form.Item name="what" label={t('school.refuse.what')} rules={[required, { min: 2, max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} data-testid="refuse-what" />
        </Form.Item>
        <Form.Item name="from" label={t('school.refuse.from')} rules={[required, { max: 200 }]}>
          <Input maxLength={200} data-testid="refuse-from" />
        </Form.Item>
        <Form.Item name="date" label={t('school.refuse.date')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker style={{ width: '100%' }} inputReadOnly data-testid="refuse-date" />
        </Form.Item>
        <Form.Item name="code" label={t('school.refuse.code')}>
          <Input maxLength={40} autoCapitalize="characters" data-testid="refuse-code" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
