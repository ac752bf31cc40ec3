import { Alert, Card, Col, Progress, Row, Space, Table, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import type { TKindReduction, TReductionReport } from '../../../../domain/register/burden';
import { ITEM_KINDS, type TItemKind } from '../../../../domain/register/kinds';
import { useI18n } from '../../i18n';
import type { TBaselineResponse } from './baselineTypes';
import type { TKindBars } from './BaselineChart';
import { KindTag } from './parts';

const BaselineChart = lazy(() => import('./BaselineChart'));

/** `0.5` → `50%`, one decimal when needed; a growth shows as a negative cut. */
export function pct(x: number | null): string {
  return x === null ? '—' : `${Math.round(x * 1000) / 10}%`;
}

const hours = (h: number) => h.toLocaleString('zh-CN', { maximumFractionDigits: 1 });

/** The combined cut of the target kinds against the target, as a gauge with pass / fail. */
function TargetGauge({ which, title, report }: { which: 'planned' | 'current'; title: string; report: TReductionReport }) {
  const { t } = useI18n();
  const c = report.combined;
  const value = c.countReduction;
  const shown = value === null ? 0 : Math.max(0, Math.min(100, Math.round(value * 1000) / 10));
  return (
    <Card size="small" title={title} data-testid={`baseline-${which}`}>
      {c.baselineCount === 0 ? (
        <Alert type="info" showIcon title={t('baseline.report.noBaseline')} />
      ) : (
        <Space align="center" size={16} wrap>
          <Progress
            type="dashboard"
            size={120}
            percent={shown}
            status={c.meetsTarget ? 'success' : 'exception'}
            format={() => pct(value)}
            aria-label={`${title} ${pct(value)}`}
          />
          <Space orientation="vertical" size={4}>
            <span data-testid={`baseline-${which}-reduction`} data-value={value ?? ''} data-met={c.meetsTarget ? '1' : '0'}>
              <Tag color={c.meetsTarget ? 'success' : 'error'}>{c.meetsTarget ? t('baseline.report.met') : t('baseline.report.notMet')}</Tag>
              <Typography.Text strong>{pct(value)}</Typography.Text>
            </span>
            <Typography.Text type="secondary">{t('baseline.report.target', { pct: pct(report.target) })}</Typography.Text>
            <Typography.Text>{t('baseline.report.counts', { b: c.baselineCount, c: c.currentCount })}</Typography.Text>
            <Typography.Text>{t('baseline.report.hours', { b: hours(c.baselineHours), c: hours(c.currentHours) })}</Typography.Text>
          </Space>
        </Space>
      )}
    </Card>
  );
}

interface TKindRow {
  kind: TItemKind;
  planned: TKindReduction | undefined;
  current: TKindReduction | undefined;
}

function kindRows(data: TBaselineResponse): TKindRow[] {
  const planned = new Map(data.planned.perKind.map((k) => [k.kind, k]));
  const current = new Map(data.report.perKind.map((k) => [k.kind, k]));
  return ITEM_KINDS.filter((k) => planned.has(k) || current.has(k)).map((kind) => ({ kind, planned: planned.get(kind), current: current.get(kind) }));
}

/** 压减情况: the clean-up as decided and this year's approved items, each against the baseline and the target. */
export function BaselineReport({ data }: { data: TBaselineResponse }) {
  const { t } = useI18n();
  const rows = kindRows(data);
  const bars: TKindBars[] = rows.map((r) => ({
    kind: r.kind,
    baseline: r.planned?.baselineCount ?? r.current?.baselineCount ?? 0,
    planned: r.planned?.currentCount ?? 0,
    current: r.current?.currentCount ?? 0,
  }));
  const cut = (x: number | null | undefined) => <span style={{ color: x !== null && x !== undefined && x < 0 ? '#c92a2a' : undefined }}>{pct(x ?? null)}</span>;
  return (
    <Card title={t('baseline.report.title')} data-testid="baseline-report" extra={<Typography.Text type="secondary">{t('baseline.report.targetKinds')}</Typography.Text>}>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <TargetGauge which="planned" title={t('baseline.report.planned')} report={data.planned} />
        </Col>
        <Col xs={24} lg={12}>
          <TargetGauge which="current" title={t('baseline.report.current', { year: data.year })} report={data.report} />
        </Col>
      </Row>
      {rows.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('baseline.report.perKind')}
          </Typography.Title>
          <Table<TKindRow>
            size="small"
            rowKey="kind"
            data-testid="baseline-per-kind"
            dataSource={rows}
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('baseline.field.kind'), dataIndex: 'kind', render: (_v, r) => <KindTag kind={r.kind} /> },
              { title: t('baseline.col.baselineCount'), align: 'right', render: (_v, r) => r.planned?.baselineCount ?? 0 },
              { title: t('baseline.col.baselineHours'), align: 'right', render: (_v, r) => hours(r.planned?.baselineHours ?? 0) },
              { title: t('baseline.col.plannedCount'), align: 'right', render: (_v, r) => r.planned?.currentCount ?? 0 },
              { title: t('baseline.col.plannedCut'), align: 'right', render: (_v, r) => cut(r.planned?.countReduction) },
              { title: t('baseline.col.currentCount', { year: data.year }), align: 'right', render: (_v, r) => r.current?.currentCount ?? 0 },
              { title: t('baseline.col.currentHours', { year: data.year }), align: 'right', render: (_v, r) => hours(r.current?.currentHours ?? 0) },
              { title: t('baseline.col.currentCut'), align: 'right', render: (_v, r) => cut(r.current?.countReduction) },
            ]}
          />
          <Suspense fallback={null}>
            <BaselineChart rows={bars} year={data.year} />
          </Suspense>
        </>
      )}
    </Card>
  );
}
