/**
 * The policy rules of the register (DESIGN §4), as data: each rule names its source, its
 * severity and the field to fix, and checks one item against the rule set in force.
 * `checkItem` runs them all; the server runs it on submit and again on approval.
 */
import { ANNOUNCE_AHEAD_KINDS, kindLabel, type TItemKind } from './kinds';
import {
  describeSources,
  describeSchoolsOverLimit,
  findSchoolsOverLimit,
  schoolIdsOf,
  type TCheckStage,
  type TFinding,
  type TRule,
  type TRuleContext,
  type TRuleHit,
} from './ruleModel';
import type { TRuleSetValues } from './ruleset';
import type { TDetailsOf, TItemInput } from './schemas';
import { addDays, daysBetween, formatSchoolYear, laterDate, schoolYearOf, type TIsoDate } from './schoolYear';
import { dateText, joinTexts, registerText, sameText, type TText } from './text';

export const RULE_IDS = [
  'announce_ahead',
  'social_affair_per_school',
  'comprehensive_supervision_per_school',
  'banned_evaluation_method',
  'app_task_national_rule',
  'app_task_participation_target',
  'whitelist_entry_unknown',
  'whitelist_total',
  'whitelist_new_per_year',
  'data_collection_approval',
  'data_collection_approval_expired',
  'data_collection_stats_filing',
  'adhoc_reason',
  'training_relevance',
  'secondment_approval',
] as const;
export type TRuleId = (typeof RULE_IDS)[number];
export type TRegisterRule = TRule<TRuleId>;
export type TRegisterFinding = TFinding<TRuleId>;

function isBlank(s: string | undefined): boolean {
  return s === undefined || s.trim() === '';
}

function detailsOf<K extends TItemKind>(item: TItemInput, kind: K): TDetailsOf<K> | null {
  return item.details.kind === kind ? (item.details as TDetailsOf<K>) : null;
}

