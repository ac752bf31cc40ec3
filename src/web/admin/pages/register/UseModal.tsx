import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, errorText } from '../../api';
import { useI18n } from '../../i18n';
import { buttonTestId } from '../../testId';
import type { TSchoolItem } from './types';

interface TForm {
  usedOn?: Dayjs;
  note?: string;
}

/** The last day a use may be dated: today, the end of the window, or the day before a revocation takes effect. */
function lastDay(item: TSchoolItem): Dayjs {
  let last = dayjs().endOf('day');
  if (dayjs(item.windowEnd).isBefore(last, 'day')) last = dayjs(item.windowEnd);
  if (item.revokedAt && !dayjs(item.revokedAt).isAfter(last, 'day')) last = dayjs(item.revokedAt).subtract(1, 'day');
  return last;
}

/** 登记开展: the school records that an approved item was held on a day (the server refuses a use past the cap). */
export function UseModal({ item, onClose }: { item: TSchoolItem; onClose: (done: boolean) => void }) {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const [form] = Form.useForm<TForm>();
  const last = lastDay(item);
  const record = useMutation({
    mutationFn: (v: TForm) =>
      api(`/school/items/${item.id}/uses`, { method: 'POST', body: { usedOn: (v.usedOn ?? dayjs()).format('YYYY-MM-DD'), ...(v.note?.trim() ? { note: v.note.trim() } : {}) } }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['school', 'items'] });
      onClose(true);
    },
  });
  const initial = last.isBefore(dayjs(), 'day') ? last : dayjs();
  return (
    <Modal
      open
      title={t('school.recordUseTitle', { title: item.title })}
      okText={t('school.recordUse')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      confirmLoading={record.isPending}
      okButtonProps={buttonTestId('use-submit')}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">{t('school.useHint')}</Typography.Paragraph>
      {record.error && <Alert type="error" showIcon title={errorText(record.error, lang)} style={{ marginBottom: 12 }} data-testid="use-error" />}
      <Form<TForm> form={form} layout="vertical" initialValues={{ usedOn: initial }} onFinish={(v) => record.mutate(v)}>
        <Form.Item name="usedOn" label={t('school.usedOn')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={(d) => d.isBefore(dayjs(item.windowStart), 'day') || d.isAfter(last, 'day')} data-testid="use-date" />
        </Form.Item>
        <Form.Item name="note" label={t('school.useNote')} rules={[{ max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} data-testid="use-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
