import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  formatSchoolYear,
  fromDayNumber,
  isIsoDate,
  laterDate,
  schoolYearOf,
  schoolYearRange,
  termOf,
  toDayNumber,
} from './schoolYear';

describe('schoolYearOf', () => {
  it.each([
    ['2026-10-01', 2026],
    ['2027-03-01', 2026],
    ['2026-09-01', 2026],
    ['2026-08-31', 2025],
    ['2027-01-15', 2026],
    ['2026-12-31', 2026],
    ['2027-08-31', 2026],
    ['2000-02-29', 1999],
  ])('%s → %i', (date, year) => {
    expect(schoolYearOf(date)).toBe(year);
  });
  it('rejects malformed and impossible dates', () => {
    expect(() => schoolYearOf('2026-13-01')).toThrow(RangeError);
    expect(() => schoolYearOf('2026-02-30')).toThrow(RangeError);
    expect(() => schoolYearOf('2026/10/01')).toThrow(RangeError);
    expect(() => schoolYearOf('')).toThrow(RangeError);
  });
});

describe('schoolYearRange', () => {
  it('runs 1 September to 31 August', () => {
    expect(schoolYearRange(2026)).toEqual({ start: '2026-09-01', end: '2027-08-31' });
  });
  it('round-trips with schoolYearOf at both ends', () => {
    const { start, end } = schoolYearRange(2030);
    expect(schoolYearOf(start)).toBe(2030);
    expect(schoolYearOf(end)).toBe(2030);
    expect(schoolYearOf(addDays(start, -1))).toBe(2029);
    expect(schoolYearOf(addDays(end, 1))).toBe(2031);
  });
  it.each([2026.5, 1899, 9999, Number.NaN])('rejects year %s', (y) => {
    expect(() => schoolYearRange(y)).toThrow(RangeError);
  });
});

describe('termOf', () => {
  it.each([
    ['2026-09-01', 2026, 'autumn'],
    ['2026-12-20', 2026, 'autumn'],
    ['2027-01-31', 2026, 'autumn'],
    ['2027-02-01', 2026, 'spring'],
    ['2027-06-30', 2026, 'spring'],
    ['2027-08-31', 2026, 'spring'],
  ] as const)('%s → %i %s', (date, schoolYear, term) => {
    expect(termOf(date)).toEqual({ schoolYear, term });
  });
  it('rejects bad dates', () => {
    expect(() => termOf('2027-00-10')).toThrow(RangeError);
  });
});

describe('daysBetween and friends', () => {
  it('counts whole days, signed', () => {
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-03-31', '2026-03-01')).toBe(-30);
    expect(daysBetween('2026-03-01', '2026-03-01')).toBe(0);
  });
  it('handles leap years and year ends', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });
  it('is not fooled by daylight-saving changes elsewhere (UTC day numbers)', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
  });
  it('addDays moves across months and back', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-02-01', 30)).toBe('2026-03-03');
    expect(() => addDays('2026-02-01', 1.5)).toThrow(RangeError);
  });
  it('toDayNumber and fromDayNumber are inverses', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    for (const d of ['1999-12-31', '2026-02-28', '2028-02-29', '2100-03-01']) expect(fromDayNumber(toDayNumber(d))).toBe(d);
  });
  it('isIsoDate accepts real dates only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-4-01')).toBe(false);
    expect(isIsoDate('2026-04-01T00:00:00Z')).toBe(false);
    expect(isIsoDate('２０２６-04-01')).toBe(false);
  });
  it('laterDate picks the later date', () => {
    expect(laterDate('2026-03-01', '2026-02-01')).toBe('2026-03-01');
    expect(laterDate('2026-01-01', '2026-02-01')).toBe('2026-02-01');
  });
  it('daysBetween rejects bad input', () => {
    expect(() => daysBetween('2026-03-01', 'tomorrow')).toThrow(RangeError);
  });
});

describe('formatSchoolYear', () => {
  it('names the school year in both languages', () => {
    expect(formatSchoolYear(2026)).toEqual({ zh: '2026—2027学年', en: '2026–2027 school year' });
  });
});
