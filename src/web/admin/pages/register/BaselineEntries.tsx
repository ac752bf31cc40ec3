import { App, Button, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type HTMLAttributes } from 'react';
import { useShowError } from '../../errors';
import { useI18n, type TI18n } from '../../i18n';
import { buttonTestId } from '../../testId';
import { useDecideBaseline } from './baselineQueries';
import { BASELINE_DECISIONS, DECISION_COLOR, type TBaselineDecision, type TBaselineEntry } from './baselineTypes';
import { KindTag } from './parts';

/** Keep / merge / cancel one entry: a reason is required for merge and cancel (the server insists too). */
function DecisionModal({ entry, decision, onClose }: { entry: TBaselineEntry; decision: TBaselineDecision; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const decide = useDecideBaseline();
  const [form] = Form.useForm<{ reason?: string }>();
  const required = decision !== 'keep';
  const decisionText = t(`baseline.decision.${decision}`);
  return (
    <Modal
      open
      title={t('baseline.decideTitle', { decision: decisionText, title: entry.title })}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={decide.isPending}
      okButtonProps={{ ...buttonTestId('baseline-decide-ok'), danger: decision === 'cancel' }}
      cancelButtonProps={buttonTestId('baseline-decide-cancel')}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ reason: entry.decision === decision ? (entry.reason ?? '') : '' }}
        onFinish={(v) =>
          decide.mutate(
            { id: entry.id, decision, ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}) },
            {
              onSuccess: () => {
                void message.success(t('baseline.decided', { decision: decisionText }));
                onClose();
              },
              onError: showError,
            },
          )
        }
      >
        <Form.Item
          name="reason"
          label={required ? t('action.reason') : t('baseline.reasonOptional')}
          extra={required ? t('baseline.reasonHint') : undefined}
          rules={required ? [{ required: true, whitespace: true, message: t('action.reasonRequired') }] : []}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={500} showCount data-testid="baseline-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function columns(t: TI18n['t'], narrow: boolean, canManage: boolean, onDecide: (e: TBaselineEntry, d: TBaselineDecision) => void): ColumnsType<TBaselineEntry> {
  const cols: ColumnsType<TBaselineEntry> = [
    { title: t('baseline.field.kind'), dataIndex: 'kind', width: 120, render: (_v, r) => <KindTag kind={r.kind} /> },
    { title: t('baseline.field.title'), dataIndex: 'title', width: narrow ? 160 : 240, render: (v: string) => <span data-testid="baseline-entry-title">{v}</span> },
    { title: t('baseline.field.issuerName'), dataIndex: 'issuerName', width: 120 },
    {
      title: t('baseline.col.burden'),
      width: 170,
      render: (_v, r) => (
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
          {t('baseline.burdenFormula', { m: r.minutesPerRespondent, r: r.respondents, t: r.timesPerYear })}
        </Typography.Text>
      ),
    },
    { title: t('item.teacherHours'), dataIndex: 'teacherHours', width: 110, align: 'right', render: (v: number) => v.toLocaleString('zh-CN', { maximumFractionDigits: 1 }) },
    {
      title: t('baseline.col.decision'),
      dataIndex: 'decision',
      width: 104,
      render: (_v, r) => {
        const d = r.decision ?? 'undecided';
        return (
          <Tag color={DECISION_COLOR[d]} data-testid={`baseline-decision-${r.id}`} data-decision={d}>
            {t(`baseline.decision.${d}`)}
          </Tag>
        );
      },
    },
    { title: t('baseline.field.reason'), dataIndex: 'reason', width: 180, render: (v: string | null) => v ?? '' },
  ];
  if (canManage) {
    cols.push({
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      fixed: narrow ? undefined : 'right',
      render: (_v, r) => (
        <Space size={4} wrap={false}>
          {BASELINE_DECISIONS.map((d) => (
            <Button key={d} size="small" type={r.decision === d ? 'primary' : 'default'} danger={d === 'cancel'} onClick={() => onDecide(r, d)} data-testid={`baseline-${d}-${r.id}`}>
              {t(`baseline.decision.${d}`)}
            </Button>
          ))}
        </Space>
      ),
    });
  }
  return cols;
}

/** The baseline entries (already filtered) with keep / merge / cancel per row. */
export function BaselineEntries({ entries, loading, narrow, canManage }: { entries: TBaselineEntry[]; loading: boolean; narrow: boolean; canManage: boolean }) {
  const { t } = useI18n();
  const [dialog, setDialog] = useState<{ entry: TBaselineEntry; decision: TBaselineDecision } | null>(null);
  return (
    <>
      <Table<TBaselineEntry>
        rowKey="id"
        size="middle"
        data-testid="baseline-table"
        columns={columns(t, narrow, canManage, (entry, decision) => setDialog({ entry, decision }))}
        dataSource={entries}
        loading={loading}
        scroll={{ x: 'max-content' }}
        onRow={(r) => ({ 'data-testid': `baseline-row-${r.id}` }) as HTMLAttributes<HTMLElement>}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false, showTotal: (n) => t('common.total', { n }) }}
      />
      {dialog && <DecisionModal entry={dialog.entry} decision={dialog.decision} onClose={() => setDialog(null)} />}
    </>
  );
}
