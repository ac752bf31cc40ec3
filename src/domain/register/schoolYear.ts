/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`) and the Chinese school year.
 *
 * Dates are calendar dates without a time zone: the server passes dates already in
 * Asia/Shanghai (e.g. `today`). Arithmetic runs on UTC day numbers, so no daylight-saving or
 * local-time-zone surprises. Malformed or impossible dates (`2026-02-30`) throw a RangeError:
 * inputs have been validated by zod (`z.iso.date()`) before they get here.
 */
import { registerText, type TText } from './text';

/** An ISO calendar date, `YYYY-MM-DD`. */
export type TIsoDate = string;

export const TERMS = ['autumn', 'spring'] as const;
export type TTerm = (typeof TERMS)[number];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Whether `s` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** Days since 1970-01-01 of an ISO date. Throws RangeError when the date is not valid. */
export function toDayNumber(date: TIsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}

/** The ISO date of a day number (inverse of `toDayNumber`). */
export function fromDayNumber(day: number): TIsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `date` moved by `days` (negative moves back). */
export function addDays(date: TIsoDate, days: number): TIsoDate {
  if (!Number.isInteger(days)) throw new RangeError('days must be an integer');
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `a` to `b` (negative when `b` is earlier): `daysBetween('2026-03-01', '2026-03-31') === 30`. */
export function daysBetween(a: TIsoDate, b: TIsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** The later of two ISO dates. */
export function laterDate(a: TIsoDate, b: TIsoDate): TIsoDate {
  return toDayNumber(a) >= toDayNumber(b) ? a : b;
}

function monthOf(date: TIsoDate): number {
  toDayNumber(date); // validates
  return Number(date.slice(5, 7));
}

/**
 * The school year a date falls in, named by the calendar year it starts in. A school year runs
 * 1 September – 31 August: `2026-10-01 → 2026`, `2027-03-01 → 2026`, `2026-08-31 → 2025`.
 */
export function schoolYearOf(date: TIsoDate): number {
  const year = Number(date.slice(0, 4));
  return monthOf(date) >= 9 ? year : year - 1;
}

/** First and last day of school year `year`: `2026 → { start: '2026-09-01', end: '2027-08-31' }`. */
export function schoolYearRange(year: number): { start: TIsoDate; end: TIsoDate } {
  if (!Number.isInteger(year) || year < 1900 || year > 9998) throw new RangeError('year must be an integer 1900..9998');
  return { start: `${year}-09-01`, end: `${year + 1}-08-31` };
}

/**
 * The term a date falls in: autumn runs September–January, spring February–August (so January
 * 2027 is the autumn term of school year 2026).
 */
export function termOf(date: TIsoDate): { schoolYear: number; term: TTerm } {
  const month = monthOf(date);
  return { schoolYear: schoolYearOf(date), term: month >= 9 || month === 1 ? 'autumn' : 'spring' };
}

/** `2026—2027学年` / `2026–2027 school year`. */
export function formatSchoolYear(year: number): TText {
  return registerText('register.schoolYear', { start: year, end: year + 1 });
}
