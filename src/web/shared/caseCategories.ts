/** The 13 complaint categories (issue 5), in the order the forms show them; labels `caseCategory.<key>`. */
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
