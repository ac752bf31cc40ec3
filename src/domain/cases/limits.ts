/**
 * Length limits (characters) of every text the supervision module accepts. The zod schemas
 * (`schemas.ts`) enforce them; the forms (admin pages and the light public pages) take their
 * `maxlength` and counters from here, so a form never lets through what the server refuses.
 * No zod here: the public pages import this file and must stay small.
 */
export const CASE_LIMITS = {
  /** Public complaint: what happened. */
  complaintText: { min: 10, max: 2000 },
  /** Office entry of a call, letter, visit or finding. */
  staffText: { min: 5, max: 4000 },
  /** "Report this" from the public check page. */
  leadText: { min: 5, max: 2000 },
  leadSchoolName: 100,
  reporterName: 40,
  reporterPhone: 30,
  /** An admission code as typed. */
  code: 40,
  /** The organisation concerned, when it is not one of the register's. */
  targetText: 100,
  note: 1000,
  /** Reassign, merge and reopen reasons. */
  reason: 1000,
  measures: 4000,
  outcome: 4000,
  reply: 4000,
  tasklogWhat: 500,
  issuerText: 100,
  holidayName: 40,
  /** Search in the staff list (`/cases?q=`). */
  search: 100,
  /** Search of organisations on the public form (`/public/orgs?q=`). */
  orgSearch: 50,
} as const;
