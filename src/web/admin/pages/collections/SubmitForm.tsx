import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, ApiError } from '../../api';
import { useShowError } from '../../errors';
import { useI18n } from '../../i18n';
import type { TCollection } from './types';

interface TValues {
  legalBasis: string;
  window: [Dayjs, Dayjs];
  announcedAt: Dayjs;
  planned: boolean;
  adhocReason?: string;
  urgency?: 'normal' | 'urgent' | 'emergency';
  approvalNo?: string;
  validUntil?: Dayjs;
  statsOfficeFiled: boolean;
  justification?: string;
}

const ISO = 'YYYY-MM-DD';

/** Step 4: the register item's own fields, and the justification when the overlap is above the threshold. */
export function SubmitForm({ collection }: { collection: TCollection }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const client = useQueryClient();
  const [form] = Form.useForm<TValues>();
  const [needJustification, setNeedJustification] = useState(collection.overlap.requiresJustification);
  const planned = Form.useWatch('planned', form);
  const submit = useMutation({
    mutationFn: (v: TValues) =>
      api<TCollection>(`/collections/${collection.id}/submit`, {
        method: 'POST',
        body: {
          legalBasis: v.legalBasis ?? '',
          windowStart: v.window[0].format(ISO),
          windowEnd: v.window[1].format(ISO),
          announcedAt: v.announcedAt.format(ISO),
          planned: v.planned,
          ...(v.planned ? {} : { adhoc: { reason: v.adhocReason ?? '', urgency: v.urgency ?? 'normal' } }),
          ...(v.approvalNo?.trim() ? { approvalNo: v.approvalNo.trim() } : {}),
          ...(v.validUntil ? { validUntil: v.validUntil.format(ISO) } : {}),
          statsOfficeFiled: !!v.statsOfficeFiled,
          ...(v.justification?.trim() ? { justification: v.justification.trim() } : {}),
        },
      }),
    onSuccess: async (c) => {
      client.setQueryData(['collections', 'one', collection.id], c);
      void message.success(t('collections.submit.done'));
      await client.invalidateQueries({ queryKey: ['collections'] });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.code === 'JUSTIFICATION_REQUIRED') {
        setNeedJustification(true);
        form.setFields([{ name: 'justification', errors: [err.text(lang)] }]);
      }
      showError(err);
    },
  });
  return (
    <Form<TValues>
      form={form}
      layout="vertical"
      data-testid="collection-submit-form"
      initialValues={{ planned: false, urgency: 'normal', statsOfficeFiled: false, announcedAt: dayjs(), window: [dayjs().add(1, 'day'), dayjs().add(15, 'day')] }}
      onFinish={(v) => submit.mutate(v)}
    >
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="legalBasis" label={t('item.legalBasis')} extra={t('item.legalBasisHint')}>
            <Input.TextArea rows={2} maxLength={1000} data-testid="collection-legal-basis" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="window" label={t('item.window')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="announcedAt" label={t('item.announcedAt')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="planned" label={t('item.planned')}>
            <Radio.Group options={[{ value: true, label: t('item.plannedYes') }, { value: false, label: t('item.adhoc') }]} />
          </Form.Item>
          {!planned && (
            <>
              <Form.Item name="adhocReason" label={t('item.adhocReason')} rules={[{ required: true, message: t('common.required') }]}>
                <Input.TextArea rows={2} maxLength={2000} data-testid="collection-adhoc-reason" />
              </Form.Item>
              <Form.Item name="urgency" label={t('item.urgency')}>
                <Select options={(['normal', 'urgent', 'emergency'] as const).map((u) => ({ value: u, label: t(`urgency.${u}`) }))} />
              </Form.Item>
            </>
          )}
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="approvalNo" label={t('collections.submit.approvalNo')}>
            <Input maxLength={100} data-testid="collection-approval-no" />
          </Form.Item>
          <Form.Item name="validUntil" label={t('collections.submit.validUntil')}>
            <DatePicker style={{ width: '100%' }} data-testid="collection-valid-until" />
          </Form.Item>
          <Form.Item name="statsOfficeFiled" valuePropName="checked">
            <Checkbox data-testid="collection-stats-filed">{t('collections.submit.statsOfficeFiled')}</Checkbox>
          </Form.Item>
        </Col>
        {needJustification && (
          <Col span={24}>
            <Alert type="warning" showIcon title={t('collections.overlap.justify')} style={{ marginBottom: 8 }} />
            <Form.Item name="justification" label={t('collections.justification')} rules={[{ required: true, message: t('common.required') }]}>
              <Input.TextArea rows={3} maxLength={2000} data-testid="collection-justification" />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="collection-submit">
        {t('collections.wizard.submit')}
      </Button>
    </Form>
  );
}
