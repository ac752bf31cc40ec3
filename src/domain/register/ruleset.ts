/**
 * Policy limits as data (DESIGN §4): a rule set per region and year, inherited downward
 * (province → city → county), editable by the office. The rules (`rules.ts`) read these
 * values; nothing there hard-codes a limit.
 */
import { z } from 'zod';
import { BANNED_EVALUATION_METHODS, type TEvaluationMethod } from './kinds';
import { ZEvaluationMethod } from './schemas';
import { SIMILARITY_THRESHOLD } from './similarity';

export interface TRuleSetValues {
  /** Days an inspection, assessment, evaluation, supervision or social affair is announced before it starts (提前1个月). */
  announceDaysMin: number;
  /** Social affairs a school hosts per school year (Sept 1 – Aug 31). */
  socialAffairMaxPerSchoolYear: number;
  /** Comprehensive supervisions (or comprehensive inspections) of one school per calendar year. */
  comprehensiveSupervisionMaxPerSchoolYear: number;
  bannedEvaluationMethods: readonly TEvaluationMethod[];
  /** App tasks (downloads, votes, likes, quizzes, 打卡) must cite a national rule. */
  appTaskRequiresNationalRule: boolean;
  /** Entries on the social-affair whitelist at one region level. */
  whitelistMaxTotal: number;
  /** New whitelist entries a year. */
  whitelistMaxNewPerYear: number;
  /** Data collections need an approval number and a validity date. */
  dataCollectionRequiresApproval: boolean;
  /** Field overlap with a live collection at or above which a collection is flagged (0..1). */
  dataCollectionOverlapThreshold: number;
  /** Share of the baseline the target kinds must be cut by (0..1). */
  reductionTarget: number;
  complaintReplyWorkingDays: number;
  /** Seconds a teacher spends on one form cell; hours saved = cells pre-filled × this. */
  secondsPerCell: number;
  /** Text similarity at or above which two items are flagged as duplicates (0..1). */
  similarityThreshold: number;
}

/** National defaults, with the sources cited by the rules that use them. */
export const DEFAULT_RULESET: Readonly<TRuleSetValues> = Object.freeze({
  announceDaysMin: 30,
  socialAffairMaxPerSchoolYear: 6,
  comprehensiveSupervisionMaxPerSchoolYear: 1,
  bannedEvaluationMethods: Object.freeze([...BANNED_EVALUATION_METHODS]),
  appTaskRequiresNationalRule: true,
  whitelistMaxTotal: 10,
  whitelistMaxNewPerYear: 2,
  dataCollectionRequiresApproval: true,
  dataCollectionOverlapThreshold: 0.6,
  reductionTarget: 0.5,
  complaintReplyWorkingDays: 15,
  secondsPerCell: 15,
  similarityThreshold: SIMILARITY_THRESHOLD,
});

export const RULESET_KEYS = Object.keys(DEFAULT_RULESET) as (keyof TRuleSetValues)[];

const ratio = z.number().min(0).max(1);

/**
 * One level's edits to the rule set: every field optional, each one bounded. Unknown keys
 * are rejected. `whitelistMaxNewPerYear` may not exceed `whitelistMaxTotal` when both are set.
 */
export const ZRuleSetValues = z
  .strictObject({
    announceDaysMin: z.number().int().min(0).max(365),
    socialAffairMaxPerSchoolYear: z.number().int().min(0).max(100),
    comprehensiveSupervisionMaxPerSchoolYear: z.number().int().min(0).max(12),
    bannedEvaluationMethods: z
      .array(ZEvaluationMethod)
      .refine((list) => new Set(list).size === list.length, { message: 'bannedEvaluationMethods has duplicates' }),
    appTaskRequiresNationalRule: z.boolean(),
    whitelistMaxTotal: z.number().int().min(0).max(100),
    whitelistMaxNewPerYear: z.number().int().min(0).max(100),
    dataCollectionRequiresApproval: z.boolean(),
    dataCollectionOverlapThreshold: ratio,
    reductionTarget: ratio,
    complaintReplyWorkingDays: z.number().int().min(1).max(90),
    secondsPerCell: z.number().min(1).max(600),
    similarityThreshold: z.number().gt(0).max(1),
  } satisfies Record<keyof TRuleSetValues, z.ZodType>)
  .partial()
  .refine(
    (v) => v.whitelistMaxNewPerYear === undefined || v.whitelistMaxTotal === undefined || v.whitelistMaxNewPerYear <= v.whitelistMaxTotal,
    { path: ['whitelistMaxNewPerYear'], message: 'whitelistMaxNewPerYear must not exceed whitelistMaxTotal' },
  );

/** A validated set of edits for one level (all fields optional). */
export type TRuleSetPatch = z.infer<typeof ZRuleSetValues>;

/**
 * The values in force at the bottom of `chain`: the defaults, then each level's edits in
 * order (province → city → county), a later level overriding an earlier one key by key.
 * `undefined` values do not override. Lists are replaced, not merged. Returns a fresh object.
 */
export function resolveRuleSet(chain: readonly Partial<TRuleSetValues>[]): TRuleSetValues {
  const out: TRuleSetValues = { ...DEFAULT_RULESET, bannedEvaluationMethods: [...DEFAULT_RULESET.bannedEvaluationMethods] };
  for (const level of chain) {
    for (const key of RULESET_KEYS) {
      const value = level[key];
      if (value === undefined) continue;
      (out as unknown as Record<string, unknown>)[key] = Array.isArray(value) ? [...(value as unknown[])] : value;
    }
  }
  return out;
}

/** Which way each value is stricter; `null`: a measurement constant, neither stricter nor looser. */
const STRICTER: Record<keyof TRuleSetValues, 'higher' | 'lower' | 'true' | 'superset' | null> = {
  announceDaysMin: 'higher',
  socialAffairMaxPerSchoolYear: 'lower',
  comprehensiveSupervisionMaxPerSchoolYear: 'lower',
  bannedEvaluationMethods: 'superset',
  appTaskRequiresNationalRule: 'true',
  whitelistMaxTotal: 'lower',
  whitelistMaxNewPerYear: 'lower',
  dataCollectionRequiresApproval: 'true',
  dataCollectionOverlapThreshold: 'lower',
  reductionTarget: 'higher',
  complaintReplyWorkingDays: 'lower',
  secondsPerCell: null,
  similarityThreshold: null,
};

/**
 * Keys where `patch` would loosen what the level above (`parent`, already resolved) requires —
 * a county may be stricter than its province, not laxer. The server decides whether to refuse
 * such an edit or let it through with a warning; `resolveRuleSet` applies it either way.
 */
export function findLooserOverrides(opts: { parent: TRuleSetValues; patch: Partial<TRuleSetValues> }): (keyof TRuleSetValues)[] {
  const { parent, patch } = opts;
  return RULESET_KEYS.filter((key) => {
    const next = patch[key];
    if (next === undefined) return false;
    const prev = parent[key];
    switch (STRICTER[key]) {
      case 'higher':
        return (next as number) < (prev as number);
      case 'lower':
        return (next as number) > (prev as number);
      case 'true':
        return prev === true && next === false;
      case 'superset':
        return (prev as readonly TEvaluationMethod[]).some((m) => !(next as readonly TEvaluationMethod[]).includes(m));
      case null:
        return false;
    }
  });
}
