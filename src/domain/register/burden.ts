/**
 * Burden arithmetic (Standard Cost Model; US Paperwork Reduction Act burden hours):
 * teacher-hours a year = minutes per respondent × respondents × times a year ÷ 60.
 */
import { ITEM_KINDS, REDUCTION_TARGET_KINDS, type TItemKind, type TSchoolStage, type TTargetRole } from './kinds';
import type { TBurdenEstimate, TTargetScope } from './schemas';

/** Rounds to one decimal, the precision hours are shown and summed at. */
function roundTenth(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Teacher-hours a year of one estimate, rounded to 0.1: `10 min × 300 × 4 / 60 = 200`. */
export function teacherHoursPerYear(b: TBurdenEstimate): number {
  // minutes ÷ 6 is tenths of an hour: rounding once there avoids float noise such as 0.30000000000000004
  return Math.round((b.minutesPerRespondent * b.respondents * b.timesPerYear) / 6) / 10;
}

/** A school as the respondent estimate needs it. A nine-year school lists both its stages. */
export interface TSchoolHeadcount {
  id: number;
  /** The stages it teaches; `null` for schools outside primary/junior/senior (kindergartens…). */
  stage: TSchoolStage | readonly TSchoolStage[] | null;
  teacherCount: number;
  classTeacherCount: number;
}

export interface TRespondentEstimate {
  /** Ids of the schools the scope reaches, ascending. */
  schoolIds: number[];
  /** Teacher respondents in all of them. */
  respondents: number;
  bySchool: { schoolId: number; respondents: number }[];
  /** Ids the scope lists that are not among `schools` (closed, or outside the area). */
  unknownSchoolIds: number[];
  /** Scope roles that are not teachers and are not counted in teacher-hours (students, parents). */
  uncountedRoles: TTargetRole[];
}

function stagesOf(school: TSchoolHeadcount): readonly TSchoolStage[] {
  if (school.stage === null) return [];
  return typeof school.stage === 'string' ? [school.stage] : school.stage;
}

/**
 * Resolves a target scope against the schools of the issuing area and counts teacher
 * respondents. Per school: `teacher` counts every teacher (class teachers are teachers, so
 * `class_teacher` adds nothing more); `class_teacher` alone counts class teachers;
 * `school_admin` adds one response per school (the school office answers once).
 * Students and parents are not teacher burden: they are returned in `uncountedRoles`.
 * A school spanning stages is counted whole when any of its stages is targeted (an upper bound).
 */
export function estimateRespondents(opts: { scope: TTargetScope; schools: readonly TSchoolHeadcount[] }): TRespondentEstimate {
  const { scope, schools } = opts;
  const roles = new Set(scope.roles);
  let reached: TSchoolHeadcount[];
  let unknownSchoolIds: number[] = [];
  switch (scope.mode) {
    case 'all':
      reached = [...schools];
      break;
    case 'stages': {
      const wanted = new Set(scope.stages ?? []);
      reached = schools.filter((s) => stagesOf(s).some((st) => wanted.has(st)));
      break;
    }
    case 'list': {
      const listed = new Set(scope.schoolIds ?? []);
      const known = new Set(schools.map((s) => s.id));
      reached = schools.filter((s) => listed.has(s.id));
      unknownSchoolIds = [...listed].filter((id) => !known.has(id)).sort((a, b) => a - b);
      break;
    }
  }
  reached.sort((a, b) => a.id - b.id);
  const bySchool = reached.map((s) => {
    let n = 0;
    if (roles.has('teacher')) n += s.teacherCount;
    else if (roles.has('class_teacher')) n += s.classTeacherCount;
    if (roles.has('school_admin')) n += 1;
    return { schoolId: s.id, respondents: n };
  });
  return {
    schoolIds: bySchool.map((b) => b.schoolId),
    respondents: bySchool.reduce((sum, b) => sum + b.respondents, 0),
    bySchool,
    unknownSchoolIds,
    uncountedRoles: scope.roles.filter((r) => r === 'student' || r === 'parent'),
  };
}

/**
 * Why an estimate changed. Following the PRA's distinction, only a `program_change` (the item
 * itself asks less: fewer fields, fewer schools, less often) is a reduction; a `re_estimate`
 * (the same demand measured better) moves the number but is not credited as burden returned.
 */
export const ESTIMATE_CHANGE_REASONS = ['program_change', 're_estimate'] as const;
export type TEstimateChangeReason = (typeof ESTIMATE_CHANGE_REASONS)[number];

export interface TEstimateChange {
  beforeHours: number;
  afterHours: number;
  /** after − before; negative when the burden went down. */
  deltaHours: number;
  /** True only for a programme change that lowers the burden. */
  countsAsReduction: boolean;
  /** Hours credited as returned to teachers: −delta for a counted reduction, else 0. */
  reductionHours: number;
}

/** Compares two estimates of one item and says whether the change counts as a reduction. */
export function classifyEstimateChange(before: TBurdenEstimate, after: TBurdenEstimate, reason: TEstimateChangeReason): TEstimateChange {
  const beforeHours = teacherHoursPerYear(before);
  const afterHours = teacherHoursPerYear(after);
  const deltaHours = roundTenth(afterHours - beforeHours);
  const countsAsReduction = reason === 'program_change' && deltaHours < 0;
  return { beforeHours, afterHours, deltaHours, countsAsReduction, reductionHours: countsAsReduction ? -deltaHours : 0 };
}

/** Items of one kind in an inventory: how many, and their teacher-hours a year. */
export interface TKindTally {
  kind: TItemKind;
  count: number;
  hours: number;
}

export interface TKindReduction {
  baselineCount: number;
  currentCount: number;
  /** (baseline − current) ÷ baseline; negative when it grew; null when the baseline is 0. */
  countReduction: number | null;
  baselineHours: number;
  currentHours: number;
  hoursReduction: number | null;
}

export interface TReductionReport {
  target: number;
  /** One entry per kind present in either inventory, in `ITEM_KINDS` order. */
  perKind: (TKindReduction & { kind: TItemKind })[];
  /** The target kinds together (督查检查评比考核); the target is judged on the item count. */
  combined: TKindReduction & { kinds: readonly TItemKind[]; meetsTarget: boolean };
}

function ratio(before: number, after: number): number | null {
  return before === 0 ? null : (before - after) / before;
}

function reductionOf(baseline: { count: number; hours: number }, current: { count: number; hours: number }): TKindReduction {
  return {
    baselineCount: baseline.count,
    currentCount: current.count,
    countReduction: ratio(baseline.count, current.count),
    baselineHours: roundTenth(baseline.hours),
    currentHours: roundTenth(current.hours),
    hoursReduction: ratio(roundTenth(baseline.hours), roundTenth(current.hours)),
  };
}

function sumByKind(tallies: readonly TKindTally[]): Map<TItemKind, { count: number; hours: number }> {
  const out = new Map<TItemKind, { count: number; hours: number }>();
  for (const t of tallies) {
    if (!Number.isFinite(t.count) || t.count < 0 || !Number.isFinite(t.hours) || t.hours < 0) {
      throw new RangeError(`tally for ${t.kind} must have a non-negative count and hours`);
    }
    const acc = out.get(t.kind) ?? { count: 0, hours: 0 };
    out.set(t.kind, { count: acc.count + t.count, hours: acc.hours + t.hours });
  }
  return out;
}

/**
 * Reduction of the current inventory against the baseline (全面登记), per kind and for the
 * target kinds together. The target (default 0.5: 减少50%以上) is met when the combined item
 * count fell by at least that share. Tallies of the same kind are summed.
 */
export function reductionAgainstBaseline(opts: {
  baseline: readonly TKindTally[];
  current: readonly TKindTally[];
  target?: number;
}): TReductionReport {
  const target = opts.target ?? 0.5;
  if (!(target >= 0 && target <= 1)) throw new RangeError('target must be between 0 and 1');
  const base = sumByKind(opts.baseline);
  const cur = sumByKind(opts.current);
  const zero = { count: 0, hours: 0 };
  const perKind = ITEM_KINDS.filter((k) => base.has(k) || cur.has(k)).map((kind) => ({
    kind,
    ...reductionOf(base.get(kind) ?? zero, cur.get(kind) ?? zero),
  }));
  const total = (m: Map<TItemKind, { count: number; hours: number }>) =>
    REDUCTION_TARGET_KINDS.reduce(
      (acc, k) => ({ count: acc.count + (m.get(k)?.count ?? 0), hours: acc.hours + (m.get(k)?.hours ?? 0) }),
      zero,
    );
  const b = total(base);
  const c = total(cur);
  const combined = reductionOf(b, c);
  // compare without dividing: (b − c) ≥ target × b, with a hair of tolerance for float targets
  const meetsTarget = b.count > 0 && b.count - c.count >= target * b.count - 1e-9;
  return { target, perKind, combined: { kinds: REDUCTION_TARGET_KINDS, ...combined, meetsTarget } };
}
