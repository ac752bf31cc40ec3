/**
 * Zod schemas of the supervision module: what the public, the office and teachers send. Every
 * object is strict. Text is stored as typed (markup included: pages render it as text), trimmed;
 * NUL characters are refused (PostgreSQL text cannot hold them). Fields the server derives
 * (region, status, actor, deadlines, timestamps) are not here.
 */
import { z } from 'zod';
import { chinaToday } from '../time';
import { addDays } from '../register/schoolYear';
import { CASE_CATEGORIES, STAFF_CHANNELS, TASKLOG_CHANNELS, VERDICTS } from './enums';
import { CASE_LIMITS as L } from './limits';
import { normalizeReporterPhone } from './phone';

export { CASE_LIMITS } from './limits';

const noNul = (s: string) => !s.includes('\u0000');
export const text = (min: number, max: number) => z.string().trim().min(min).max(max).refine(noNul, { message: 'nul' });
/** Optional text: empty or blank is absent. */
export const optionalText = (max: number) => text(0, max).optional().transform((s) => (s ? s : undefined));
const ZId = z.number().int().positive().max(2 ** 31 - 1);
export const ZDate = z.iso.date();
/** A day that has happened: not after today (China), not more than three years back. */
export const ZPastDate = ZDate.refine((d) => d <= chinaToday() && d >= addDays(chinaToday(), -3 * 366), { message: 'date_range' });

export const ZCaseCategory = z.enum(CASE_CATEGORIES);
export const ZVerdict = z.enum(VERDICTS);
export const ZTasklogChannel = z.enum(TASKLOG_CHANNELS);

/** Named reporters give a name and a phone the office can call back; anonymous ones give neither. */
function reporterCheck(v: { anonymous: boolean; reporterName?: string | undefined; reporterPhone?: string | undefined }, ctx: z.RefinementCtx) {
  if (v.anonymous) {
    if (v.reporterName || v.reporterPhone) ctx.addIssue({ code: 'custom', path: ['anonymous'], message: 'anonymous_with_identity' });
    return;
  }
  if (!v.reporterName) ctx.addIssue({ code: 'custom', path: ['reporterName'], message: 'required' });
  if (!v.reporterPhone || !normalizeReporterPhone(v.reporterPhone)) ctx.addIssue({ code: 'custom', path: ['reporterPhone'], message: 'phone' });
}

const reporterFields = {
  anonymous: z.boolean(),
  reporterName: optionalText(L.reporterName),
  reporterPhone: optionalText(L.reporterPhone),
};

export const ZChallengeAnswer = z.strictObject({ token: z.string().min(10).max(600), nonce: z.string().regex(/^\d{1,15}$/) });

export const ZComplaintInput = z
  .strictObject({
    category: ZCaseCategory,
    targetOrgId: ZId,
    text: text(L.complaintText.min, L.complaintText.max),
    occurredOn: ZPastDate,
    code: optionalText(L.code),
    ...reporterFields,
    challenge: ZChallengeAnswer,
  })
  .superRefine(reporterCheck);
export type TComplaintInput = z.infer<typeof ZComplaintInput>;

export const ZStaffCaseInput = z
  .strictObject({
    channel: z.enum(STAFF_CHANNELS),
    category: ZCaseCategory,
    targetOrgId: ZId.optional(),
    targetText: optionalText(L.targetText),
    text: text(L.staffText.min, L.staffText.max),
    occurredOn: ZPastDate.optional(),
    receivedOn: ZPastDate.optional(),
    code: optionalText(L.code),
    ...reporterFields,
  })
  .superRefine((v, ctx) => {
    reporterCheck(v, ctx);
    if (!v.targetOrgId && !v.targetText) ctx.addIssue({ code: 'custom', path: ['targetOrgId'], message: 'target_required' });
  });
export type TStaffCaseInput = z.infer<typeof ZStaffCaseInput>;

const note = { note: optionalText(L.note) };
export const ZAssignInput = z.strictObject({ orgId: ZId, ...note });
export const ZVerifyInput = z.strictObject({ ...note });
export const ZRectifyInput = z.strictObject({ measures: text(2, L.measures), deadline: ZDate, ...note });
export const ZCloseInput = z.strictObject({ verdict: ZVerdict, outcome: text(2, L.outcome) });
export const ZReplyInput = z.strictObject({ reply: text(2, L.reply) });
export const ZReassignInput = z.strictObject({ orgId: ZId, reason: text(1, L.reason) });
export const ZMergeInput = z.strictObject({ intoId: ZId, reason: optionalText(L.reason) });
export const ZReopenInput = z.strictObject({ reason: text(1, L.reason) });

export const ZTasklogInput = z
  .strictObject({
    what: text(2, L.tasklogWhat),
    issuerOrgId: ZId.optional(),
    issuerText: optionalText(L.issuerText),
    date: ZPastDate,
    minutes: z.number().int().min(1).max(1440),
    channel: ZTasklogChannel,
    code: optionalText(L.code),
  })
  .superRefine((v, ctx) => {
    if (!v.issuerOrgId && !v.issuerText) ctx.addIssue({ code: 'custom', path: ['issuerText'], message: 'issuer_required' });
  });
export type TTasklogInput = z.infer<typeof ZTasklogInput>;

export const ZHolidayInput = z.strictObject({ kind: z.enum(['off', 'work']), name: text(1, L.holidayName) });

/** "Report this" (`POST /public/leads`): behind the same challenge as a complaint. */
export const ZLeadInput = z.strictObject({
  code: optionalText(L.code),
  text: text(L.leadText.min, L.leadText.max),
  schoolName: optionalText(L.leadSchoolName),
  challenge: ZChallengeAnswer,
});
export type TLeadInput = z.infer<typeof ZLeadInput>;

/** The text searches: trimmed, bounded, no NUL (PostgreSQL text cannot hold it; it would be a 500, not a 400). */
export const ZCaseSearch = optionalText(L.search);
export const ZOrgSearch = text(1, L.orgSearch);
