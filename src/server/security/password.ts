import crypto from 'node:crypto';
import { promisify } from 'node:util';
import { SECURITY } from '../config';

const scryptAsync = promisify(crypto.scrypt) as (
  pw: string,
  salt: Buffer,
  keyLen: number,
  opts: crypto.ScryptOptions,
) => Promise<Buffer>;

export interface TScryptParams {
  N: number;
  r: number;
  p: number;
  keyLen: number;
  maxmem: number;
}

/** Stored as `scrypt$N$r$p$saltB64$hashB64`, so the cost can be raised later without breaking old hashes. */
export async function hashPassword(password: string, params: TScryptParams = SECURITY.scrypt): Promise<string> {
  const salt = crypto.randomBytes(16);
  const hash = await scryptAsync(password.normalize('NFC'), salt, params.keyLen, { N: params.N, r: params.r, p: params.p, maxmem: params.maxmem });
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, saltB64, hashB64] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hashB64, 'base64');
  const actual = await scryptAsync(password.normalize('NFC'), Buffer.from(saltB64, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SECURITY.scrypt.maxmem,
  });
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}

/** A hash that never verifies, used to spend the same time on unknown usernames. */
let dummyHash: Promise<string> | null = null;
export function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(crypto.randomBytes(12).toString('hex'));
  return dummyHash;
}

const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const DIGIT = '23456789';
const SYMBOL = '@#%+=?';

/** A temporary password that satisfies the policy and avoids look-alike characters. */
export function generateTemporaryPassword(length = 12): string {
  const pick = (s: string) => s[crypto.randomInt(s.length)] as string;
  const all = UPPER + LOWER + DIGIT + SYMBOL;
  const chars = [pick(UPPER), pick(LOWER), pick(DIGIT), pick(SYMBOL)];
  while (chars.length < length) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}
