import { Alert, Badge, Space, Tag, Typography } from 'antd';
import type { TItemKind } from '../../../../domain/register/kinds';
import { useI18n } from '../../i18n';
import { STATUS_COLOR, type TFinding, type TItemStatus } from './types';

export function StatusTag({ status }: { status: TItemStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="item-status" data-status={status}>
      {t(`itemStatus.${status}`)}
    </Tag>
  );
}

export function KindTag({ kind }: { kind: TItemKind }) {
  const { t } = useI18n();
  return <Tag variant="filled">{t(`itemKind.${kind}`)}</Tag>;
}

/** Admission numbers are official text: never wrapped mid-number. */
export function AdmissionNo({ value, testId }: { value: string | null; testId?: string }) {
  const { t } = useI18n();
  if (!value) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <span style={{ whiteSpace: 'nowrap', fontWeight: 500 }} data-testid={testId}>
      {value}
    </span>
  );
}

/** Count of findings, with a red dot when one of them blocks submission. */
export function FindingCount({ count, blocking }: { count: number; blocking: boolean }) {
  const { t } = useI18n();
  if (count === 0) return <Typography.Text type="secondary">0</Typography.Text>;
  return (
    <Badge dot={blocking} color="red" title={blocking ? t('item.blockingDot') : undefined} data-testid={blocking ? 'finding-blocking' : undefined}>
      <span style={{ paddingInlineEnd: 4 }}>{count}</span>
    </Badge>
  );
}

/** The rule check: blocking findings first (red), then warnings (orange), each in the current language. */
export function FindingsList({ findings, emptyText = true }: { findings: readonly TFinding[]; emptyText?: boolean }) {
  const { t, lang } = useI18n();
  if (findings.length === 0) {
    return emptyText ? <Alert type="success" showIcon title={t('item.noFindings')} data-testid="item-findings" data-count={0} /> : null;
  }
  const sorted = [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'blocking' ? -1 : 1));
  const blocking = findings.filter((f) => f.severity === 'blocking').length;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="item-findings" data-count={findings.length}>
      <Typography.Text strong>{t('item.findingsSummary', { blocking, warning: findings.length - blocking })}</Typography.Text>
      {sorted.map((f, i) => (
        <Alert
          key={`${f.ruleId}-${i}`}
          type={f.severity === 'blocking' ? 'error' : 'warning'}
          showIcon
          data-testid={`finding-${f.ruleId}`}
          data-severity={f.severity}
          title={
            <span>
              <Tag color={f.severity === 'blocking' ? 'red' : 'orange'}>{t(`severity.${f.severity}`)}</Tag>
              {lang === 'zh' ? f.zh : f.en}
            </span>
          }
        />
      ))}
    </Space>
  );
}
