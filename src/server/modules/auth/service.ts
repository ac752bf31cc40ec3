import { checkPasswordPolicy } from '../../../domain/validators/password';
import { SECURITY } from '../../config';
import type { TCtx, TDeps } from '../../context';
import { nowIso } from '../../context';
import { AppError } from '../../http/errors';
import { getDummyHash, hashPassword, verifyPassword } from '../../security/password';
import { recordAudit } from '../audit/record';
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
  const subject = { userId: user.id, role: user.role, orgId: user.org_id, orgName: user.org_name };
  if (user.locked_until && user.locked_until > now.toISOString()) {
    await recordAudit(deps.db, sys, { action: 'auth.login_locked', objectType: 'user', objectId: user.id, actorUsername: user.username, subject });
    throw new AppError('ACCOUNT_LOCKED', { extra: { lockedUntil: user.locked_until } });
  }
  const ok = await verifyPassword(opts.password, user.password_hash);
  if (!ok) {
    await deps.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('users')
        .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1), updated_at: now.toISOString() }))
        .where('id', '=', user.id)
        .returning('failed_attempts')
        .executeTakeFirstOrThrow();
      const locks = row.failed_attempts >= SECURITY.maxFailedLogins;
      if (locks) {
        const until = new Date(now.getTime() + SECURITY.lockMinutes * 60_000).toISOString();
        await trx.updateTable('users').set({ locked_until: until, failed_attempts: 0 }).where('id', '=', user.id).execute();
      }
      await recordAudit(trx, sys, {
        action: locks ? 'auth.account_locked' : 'auth.login_failed',
        objectType: 'user',
        objectId: user.id,
        actorUsername: user.username,
        subject,
        after: { failedAttempts: row.failed_attempts },
      });
    });
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.status !== 'active') {
    await recordAudit(deps.db, sys, { action: 'auth.login_disabled', objectType: 'user', objectId: user.id, actorUsername: user.username, subject });
    throw new AppError('ACCOUNT_DISABLED');
  }
  return deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ failed_attempts: 0, locked_until: null, last_login_at: now.toISOString(), updated_at: now.toISOString() })
      .where('id', '=', user.id)
      .execute();
    const s = await createSession(trx, { userId: user.id, ip: opts.ip, userAgent: opts.userAgent, now });
    await recordAudit(trx, sys, { action: 'auth.login', objectType: 'user', objectId: user.id, actorUsername: user.username, subject });
    return { token: s.token, csrfToken: s.csrfToken, userId: user.id };
  });
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
