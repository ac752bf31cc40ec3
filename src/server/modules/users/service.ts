import type { Kysely } from 'kysely';
import { ROLE_ORG_KINDS, type TOrgKind, type TRole } from '../../../domain/roles';
import type { TAnyCtx, TCtx } from '../../context';
import { nowIso } from '../../context';
import type { TDatabase } from '../../db/types';
import { AppError } from '../../http/errors';
import { inScope, scopePattern } from '../../policy';
import { generateTemporaryPassword, hashPassword } from '../../security/password';
import { recordAudit } from '../audit/record';
import { findOrgById } from '../orgs/repo';
import { forgetCachedSessions } from '../auth/sessions';
import { authorizeUser } from './policy';
import type { TUserCreate, TUserUpdate } from './schemas';

const userColumns = [
  'u.id',
  'u.username',
  'u.display_name',
  'u.role',
  'u.org_id',
  'o.name as org_name',
  'o.path as org_path',
  'u.status',
  'u.locked_until',
  'u.must_change_password',
  'u.last_login_at',
] as const;

function userQuery(db: Kysely<TDatabase>) {
  return db.selectFrom('users as u').innerJoin('orgs as o', 'o.id', 'u.org_id');
}

type TUserJoined = Awaited<ReturnType<typeof loadUser>>;

async function loadUser(db: Kysely<TDatabase>, id: number) {
  return userQuery(db).select(userColumns).where('u.id', '=', id).executeTakeFirst();
}

/** The user as the API shows it: no hashes, no internals. */
export function presentUser(r: NonNullable<TUserJoined>, now = nowIso()) {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    orgId: r.org_id,
    orgName: r.org_name,
    status: r.status,
    locked: !!r.locked_until && r.locked_until > now,
    mustChangePassword: r.must_change_password === 1,
    lastLoginAt: r.last_login_at,
  };
}

async function getScopedUser(ctx: TAnyCtx, id: number, action: Parameters<typeof authorizeUser>[1]) {
  const row = await loadUser(ctx.db, id);
  authorizeUser(ctx, action, row ? { orgPath: row.org_path, role: row.role as TRole, userId: row.id } : null);
  return row!;
}

async function checkRoleOrg(db: Kysely<TDatabase>, ctx: TAnyCtx, role: TRole, orgId: number) {
  const org = await findOrgById(db, orgId);
  if (!org || (ctx.actor && !inScope(ctx.actor, org.path))) throw new AppError('NOT_FOUND');
  if (!ROLE_ORG_KINDS[role].includes(org.kind as TOrgKind)) throw new AppError('ROLE_ORG_MISMATCH');
  return org;
}

export async function findUsers(ctx: TCtx, q: { page: number; pageSize: number; orgId?: number | undefined; q?: string | undefined; role?: TRole | undefined; status?: string | undefined }) {
  authorizeUser(ctx, 'read');
  let scope = scopePattern(ctx.actor);
  if (q.orgId) {
    const org = await findOrgById(ctx.db, q.orgId);
    if (!org || !inScope(ctx.actor, org.path)) throw new AppError('NOT_FOUND');
    scope = `${org.path}%`;
  }
  const text = q.q?.replace(/[%_]/g, '');
  const base = userQuery(ctx.db)
    .where('o.path', 'like', scope)
    .$if(!!q.role, (qb) => qb.where('u.role', '=', q.role!))
    .$if(!!q.status, (qb) => qb.where('u.status', '=', q.status!))
    .$if(!!text, (qb) => qb.where((eb) => eb.or([eb('u.username', 'like', `%${text}%`), eb('u.display_name', 'like', `%${text}%`)])));
  const [{ n }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base.select(userColumns).orderBy('o.path').orderBy('u.username').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
  ]);
  const now = nowIso();
  return { total: n, items: rows.map((r) => presentUser(r, now)) };
}

