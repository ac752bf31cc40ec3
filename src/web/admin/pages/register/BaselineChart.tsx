/**
 * Items by kind: baseline, after the clean-up and this year, as bars. Loaded lazily by the
 * baseline page, so ECharts stays out of the list bundles.
 */
import { useMemo } from 'react';
import type { TItemKind } from '../../../../domain/register/kinds';
import { EChart, type TChartOption } from '../../charts/EChart';
import { useI18n } from '../../i18n';

export interface TKindBars {
  kind: TItemKind;
  baseline: number;
  planned: number;
  current: number;
}

export default function BaselineChart({ rows, year }: { rows: TKindBars[]; year: number }) {
  const { t } = useI18n();
  const option = useMemo<TChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 40, bottom: 56, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => t(`itemKind.${r.kind}`)), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: t('baseline.col.baselineCount'), data: rows.map((r) => r.baseline) },
        { type: 'bar', name: t('baseline.col.plannedCount'), data: rows.map((r) => r.planned) },
        { type: 'bar', name: t('baseline.col.currentCount', { year }), data: rows.map((r) => r.current) },
      ],
    }),
    [rows, year, t],
  );
  return <EChart option={option} height={280} ariaLabel={t('baseline.chartAria')} testId="baseline-chart" />;
}
