import type { TCtx } from '../../context';
import type { TDb } from '../../db/connect';
import { scopePattern } from '../../policy';

/**
 * Which audit rows an actor may read: those written by an actor whose org (stored on the row,
 * `actor_org_id`) lies in the reader's subtree — a county's auditadmin reads its county only.
 *
 * Rows without an org — the system (CLI, seeding) and failed logins for usernames that do not
 * exist — belong to no county. A county-level reader never sees them: the typed "username" may
 * name another county's user, or be a password typed into the wrong box. They are shown only to
 * a reader whose scope covers every org of the installation (the top of the tree): that reader
 * sees every county anyway, so nothing crosses a county line, and guessing at usernames stays
 * auditable for someone. The same rule holds for a row whose org no longer resolves.
 */
export interface TAuditScope {
  /** `LIKE` pattern of the reader's subtree. */
  pattern: string;
  /** Whether rows without an org are included (the reader is at the top of the tree). */
  orgless: boolean;
}

export async function auditScopeOf(ctx: Pick<TCtx, 'db' | 'actor'>): Promise<TAuditScope> {
  const pattern = scopePattern(ctx.actor);
  const outside = await ctx.db.selectFrom('orgs').select('id').where('path', 'not like', pattern).limit(1).executeTakeFirst();
  return { pattern, orgless: !outside };
}

/** The audit rows in scope, as a query to add filters to (name audit_log's columns in full). */
export function scopedAuditLog(db: TDb, scope: TAuditScope) {
  return db
    .selectFrom('audit_log')
    .leftJoin('orgs as actor_org', 'actor_org.id', 'audit_log.actor_org_id')
    .where((eb) => {
      const inSubtree = eb('actor_org.path', 'like', scope.pattern);
      return scope.orgless ? eb.or([inSubtree, eb('actor_org.id', 'is', null)]) : inSubtree;
    });
}
