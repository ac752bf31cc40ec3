/** Data access of cases: the joined row every reader uses, the scope filter, events. */
import { type ExpressionBuilder, type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { TActor } from '../../context';
import type { TCaseRow, TDatabase } from '../../db/types';
import { seesWholeRegion } from './policy';

export type TCaseJoined = TCaseRow & {
  region_path: string;
  target_name: string | null;
  target_path: string | null;
  assigned_name: string | null;
  assigned_path: string | null;
};

type TCaseDb = TDatabase & { c: TDatabase['cases']; r: TDatabase['orgs']; t: TDatabase['orgs']; a: TDatabase['orgs'] };
export type TCaseQuery = SelectQueryBuilder<TCaseDb, 'c' | 'r' | 't' | 'a', TCaseJoined>;
export type TCaseEb = ExpressionBuilder<TCaseDb, 'c' | 'r' | 't' | 'a'>;

export function caseQuery(db: Kysely<TDatabase>): TCaseQuery {
  return db
    .selectFrom('cases as c')
    .innerJoin('orgs as r', 'r.id', 'c.region_org_id')
    .leftJoin('orgs as t', 't.id', 'c.target_org_id')
    .leftJoin('orgs as a', 'a.id', 'c.assigned_org_id')
    .selectAll('c')
    .select(['r.path as region_path', 't.name as target_name', 't.path as target_path', 'a.name as assigned_name', 'a.path as assigned_path']) as unknown as TCaseQuery;
}

export async function findCaseById(db: Kysely<TDatabase>, id: number): Promise<TCaseJoined | undefined> {
  return caseQuery(db).where('c.id', '=', id).executeTakeFirst();
}

/**
 * Only the cases the actor may see: the office and leaders their region's; a section or school,
 * once assigned, those about or assigned to its own org subtree.
 */
export function scoped(q: TCaseQuery, actor: TActor): TCaseQuery {
  const like = `${actor.scopePath}%`;
  if (seesWholeRegion(actor)) return q.where('r.path', 'like', like);
  return q.where('c.status', '!=', 'received').where((eb) => eb.or([eb('t.path', 'like', like), eb('a.path', 'like', like)]));
}

export async function writeEvent(
  trx: Kysely<TDatabase>,
  e: { caseId: number; at: string; actorUserId: number | null; actorName: string | null; action: string; from: string | null; to: string | null; note?: string | null; data?: unknown },
): Promise<void> {
  await trx
    .insertInto('case_events')
    .values({
      case_id: e.caseId,
      at: e.at,
      actor_user_id: e.actorUserId,
      actor_name: e.actorName,
      action: e.action,
      from_status: e.from,
      to_status: e.to,
      note: e.note ?? null,
      data_json: e.data === undefined ? null : JSON.stringify(e.data),
    })
    .execute();
}

/** `ref` contains `s` literally: `%`, `_` and `\` typed by a user match themselves (both dialects). */
export function textContains(ref: string, s: string) {
  const pattern = `%${s.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return sql<boolean>`${sql.ref(ref)} like ${pattern} escape '\\'`;
}

/** Duplicate counts of groups (other members of each group). */
export async function groupSizes(db: Kysely<TDatabase>, groupIds: readonly number[]): Promise<Map<number, number>> {
  if (!groupIds.length) return new Map();
  const rows = await db.selectFrom('cases').select(['group_id', (eb) => eb.fn.countAll<number>().as('n')]).where('group_id', 'in', [...new Set(groupIds)]).groupBy('group_id').execute();
  return new Map(rows.map((r) => [r.group_id!, Number(r.n)]));
}
