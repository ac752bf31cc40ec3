/**
 * The shapes the rule engine works with: what the server tells it (`TRuleContext`), what a
 * rule is (`TRule`), what it answers (`TFinding`), the policy texts rules cite, and the
 * helpers rules share to name schools in findings.
 */
import type { TItemKind } from './kinds';
import type { TRuleSetValues } from './ruleset';
import type { TItemInput } from './schemas';
import type { TIsoDate } from './schoolYear';
import { joinTexts, registerText, sameText, type TText } from './text';

/** When rules run: when a section submits, and again when the office or leader approves. */
export const CHECK_STAGES = ['submit', 'approve'] as const;
export type TCheckStage = (typeof CHECK_STAGES)[number];

/** `blocking`: the item cannot move on until fixed. `warning`: shown, the reviewer decides. */
export const SEVERITIES = ['blocking', 'warning'] as const;
export type TSeverity = (typeof SEVERITIES)[number];

/**
 * Facts the server computes from the database for one check. Counts cover approved or active
 * items and EXCLUDE the item being checked (so re-checking at approval does not count it twice).
 */
export interface TRuleContext {
  /** The schools the item's target scope resolves to (see `estimateRespondents`). */
  targetSchoolIds: number[];
  /** Social-affair activities already held or scheduled per school, in the school year of `windowStart`. */
  socialAffairCountBySchool: Record<number, number>;
  /** Comprehensive supervisions and comprehensive inspections per school, in the calendar year of `windowStart`. */
  comprehensiveSupervisionCountBySchool: Record<number, number>;
  /** Entries now on the whitelist of the issuing region level. */
  whitelistTotal: number;
  /** Entries added to that whitelist this calendar year. */
  whitelistNewThisYear: number;
  /** Approving this social affair adds a new whitelist entry (it belongs to no existing one). */
  isNewWhitelistItem: boolean;
  /**
   * For a social affair citing a whitelist entry (`details.whitelistCode`): whether the code is the
   * verification code of an entry on the region's whitelist. `false` blocks; absent means not looked up.
   */
  whitelistCodeKnown?: boolean;
  /** Optional names for messages; a school without one is shown as `学校#id`. */
  schoolNames?: Record<number, string>;
}

/** A context with no schools and nothing counted, overridden by `facts`. */
export function buildRuleContext(facts: Partial<TRuleContext> = {}): TRuleContext {
  return {
    targetSchoolIds: [],
    socialAffairCountBySchool: {},
    comprehensiveSupervisionCountBySchool: {},
    whitelistTotal: 0,
    whitelistNewThisYear: 0,
    isNewWhitelistItem: false,
    ...facts,
  };
}

/** Stage and date of a check. `today` is the ISO date in Asia/Shanghai. */
export interface TRuleEnv {
  stage: TCheckStage;
  today: TIsoDate;
}

/** What a rule reports when it fires; the engine adds the title, source and severity. */
export interface TRuleHit {
  message: TText;
  /** Schools the finding is about, for the UI to list. */
  schoolIds?: number[];
}

export interface TRule<TId extends string = string> {
  id: TId;
  severity: TSeverity;
  /**
   * Severity at the submit stage when it differs: paperwork the office can chase during
   * review warns the section at submit and blocks only at approval.
   */
  submitSeverity?: TSeverity;
  /** Kinds the rule applies to; `all` for every kind. */
  kinds: readonly TItemKind[] | 'all';
  /** The input field to fix, as a dotted path into `TItemInput` (for the form to highlight). */
  field: string;
  /** The policy text(s) the rule comes from. */
  source: TText;
  /** Returns a hit when the item breaks the rule, null when it passes. Pure. */
  check(item: TItemInput, ctx: TRuleContext, values: TRuleSetValues, env: TRuleEnv): TRuleHit | null;
}

/** One broken rule, ready to show: `zh` and `en` name the rule, say what to fix, and cite the source. */
export interface TFinding<TId extends string = string> {
  ruleId: TId;
  severity: TSeverity;
  zh: string;
  en: string;
  field: string;
  schoolIds?: number[];
}

/** The policy texts rules cite; their full titles are `policySource.<id>` labels. */
export const POLICY_SOURCE_IDS = [
  'cpc_sc_2019',
  'moe_2025',
  'zhejiang_whitelist_2024',
  'statistics_law',
  'education_statistics_rules',
] as const;
export type TPolicySourceId = (typeof POLICY_SOURCE_IDS)[number];

/** Full titles of one or more policy texts, joined with `；`. */
export function describeSources(ids: readonly TPolicySourceId[]): TText {
  return joinTexts({
    items: ids.map((id) => registerText(`policySource.${id}`)),
    separator: registerText('register.sourceSeparator'),
  });
}

/** How many schools a finding names before `等N所学校`. */
const MAX_SCHOOLS_NAMED = 5;

/** A school over a limit; `id: null` stands for "every target school" when none are known. */
export interface TSchoolOverLimit {
  id: number | null;
  existing: number;
}

function schoolName(ctx: TRuleContext, id: number): TText {
  const name = ctx.schoolNames?.[id];
  return name ? sameText(name) : registerText('register.schoolId', { id });
}

/**
 * Target schools whose existing count plus `add` exceeds `max`. With no target schools known,
 * checks one virtual school with nothing counted (so `add > max` alone still fires).
 */
export function findSchoolsOverLimit(opts: {
  ctx: TRuleContext;
  counts: Record<number, number>;
  add: number;
  max: number;
}): TSchoolOverLimit[] {
  const { ctx, counts, add, max } = opts;
  if (ctx.targetSchoolIds.length === 0) return add > max ? [{ id: null, existing: 0 }] : [];
  return ctx.targetSchoolIds.map((id) => ({ id, existing: counts[id] ?? 0 })).filter((s) => s.existing + add > max);
}

/**
 * Names the schools over a limit, the first five in full: `学校#3（已有5项，合计7项）、…等4所学校`.
 * `show: 'total'` gives existing and total, `'existing'` the existing count only.
 */
export function describeSchoolsOverLimit(opts: {
  ctx: TRuleContext;
  over: readonly TSchoolOverLimit[];
  add: number;
  show: 'total' | 'existing';
}): TText {
  const { ctx, over, add, show } = opts;
  return joinTexts({
    items: over.map(({ id, existing }) => {
      const school = id === null ? registerText('register.allTargetSchools') : schoolName(ctx, id);
      return show === 'total'
        ? registerText('register.schoolCount', { school, existing, total: existing + add })
        : registerText('register.schoolSupervisions', { school, existing });
    }),
    max: MAX_SCHOOLS_NAMED,
    more: (n) => registerText('register.andMore', { n }),
  });
}

/** The real school ids among `over` (undefined when there are none). */
export function schoolIdsOf(over: readonly TSchoolOverLimit[]): number[] | undefined {
  const ids = over.flatMap((s) => (s.id === null ? [] : [s.id]));
  return ids.length > 0 ? ids : undefined;
}