export const RULES: readonly TRegisterRule[] = [
  {
    id: 'announce_ahead',
    severity: 'blocking',
    kinds: ANNOUNCE_AHEAD_KINDS,
    field: 'windowStart',
    source: describeSources(['moe_2025', 'zhejiang_whitelist_2024']),
    check(item, _ctx, values, env) {
      // an emergency (紧急突发事件) cannot wait a month; it still goes through 一事一报 (adhoc_reason)
      if (item.adhoc?.urgency === 'emergency') return null;
      // an item cannot be announced before today: a past announcement date counts as today
      const announced = laterDate(item.announcedAt, env.today);
      const days = daysBetween(announced, item.windowStart);
      if (days >= values.announceDaysMin) return null;
      const params = {
        kind: kindLabel(item.kind),
        min: values.announceDaysMin,
        announced: dateText(announced),
        planned: dateText(item.announcedAt),
        start: dateText(item.windowStart),
        days: Math.max(days, 0),
        earliest: dateText(addDays(announced, values.announceDaysMin)),
      };
      const late = announced !== item.announcedAt;
      return { message: registerText(late ? 'rule.announce_ahead.messagePast' : 'rule.announce_ahead.message', params) };
    },
  },
  {
    id: 'social_affair_per_school',
    severity: 'blocking',
    kinds: ['social_affair'],
    field: 'details.activitiesPerSchool',
    source: describeSources(['zhejiang_whitelist_2024']),
    check(item, ctx, values) {
      const d = detailsOf(item, 'social_affair');
      if (!d) return null;
      const max = values.socialAffairMaxPerSchoolYear;
      const over = findSchoolsOverLimit({ ctx, counts: ctx.socialAffairCountBySchool, add: d.activitiesPerSchool, max });
      if (over.length === 0) return null;
      const message = registerText('rule.social_affair_per_school.message', {
        max,
        year: formatSchoolYear(schoolYearOf(item.windowStart)),
        add: d.activitiesPerSchool,
        schools: describeSchoolsOverLimit({ ctx, over, add: d.activitiesPerSchool, show: 'total' }),
      });
      return { message, schoolIds: schoolIdsOf(over) };
    },
  },
  {
    id: 'comprehensive_supervision_per_school',
    severity: 'blocking',
    kinds: ['supervision', 'inspection'],
    field: 'targetScope',
    source: describeSources(['moe_2025']),
    check(item, ctx, values) {
      const d = detailsOf(item, 'supervision') ?? detailsOf(item, 'inspection');
      if (!d?.comprehensive) return null;
      const max = values.comprehensiveSupervisionMaxPerSchoolYear;
      const over = findSchoolsOverLimit({ ctx, counts: ctx.comprehensiveSupervisionCountBySchool, add: 1, max });
      if (over.length === 0) return null;
      const message = registerText('rule.comprehensive_supervision_per_school.message', {
        max,
        year: registerText('register.yearOnly', { year: Number(item.windowStart.slice(0, 4)) }),
        schools: describeSchoolsOverLimit({ ctx, over, add: 1, show: 'existing' }),
      });
      return { message, schoolIds: schoolIdsOf(over) };
    },
  },
  {
    id: 'banned_evaluation_method',
    severity: 'blocking',
    kinds: 'all',
    field: 'evaluationMethods',
    source: describeSources(['cpc_sc_2019', 'moe_2025']),
    check(item, _ctx, values) {
      const banned = item.evaluationMethods.filter((m) => values.bannedEvaluationMethods.includes(m));
      if (banned.length === 0) return null;
      const methods = joinTexts({ items: banned.map((m) => registerText(`evaluationMethod.${m}`)) });
      return { message: registerText('rule.banned_evaluation_method.message', { methods }) };
    },
  },
  {
    id: 'app_task_national_rule',
    severity: 'blocking',
    kinds: ['app_task'],
    field: 'details.nationalRule',
    source: describeSources(['cpc_sc_2019']),
    check(item, _ctx, values) {
      const d = detailsOf(item, 'app_task');
      if (!d || !values.appTaskRequiresNationalRule || !isBlank(d.nationalRule)) return null;
      const params = { app: sameText(d.appName), action: registerText(`appTaskAction.${d.action}`) };
      return { message: registerText('rule.app_task_national_rule.message', params) };
    },
  },
  {
    id: 'app_task_participation_target',
    severity: 'blocking',
    kinds: ['app_task'],
    field: 'details.participationTarget',
    source: describeSources(['cpc_sc_2019']),
    check(item) {
      const d = detailsOf(item, 'app_task');
      // a target of 0 asks nothing; any positive rate is a 硬性要求, whatever rule is cited
      if (!d || d.participationTarget === undefined || d.participationTarget <= 0) return null;
      const rate = `${Math.round(d.participationTarget * 1000) / 10}%`;
      return { message: registerText('rule.app_task_participation_target.message', { app: sameText(d.appName), rate }) };
    },
  },
  {
    id: 'whitelist_entry_unknown',
    severity: 'blocking',
    kinds: ['social_affair'],
    field: 'details.whitelistCode',
    source: describeSources(['zhejiang_whitelist_2024']),
    check(item, ctx) {
      // an activity under an existing entry skips both whitelist limits, so the entry must exist
      const d = detailsOf(item, 'social_affair');
      if (!d || isBlank(d.whitelistCode) || ctx.whitelistCodeKnown !== false) return null;
      return { message: registerText('rule.whitelist_entry_unknown.message', { code: sameText(d.whitelistCode!.trim()) }) };
    },
  },
  {
    id: 'whitelist_total',
    severity: 'blocking',
    kinds: ['social_affair'],
    field: 'details.whitelistCode',
    source: describeSources(['zhejiang_whitelist_2024']),
    check(item, ctx, values) {
      if (!detailsOf(item, 'social_affair') || !ctx.isNewWhitelistItem) return null;
      const max = values.whitelistMaxTotal;
      if (ctx.whitelistTotal + 1 <= max) return null;
      const params = { max, current: ctx.whitelistTotal, total: ctx.whitelistTotal + 1 };
      return { message: registerText('rule.whitelist_total.message', params) };
    },
  },
  {
    id: 'whitelist_new_per_year',
    severity: 'blocking',
    kinds: ['social_affair'],
    field: 'details.whitelistCode',
    source: describeSources(['zhejiang_whitelist_2024']),
    check(item, ctx, values) {
      if (!detailsOf(item, 'social_affair') || !ctx.isNewWhitelistItem) return null;
      const max = values.whitelistMaxNewPerYear;
      if (ctx.whitelistNewThisYear + 1 <= max) return null;
      return { message: registerText('rule.whitelist_new_per_year.message', { max, current: ctx.whitelistNewThisYear }) };
    },
  },
  {
    id: 'data_collection_approval',
    severity: 'blocking',
    submitSeverity: 'warning',
    kinds: ['data_collection'],
    field: 'details.approvalNo',
    source: describeSources(['statistics_law', 'education_statistics_rules']),
    check(item, _ctx, values) {
      const d = detailsOf(item, 'data_collection');
      if (!d || !values.dataCollectionRequiresApproval) return null;
      const missing: TText[] = [];
      if (isBlank(d.approvalNo)) missing.push(registerText('register.field.approvalNo'));
      if (d.validUntil === undefined) missing.push(registerText('register.field.validUntil'));
      if (missing.length === 0) return null;
      return { message: registerText('rule.data_collection_approval.message', { missing: joinTexts({ items: missing }) }) };
    },
  },
  {
    id: 'data_collection_approval_expired',
    severity: 'blocking',
    kinds: ['data_collection'],
    field: 'details.validUntil',
    source: describeSources(['statistics_law']),
    check(item, _ctx, _values, env) {
      const d = detailsOf(item, 'data_collection');
      if (!d || d.validUntil === undefined) return null;
      const validUntil = dateText(d.validUntil);
      if (daysBetween(env.today, d.validUntil) < 0) {
        return { message: registerText('rule.data_collection_approval_expired.messageExpired', { validUntil, today: dateText(env.today) }) };
      }
      if (daysBetween(item.windowEnd, d.validUntil) < 0) {
        return { message: registerText('rule.data_collection_approval_expired.messageShort', { validUntil, end: dateText(item.windowEnd) }) };
      }
      return null;
    },
  },
  {
    id: 'data_collection_stats_filing',
    severity: 'warning',
    kinds: ['data_collection'],
    field: 'details.statsOfficeFiled',
    source: describeSources(['cpc_sc_2019', 'education_statistics_rules']),
    check(item) {
      const d = detailsOf(item, 'data_collection');
      if (!d || d.statsOfficeFiled) return null;
      return { message: registerText('rule.data_collection_stats_filing.message') };
    },
  },
  {
    id: 'adhoc_reason',
    severity: 'blocking',
    kinds: 'all',
    field: 'adhoc.reason',
    source: describeSources(['cpc_sc_2019']),
    check(item) {
      if (item.planned || !isBlank(item.adhoc?.reason)) return null;
      return { message: registerText('rule.adhoc_reason.message') };
    },
  },
  {
    id: 'training_relevance',
    severity: 'warning',
    kinds: ['training'],
    field: 'details.relevantToTeaching',
    source: describeSources(['cpc_sc_2019']),
    check(item) {
      const d = detailsOf(item, 'training');
      if (!d || d.relevantToTeaching) return null;
      return { message: registerText('rule.training_relevance.message') };
    },
  },
  {
    id: 'secondment_approval',
    severity: 'warning',
    kinds: ['secondment'],
    field: 'details.approvedBy',
    source: describeSources(['cpc_sc_2019', 'moe_2025']),
    check(item) {
      const d = detailsOf(item, 'secondment');
      if (!d || !isBlank(d.approvedBy)) return null;
      const params = { teacher: sameText(d.teacherName), unit: sameText(d.borrowingUnit) };
      return { message: registerText('rule.secondment_approval.message', params) };
    },
  },
];

