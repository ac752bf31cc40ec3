/** The dialogs of the case workflow: each collects its fields and makes one POST /cases/:id/<path>. */
import { DatePicker, Form, Input, InputNumber, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { CASE_LIMITS as L } from '../../../../domain/cases/limits';
import { useI18n, useLabelOr } from '../../i18n';
import { buttonTestId } from '../../testId';
import { OrgPicker } from './parts';
import type { TCaseCall } from './queries';
import { VERDICTS, type TCase, type TVerdict } from './types';

export type TCaseDialog = 'assign' | 'verify' | 'rectify' | 'close' | 'reply' | 'reassign' | 'merge' | 'reopen';

interface TProps {
  kind: TCaseDialog;
  item: TCase;
  loading: boolean;
  onSubmit: (call: TCaseCall) => void;
  onClose: () => void;
}

interface TForm {
  orgId?: number;
  note?: string;
  measures?: string;
  deadline?: Dayjs;
  verdict?: TVerdict;
  outcome?: string;
  reply?: string;
  intoId?: number;
  reason?: string;
}

const trim = (v?: string) => (v ?? '').trim();
const optional = (key: string, v?: string) => (trim(v) ? { [key]: trim(v) } : {});

/** The request body of each dialog, from its form values. */
function toCall(kind: TCaseDialog, v: TForm): TCaseCall {
  switch (kind) {
    case 'assign':
      return { path: 'assign', body: { orgId: v.orgId, ...optional('note', v.note) } };
    case 'reassign':
      return { path: 'reassign', body: { orgId: v.orgId, reason: trim(v.reason) } };
    case 'verify':
      return { path: 'verify', body: optional('note', v.note) };
    case 'rectify':
      return { path: 'rectify', body: { measures: trim(v.measures), deadline: (v.deadline ?? dayjs()).format('YYYY-MM-DD') } };
    case 'close':
      return { path: 'close', body: { verdict: v.verdict, outcome: trim(v.outcome) } };
    case 'reply':
      return { path: 'reply', body: { reply: trim(v.reply) } };
    case 'merge':
      return { path: 'merge', body: { intoId: v.intoId, reason: trim(v.reason) } };
    case 'reopen':
      return { path: 'reopen', body: { reason: trim(v.reason) } };
  }
}

export function CaseActionModal({ kind, item, loading, onSubmit, onClose }: TProps) {
  const { t } = useI18n();
  const labelOr = useLabelOr();
  const [form] = Form.useForm<TForm>();
  const required = { required: true, message: t('common.required') };
  const text = { required: true, whitespace: true, message: t('common.required') };
  // every text's limit is the server's (src/domain/cases/limits.ts), with a counter
  const area = (name: keyof TForm, label: string, testId: string, max: number, rules = [text]): ReactNode => (
    <Form.Item name={name} label={label} rules={rules}>
      <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={max} showCount data-testid={testId} />
    </Form.Item>
  );
  const fields: Record<TCaseDialog, ReactNode> = {
    assign: (
      <>
        <Form.Item name="orgId" label={t('caseUi.assignTo')} rules={[required]}>
          <OrgPicker testId="case-assign-org" />
        </Form.Item>
        {area('note', t('caseUi.note'), 'case-note', L.note, [])}
      </>
    ),
    reassign: (
      <>
        <Form.Item name="orgId" label={t('caseUi.assignTo')} rules={[required]}>
          <OrgPicker testId="case-assign-org" />
        </Form.Item>
        {area('reason', t('action.reason'), 'case-reason', L.reason)}
      </>
    ),
    verify: area('note', t('caseUi.note'), 'case-note', L.note, []),
    rectify: (
      <>
        {area('measures', t('caseUi.measures'), 'case-measures', L.measures)}
        <Form.Item name="deadline" label={t('caseUi.rectifyDeadline')} rules={[required]}>
          <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={(d) => d.isBefore(dayjs(), 'day')} data-testid="case-deadline" />
        </Form.Item>
      </>
    ),
    close: (
      <>
        <Form.Item name="verdict" label={t('caseUi.verdict')} rules={[required]}>
          <Radio.Group data-testid="case-verdict" options={VERDICTS.map((v) => ({ value: v, label: labelOr(`caseVerdict.${v}`, v), 'data-testid': `case-verdict-${v}` }))} />
        </Form.Item>
        {area('outcome', t('caseUi.outcome'), 'case-outcome', L.outcome)}
      </>
    ),
    reply: area('reply', t('caseUi.replyText'), 'case-reply-text', L.reply),
    merge: (
      <>
        <Form.Item name="intoId" label={t('caseUi.mergeInto')} rules={[required]} extra={t('caseUi.mergeHint')}>
          <InputNumber min={1} precision={0} prefix="#" style={{ width: 200 }} data-testid="case-merge-id" />
        </Form.Item>
        {area('reason', t('action.reason'), 'case-reason', L.reason)}
      </>
    ),
    reopen: area('reason', t('action.reason'), 'case-reason', L.reason),
  };
  return (
    <Modal
      open
      title={t(`caseUi.action.${kind}`)}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={loading}
      okButtonProps={{ ...buttonTestId('case-action-ok'), danger: kind === 'merge' || kind === 'reopen' }}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form<TForm>
        form={form}
        layout="vertical"
        initialValues={{ orgId: kind === 'assign' ? (item.targetOrg?.id ?? undefined) : undefined, deadline: dayjs().add(30, 'day'), reply: kind === 'reply' ? (item.outcome ?? '') : undefined }}
        onFinish={(v) => onSubmit(toCall(kind, v))}
      >
        {fields[kind]}
      </Form>
    </Modal>
  );
}
