/**
 * Tracking numbers and keys of complaints. A tracking number is read aloud over the phone and
 * copied by hand: `TS` + the China day of receipt + `-` + 6 characters from an alphabet without
 * look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B), e.g. `TS20261128-4K7Q2M`. The key is the secret
 * that goes with it: 22 characters of the same alphabet (≈ 110 bits), stored only as a hash.
 */
import { randomInt } from 'node:crypto';

export const TRACKING_ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';
const TRACKING_RE = new RegExp(`^TS\\d{8}-[${TRACKING_ALPHABET}]{6}$`);
export const KEY_LENGTH = 22;

function randomString(length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)];
  return s;
}

/** A new tracking number for a case received on `day` (`YYYY-MM-DD`, China). */
export function newTrackingNo(day: string): string {
  return `TS${day.replaceAll('-', '')}-${randomString(6)}`;
}

/** Upper-cases and drops spaces so a number typed by hand still matches. */
export function normalizeTrackingNo(s: string): string {
  return s.trim().toUpperCase().replace(/\s+/g, '');
}

export function isTrackingNo(s: string): boolean {
  return TRACKING_RE.test(s);
}

export function newCaseKey(): string {
  return randomString(KEY_LENGTH);
}
