import type { ExpressionBuilder } from 'kysely';
import { checkPasswordPolicy } from '../../../domain/validators/password';
import { SECURITY } from '../../config';
import type { TCtx, TDeps, TSystemCtx } from '../../context';
import { nowIso } from '../../context';
import type { TDatabase } from '../../db/types';
import { AppError } from '../../http/errors';
import { getDummyHash, hashPassword, verifyPassword } from '../../security/password';
import { recordAudit, type TAuditEntry } from '../audit/record';
import { createSession, forgetCachedSessions } from './sessions';

export interface TLoginResult {
  token: string;
  csrfToken: string;
  userId: number;
}

/**
 * Username + password login with lockout: five failures lock the account for 15 minutes
 * (the five answers are 401 INVALID_CREDENTIALS, the attempts after them 423 ACCOUNT_LOCKED).
 * Unknown usernames spend the same scrypt time and get the same 401.
 *
 * The lock is checked twice: once before the (slow) password check, to spare the scrypt time,
 * and again by the write that follows it. Concurrent attempts all pass the first check, so the
 * second one decides: the success write and the failure count are conditional UPDATEs that
 * match only an unlocked row, with the count computed in SQL, never from the row read earlier.
 */
export async function login(
  deps: TDeps,
  opts: { username: string; password: string; ip: string | null; userAgent: string | null; requestId: string | null; now?: Date },
): Promise<TLoginResult> {
  const now = opts.now ?? new Date();
  const sys = { ...deps, actor: null, ip: opts.ip, requestId: opts.requestId } as const;
  const user = await deps.db
    .selectFrom('users')
    .innerJoin('orgs', 'orgs.id', 'users.org_id')
    .selectAll('users')
    .select('orgs.name as org_name')
    .where('username', '=', opts.username)
    .executeTakeFirst();
  if (!user) {
    await verifyPassword(opts.password, await getDummyHash());
    await recordAudit(deps.db, sys, { action: 'auth.login_failed', objectType: 'user', actorUsername: opts.username, after: { reason: 'unknown_user' } });
    throw new AppError('INVALID_CREDENTIALS');
  }
  const attempt: TAttempt = { deps, sys, user, subject: { userId: user.id, role: user.role, orgId: user.org_id, orgName: user.org_name } };
  if (user.locked_until && user.locked_until > now.toISOString()) await refuseLocked(attempt);
  const ok = await verifyPassword(opts.password, user.password_hash);
  // the clock after the password check: a lock set meanwhile by a concurrent attempt counts
  const at = (opts.now ?? new Date()).toISOString();
  if (!ok) {
    const counted = await countFailure(attempt, at);
    if (!counted) await refuseLocked(attempt);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.status !== 'active') {
    await recordAudit(deps.db, sys, { action: 'auth.login_disabled', objectType: 'user', objectId: user.id, actorUsername: user.username, subject: attempt.subject });
    throw new AppError('ACCOUNT_DISABLED');
  }
  const result = await deps.db.transaction().execute(async (trx) => {
    const cleared = await trx
      .updateTable('users')
      .set({ failed_attempts: 0, locked_until: null, last_login_at: at, updated_at: at })
      .where('id', '=', user.id)
      .where(notLockedAt(at))
      .executeTakeFirst();
    if (Number(cleared.numUpdatedRows) === 0) return null; // locked by a concurrent attempt since the first check
    const s = await createSession(trx, { userId: user.id, ip: opts.ip, userAgent: opts.userAgent, now });
    await recordAudit(trx, sys, { action: 'auth.login', objectType: 'user', objectId: user.id, actorUsername: user.username, subject: attempt.subject });
    return { token: s.token, csrfToken: s.csrfToken, userId: user.id };
  });
  return result ?? refuseLocked(attempt);
}

interface TAttempt {
  deps: TDeps;
  sys: TSystemCtx;
  user: { id: number; username: string };
  subject: NonNullable<TAuditEntry['subject']>;
}

/** Matches a user row that is not locked at `at` (never locked, or the lock has run out). */
function notLockedAt(at: string) {
  return (eb: ExpressionBuilder<TDatabase, 'users'>) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', at)]);
}

/**
 * Counts one failure and locks the account on the fifth, in one UPDATE of an unlocked row
 * (the lock resets the count, so a new series starts when it runs out). Returns false when
 * the row is locked already: then the attempt is answered like any other during a lock.
 */
async function countFailure(a: TAttempt, at: string): Promise<boolean> {
  const until = new Date(Date.parse(at) + SECURITY.lockMinutes * 60_000).toISOString();
  const last = SECURITY.maxFailedLogins - 1; // failures before this one that make it the locking one
  return a.deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('users')
      .set((eb) => ({
        failed_attempts: eb.case().when('failed_attempts', '>=', last).then(0).else(eb('failed_attempts', '+', 1)).end(),
        locked_until: eb.case().when('failed_attempts', '>=', last).then(until).else(eb.ref('locked_until')).end(),
        updated_at: at,
      }))
      .where('id', '=', a.user.id)
      .where(notLockedAt(at))
      .returning(['failed_attempts', 'locked_until'])
      .executeTakeFirst();
    if (!row) return false;
    const locks = row.locked_until === until;
    await recordAudit(trx, a.sys, {
      action: locks ? 'auth.account_locked' : 'auth.login_failed',
      objectType: 'user',
      objectId: a.user.id,
      actorUsername: a.user.username,
      subject: a.subject,
      after: { failedAttempts: locks ? SECURITY.maxFailedLogins : row.failed_attempts },
    });
    return true;
  });
}

/** Records the attempt on a locked account and answers 423 with the time the lock ends. */
async function refuseLocked(a: TAttempt): Promise<never> {
  const row = await a.deps.db.selectFrom('users').select('locked_until').where('id', '=', a.user.id).executeTakeFirst();
  await recordAudit(a.deps.db, a.sys, { action: 'auth.login_locked', objectType: 'user', objectId: a.user.id, actorUsername: a.user.username, subject: a.subject });
  throw new AppError('ACCOUNT_LOCKED', { extra: { lockedUntil: row?.locked_until ?? null } });
}

export async function logout(ctx: TCtx): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('id', '=', ctx.actor.sessionId).execute();
    await recordAudit(trx, ctx, { action: 'auth.logout', objectType: 'user', objectId: ctx.actor.userId });
  });
  forgetCachedSessions();
}

/** Changes the actor's own password; other sessions of the user are ended. */
export async function changePassword(ctx: TCtx, opts: { currentPassword: string; newPassword: string }): Promise<void> {
  const user = await ctx.db.selectFrom('users').select(['id', 'username', 'password_hash']).where('id', '=', ctx.actor.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(opts.currentPassword, user.password_hash))) throw new AppError('WRONG_PASSWORD');
  const policy = checkPasswordPolicy(opts.newPassword, { username: user.username });
  if (!policy.ok) throw new AppError('PASSWORD_POLICY', { extra: { reasons: policy.reasons } });
  if (opts.newPassword === opts.currentPassword) throw new AppError('PASSWORD_REUSED');
  const hash = await hashPassword(opts.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    const at = nowIso();
    await trx
      .updateTable('users')
      .set({ password_hash: hash, must_change_password: 0, password_changed_at: at, updated_at: at })
      .where('id', '=', user.id)
      .execute();
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).where('id', '!=', ctx.actor.sessionId).execute();
    await recordAudit(trx, ctx, { action: 'auth.password_changed', objectType: 'user', objectId: user.id });
  });
  forgetCachedSessions();
}
