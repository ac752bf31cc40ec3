import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { STAFF_CHANNELS } from '../../../../domain/cases/enums';
import { CASE_LIMITS as L } from '../../../../domain/cases/limits';
import { api, errorText } from '../../api';
import { applyFieldErrors } from '../../errors';
import { useI18n, useLabelOr } from '../../i18n';
import { CaseKeyModal } from './CaseKeyModal';
import { CodeCheck } from './CodeCheck';
import { OrgPicker } from './parts';
import { CASE_CATEGORIES, type TCase } from './types';

interface TForm {
  channel: (typeof STAFF_CHANNELS)[number];
  receivedAt: Dayjs;
  category?: string;
  targetOrgId?: number;
  targetText?: string;
  text?: string;
  occurredOn?: Dayjs;
  code?: string;
  anonymous: boolean;
  reporterName?: string;
  reporterPhone?: string;
}

const FIELDS = ['channel', 'receivedAt', 'category', 'targetOrgId', 'targetText', 'text', 'occurredOn', 'code', 'reporterName', 'reporterPhone'];

/**
 * `/cases/new`: a hotline call or a mailbox letter typed in by the office, with its channel. Once
 * entered, the tracking number and key are shown in a dialog to tell the caller (the key is stored
 * only as a digest: this is the one time anyone can read it), then the case opens.
 */
export function CaseEntryPage() {
  const { t, lang } = useI18n();
  const labelOr = useLabelOr();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<TForm>();
  const [entered, setEntered] = useState<(TCase & { key: string }) | null>(null);
  const anonymous = Form.useWatch('anonymous', form) as boolean | undefined;
  const code = Form.useWatch('code', form) as string | undefined;
  const create = useMutation({
    mutationFn: (v: TForm) =>
      api<TCase & { key: string }>('/cases', {
        method: 'POST',
        body: {
          channel: v.channel,
          receivedOn: v.receivedAt.format('YYYY-MM-DD'),
          category: v.category,
          ...(v.targetOrgId ? { targetOrgId: v.targetOrgId } : {}),
          ...(v.targetText?.trim() ? { targetText: v.targetText.trim() } : {}),
          text: (v.text ?? '').trim(),
          ...(v.occurredOn ? { occurredOn: v.occurredOn.format('YYYY-MM-DD') } : {}),
          // as typed: the server verifies it in its canonical form and keeps an unknown one as written
          ...(v.code?.trim() ? { code: v.code.trim() } : {}),
          anonymous: v.anonymous,
          ...(v.anonymous ? {} : { reporterName: (v.reporterName ?? '').trim(), reporterPhone: (v.reporterPhone ?? '').trim() }),
        },
      }),
    onSuccess: async (c) => {
      setEntered(c);
      await client.invalidateQueries({ queryKey: ['cases'] });
    },
    onError: (err) => applyFieldErrors(form, err, lang, FIELDS),
  });
  const required = { required: true, message: t('common.required') };
  const text = { required: true, whitespace: true, message: t('common.required') };
  // the organisation concerned: one of the register's, or its name when it is not there (as the API takes it)
  const targetEither = ({ getFieldValue }: { getFieldValue: (name: keyof TForm) => unknown }) => ({
    validator: () => (getFieldValue('targetOrgId') || String(getFieldValue('targetText') ?? '').trim() ? Promise.resolve() : Promise.reject(new Error(t('caseUi.targetEither')))),
  });
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
            <Form.Item name="targetOrgId" label={t('caseUi.targetOrg')} rules={[targetEither]} dependencies={['targetText']}>
              <OrgPicker testId="case-entry-org" allowClear />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="targetText" label={t('caseUi.targetText')} rules={[targetEither]} dependencies={['targetOrgId']}>
          <Input maxLength={L.targetText} showCount data-testid="case-entry-target-text" />
        </Form.Item>
        <Form.Item name="text" label={t('caseUi.text')} rules={[text, { min: L.staffText.min, message: t('caseUi.textMin', { n: L.staffText.min }) }]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={L.staffText.max} showCount data-testid="case-entry-text" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="occurredOn" label={t('caseUi.occurredOn')}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="case-entry-occurred" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="code" label={t('caseUi.itemCode')} extra={<CodeCheck code={code} testId="case-entry-code-status" />}>
              <Input maxLength={L.code} autoCapitalize="characters" data-testid="case-entry-code" />
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
                <Input maxLength={L.reporterName} showCount data-testid="case-entry-name" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="reporterPhone" label={t('caseUi.reporterPhone')} rules={[text]}>
                <Input maxLength={L.reporterPhone} inputMode="tel" data-testid="case-entry-phone" />
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
      {entered && <CaseKeyModal trackingNo={entered.trackingNo} caseKey={entered.key} onDone={() => void navigate(`/cases/${entered.id}`)} />}
    </Card>
  );
}
