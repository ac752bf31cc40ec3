/**
 * Admission numbers and verification codes of approved items (DESIGN §3 "register").
 *
 * An admission number is the item's official number, in the 发文字号 style of GB/T 9704:
 * `代字〔年份〕序号号`, e.g. `青教减准〔2026〕7号` — full-width hexagonal brackets, no leading
 * zeros. The verification code is the short random key behind the QR link `/v/<code>` that a
 * teacher scans to check an item is approved.
 */
import { randomInt } from 'node:crypto';

export interface TAdmissionNo {
  /** 机关代字, e.g. `青教减准`. */
  prefix: string;
  year: number;
  /** Sequence within the prefix and year, from 1. */
  seq: number;
}

const PREFIX_RE = /^[^\s\d〔〕[\]()（）［］【】]{1,20}$/u;

function assertAdmissionNo({ prefix, year, seq }: TAdmissionNo): void {
  if (!PREFIX_RE.test(prefix)) throw new RangeError('prefix must be 1–20 characters without spaces, digits or brackets');
  if (!Number.isInteger(year) || year < 1900 || year > 9999) throw new RangeError('year must be a four-digit integer');
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError('seq must be an integer ≥ 1');
}

/** `{ prefix: '青教减准', year: 2026, seq: 7 }` → `青教减准〔2026〕7号`. Throws RangeError on bad parts. */
export function formatAdmissionNo(opts: TAdmissionNo): string {
  assertAdmissionNo(opts);
  return `${opts.prefix}〔${opts.year}〕${opts.seq}号`;
}

/**
 * Reads an admission number as people type it: NFKC first (full-width digits and brackets
 * become ASCII), spaces ignored, the year in 〔〕, [], (), （）, ［］ or 【】, an optional `第`,
 * leading zeros tolerated. Returns null when it is not one. Re-format the result with
 * `formatAdmissionNo` to get the canonical form for lookups.
 */
export function parseAdmissionNo(s: string): TAdmissionNo | null {
  const compact = s.normalize('NFKC').replace(/\s+/g, '');
  const m = /^(.+?)[〔[(【](\d{4})[〕\])】]第?(\d{1,9})号$/u.exec(compact);
  if (!m) return null;
  const parsed = { prefix: m[1] as string, year: Number(m[2]), seq: Number(m[3]) };
  try {
    assertAdmissionNo(parsed);
  } catch {
    return null;
  }
  return parsed;
}

/**
 * Characters of verification codes: digits and upper-case letters without the look-alikes
 * 0/O, 1/I/L, 2/Z, 5/S, 8/B and U/V — 23 characters, so a code read aloud over the phone or
 * copied from a blurred printout is read right.
 */
export const VERIFY_ALPHABET = '34679ACDEFGHJKMNPQRTWXY';

/**
 * Shortest code allowed: each character carries log2(23) ≈ 4.52 bits, so 9 characters carry
 * 40.7 bits and the default 10 carry 45.2 bits (≈ 4·10^13 codes). With a million codes issued
 * and a rate-limited lookup, guessing a valid one stays out of reach.
 */
export const VERIFY_CODE_MIN_LENGTH = 9;
export const VERIFY_CODE_MAX_LENGTH = 32;
export const VERIFY_CODE_DEFAULT_LENGTH = 10;

/** A new random code from the OS CSPRNG (`crypto.randomInt`, uniform, no modulo bias). */
export function generateVerifyCode(length: number = VERIFY_CODE_DEFAULT_LENGTH): string {
  if (!Number.isInteger(length) || length < VERIFY_CODE_MIN_LENGTH || length > VERIFY_CODE_MAX_LENGTH) {
    throw new RangeError(`length must be an integer ${VERIFY_CODE_MIN_LENGTH}..${VERIFY_CODE_MAX_LENGTH}`);
  }
  let code = '';
  for (let i = 0; i < length; i++) code += VERIFY_ALPHABET[randomInt(VERIFY_ALPHABET.length)];
  return code;
}

/**
 * Canonical form of a typed or scanned code: NFKC (full-width ＡＢＣ from Chinese input methods
 * become ABC), upper case, and spaces, hyphens, dashes, underscores, dots and middle dots
 * removed (`acd3-e4fg` → `ACD3E4FG`).
 *
 * Look-alikes are NOT mapped: both members of every confusable pair (0/O, 1/I/L, …) are
 * excluded from the alphabet, so a typed `O` has no single intended character. It is kept,
 * and `isWellFormedVerifyCode` then rejects the code, so the page can say "check the code"
 * instead of silently looking up a different one.
 */
export function normalizeVerifyCode(input: string): string {
  return input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_.·‐‑‒–—―]/gu, '');
}

/**
 * Whether `code` is a canonical code: only `VERIFY_ALPHABET` characters and a length of
 * 9..32 (or exactly `length`). Does not normalise: call `normalizeVerifyCode` first.
 */
export function isWellFormedVerifyCode(code: string, opts: { length?: number } = {}): boolean {
  const n = code.length;
  if (opts.length !== undefined ? n !== opts.length : n < VERIFY_CODE_MIN_LENGTH || n > VERIFY_CODE_MAX_LENGTH) return false;
  for (const ch of code) if (!VERIFY_ALPHABET.includes(ch)) return false;
  return true;
}

/** Groups a code for print and speech: `ACD3E4FGHJ` → `ACD3E-4FGHJ` (normalising removes the hyphen). */
export function formatVerifyCode(code: string, groupSize = 5): string {
  if (!Number.isInteger(groupSize) || groupSize < 1) throw new RangeError('groupSize must be a positive integer');
  return code.match(new RegExp(`.{1,${groupSize}}`, 'g'))?.join('-') ?? '';
}
