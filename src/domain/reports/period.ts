/**
 * Report periods: two China calendar dates, both included. The previous period is the one of
 * the same length that ends the day before `from` (measures are counted against it).
 */
import { z } from 'zod';
import { addDays, isIsoDate, toDayNumber } from '../register/schoolYear';

export const REPORT_TYPES = ['county-stage', 'school-plan'] as const;
export type TReportType = (typeof REPORT_TYPES)[number];

/** Longest period a report covers: five years. */
export const MAX_PERIOD_DAYS = 5 * 366;

export interface TPeriod {
  from: string;
  to: string;
}

/** Why a period is not acceptable, or null. Dates must be real `YYYY-MM-DD` dates. */
export function periodProblem(p: TPeriod): 'date' | 'order' | 'length' | null {
  if (!isIsoDate(p.from) || !isIsoDate(p.to)) return 'date';
  if (p.from > p.to) return 'order';
  if (periodDays(p) > MAX_PERIOD_DAYS) return 'length';
  return null;
}

/** Days in the period, both ends included. */
export function periodDays(p: TPeriod): number {
  return toDayNumber(p.to) - toDayNumber(p.from) + 1;
}

export function previousPeriod(p: TPeriod): TPeriod {
  return { from: addDays(p.from, -periodDays(p)), to: addDays(p.from, -1) };
}

export const ZReportQuery = z.object({
  org: z.coerce.number().int().positive().max(2 ** 31 - 1),
  from: z.iso.date(),
  to: z.iso.date(),
});
export type TReportQuery = z.infer<typeof ZReportQuery>;
