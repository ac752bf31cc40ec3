import { z } from 'zod';

/** The error shape every 4xx/5xx answer has (see src/domain/errors.ts). */
export const ZError = z.object({
  error: z
    .object({
      code: z.string(),
      zh: z.string(),
      en: z.string(),
      requestId: z.string(),
      fields: z.array(z.object({ path: z.string(), zh: z.string(), en: z.string() })).optional(),
    })
    .passthrough(),
});

export const ZIdParam = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });

export const ZPage = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export function pageOf<T>(items: T[], total: number) {
  return { items, total };
}
