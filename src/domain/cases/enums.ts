/**
 * Enumerations of the supervision module (DESIGN §3 "cases"): complaint categories, case
 * statuses, channels and the sources derived from them, verdicts, task-log channels. Labels live
 * in the one label table (`src/domain/i18n/cases.ts`): `caseCategory.<key>`, `caseStatus.<key>`, …
 */

/** The 13 categories of issue 5, in the order forms show them. */
export const CASE_CATEGORIES = [
  'unapproved_inspection',
  'social_affair',
  'forced_app',
  'trace_evidence',
  'repeated_forms',
  'secondment',
  'unrelated_training',
  'homework_overload',
  'school_hours',
  'fees',
  'enterprise_arrears',
  'unlisted_fee',
  'other',
] as const;
export type TCaseCategory = (typeof CASE_CATEGORIES)[number];

export const CASE_STATUSES = ['received', 'assigned', 'verifying', 'rectifying', 'closed', 'replied', 'merged'] as const;
export type TCaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses in which the case is still being handled (the close deadline runs). */
export const OPEN_STATUSES: readonly TCaseStatus[] = ['received', 'assigned', 'verifying', 'rectifying'];

/** How a case came in. */
export const CASE_CHANNELS = ['web', 'hotline', 'mailbox', 'letter', 'visit', 'task_log', 'lead', 'inspection', 'audit', 'baseline'] as const;
export type TCaseChannel = (typeof CASE_CHANNELS)[number];

/** Channels the office types in by hand (the web form, leads and task logs arrive by themselves). */
export const STAFF_CHANNELS = ['hotline', 'mailbox', 'letter', 'visit', 'inspection', 'audit', 'baseline'] as const satisfies readonly TCaseChannel[];
export type TStaffChannel = (typeof STAFF_CHANNELS)[number];

/** What kind of case it is, derived from the channel: the grouping reports count by. */
export const CASE_SOURCES = ['complaint', 'lead', 'tasklog', 'inspection', 'audit', 'baseline'] as const;
export type TCaseSource = (typeof CASE_SOURCES)[number];

export function sourceOfChannel(channel: TCaseChannel): TCaseSource {
  switch (channel) {
    case 'web':
    case 'hotline':
    case 'mailbox':
    case 'letter':
    case 'visit':
      return 'complaint';
    case 'task_log':
      return 'tasklog';
    case 'lead':
      return 'lead';
    case 'inspection':
      return 'inspection';
    case 'audit':
      return 'audit';
    case 'baseline':
      return 'baseline';
  }
}

/** Someone outside waits for an answer: the case is not finished until it is replied to. */
export function replyOwed(source: TCaseSource): boolean {
  return source === 'complaint' || source === 'lead';
}

export const VERDICTS = ['substantiated', 'partly_substantiated', 'unsubstantiated'] as const;
export type TVerdict = (typeof VERDICTS)[number];

export const TASKLOG_CHANNELS = ['wechat_group', 'phone', 'document', 'app', 'other'] as const;
export type TTasklogChannel = (typeof TASKLOG_CHANNELS)[number];

/** What the public verification said of a code given with a complaint or a task-log entry. */
export const CODE_STATUSES = ['valid', 'not_yet_valid', 'expired', 'revoked', 'unknown'] as const;
export type TCodeStatus = (typeof CODE_STATUSES)[number];

/** Org kinds a complaint may be about or a case assigned to (enterprises are reporters' counterparts, not handlers). */
export const CASE_ORG_KINDS = ['region', 'agency', 'section', 'school'] as const;
