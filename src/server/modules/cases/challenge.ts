/**
 * The light challenge against floods (proof of work): the server hands out a signed token with a
 * random prefix and a difficulty; the client finds a decimal nonce such that
 * SHA-256(prefix + nonce) starts with that many zero bits. The token is checked for its
 * signature, expiry and difficulty, and spent once (a row in `challenge_uses`, so every app
 * process knows it was used).
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { TDeps } from '../../context';
import type { TDatabase } from '../../db/types';
import { AppError } from '../../http/errors';

interface TPayload {
  n: string;
  d: number;
  e: number;
}

function keyOf(deps: TDeps): string {
  return deps.fieldCrypto.lookupHash('complaint-challenge-v1');
}

function sign(deps: TDeps, body: string): string {
  return crypto.createHmac('sha256', keyOf(deps)).update(body).digest('base64url');
}

export function leadingZeroBits(digest: Uint8Array): number {
  let n = 0;
  for (const b of digest) {
    if (b === 0) {
      n += 8;
      continue;
    }
    return n + Math.clz32(b) - 24;
  }
  return n;
}

export function issueChallenge(deps: TDeps, opts: { difficulty: number; seconds: number; now?: number }) {
  const now = opts.now ?? Date.now();
  const payload: TPayload = { n: crypto.randomBytes(16).toString('hex'), d: opts.difficulty, e: now + opts.seconds * 1000 };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return { token: `${body}.${sign(deps, body)}`, prefix: payload.n, difficulty: payload.d, expiresAt: new Date(payload.e).toISOString() };
}

/** Solves a challenge (tests and the benchmark; browsers run src/web/public/pow.ts). */
export function solveChallenge(prefix: string, difficulty: number): string {
  for (let i = 0; ; i++) {
    const nonce = String(i);
    if (leadingZeroBits(crypto.createHash('sha256').update(prefix + nonce).digest()) >= difficulty) return nonce;
  }
}

function parse(deps: TDeps, token: string): TPayload | null {
  const [body, sig] = token.split('.');
  if (!body || !sig) return null;
  const expected = Buffer.from(sign(deps, body));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  try {
    const p = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<TPayload>;
    return typeof p.n === 'string' && typeof p.d === 'number' && typeof p.e === 'number' ? { n: p.n, d: p.d, e: p.e } : null;
  } catch {
    return null;
  }
}

let spent = 0;

/** Signature, expiry, difficulty and the work itself (no database): callers check this first, before any other work. */
export function checkChallenge(deps: TDeps, answer: { token: string; nonce: string }, opts: { minDifficulty: number; now?: number }): TPayload {
  const p = parse(deps, answer.token);
  if (!p || p.e < (opts.now ?? Date.now()) || p.d < opts.minDifficulty) throw new AppError('CHALLENGE_FAILED');
  if (leadingZeroBits(crypto.createHash('sha256').update(p.n + answer.nonce).digest()) < p.d) throw new AppError('CHALLENGE_FAILED');
  return p;
}

/**
 * Checks an answer and spends it, inside the caller's transaction (so a complaint that fails
 * leaves the token unused). Any failure is `CHALLENGE_FAILED`.
 */
export async function spendChallenge(trx: Kysely<TDatabase>, deps: TDeps, answer: { token: string; nonce: string }, opts: { minDifficulty: number; now?: number }): Promise<void> {
  const now = opts.now ?? Date.now();
  const p = checkChallenge(deps, answer, { ...opts, now });
  const row = await trx.insertInto('challenge_uses').values({ nonce: p.n, expires_at: new Date(p.e).toISOString() }).onConflict((oc) => oc.column('nonce').doNothing()).returning('nonce').executeTakeFirst();
  if (!row) throw new AppError('CHALLENGE_FAILED');
  if (++spent % 500 === 0) await trx.deleteFrom('challenge_uses').where('expires_at', '<', new Date(now).toISOString()).execute();
}
