import crypto from 'node:crypto';
import type { TOrgKind, TRole } from '../../../domain/roles';
import { SECURITY } from '../../config';
import type { TActor } from '../../context';
import type { TDb } from '../../db/connect';

export const SESSION_COOKIE = 'jf_sid';
export const CSRF_COOKIE = 'jf_csrf';

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

export function sessionIdOf(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** Creates a session row; returns the cookie token (only its hash is stored) and the CSRF token. */
export async function createSession(
  db: TDb,
  opts: { userId: number; ip: string | null; userAgent: string | null; now?: Date },
): Promise<{ token: string; csrfToken: string; expiresAt: string }> {
  const now = opts.now ?? new Date();
  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(now.getTime() + SECURITY.absoluteTimeoutHours * 3600_000).toISOString();
  await db
    .insertInto('sessions')
    .values({
      id: sessionIdOf(token),
      user_id: opts.userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt,
      ip: opts.ip,
      user_agent: opts.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

/**
 * A short-lived in-process cache of loaded sessions. The database stays the source of truth: an
 * entry lives at most `sessionCacheMs` (default 2 s), so a logout, disable or password reset made
 * by another app process takes effect there within that time; in this process it is immediate
 * (writes that end sessions call `forgetCachedSessions`). 0 turns the cache off.
 */
interface TCachedSession {
  actor: TActor;
  expiresAt: number;
  lastSeen: number;
  fetched: number;
}
const cache = new Map<string, TCachedSession>();
let cacheMs = 2000;

export function configureSessionCache(ms: number): void {
  cacheMs = ms;
  cache.clear();
}

export function forgetCachedSessions(): void {
  cache.clear();
}

/** The actor of a session cookie if this process loaded it within the cache time; undefined otherwise. */
export function peekCachedActor(token: string, now = Date.now()): TActor | undefined {
  if (cacheMs <= 0 || !token || token.length > 100) return undefined;
  const hit = cache.get(sessionIdOf(token));
  if (hit && now - hit.fetched < cacheMs && now < hit.expiresAt && now - hit.lastSeen < SECURITY.idleTimeoutMinutes * 60_000) return hit.actor;
  return undefined;
}

/**
 * Loads the actor of a session cookie, enforcing the idle (30 min) and absolute (12 h) timeouts
 * and the account state. Expired sessions are deleted. Touches `last_seen_at` at most once a minute.
 */
export async function loadActor(db: TDb, token: string, now: Date = new Date()): Promise<TActor | null> {
  if (!token || token.length > 100) return null;
  const id = sessionIdOf(token);
  const nowMs = now.getTime();
  const idleMs = SECURITY.idleTimeoutMinutes * 60_000;
  const hit = cacheMs > 0 ? cache.get(id) : undefined;
  if (hit && nowMs - hit.fetched < cacheMs && nowMs < hit.expiresAt && nowMs - hit.lastSeen < idleMs) return hit.actor;
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select([
      's.id as sid',
      's.csrf_token',
      's.last_seen_at',
      's.expires_at',
      'u.id as user_id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.status as user_status',
      'u.must_change_password',
      'o.id as org_id',
      'o.path as org_path',
      'o.name as org_name',
      'o.kind as org_kind',
      'o.code as org_code',
      'o.status as org_status',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const idleLimit = now.getTime() - SECURITY.idleTimeoutMinutes * 60_000;
  const expired =
    row.expires_at <= now.toISOString() ||
    new Date(row.last_seen_at).getTime() < idleLimit ||
    row.user_status !== 'active' ||
    row.org_status !== 'active';
  if (expired) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    cache.delete(id);
    return null;
  }
  if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
    await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', id).execute();
  }
  const role = row.role as TRole;
  const actor: TActor = {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    role,
    orgId: row.org_id,
    orgPath: row.org_path,
    scopePath: REGION_SCOPED_ROLES.includes(role) ? await regionPathOf(db, row.org_path) : row.org_path,
    orgName: row.org_name,
    orgKind: row.org_kind as TOrgKind,
    orgCode: row.org_code,
    mustChangePassword: row.must_change_password === 1,
    sessionId: row.sid,
    csrfToken: row.csrf_token,
  };
  if (cacheMs > 0) {
    if (cache.size >= 10_000) cache.clear();
    cache.set(id, { actor, expiresAt: new Date(row.expires_at).getTime(), lastSeen: new Date(row.last_seen_at).getTime(), fetched: nowMs });
  }
  return actor;
}

/**
 * Roles that run the county's work system (the 领导小组 and its office, the audit bureau, the 三员)
 * see the whole region their org sits in, not only their own section.
 */
export const REGION_SCOPED_ROLES: readonly TRole[] = ['leader', 'office', 'auditor', 'sysadmin', 'secadmin', 'auditadmin'];

/** Path of the nearest region at or above an org (the org's own path when none). */
export async function regionPathOf(db: TDb, orgPath: string): Promise<string> {
  const ids = orgPath.split('/').filter(Boolean).map(Number);
  const region = await db.selectFrom('orgs').select('path').where('id', 'in', ids).where('kind', '=', 'region').orderBy('depth', 'desc').executeTakeFirst();
  return region?.path ?? orgPath;
}

/**
 * The actor of a user without a session: for the system acting on a person's behalf where the
 * person is known (seeding the demo county through the real workflow, command-line tools).
 */
export async function actorOfUser(db: TDb, username: string): Promise<TActor> {
  const u = await db
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.username', 'u.display_name', 'u.role', 'o.id as org_id', 'o.path', 'o.name', 'o.kind', 'o.code'])
    .where('u.username', '=', username)
    .executeTakeFirstOrThrow();
  const role = u.role as TRole;
  return {
    userId: u.id,
    username: u.username,
    displayName: u.display_name,
    role,
    orgId: u.org_id,
    orgPath: u.path,
    scopePath: REGION_SCOPED_ROLES.includes(role) ? await regionPathOf(db, u.path) : u.path,
    orgName: u.name,
    orgKind: u.kind as TOrgKind,
    orgCode: u.code,
    mustChangePassword: false,
    sessionId: '',
    csrfToken: '',
  };
}

export async function deleteSession(db: TDb, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
  cache.delete(sessionId);
}
