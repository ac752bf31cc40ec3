/**
 * Each panel's data as a table: the web app's "table view" and the panel's Excel export are
 * built from the same definition, so what is exported is what is on screen.
 */
import { label, type TLabelKey, type TLang } from '../i18n';
import type { TDashboardPanels, TPanelKey } from './types';

export type TCellType = 'text' | 'int' | 'hours' | 'percent' | 'month';

export interface TTableColumn {
  key: string;
  label: TLabelKey;
  type: TCellType;
}

export type TCell = string | number | null;

export interface TPanelTable {
  columns: TTableColumn[];
  rows: Record<string, TCell>[];
}

const col = (key: string, lbl: TLabelKey, type: TCellType): TTableColumn => ({ key, label: lbl, type });
const yesNo = (b: boolean, lang: TLang) => label(b ? 'common.yes' : 'common.no', lang);

/** A measure/value table of one panel's single figures. */
function measures(list: [TLabelKey, TCell, TCellType?][], lang: TLang): TPanelTable {
  return {
    columns: [col('measure', 'dash.col.measure', 'text'), col('value', 'dash.col.value', 'text')],
    rows: list.map(([k, v, type]) => ({ measure: label(k, lang), value: type === 'percent' && typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : v })),
  };
}

/** The table of one panel, or null when the panel has no data. */
export function panelTable(key: TPanelKey, panels: TDashboardPanels, lang: TLang = 'zh'): TPanelTable | null {
  switch (key) {
    case 'itemsByKind': {
      const p = panels.itemsByKind;
      if (!p) return null;
      const withBaseline = p.rows.some((r) => r.baselineCount !== null);
      return {
        columns: [
          col('kind', 'dash.col.kind', 'text'),
          ...(withBaseline ? [col('baselineCount', 'dash.col.baselineCount', 'int')] : []),
          col('currentCount', 'dash.col.currentCount', 'int'),
          ...(withBaseline ? [col('baselineHours', 'dash.col.baselineHours', 'hours')] : []),
          col('currentHours', 'dash.col.currentHours', 'hours'),
        ],
        rows: p.rows.map((r) => ({ kind: label(`itemKind.${r.kind}`, lang), baselineCount: r.baselineCount, currentCount: r.currentCount, baselineHours: r.baselineHours, currentHours: r.currentHours })),
      };
    }
    case 'reduction': {
      const p = panels.reduction;
      if (!p) return null;
      return measures(
        [
          ['dash.m.target', p.target, 'percent'],
          ['dash.m.baselineCount', p.baselineCount],
          ['dash.m.currentCount', p.currentCount],
          ['dash.m.countReduction', p.countReduction, 'percent'],
          ['dash.m.hoursReduction', p.hoursReduction, 'percent'],
          ['dash.m.meetsTarget', yesNo(p.meetsTarget, lang)],
        ],
        lang,
      );
    }
    case 'hoursTrend': {
      const p = panels.hoursTrend;
      if (!p) return null;
      const perTeacher = p.unit === 'hoursPerTeacher';
      return {
        columns: [
          col('month', 'dash.col.month', 'month'),
          col('imposed', perTeacher ? 'dash.col.imposedPerTeacher' : 'dash.col.imposed', 'hours'),
          col('returned', perTeacher ? 'dash.col.returnedPerTeacher' : 'dash.col.returned', 'hours'),
        ],
        rows: p.months.map((m) => ({ month: m.month, imposed: m.imposed, returned: m.returned })),
      };
    }
    case 'whitelist': {
      const p = panels.whitelist;
      if (!p) return null;
      return {
        columns: [col('school', 'dash.col.school', 'text'), col('uses', 'dash.col.uses', 'int'), col('cap', 'dash.col.cap', 'int'), col('overCap', 'dash.col.overCap', 'text')],
        rows: p.top.map((s) => ({ school: s.name, uses: s.uses, cap: p.cap, overCap: yesNo(s.uses > p.cap, lang) })),
      };
    }
    case 'secondments': {
      const p = panels.secondments;
      if (!p) return null;
      return {
        columns: [col('month', 'dash.col.month', 'month'), col('out', 'dash.col.out', 'int'), col('returned', 'dash.col.back', 'int')],
        rows: p.months.map((m) => ({ month: m.month, out: m.out, returned: m.returned })),
      };
    }
    case 'cases': {
      const p = panels.cases;
      if (!p) return null;
      return {
        columns: [col('stage', 'dash.col.stage', 'text'), col('count', 'dash.col.count', 'int')],
        rows: [...p.funnel.map((f) => ({ stage: label(`dash.caseStage.${f.stage}`, lang), count: f.count })), { stage: label('dash.m.overdueCases', lang), count: p.overdue }],
      };
    }
    case 'collections': {
      const p = panels.collections;
      if (!p) return null;
      return measures(
        [
          ['dash.m.collections', p.collections],
          ['dash.m.cellsPrefilled', p.cellsPrefilled],
          ['dash.m.hoursSaved', p.hoursSaved],
        ],
        lang,
      );
    }
    case 'counties': {
      const p = panels.counties;
      if (!p) return null;
      return {
        columns: [
          col('name', 'dash.col.county', 'text'),
          col('code', 'dash.col.code', 'text'),
          col('schools', 'dash.col.schools', 'int'),
          col('baselineCount', 'dash.col.baselineCount', 'int'),
          col('currentCount', 'dash.col.currentCount', 'int'),
          col('countReduction', 'dash.col.reduction', 'percent'),
          col('meetsTarget', 'dash.col.meetsTarget', 'text'),
          col('currentHours', 'dash.col.hours', 'hours'),
          col('secondmentsOut', 'dash.col.out', 'int'),
          col('secondmentsReturned', 'dash.col.back', 'int'),
        ],
        rows: p.map((c) => ({ ...c, meetsTarget: yesNo(c.meetsTarget, lang) })),
      };
    }
  }
}
