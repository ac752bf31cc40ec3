/**
 * The dashboard contract (DESIGN §3 "reports"): one answer per org and period with every panel's
 * data. A panel is `null` when its data source does not exist (yet) for this level or install —
 * the web app then leaves the panel out instead of drawing zeros.
 */
import type { TItemKind } from '../register/kinds';

export const DASHBOARD_LEVELS = ['county', 'region', 'school'] as const;
export type TDashboardLevel = (typeof DASHBOARD_LEVELS)[number];

export const PANEL_KEYS = ['itemsByKind', 'reduction', 'hoursTrend', 'whitelist', 'cases', 'secondments', 'collections', 'counties'] as const;
export type TPanelKey = (typeof PANEL_KEYS)[number];

export interface TPeriod {
  /** First China calendar day, `YYYY-MM-DD`. */
  from: string;
  /** Last China calendar day (inclusive). */
  to: string;
}

export interface TKindRow {
  kind: TItemKind;
  /** Items of the baseline inventory (全面登记); null on a school dashboard (no baseline per school). */
  baselineCount: number | null;
  baselineHours: number | null;
  /** Approved (or completed) items valid at some day of the period. */
  currentCount: number;
  currentHours: number;
}

export interface TItemsByKindPanel {
  rows: TKindRow[];
  /** Baseline year per region counted (the earliest inventory of each). */
  baselineYears: number[];
}

export interface TReductionPanel {
  target: number;
  baselineCount: number;
  currentCount: number;
  /** (baseline − current) ÷ baseline, null without a baseline. */
  countReduction: number | null;
  hoursReduction: number | null;
  meetsTarget: boolean;
}

export interface TMonthPoint {
  /** `YYYY-MM` */
  month: string;
  imposed: number;
  returned: number;
}

export interface THoursTrendPanel {
  /** `teacherHours`: all teachers together; `hoursPerTeacher`: one teacher of the school. */
  unit: 'teacherHours' | 'hoursPerTeacher';
  months: TMonthPoint[];
  totals: { imposed: number; returned: number };
}

export interface TWhitelistSchool {
  schoolId: number;
  name: string;
  uses: number;
}

export interface TWhitelistPanel {
  /** Social affairs a school may host per school year (rule set). */
  cap: number;
  /** School year counted: the one the period ends in. */
  schoolYear: number;
  schools: number;
  overCap: number;
  /** Schools by number of uses: 0, 1, …, cap, and cap+1 meaning "over the cap". */
  buckets: { uses: number; schools: number }[];
  /** The schools with the most uses (all of them on a county or school dashboard, up to 200). */
  top: TWhitelistSchool[];
}

export interface TSecondmentsPanel {
  /** Teachers seconded out during the period (approved secondments starting in it). */
  out: number;
  /** Seconded teachers back at school during the period (清退). */
  returned: number;
  /** Still out at the end of the period. */
  stillOut: number;
  /** Still out past their deadline today. */
  overdue: number;
  months: { month: string; out: number; returned: number }[];
}

export const CASE_FUNNEL_STAGES = ['received', 'closed', 'closedOnTime'] as const;

/** Complaints funnel and overdue cases, from the cases module (`caseStats`). */
export interface TCasesPanel {
  funnel: { stage: (typeof CASE_FUNNEL_STAGES)[number]; count: number }[];
  overdue: number;
}

/** Collections and hours saved, from the collections module (`collectionHoursSaved`). */
export interface TCollectionsPanel {
  collections: number;
  cellsPrefilled: number;
  hoursSaved: number;
}

export interface TCountyRow {
  orgId: number;
  name: string;
  code: string | null;
  schools: number;
  baselineCount: number;
  currentCount: number;
  countReduction: number | null;
  meetsTarget: boolean;
  currentHours: number;
  secondmentsOut: number;
  secondmentsReturned: number;
}

export interface TDashboardPanels {
  itemsByKind: TItemsByKindPanel | null;
  reduction: TReductionPanel | null;
  hoursTrend: THoursTrendPanel | null;
  whitelist: TWhitelistPanel | null;
  cases: TCasesPanel | null;
  secondments: TSecondmentsPanel | null;
  collections: TCollectionsPanel | null;
  /** Region level only: its counties side by side (they add up to the region's figures). */
  counties: TCountyRow[] | null;
}

export interface TDashboard {
  org: { id: number; name: string; kind: string; code: string | null; level: TDashboardLevel };
  /** The region whose data is shown (a bureau shows its county; a school the county it sits in). */
  region: { id: number; name: string; code: string | null };
  period: TPeriod;
  generatedAt: string;
  panels: TDashboardPanels;
  /** Where to go from here: the level above (when in scope) and the levels below. */
  drill: { parent: { id: number; name: string } | null; children: { id: number; name: string; kind: string }[] };
}

/** Months `YYYY-MM` from the month of `from` to the month of `to`, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

export const PERIOD_PRESETS = ['thisYear', 'lastYear', 'schoolYear', 'custom'] as const;
export type TPeriodPreset = (typeof PERIOD_PRESETS)[number];

/** The period of a preset on a given China day (custom keeps what it is given). */
export function presetPeriod(preset: Exclude<TPeriodPreset, 'custom'>, today: string): TPeriod {
  const y = Number(today.slice(0, 4));
  switch (preset) {
    case 'thisYear':
      return { from: `${y}-01-01`, to: `${y}-12-31` };
    case 'lastYear':
      return { from: `${y - 1}-01-01`, to: `${y - 1}-12-31` };
    case 'schoolYear': {
      const start = Number(today.slice(5, 7)) >= 9 ? y : y - 1;
      return { from: `${start}-09-01`, to: `${start + 1}-08-31` };
    }
  }
}
