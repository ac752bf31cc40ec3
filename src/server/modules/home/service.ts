import { can } from '../../../domain/abilities';
import { chinaToday, startOfChinaDayUtc } from '../../../domain/time';
import type { TCtx } from '../../context';
import { nowIso } from '../../context';
import { authorize, scopePattern } from '../../policy';
import { auditScopeOf, scopedAuditLog } from '../audit/scope';

/** Counts within the actor's scope for the home page (today's audit rows: the audit log's scope, see audit/scope.ts). */
export async function getHomeStats(ctx: TCtx) {
  authorize(ctx.actor, 'home.view');
  const scope = scopePattern(ctx.actor);
  const count = (n: { n: number }) => Number(n.n);
  const db = ctx.db;
  const [orgs, schools, teachers, users, locked] = await Promise.all([
    db.selectFrom('orgs').select((eb) => eb.fn.countAll<number>().as('n')).where('path', 'like', scope).executeTakeFirstOrThrow(),
    db.selectFrom('orgs').select((eb) => eb.fn.countAll<number>().as('n')).where('path', 'like', scope).where('kind', '=', 'school').executeTakeFirstOrThrow(),
    db.selectFrom('teachers as t').innerJoin('orgs as o', 'o.id', 't.org_id').select((eb) => eb.fn.countAll<number>().as('n')).where('o.path', 'like', scope).executeTakeFirstOrThrow(),
    db.selectFrom('users as u').innerJoin('orgs as o', 'o.id', 'u.org_id').select((eb) => eb.fn.countAll<number>().as('n')).where('o.path', 'like', scope).executeTakeFirstOrThrow(),
    db.selectFrom('users as u').innerJoin('orgs as o', 'o.id', 'u.org_id').select((eb) => eb.fn.countAll<number>().as('n')).where('o.path', 'like', scope).where('u.locked_until', '>', nowIso()).executeTakeFirstOrThrow(),
  ]);
  let auditToday: number | null = null;
  if (can(ctx.actor.role, 'audit.read')) {
    const since = startOfChinaDayUtc(chinaToday());
    const inScope = scopedAuditLog(db, await auditScopeOf(ctx));
    auditToday = count(await inScope.select((eb) => eb.fn.countAll<number>().as('n')).where('audit_log.at', '>=', since).executeTakeFirstOrThrow());
  }
  return { orgs: count(orgs), schools: count(schools), teachers: count(teachers), users: count(users), lockedUsers: count(locked), auditToday };
}
