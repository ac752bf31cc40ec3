import { z } from 'zod';
import { ZAdhoc } from '../../../domain/register/schemas';

export const SUBJECT_TYPES = ['teacher', 'school'] as const;
export const COLUMN_MODES = ['auto', 'manual', 'new'] as const;

/** A file sent as JSON (the web app) — the routes also take the raw .xlsx body. */
export const ZUpload = z.strictObject({
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z.string().min(4).max(28_000_000),
});

export const ZTemplateQuery = z.object({
  title: z.string().trim().min(2).max(200).optional(),
  subjectType: z.enum(SUBJECT_TYPES).default('teacher'),
  fileName: z.string().trim().max(200).optional(),
});

/** The requester's edits of a draft: title, population, and per-column overrides of the match. */
export const ZCollectionPatch = z.strictObject({
  title: z.string().trim().min(2).max(200).optional(),
  subjectType: z.enum(SUBJECT_TYPES).optional(),
  schoolIds: z.array(z.number().int().positive()).min(1).max(10_000).optional(),
  columns: z
    .array(
      z.strictObject({
        index: z.number().int().min(0).max(10_000),
        /** A catalog key, or null with mode `new` ("new field"); mode `auto` restores the suggestion. */
        field: z.string().max(60).nullable(),
        mode: z.enum(COLUMN_MODES),
      }),
    )
    .max(2000)
    .optional(),
  commitmentText: z.string().trim().min(10).max(2000).optional(),
});
export type TCollectionPatch = z.infer<typeof ZCollectionPatch>;

const ZIsoDate = z.iso.date();

/** Submitting for register approval: the item fields the server cannot derive, and the justification. */
export const ZCollectionSubmit = z
  .strictObject({
    legalBasis: z.string().trim().max(1000),
    windowStart: ZIsoDate,
    windowEnd: ZIsoDate,
    announcedAt: ZIsoDate,
    planned: z.boolean(),
    adhoc: ZAdhoc.optional(),
    approvalNo: z.string().trim().max(100).optional(),
    validUntil: ZIsoDate.optional(),
    statsOfficeFiled: z.boolean(),
    justification: z.string().trim().max(2000).optional(),
  })
  .refine((v) => v.windowEnd >= v.windowStart, { path: ['windowEnd'], message: 'windowEnd must not be before windowStart' });
export type TCollectionSubmit = z.infer<typeof ZCollectionSubmit>;

export const ZResponseSubmit = z.strictObject({
  /** Column index → typed text, for the columns not held. */
  answers: z.record(z.string().regex(/^\d+$/), z.string().max(500)),
  /** Proposed changes to held values: the school confirms or rejects each. */
  corrections: z
    .array(z.strictObject({ index: z.number().int().min(0), value: z.string().trim().min(1).max(500), note: z.string().trim().max(500).optional() }))
    .max(200)
    .default([]),
  /** 书面承诺: the teacher signs the collection's commitment text. */
  commitment: z.strictObject({ accepted: z.boolean() }),
});
export type TResponseSubmit = z.infer<typeof ZResponseSubmit>;

export const ZDecision = z.strictObject({ decision: z.enum(['confirm', 'reject']), reason: z.string().trim().max(500).optional() });
export const ZRemind = z.strictObject({ responseIds: z.array(z.number().int().positive()).max(10_000).optional() });
export const ZRosterCommit = z.strictObject({ mode: z.enum(['all', 'valid']) });
export const ZRosterQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  filter: z.enum(['all', 'valid', 'invalid']).default('all'),
});
