/**
 * GB 11643-1999 公民身份号码 (18-character resident identity number).
 *
 * Layout: RRRRRR YYYYMMDD SSS C
 *   RRRRRR   address code (GB/T 2260); only the province part (first two
 *            digits) is checked, because the county may have been abolished
 *            since the number was issued.
 *   YYYYMMDD date of birth
 *   SSS      sequence; odd = male, even = female
 *   C        ISO 7064 MOD 11-2 check character ('0'-'9' or 'X')
 */
import { isProvinceCode } from './regionCode.js';

export type IdNumberResult =
  | { ok: true; regionCode: string; birthDate: string; gender: 'male' | 'female' }
  | { ok: false; reason: 'format' | 'region' | 'birthDate' | 'checksum' };

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK_CHARS = '10X98765432';
const ID_FORMAT = /^\d{17}[\dXx]$/;
const MIN_BIRTH_YEAR = 1900;

/** Check character for the first 17 digits. Throws RangeError on bad input. */
export function idChecksumChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError('idChecksumChar expects exactly 17 digits');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += Number(first17.charAt(i)) * (ID_WEIGHTS[i] ?? 0);
  }
  return ID_CHECK_CHARS.charAt(sum % 11);
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Local calendar date of `d` as YYYY-MM-DD. */
function toIsoDate(d: Date): string {
  const y = String(d.getFullYear()).padStart(4, '0');
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

/**
 * Parses YYYYMMDD (compact) into YYYY-MM-DD if it is a real calendar date with
 * year ≥ 1900; otherwise null.
 */
function parseCompactDate(yyyymmdd: string): string | null {
  if (!/^\d{8}$/.test(yyyymmdd)) return null;
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < MIN_BIRTH_YEAR) return null;
  if (m < 1 || m > 12) return null;
  if (d < 1 || d > daysInMonth(y, m)) return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/**
 * Validates an 18-character ID number. Checks run in the order
 * format → region → birthDate → checksum; the first failure is reported.
 *
 * @param today reference date for the "not in the future" rule (defaults to
 *   now; a Date is read in local time, a string must be YYYY-MM-DD). A birth
 *   date equal to `today` is accepted.
 *
 * Input is not trimmed; lowercase 'x' is accepted as the check character.
 */
export function validateIdNumber(input: string, today: Date | string = new Date()): IdNumberResult {
  if (!ID_FORMAT.test(input)) return { ok: false, reason: 'format' };

  if (!isProvinceCode(input.slice(0, 2))) return { ok: false, reason: 'region' };

  const birthDate = parseCompactDate(input.slice(6, 14));
  const todayIso = typeof today === 'string' ? today : toIsoDate(today);
  // ISO dates compare correctly as strings.
  if (birthDate === null || birthDate > todayIso) return { ok: false, reason: 'birthDate' };

  const expected = idChecksumChar(input.slice(0, 17));
  if (input.charAt(17).toUpperCase() !== expected) return { ok: false, reason: 'checksum' };

  const seq = Number(input.slice(14, 17));
  return {
    ok: true,
    regionCode: input.slice(0, 6),
    birthDate,
    gender: seq % 2 === 1 ? 'male' : 'female',
  };
}

/**
 * Builds a checksum-valid ID number (for fixtures / demo data).
 * `seq` 0..999 — odd = male. Throws RangeError on bad input.
 */
export function makeIdNumber(opts: { regionCode: string; birthDate: string; seq: number }): string {
  const { regionCode, birthDate, seq } = opts;
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError('regionCode must be 6 digits');
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  const compact = m ? `${m[1] ?? ''}${m[2] ?? ''}${m[3] ?? ''}` : '';
  if (parseCompactDate(compact) === null) throw new RangeError('birthDate must be a real YYYY-MM-DD date, year >= 1900');
  if (!Number.isInteger(seq) || seq < 0 || seq > 999) throw new RangeError('seq must be an integer 0..999');
  const first17 = `${regionCode}${compact}${String(seq).padStart(3, '0')}`;
  return first17 + idChecksumChar(first17);
}

/** `110101199003071234` → `110***********1234`. Short strings are fully masked. */
export function maskIdNumber(s: string): string {
  if (s.length <= 7) return '*'.repeat(s.length);
  return s.slice(0, 3) + '*'.repeat(s.length - 7) + s.slice(-4);
}
