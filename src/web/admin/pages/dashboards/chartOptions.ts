/**
 * ECharts options of each panel, built from the dashboard data and the label table. A panel
 * without a chart (only figures) has no option here; its table view and export still work.
 */
import type { TDashboardPanels, TPanelKey } from '../../../../domain/dashboards/types';
import type { TLabelKey } from '../../../../domain/i18n';
import type { TChartOption } from '../../charts/EChart';

type T = (key: TLabelKey, vars?: Record<string, string | number>) => string;

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const grid = { left: 48, right: 24, top: 40, bottom: 56, containLabel: true };

export function chartOption(key: TPanelKey, p: TDashboardPanels, t: T): TChartOption | null {
  switch (key) {
    case 'itemsByKind': {
      const d = p.itemsByKind;
      if (!d) return null;
      // no baseline entered (or none per school): no empty series
      const withBaseline = d.rows.some((r) => (r.baselineCount ?? 0) > 0);
      return {
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid,
        xAxis: { type: 'category', data: d.rows.map((r) => t(`itemKind.${r.kind}` as TLabelKey)), axisLabel: { interval: 0, rotate: 30 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          ...(withBaseline ? [{ type: 'bar' as const, name: t('dash.col.baselineCount'), data: d.rows.map((r) => r.baselineCount ?? 0) }] : []),
          { type: 'bar' as const, name: t('dash.col.currentCount'), data: d.rows.map((r) => r.currentCount) },
        ],
      };
    }
    case 'reduction': {
      const d = p.reduction;
      if (!d || d.countReduction === null) return null;
      const value = Math.max(0, Math.min(1, d.countReduction));
      return {
        series: [
          {
            type: 'gauge',
            min: 0,
            max: 100,
            radius: '90%',
            splitNumber: 4,
            axisLine: { lineStyle: { width: 14, color: [[d.target, '#c92a2a'], [1, '#2f9e44']] } },
            pointer: { width: 5 },
            axisTick: { show: false },
            splitLine: { length: 10, distance: -14 },
            axisLabel: { formatter: '{value}%', distance: 20, fontSize: 11 },
            detail: { formatter: () => pct(d.countReduction ?? 0), fontSize: 26, offsetCenter: [0, '65%'] },
            title: { offsetCenter: [0, '88%'] },
            data: [{ value: Math.round(value * 1000) / 10, name: t('dash.targetLine', { pct: pct(d.target) }) }],
          },
        ],
      };
    }
    case 'hoursTrend': {
      const d = p.hoursTrend;
      if (!d) return null;
      const per = d.unit === 'hoursPerTeacher';
      return {
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid,
        xAxis: { type: 'category', data: d.months.map((m) => m.month), boundaryGap: false },
        yAxis: { type: 'value' },
        series: [
          { type: 'line', name: t(per ? 'dash.col.imposedPerTeacher' : 'dash.col.imposed'), data: d.months.map((m) => m.imposed), smooth: true, areaStyle: { opacity: 0.08 } },
          { type: 'line', name: t(per ? 'dash.col.returnedPerTeacher' : 'dash.col.returned'), data: d.months.map((m) => m.returned), smooth: true, areaStyle: { opacity: 0.08 } },
        ],
      };
    }
    case 'whitelist': {
      const d = p.whitelist;
      if (!d) return null;
      return {
        tooltip: { trigger: 'axis' },
        grid,
        xAxis: { type: 'category', data: d.buckets.map((b) => (b.uses > d.cap ? t('dash.usesOver', { n: d.cap }) : t('dash.usesBucket', { n: b.uses }))) },
        yAxis: { type: 'value', minInterval: 1, name: t('dash.schoolsSeries') },
        series: [
          {
            type: 'bar',
            name: t('dash.schoolsSeries'),
            data: d.buckets.map((b) => ({ value: b.schools, itemStyle: { color: b.uses > d.cap ? '#c92a2a' : b.uses === d.cap ? '#f08a24' : '#1d4e89' } })),
          },
        ],
      };
    }
    case 'secondments': {
      const d = p.secondments;
      if (!d) return null;
      return {
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid,
        xAxis: { type: 'category', data: d.months.map((m) => m.month) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { type: 'bar', name: t('dash.col.out'), data: d.months.map((m) => m.out) },
          { type: 'bar', name: t('dash.col.back'), data: d.months.map((m) => m.returned) },
        ],
      };
    }
    case 'cases': {
      const d = p.cases;
      // a funnel of zeros would draw equal blocks: show the figures alone
      if (!d || d.funnel.every((f) => f.count === 0)) return null;
      return {
        tooltip: { trigger: 'item' },
        series: [{ type: 'funnel', sort: 'none', left: '10%', width: '80%', label: { position: 'inside' }, data: d.funnel.map((f) => ({ name: t(`dash.caseStage.${f.stage}`), value: f.count })) }],
      };
    }
    case 'collections':
      return null;
    case 'counties': {
      const d = p.counties;
      if (!d?.length) return null;
      const rows = [...d].sort((a, b) => (b.countReduction ?? -1) - (a.countReduction ?? -1));
      const target = p.reduction?.target ?? 0.5;
      return {
        tooltip: { trigger: 'axis' },
        grid: { ...grid, bottom: 80 },
        xAxis: { type: 'category', data: rows.map((c) => c.name), axisLabel: { interval: rows.length > 30 ? 'auto' : 0, rotate: 45 } },
        yAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${v}%` } },
        series: [
          {
            type: 'bar',
            name: t('dash.col.reduction'),
            data: rows.map((c) => ({ value: c.countReduction === null ? 0 : Math.round(c.countReduction * 1000) / 10, itemStyle: { color: c.meetsTarget ? '#2f9e44' : '#c92a2a' } })),
            markLine: { symbol: 'none', data: [{ yAxis: target * 100, name: t('dash.targetLine', { pct: pct(target) }) }], label: { formatter: t('dash.targetLine', { pct: pct(target) }), position: 'insideEndTop' } },
          },
        ],
      };
    }
  }
}