/** The zh/en title of a rule, e.g. `提前公布` / `Announce ahead`. */
export function ruleTitle(id: TRuleId): TText {
  return registerText(`rule.${id}.title`);
}

function toFinding(rule: TRegisterRule, hit: TRuleHit, stage: TCheckStage): TRegisterFinding {
  const text = registerText('register.finding', { title: ruleTitle(rule.id), message: hit.message, source: rule.source });
  const severity = stage === 'submit' ? (rule.submitSeverity ?? rule.severity) : rule.severity;
  const finding: TRegisterFinding = { ruleId: rule.id, severity, zh: text.zh, en: text.en, field: rule.field };
  if (hit.schoolIds) finding.schoolIds = hit.schoolIds;
  return finding;
}

/**
 * Checks an item against every rule that applies to its kind. Returns the findings, blocking
 * ones first, each group in `RULES` order; an empty list means the item passes.
 * `today` (ISO date, Asia/Shanghai) dates the check: a past announcement date counts as today,
 * and an expired approval is caught.
 */
export function checkItem(opts: {
  item: TItemInput;
  ctx: TRuleContext;
  values: TRuleSetValues;
  stage: TCheckStage;
  today: TIsoDate;
  rules?: readonly TRegisterRule[];
}): TRegisterFinding[] {
  const { item, ctx, values, stage, today, rules = RULES } = opts;
  const findings: TRegisterFinding[] = [];
  for (const rule of rules) {
    if (rule.kinds !== 'all' && !rule.kinds.includes(item.kind)) continue;
    const hit = rule.check(item, ctx, values, { stage, today });
    if (hit) findings.push(toFinding(rule, hit, stage));
  }
  return [...findings.filter((f) => f.severity === 'blocking'), ...findings.filter((f) => f.severity === 'warning')];
}

/** Whether any finding blocks the item from moving on. */
export function hasBlocking(findings: readonly TFinding[]): boolean {
  return findings.some((f) => f.severity === 'blocking');
}
