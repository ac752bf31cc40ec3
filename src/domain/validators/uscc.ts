/**
 * GB 32100-2015 统一社会信用代码 (Unified Social Credit Code, USCC).
 *
 * Layout (1-based positions), 18 chars from USCC_CHARSET:
 *   1      registration authority code (登记管理部门代码, e.g. 1 机构编制, 5 民政, 9 工商, Y 其他)
 *   2      organisation category (机构类别代码)
 *   3–8    administrative division code (GB/T 2260) — six digits
 *   9–17   organisation code (组织机构代码, GB 11714); position 17 is its own check char
 *   18     USCC check char (mod 31)
 *
 * Positions 1–2: any charset char is accepted (the standard's tables keep growing).
 * Positions 3–8: six digits whose first two are a province code, or '100000'
 *   (central-level registrations). County structure is deliberately not checked:
 *   real codes use development-zone codes (e.g. 320594) and historic codes.
 *
 * GB 11714 org-code check values: digits 0–9, letters A=10 … Z=35 (plain
 * alphabet order — NOT the index in the 31-char USCC charset). This matters for
 * post-2015 codes whose org part starts with 'MA' and was verified against real
 * published codes (see uscc.test.ts).
 */
import { isProvinceCode } from './regionCode.js';

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const USCC_FORMAT = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export type UsccResult = { ok: true } | { ok: false; reason: 'format' | 'region' | 'orgCode' | 'checksum' };

function usccValue(ch: string): number {
  const v = ch.length === 1 ? USCC_CHARSET.indexOf(ch) : -1;
  if (v < 0) throw new RangeError(`invalid USCC character: ${ch}`);
  return v;
}

/** GB 11714 value of one org-code body char: 0–9 → 0–9, A–Z → 10–35. */
function orgValue(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 90) return c - 55;
  throw new RangeError(`invalid organisation code character: ${ch}`);
}

/** GB 11714 check char for the 8-char organisation code body. */
export function orgCodeCheckChar(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) throw new RangeError('org code body must be 8 chars [0-9A-Z]');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgValue(body8.charAt(i)) * (ORG_WEIGHTS[i] ?? 0);
  const c = 11 - (sum % 11);
  if (c === 10) return 'X';
  if (c === 11) return '0';
  return String(c);
}

/** USCC check char (position 18) for the first 17 chars. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('usccCheckChar expects 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += usccValue(first17.charAt(i)) * (USCC_WEIGHTS[i] ?? 0);
  const c = 31 - (sum % 31);
  // c is in 1..31; 31 must map to '0' (index 0), not fall off the charset.
  return c === 31 ? '0' : USCC_CHARSET.charAt(c);
}

function isUsccRegion(six: string): boolean {
  return six === '100000' || isProvinceCode(six.slice(0, 2));
}

/**
 * Validates a USCC. Order: format → region → orgCode → checksum.
 * No normalisation is performed: input must be uppercase with no whitespace.
 */
export function validateUscc(s: string): UsccResult {
  if (!USCC_FORMAT.test(s)) return { ok: false, reason: 'format' };
  if (!isUsccRegion(s.slice(2, 8))) return { ok: false, reason: 'region' };
  if (orgCodeCheckChar(s.slice(8, 16)) !== s.charAt(16)) return { ok: false, reason: 'orgCode' };
  if (usccCheckChar(s.slice(0, 17)) !== s.charAt(17)) return { ok: false, reason: 'checksum' };
  return { ok: true };
}

export type UsccKind = 'enterprise' | 'institution';

const KIND_PREFIX: Readonly<Record<UsccKind, string>> = {
  enterprise: '91', // 工商 + 企业
  institution: '12', // 机构编制 + 事业单位
};

/**
 * Generates a valid USCC for fixtures/demo data. The org-code body is `seq`
 * zero-padded to 8 digits (seq: integer 0..99,999,999).
 */
export function makeUscc(opts: { regionCode: string; seq: number; kind?: UsccKind }): string {
  const { regionCode, seq, kind = 'enterprise' } = opts;
  if (!/^\d{6}$/.test(regionCode) || !isUsccRegion(regionCode)) {
    throw new RangeError('regionCode must be a six-digit code with a valid province');
  }
  if (!Number.isInteger(seq) || seq < 0 || seq > 99_999_999) {
    throw new RangeError('seq must be an integer 0..99999999');
  }
  const body = String(seq).padStart(8, '0');
  const first17 = KIND_PREFIX[kind] + regionCode + body + orgCodeCheckChar(body);
  return first17 + usccCheckChar(first17);
}
