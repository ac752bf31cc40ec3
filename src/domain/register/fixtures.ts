/**
 * Test fixtures: valid items of every kind, to be overridden field by field.
 * Used by the tests of this folder; not exported from `index.ts`.
 */
import type { TItemKind } from './kinds';
import { buildRuleContext, type TCheckStage, type TRuleContext } from './ruleModel';
import { checkItem, type TRegisterFinding, type TRuleId } from './rules';
import { resolveRuleSet, type TRuleSetValues } from './ruleset';
import { ZItemInput, type TDetailsOf, type TItemDetails, type TItemInput } from './schemas';

export const DETAILS: { [K in TItemKind]: TDetailsOf<K> } = {
  inspection: { kind: 'inspection', comprehensive: false, onsite: true },
  assessment: { kind: 'assessment', indicatorCount: 12 },
  evaluation: { kind: 'evaluation', awardName: '优秀班主任', isCompetition: false },
  supervision: { kind: 'supervision', comprehensive: false },
  social_affair: { kind: 'social_affair', topic: '防溺水安全教育', organiser: '县应急管理局', whitelistCode: 'BMD-2026-03', activitiesPerSchool: 1 },
  data_collection: { kind: 'data_collection', approvalNo: '青统制〔2026〕3号', validUntil: '2026-12-31', statsOfficeFiled: true, fieldCount: 22 },
  meeting: { kind: 'meeting', participants: ['各校分管教学副校长'], durationMinutes: 90, format: 'video' },
  document: { kind: 'document', docNumber: '青教发〔2026〕12号', text: '关于进一步规范涉校检查的通知' },
  training: { kind: 'training', relevantToTeaching: true, hours: 6 },
  secondment: { kind: 'secondment', teacherName: '张老师', borrowingUnit: '县委宣传部', from: '2026-03-01', to: '2026-06-30', approvedBy: '县教体局 青教人〔2026〕2号' },
  app_task: { kind: 'app_task', appName: '国家中小学智慧教育平台', action: 'register', nationalRule: '教育部办公厅关于… 教基厅〔2024〕1号' },
};

/**
 * A valid planned item of `kind` announced on 2026-02-01 for a window of 2026-03-16 to
 * 2026-03-27 (43 days ahead). `details` overrides merge into the kind's default details.
 */
export function makeItem<K extends TItemKind>(
  kind: K,
  overrides: Partial<Omit<TItemInput, 'details'>> & { details?: Partial<TDetailsOf<K>> } = {},
): TItemInput {
  const { details, ...rest } = overrides;
  const item: TItemInput = {
    title: '2026年春季学期校园安全专项督查',
    kind,
    details: { ...DETAILS[kind], ...details } as TItemDetails,
    legalBasis: '《中小学幼儿园安全管理办法》',
    targetScope: { mode: 'all', roles: ['teacher'] },
    windowStart: '2026-03-16',
    windowEnd: '2026-03-27',
    announcedAt: '2026-02-01',
    planned: true,
    evaluationMethods: ['onsite_visit', 'sampling'],
    burden: { minutesPerRespondent: 30, respondents: 200, timesPerYear: 1 },
    ...rest,
  };
  return item;
}

/** `makeItem` that also proves the item passes the schema. */
export function makeValidItem<K extends TItemKind>(kind: K, overrides: Parameters<typeof makeItem<K>>[1] = {}): TItemInput {
  return ZItemInput.parse(makeItem(kind, overrides));
}

/** Runs `checkItem` with an empty context, default values, stage `submit` and today 2026-01-15. */
export function runRules(
  item: TItemInput,
  opts: { ctx?: Partial<TRuleContext>; values?: Partial<TRuleSetValues>; stage?: TCheckStage; today?: string } = {},
): TRegisterFinding[] {
  return checkItem({
    item,
    ctx: buildRuleContext(opts.ctx),
    values: resolveRuleSet(opts.values ? [opts.values] : []),
    stage: opts.stage ?? 'submit',
    today: opts.today ?? '2026-01-15',
  });
}

/** The finding of one rule, if it fired. */
export function findingOf(findings: readonly TRegisterFinding[], ruleId: TRuleId): TRegisterFinding | undefined {
  return findings.find((f) => f.ruleId === ruleId);
}
