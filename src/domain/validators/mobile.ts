/**
 * Mainland China mobile numbers: 11 digits, `1[3-9]` followed by 9 digits.
 *
 * Normalisation: spaces and hyphens are removed, then an optional country
 * prefix '+86', '0086' or '86' is stripped (only when exactly 11 digits
 * remain). The result is the bare 11-digit number.
 */

export type MobileResult = { ok: true; mobile: string } | { ok: false; reason: 'format' | 'prefix' };

const SEPARATORS = /[\s-]/g;
const MOBILE = /^1[3-9]\d{9}$/;

/** Strips separators and the +86/0086/86 prefix; does not check the 13–19 rule. */
function stripToDigits(s: string): string | null {
  let t = s.replace(SEPARATORS, '');
  if (t.startsWith('+86')) t = t.slice(3);
  else if (t.startsWith('0086') && t.length === 15) t = t.slice(4);
  else if (t.startsWith('86') && t.length === 13) t = t.slice(2);
  return /^\d{11}$/.test(t) ? t : null;
}

/** Normalised 11-digit number, or null if `s` is not a valid mainland mobile. */
export function normalizeMobile(s: string): string | null {
  const t = stripToDigits(s);
  return t !== null && MOBILE.test(t) ? t : null;
}

/**
 * 'format': not 11 digits after normalisation;
 * 'prefix': 11 digits but not starting with 13–19.
 */
export function validateMobile(s: string): MobileResult {
  const t = stripToDigits(s);
  if (t === null) return { ok: false, reason: 'format' };
  if (!MOBILE.test(t)) return { ok: false, reason: 'prefix' };
  return { ok: true, mobile: t };
}

/**
 * `13812345678` (any accepted spelling) → `138****5678`.
 * Inputs that are not valid mobiles are fully masked rather than echoed.
 */
export function maskMobile(s: string): string {
  const t = normalizeMobile(s);
  if (t === null) return '*'.repeat(s.length);
  return `${t.slice(0, 3)}****${t.slice(7)}`;
}
