/** Response shapes of the baseline (全面登记) and secondment endpoints (docs/API.md "Register"). */
import type { TReductionReport } from '../../../../domain/register/burden';
import type { TItemKind } from '../../../../domain/register/kinds';
import type { TItemStatus } from './types';

export const BASELINE_DECISIONS = ['keep', 'merge', 'cancel'] as const;
export type TBaselineDecision = (typeof BASELINE_DECISIONS)[number];
export const BASELINE_DECISION_FILTERS = [...BASELINE_DECISIONS, 'undecided'] as const;
export type TBaselineDecisionFilter = (typeof BASELINE_DECISION_FILTERS)[number];

/** antd Tag colours of the decisions. */
export const DECISION_COLOR: Record<TBaselineDecisionFilter, string> = { keep: 'green', merge: 'purple', cancel: 'red', undecided: 'default' };

export interface TBaselineEntry {
  id: number;
  kind: TItemKind;
  title: string;
  issuerName: string;
  minutesPerRespondent: number;
  respondents: number;
  timesPerYear: number;
  teacherHours: number;
  decision: TBaselineDecision | null;
  reason: string | null;
}

export interface TBaselineResponse {
  baselineYear: number;
  year: number;
  entries: TBaselineEntry[];
  decisions: Record<TBaselineDecisionFilter, number>;
  /** The register's approved items of `year` against the baseline. */
  report: TReductionReport;
  /** The inventory as decided (cancelled and merged entries removed) against the baseline. */
  planned: TReductionReport;
}

/** One entry as POST /baseline takes it. */
export interface TBaselineInput {
  year: number;
  kind: TItemKind;
  title: string;
  issuerName: string;
  minutesPerRespondent: number;
  respondents: number;
  timesPerYear: number;
  decision?: TBaselineDecision;
  reason?: string;
}

/** A row of a refused import (422 IMPORT_ROWS_INVALID `error.rows`). */
export interface TImportRowError {
  row: number;
  zh: string;
  en: string;
}

export const SECONDMENT_STATES = ['overdue', 'returned', 'away'] as const;
export type TSecondmentState = (typeof SECONDMENT_STATES)[number];

export interface TSecondment {
  id: number;
  teacherName: string;
  borrowingUnit: string;
  from: string;
  deadline: string;
  status: TItemStatus;
  approved: boolean;
  admissionNo: string | null;
  returnedAt: string | null;
  /** The actor may record the return now. */
  canReturn: boolean;
  overdue: boolean;
}

export interface TRegisterSummary {
  year: number;
  teachersReturned: number;
  trainingsStopped: number;
  byStatus: Partial<Record<TItemStatus, number>>;
}
