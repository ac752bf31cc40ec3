/**
 * Working days on China's calendar: Monday–Friday are working days unless a public holiday
 * (放假), and a weekend day is a working day when it is a make-up day (调休上班). Deadlines of
 * complaints count working days after the day of receipt (the receipt day itself is day 0).
 */
import { addDays, toDayNumber, type TIsoDate } from '../register/schoolYear';

export type THolidayKind = 'off' | 'work';

/** The calendar's exceptions to the Monday–Friday rule, by date. */
export type TCalendar = ReadonlyMap<TIsoDate, THolidayKind>;

export function calendarOf(rows: readonly { date: string; kind: string }[]): TCalendar {
  const m = new Map<TIsoDate, THolidayKind>();
  for (const r of rows) if (r.kind === 'off' || r.kind === 'work') m.set(r.date, r.kind);
  return m;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: TIsoDate): number {
  // 1970-01-01 was a Thursday
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWorkingDay(date: TIsoDate, cal: TCalendar): boolean {
  const exception = cal.get(date);
  if (exception === 'off') return false;
  if (exception === 'work') return true;
  const wd = weekdayOf(date);
  return wd !== 0 && wd !== 6;
}

/** The `n`th working day after `date` (n ≥ 0; n = 0 gives `date` itself). Bounded: a calendar cannot stall it. */
export function addWorkingDays(date: TIsoDate, n: number, cal: TCalendar): TIsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
  let d = date;
  let left = n;
  for (let guard = 0; left > 0; guard++) {
    if (guard > n * 7 + 400) throw new RangeError('calendar has no working days');
    d = addDays(d, 1);
    if (isWorkingDay(d, cal)) left--;
  }
  return d;
}

/** Working days after `from` up to and including `to` (0 when `to` ≤ `from`). */
export function workingDaysBetween(from: TIsoDate, to: TIsoDate, cal: TCalendar): number {
  let n = 0;
  for (let d = addDays(from, 1); toDayNumber(d) <= toDayNumber(to); d = addDays(d, 1)) if (isWorkingDay(d, cal)) n++;
  return n;
}
