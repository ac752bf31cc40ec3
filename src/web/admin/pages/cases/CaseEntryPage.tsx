import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { api, errorText } from '../../api';
import { applyFieldErrors } from '../../errors';
import { useI18n, useLabelOr } from '../../i18n';
import { CodeCheck } from './CodeCheck';
import { OrgPicker } from './parts';
import { CASE_CATEGORIES, type TCase } from './types';

import { STAFF_CHANNELS } from '../../../../domain/cases/enums';

interface TForm {
  channel: (typeof STAFF_CHANNELS)[number];
  receivedAt: Dayjs;
  category?: string;
  targetOrgId?: number;
  text?: string;
  occurredOn?: Dayjs;
  code?: string;
  anonymous: boolean;
  reporterName?: string;
  reporterPhone?: string;
}

const FIELDS = ['channel', 'receivedAt', 'category', 'targetOrgId', 'text', 'occurredOn', 'code', 'reporterName', 'reporterPhone'];

/** `/cases/new`: a hotline call or a mailbox letter typed in by the office, with its channel. */
export function CaseEntryPage() {
  const { t, lang } = useI18n();
  const labelOr = useLabelOr();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<TForm>();
  const anonymous = Form.useWatch('anonymous', form) as boolean | undefined;
  const code = Form.useWatch('code', form) as string | undefined;
  const create = useMutation({
    mutationFn: (v: TForm) =>
      api<TCase>('/cases', {
        method: 'POST',
        body: {
          channel: v.channel,
          receivedOn: v.receivedAt.format('YYYY-MM-DD'),
          category: v.category,
          targetOrgId: v.targetOrgId,
          text: (v.text ?? '').trim(),
          ...(v.occurredOn ? { occurredOn: v.occurredOn.format('YYYY-MM-DD') } : {}),
          ...(v.code?.trim() ? { code: v.code.trim().toUpperCase() } : {}),
          anonymous: v.anonymous,
          ...(v.anonymous ? {} : { reporterName: (v.reporterName ?? '').trim(), reporterPhone: (v.reporterPhone ?? '').trim() }),
        },
      }),
    onSuccess: async (c) => {
      void message.success(t('caseUi.entered', { no: c.trackingNo }));
      await client.invalidateQueries({ queryKey: ['cases'] });
      void navigate(`/cases/${c.id}`);
    },
    onError: (err) => applyFieldErrors(form, err, lang, FIELDS),
  });
  const required = { required: true, message: t('common.required') };
  const text = { required: true, whitespace: true, message: t('common.required') };
  return (
    <Card title={t('caseUi.entryTitle')} data-testid="case-entry">
      {create.error && <Alert type="error" showIcon title={errorText(create.error, lang)} style={{ marginBottom: 12 }} data-testid="case-entry-error" />}
      <Form<TForm> form={form} layout="vertical" initialValues={{ channel: 'hotline', receivedAt: dayjs(), anonymous: true }} onFinish={(v) => create.mutate(v)} style={{ maxWidth: 820 }}>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="channel" label={t('caseUi.channel')} rules={[required]}>
              <Radio.Group optionType="button" options={STAFF_CHANNELS.map((c) => ({ value: c, label: labelOr(`caseChannel.${c}`, c) }))} data-testid="case-entry-channel" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="receivedAt" label={t('caseUi.receivedAt')} rules={[required]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="case-entry-received" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="category" label={t('caseUi.category')} rules={[required]}>
              <Select options={CASE_CATEGORIES.map((c) => ({ value: c, label: labelOr(`caseCategory.${c}`, c) }))} data-testid="case-entry-category" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="targetOrgId" label={t('caseUi.targetOrg')} rules={[required]}>
              <OrgPicker testId="case-entry-org" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="text" label={t('caseUi.text')} rules={[text, { min: 10, message: t('caseUi.textMin') }]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={5000} showCount data-testid="case-entry-text" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="occurredOn" label={t('caseUi.occurredOn')}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="case-entry-occurred" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="code" label={t('caseUi.itemCode')} extra={<CodeCheck code={code} testId="case-entry-code-status" />}>
              <Input maxLength={40} autoCapitalize="characters" data-testid="case-entry-code" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="anonymous" label={t('caseUi.reporter')}>
          <Radio.Group
            options={[
              { value: true, label: t('caseUi.anonymous') },
              { value: false, label: t('caseUi.named') },
            ]}
            data-testid="case-entry-anonymous"
          />
        </Form.Item>
        {anonymous === false && (
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item name="reporterName" label={t('caseUi.reporterName')} rules={[text]}>
                <Input maxLength={50} data-testid="case-entry-name" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="reporterPhone" label={t('caseUi.reporterPhone')} rules={[text]}>
                <Input maxLength={20} inputMode="tel" data-testid="case-entry-phone" />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="case-entry-submit">
            {t('caseUi.entrySubmit')}
          </Button>
          <Button onClick={() => void navigate('/cases')} data-testid="case-entry-cancel">
            {t('common.cancel')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
