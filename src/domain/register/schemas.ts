/**
 * Zod schemas of a register item as a section submits it (DESIGN §3 "register"). Fields the
 * server derives (issuing org, actor, status, admission number, timestamps) are not here.
 * Every object is strict: an unknown key is an error, so a typo never silently disappears.
 * Optional free-text fields may arrive as `''` from forms; rules treat blank text as missing.
 */
import { z } from 'zod';
import {
  APP_TASK_ACTIONS,
  EVALUATION_METHODS,
  ITEM_KINDS,
  MEETING_FORMATS,
  SCHOOL_STAGES,
  TARGET_ROLES,
  TARGET_SCOPE_MODES,
  URGENCIES,
} from './kinds';

const ZIsoDate = z.iso.date();
const text = (max: number) => z.string().trim().max(max);
const requiredText = (max: number) => z.string().trim().min(1).max(max);

function unique<T>(items: readonly T[]): boolean {
  return new Set(items).size === items.length;
}

export const ZItemKind = z.enum(ITEM_KINDS);
export const ZSchoolStage = z.enum(SCHOOL_STAGES);
export const ZTargetRole = z.enum(TARGET_ROLES);
export const ZEvaluationMethod = z.enum(EVALUATION_METHODS);

/**
 * Which schools and which people in them an item asks something of.
 * `all`: every school in the issuing org's area; `stages`: schools of the listed stages;
 * `list`: the listed school ids. `stages` is only allowed (and required) with `stages`,
 * `schoolIds` only with `list`, so a stored scope never says two things.
 */
export const ZTargetScope = z
  .strictObject({
    mode: z.enum(TARGET_SCOPE_MODES),
    stages: z.array(ZSchoolStage).optional(),
    schoolIds: z.array(z.number().int().positive()).max(10_000).optional(),
    roles: z.array(ZTargetRole).min(1),
  })
  .superRefine((scope, ctx) => {
    if (scope.mode === 'stages' && (!scope.stages || scope.stages.length === 0)) {
      ctx.addIssue({ code: 'custom', path: ['stages'], message: 'stages is required when mode is "stages"' });
    }
    if (scope.mode !== 'stages' && scope.stages !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['stages'], message: 'stages is only allowed when mode is "stages"' });
    }
    if (scope.mode === 'list' && (!scope.schoolIds || scope.schoolIds.length === 0)) {
      ctx.addIssue({ code: 'custom', path: ['schoolIds'], message: 'schoolIds must list at least one school when mode is "list"' });
    }
    if (scope.mode !== 'list' && scope.schoolIds !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['schoolIds'], message: 'schoolIds is only allowed when mode is "list"' });
    }
    for (const key of ['stages', 'schoolIds', 'roles'] as const) {
      const list = scope[key];
      if (list && !unique<unknown>(list)) ctx.addIssue({ code: 'custom', path: [key], message: `${key} has duplicates` });
    }
  });

/** Burden estimate (Standard Cost Model): minutes × respondents × times a year. */
export const ZBurdenEstimate = z.strictObject({
  minutesPerRespondent: z.number().min(0).max(6000),
  respondents: z.number().int().min(0).max(10_000_000),
  /** May be fractional: 0.5 is once every two years. */
  timesPerYear: z.number().min(0).max(365),
});

// ---- kind-specific details: a discriminated union on `kind` ----

export const ZInspectionDetails = z.strictObject({
  kind: z.literal('inspection'),
  /** 综合性督查检查: counts against the one-comprehensive-visit-a-year limit. */
  comprehensive: z.boolean(),
  onsite: z.boolean(),
});

export const ZAssessmentDetails = z.strictObject({
  kind: z.literal('assessment'),
  indicatorCount: z.number().int().min(0).max(1000).optional(),
});

export const ZEvaluationDetails = z.strictObject({
  kind: z.literal('evaluation'),
  awardName: text(200).optional(),
  isCompetition: z.boolean(),
});

export const ZSupervisionDetails = z.strictObject({
  kind: z.literal('supervision'),
  /** 综合督导 (as opposed to a focused 专项督导). */
  comprehensive: z.boolean(),
});

export const ZSocialAffairDetails = z.strictObject({
  kind: z.literal('social_affair'),
  topic: requiredText(200),
  organiser: requiredText(200),
  /** Code of the whitelist entry it belongs to; absent when it asks to be a new entry. */
  whitelistCode: text(50).optional(),
  /** Activities each target school hosts for this item in the school year. */
  activitiesPerSchool: z.number().int().min(1).max(365),
});

export const ZDataCollectionDetails = z.strictObject({
  kind: z.literal('data_collection'),
  /** 审批（备案）文号, e.g. from the statistics office. */
  approvalNo: text(100).optional(),
  /** Last day the approval is valid (有效期至). */
  validUntil: ZIsoDate.optional(),
  /** Filed with the statistics office at the same level (统计机构审批备案). */
  statsOfficeFiled: z.boolean(),
  fieldCount: z.number().int().min(0).max(100_000).optional(),
  /** The collection request (template, matches, overlap) this item registers — set by the collections module. */
  collectionId: z.number().int().positive().optional(),
});

