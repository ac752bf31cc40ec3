/**
 * The closed vocabularies of the burden register (DESIGN §3 "register"): item kinds and the
 * enums the item schema uses. Labels live in the one label table (`i18n/register.ts`), keyed
 * `itemKind.<kind>`, `evaluationMethod.<method>`, … — use `kindLabel` or `label()`.
 */
import { REGISTER_LABELS } from '../i18n/register';

/** Every kind of demand placed on schools and teachers. */
export const ITEM_KINDS = [
  'inspection',
  'assessment',
  'evaluation',
  'supervision',
  'social_affair',
  'data_collection',
  'meeting',
  'document',
  'training',
  'secondment',
  'app_task',
] as const;
export type TItemKind = (typeof ITEM_KINDS)[number];

/** Kinds the office files (备案) in one step instead of the review → approval workflow. */
export const FILING_ONLY_KINDS = ['document', 'meeting'] as const satisfies readonly TItemKind[];
export type TFilingOnlyKind = (typeof FILING_ONLY_KINDS)[number];

/** Kinds that the ≥ 50 % reduction target counts together (督查检查评比考核). */
export const REDUCTION_TARGET_KINDS = ['inspection', 'assessment', 'evaluation', 'supervision'] as const satisfies readonly TItemKind[];
export type TReductionTargetKind = (typeof REDUCTION_TARGET_KINDS)[number];

/** Kinds that must be announced `announceDaysMin` days before they start (提前1个月). */
export const ANNOUNCE_AHEAD_KINDS = [...REDUCTION_TARGET_KINDS, 'social_affair'] as const satisfies readonly TItemKind[];

export function isFilingOnlyKind(kind: TItemKind): kind is TFilingOnlyKind {
  return (FILING_ONLY_KINDS as readonly TItemKind[]).includes(kind);
}

export function isReductionTargetKind(kind: TItemKind): kind is TReductionTargetKind {
  return (REDUCTION_TARGET_KINDS as readonly TItemKind[]).includes(kind);
}

/** School stages a target scope can select (学段). */
export const SCHOOL_STAGES = ['primary', 'junior', 'senior'] as const;
export type TSchoolStage = (typeof SCHOOL_STAGES)[number];

/** Who in a school an item asks something of. */
export const TARGET_ROLES = ['teacher', 'school_admin', 'class_teacher', 'student', 'parent'] as const;
export type TTargetRole = (typeof TARGET_ROLES)[number];

export const TARGET_SCOPE_MODES = ['all', 'stages', 'list'] as const;
export type TTargetScopeMode = (typeof TARGET_SCOPE_MODES)[number];

/** Evaluation methods that judge real work. */
export const ALLOWED_EVALUATION_METHODS = [
  'onsite_visit',
  'document_review',
  'data_review',
  'sampling',
  'interview',
  'questionnaire',
  'classroom_observation',
] as const;

/**
 * Evaluation methods the 2019 opinion and the MoE 2025 measures forbid: 留痕 as evidence
 * (screenshots, photos, ledgers), 一票否决, 责任状, and app install or login rates.
 */
export const BANNED_EVALUATION_METHODS = [
  'trace_screenshots',
  'trace_photos',
  'trace_ledgers',
  'one_vote_veto',
  'responsibility_pledge',
  'app_install_rate',
  'app_login_rate',
] as const;

export const EVALUATION_METHODS = [...ALLOWED_EVALUATION_METHODS, ...BANNED_EVALUATION_METHODS] as const;
export type TEvaluationMethod = (typeof EVALUATION_METHODS)[number];

/** Urgency of an ad-hoc (一事一报) item. */
export const URGENCIES = ['normal', 'urgent', 'emergency'] as const;
export type TUrgency = (typeof URGENCIES)[number];

export const MEETING_FORMATS = ['onsite', 'video', 'hybrid'] as const;
export type TMeetingFormat = (typeof MEETING_FORMATS)[number];

/** What an app task asks teachers to do in an app, mini-program or public account. */
export const APP_TASK_ACTIONS = ['download', 'register', 'follow', 'vote', 'like', 'quiz', 'checkin', 'survey', 'share'] as const;
export type TAppTaskAction = (typeof APP_TASK_ACTIONS)[number];

/** The zh/en label of a kind, e.g. `督查检查` / `Inspection`. */
export function kindLabel(kind: TItemKind): { zh: string; en: string } {
  const [zh, en] = REGISTER_LABELS[`itemKind.${kind}`];
  return { zh, en };
}