/** Creates an account with a temporary password that must be changed at first login. */
export async function createUser(ctx: TAnyCtx, input: TUserCreate & { password?: string; mustChangePassword?: boolean; teacherId?: number | null }) {
  return ctx.db.transaction().execute(async (trx) => {
    const org = await checkRoleOrg(trx, ctx, input.role, input.orgId);
    authorizeUser(ctx, 'create', { orgPath: org.path, role: input.role });
    const taken = await trx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
    if (taken) throw new AppError('USERNAME_TAKEN');
    const initialPassword = input.password ?? generateTemporaryPassword();
    const at = nowIso();
    const { id } = await trx
      .insertInto('users')
      .values({
        username: input.username,
        display_name: input.displayName,
        org_id: org.id,
        role: input.role,
        password_hash: await hashPassword(initialPassword),
        must_change_password: input.mustChangePassword === false ? 0 : 1,
        status: 'active',
        failed_attempts: 0,
        teacher_id: input.teacherId ?? null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const user = presentUser((await loadUser(trx, id))!);
    await recordAudit(trx, ctx, { action: 'user.create', objectType: 'user', objectId: id, after: user });
    return { user, initialPassword };
  });
}

export async function updateUser(ctx: TCtx, id: number, patch: TUserUpdate) {
  const before = await getScopedUser(ctx, id, 'read');
  const target = { orgPath: before.org_path, role: before.role as TRole, userId: id };
  if (patch.role !== undefined && patch.role !== before.role) {
    authorizeUser(ctx, 'setRole', target);
    authorizeUser(ctx, 'setRole', { ...target, role: patch.role });
  }
  if (patch.displayName !== undefined || patch.orgId !== undefined || patch.status !== undefined) authorizeUser(ctx, 'update', target);
  const role = (patch.role ?? before.role) as TRole;
  return ctx.db.transaction().execute(async (trx) => {
    if (patch.orgId !== undefined || patch.role !== undefined) await checkRoleOrg(trx, ctx, role, patch.orgId ?? before.org_id);
    await trx
      .updateTable('users')
      .set({
        ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
        ...(patch.orgId !== undefined ? { org_id: patch.orgId } : {}),
        ...(patch.status !== undefined ? { status: patch.status } : {}),
        ...(patch.role !== undefined ? { role: patch.role } : {}),
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
    // a disabled account, or one whose role or org changed, signs in again
    if (patch.status === 'disabled' || patch.role !== undefined || patch.orgId !== undefined) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    const after = presentUser((await loadUser(trx, id))!);
    await recordAudit(trx, ctx, { action: 'user.update', objectType: 'user', objectId: id, before: presentUser(before), after });
    return after;
  }).finally(forgetCachedSessions);
}

export async function resetPassword(ctx: TAnyCtx, opts: { userId: number; password?: string }) {
  const before = await getScopedUser(ctx, opts.userId, 'resetPassword');
  if (!before) throw new AppError('NOT_FOUND');
  const initialPassword = opts.password ?? generateTemporaryPassword();
  const hash = await hashPassword(initialPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: hash, must_change_password: 1, failed_attempts: 0, locked_until: null, updated_at: nowIso() })
      .where('id', '=', opts.userId)
      .execute();
    await trx.deleteFrom('sessions').where('user_id', '=', opts.userId).execute();
    await recordAudit(trx, ctx, { action: 'user.reset_password', objectType: 'user', objectId: opts.userId });
  });
  forgetCachedSessions();
  return { initialPassword };
}

export async function unlockUser(ctx: TCtx, id: number) {
  const before = await getScopedUser(ctx, id, 'unlock');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ locked_until: null, failed_attempts: 0, updated_at: nowIso() }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'user.unlock', objectType: 'user', objectId: id, before: { lockedUntil: before.locked_until }, after: { lockedUntil: null } });
  });
}

export async function findUserIdByUsername(db: Kysely<TDatabase>, username: string): Promise<number | null> {
  const r = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  return r?.id ?? null;
}
