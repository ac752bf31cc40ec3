/**
 * A reporter's phone: a mainland mobile (`13812345678`, `+86 138 1234 5678`) or a landline with
 * its area code (`0571-12345678`, `010 1234 5678`). Normalised to digits (landline `0571-12345678`).
 */
import { normalizeMobile } from '../validators/mobile';

export function normalizeReporterPhone(s: string): string | null {
  const mobile = normalizeMobile(s);
  if (mobile) return mobile;
  const digits = s.trim().replace(/[\s-]/g, '');
  // 3-digit area codes are 010 and 02x (8-digit numbers); the others have 4 digits (7 or 8)
  if (/^0(?:10|2\d)\d{8}$/.test(digits)) return `${digits.slice(0, 3)}-${digits.slice(3)}`;
  if (/^0[3-9]\d{2}\d{7,8}$/.test(digits)) return `${digits.slice(0, 4)}-${digits.slice(4)}`;
  return null;
}

/** `138****5678`, `0571-****5678`. */
export function maskReporterPhone(phone: string): string {
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  const [area, local] = phone.split('-');
  return local ? `${area}-****${local.slice(-4)}` : '*'.repeat(phone.length);
}
