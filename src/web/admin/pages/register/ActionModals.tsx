import { Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Statistic } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { teacherHoursPerYear } from '../../../../domain/register/burden';
import { useI18n } from '../../i18n';
import { buttonTestId } from '../../testId';
import type { TActionCall } from './queries';
import type { TItem, TSimilarItem } from './types';

interface TModalBase {
  title: string;
  loading: boolean;
  onSubmit: (call: TActionCall) => void;
  onClose: () => void;
}

function ActionModal(props: TModalBase & { form: { submit: () => void }; danger?: boolean; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={props.title}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      onOk={() => props.form.submit()}
      onCancel={props.onClose}
      confirmLoading={props.loading}
      okButtonProps={{ ...buttonTestId('action-ok'), danger: props.danger }}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {props.children}
    </Modal>
  );
}

/** A reason (required or an optional comment) and one POST: review, approve, file, reject, cancel. */
export function ReasonModal(props: TModalBase & { path: string; body?: Record<string, unknown>; required: boolean; danger?: boolean }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason?: string }>();
  return (
    <ActionModal {...props} form={form}>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => props.onSubmit({ path: props.path, body: { ...props.body, ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}) } })}
      >
        <Form.Item
          name="reason"
          label={props.required ? t('action.reason') : t('action.opinion')}
          rules={props.required ? [{ required: true, whitespace: true, message: t('action.reasonRequired') }] : []}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} showCount data-testid="action-reason" />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}

/** Merge into a suggested item or one typed by number, with a reason. */
export function MergeModal(props: TModalBase & { item: TItem; suggestions: readonly TSimilarItem[]; initialTarget?: number }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ intoId?: number; reason?: string }>();
  const intoId = Form.useWatch('intoId', form) as number | undefined;
  const options = props.suggestions.filter((s) => s.id !== props.item.id);
  return (
    <ActionModal {...props} form={form} danger>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ intoId: props.initialTarget }}
        onFinish={(v) => props.onSubmit({ path: 'merge', body: { intoId: v.intoId, reason: (v.reason ?? '').trim() } })}
      >
        {options.length > 0 && (
          <Radio.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 6, marginBottom: 12 }}
            value={intoId}
            onChange={(e) => form.setFieldValue('intoId', e.target.value as number)}
            options={options.map((s) => ({ value: s.id, label: `#${s.id} ${s.title}` }))}
            data-testid="merge-suggestions"
          />
        )}
        <Form.Item name="intoId" label={t('action.mergeTarget')} rules={[{ required: true, message: t('action.mergeTargetRequired') }]} extra={options.length ? t('action.mergeById') : undefined}>
          <InputNumber min={1} precision={0} prefix="#" style={{ width: 200 }} data-testid="merge-id" />
        </Form.Item>
        <Form.Item name="reason" label={t('action.reason')} rules={[{ required: true, whitespace: true, message: t('action.reasonRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} data-testid="action-reason" />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}

/** Revoke an approved item from a date (not before its approval, at most a year ahead: the server checks too), with a reason. */
export function RevokeModal(props: TModalBase & { item: TItem }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason?: string; effectiveDate?: Dayjs }>();
  const earliest = props.item.approvedAt ? dayjs(props.item.approvedAt) : null;
  const latest = dayjs().add(365, 'day');
  return (
    <ActionModal {...props} form={form} danger>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ effectiveDate: dayjs() }}
        onFinish={(v) => props.onSubmit({ path: 'revoke', body: { reason: (v.reason ?? '').trim(), effectiveDate: (v.effectiveDate ?? dayjs()).format('YYYY-MM-DD') } })}
      >
        <Form.Item name="effectiveDate" label={t('action.effectiveDate')} extra={t('action.effectiveDateHint')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => (earliest !== null && d.isBefore(earliest, 'day')) || d.isAfter(latest, 'day')} data-testid="revoke-date" />
        </Form.Item>
        <Form.Item name="reason" label={t('action.reason')} rules={[{ required: true, whitespace: true, message: t('action.reasonRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} data-testid="action-reason" />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}

interface TEstimateForm {
  minutesPerRespondent: number;
  respondents: number;
  timesPerYear: number;
  reason: 'program_change' | 're_estimate';
  note?: string;
}

/** A new burden estimate: a programme change (counts as a reduction) or a re-estimate (does not). */
export function EstimateModal(props: TModalBase & { item: TItem }) {
  const { t } = useI18n();
  const [form] = Form.useForm<TEstimateForm>();
  const watched = Form.useWatch([], form) as Partial<TEstimateForm> | undefined;
  const hours = teacherHoursPerYear({
    minutesPerRespondent: watched?.minutesPerRespondent ?? 0,
    respondents: watched?.respondents ?? 0,
    timesPerYear: watched?.timesPerYear ?? 0,
  });
  const required = [{ required: true, message: t('common.required') }];
  return (
    <ActionModal {...props} form={form}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ ...props.item.burden, reason: 'program_change' }}
        onFinish={(v) =>
          props.onSubmit({
            path: 'estimate',
            body: { burden: { minutesPerRespondent: v.minutesPerRespondent, respondents: v.respondents, timesPerYear: v.timesPerYear }, reason: v.reason, note: (v.note ?? '').trim() },
          })
        }
      >
        <Row gutter={8}>
          <Col xs={24} sm={8}>
            <Form.Item name="minutesPerRespondent" label={t('item.minutesPerRespondent')} rules={required}>
              <InputNumber style={{ width: '100%' }} min={0} max={6000} suffix={t('unit.minutes')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="respondents" label={t('item.respondents')} rules={required}>
              {/* derived by the server from the target scope and the teachers on file */}
              <InputNumber style={{ width: '100%' }} min={0} precision={0} suffix={t('unit.people')} disabled />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="timesPerYear" label={t('item.timesPerYear')} rules={required}>
              <InputNumber style={{ width: '100%' }} min={0} max={365} suffix={t('unit.timesPerYear')} />
            </Form.Item>
          </Col>
        </Row>
        <Statistic title={t('item.teacherHours')} value={hours} precision={1} style={{ marginBottom: 16 }} />
        <Form.Item name="reason" label={t('action.estimateReason')} rules={required}>
          <Radio.Group options={(['program_change', 're_estimate'] as const).map((r) => ({ value: r, label: t(`estimateChangeReason.${r}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('action.estimateNote')} rules={[{ required: true, whitespace: true, message: t('action.reasonRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} data-testid="action-reason" />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}

/** A seconded teacher is back at school. */
export function ReturnTeacherModal(props: TModalBase & { item: TItem }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ returnedAt?: Dayjs }>();
  const from = props.item.details.kind === 'secondment' ? dayjs(props.item.details.from) : dayjs(props.item.windowStart);
  return (
    <ActionModal {...props} form={form}>
      <Form form={form} layout="vertical" initialValues={{ returnedAt: dayjs() }} onFinish={(v) => props.onSubmit({ path: 'return-teacher', body: { returnedAt: (v.returnedAt ?? dayjs()).format('YYYY-MM-DD') } })}>
        <Form.Item name="returnedAt" label={t('action.returnedAt')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(from, 'day')} />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}