export const ZMeetingDetails = z.strictObject({
  kind: z.literal('meeting'),
  participants: z.array(requiredText(100)).min(1).max(500),
  durationMinutes: z.number().int().min(1).max(1440),
  format: z.enum(MEETING_FORMATS),
});

export const ZDocumentDetails = z.strictObject({
  kind: z.literal('document'),
  /** 发文字号, e.g. `X教发〔2026〕12号`. */
  docNumber: text(100).optional(),
  text: z.string().max(100_000),
});

export const ZTrainingDetails = z.strictObject({
  kind: z.literal('training'),
  relevantToTeaching: z.boolean(),
  hours: z.number().positive().max(2000),
});

export const ZSecondmentDetails = z
  .strictObject({
    kind: z.literal('secondment'),
    teacherName: requiredText(50),
    borrowingUnit: requiredText(200),
    from: ZIsoDate,
    to: ZIsoDate.optional(),
    /** The authority that approved the secondment (and its document number). */
    approvedBy: text(200).optional(),
  })
  .refine((d) => d.to === undefined || d.to >= d.from, { path: ['to'], message: 'to must not be before from' });

export const ZAppTaskDetails = z.strictObject({
  kind: z.literal('app_task'),
  appName: requiredText(100),
  action: z.enum(APP_TASK_ACTIONS),
  /** The national rule that requires the task (document name and number). */
  nationalRule: text(500).optional(),
  /** Required participation rate 0..1 — policy forbids it; kept so the rule can say so. */
  participationTarget: z.number().min(0).max(1).optional(),
});

export const ZItemDetails = z.discriminatedUnion('kind', [
  ZInspectionDetails,
  ZAssessmentDetails,
  ZEvaluationDetails,
  ZSupervisionDetails,
  ZSocialAffairDetails,
  ZDataCollectionDetails,
  ZMeetingDetails,
  ZDocumentDetails,
  ZTrainingDetails,
  ZSecondmentDetails,
  ZAppTaskDetails,
]);

export const ZAdhoc = z.strictObject({
  reason: requiredText(2000),
  urgency: z.enum(URGENCIES),
});

/**
 * What a section submits. `kind` repeats `details.kind` (it is the column the server indexes);
 * the two must agree. `adhoc` is required when `planned` is false and forbidden when true.
 * Dates are ISO calendar dates; ISO strings compare correctly as strings.
 */
export const ZItemInput = z
  .strictObject({
    title: z.string().trim().min(2).max(200),
    kind: ZItemKind,
    details: ZItemDetails,
    /** 依据: the law, regulation or document the item rests on. May be empty (rules may object). */
    legalBasis: text(1000),
    targetScope: ZTargetScope,
    windowStart: ZIsoDate,
    windowEnd: ZIsoDate,
    announcedAt: ZIsoDate,
    /** In the annual plan (年度计划); otherwise an ad-hoc item (一事一报). */
    planned: z.boolean(),
    adhoc: ZAdhoc.optional(),
    evaluationMethods: z.array(ZEvaluationMethod).max(EVALUATION_METHODS.length),
    burden: ZBurdenEstimate,
    /** At most this many times per school per year. */
    frequencyCap: z.number().int().min(1).max(365).optional(),
  })
  .superRefine((item, ctx) => {
    if (item.details.kind !== item.kind) {
      ctx.addIssue({ code: 'custom', path: ['details', 'kind'], message: `details.kind must equal kind (${item.kind})` });
    }
    if (item.windowEnd < item.windowStart) {
      ctx.addIssue({ code: 'custom', path: ['windowEnd'], message: 'windowEnd must not be before windowStart' });
    }
    if (!item.planned && item.adhoc === undefined) {
      ctx.addIssue({ code: 'custom', path: ['adhoc'], message: 'adhoc (reason and urgency) is required for an unplanned item' });
    }
    if (item.planned && item.adhoc !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['adhoc'], message: 'adhoc is only allowed for an unplanned item' });
    }
    if (!unique(item.evaluationMethods)) {
      ctx.addIssue({ code: 'custom', path: ['evaluationMethods'], message: 'evaluationMethods has duplicates' });
    }
  });

export type TTargetScope = z.infer<typeof ZTargetScope>;
export type TBurdenEstimate = z.infer<typeof ZBurdenEstimate>;
export type TItemDetails = z.infer<typeof ZItemDetails>;
export type TAdhoc = z.infer<typeof ZAdhoc>;
export type TItemInput = z.infer<typeof ZItemInput>;
/** The details of one kind, e.g. `TDetailsOf<'meeting'>`. */
export type TDetailsOf<K extends TItemDetails['kind']> = Extract<TItemDetails, { kind: K }>;
