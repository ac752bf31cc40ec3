import type { Kysely } from 'kysely';
import type { TLeadershipGroup, TLeadershipGroupData, TLeadershipRole, TLeadershipTopic } from '../../../domain/leadership/schemas';
import { nowIso } from '../../context';
import type { TDatabase } from '../../db/types';

/** The groups of some orgs with their members in order, by org id. */
export async function findGroupsOfOrgs(db: Kysely<TDatabase>, orgIds: readonly number[]): Promise<Map<number, TLeadershipGroup[]>> {
  const out = new Map<number, TLeadershipGroup[]>();
  if (!orgIds.length) return out;
  const groups = await db.selectFrom('leadership_groups').selectAll().where('org_id', 'in', orgIds).orderBy('org_id').orderBy('topic').execute();
  if (!groups.length) return out;
  const members = await db
    .selectFrom('leadership_members')
    .select(['group_id', 'role', 'name', 'post'])
    .where(
      'group_id',
      'in',
      groups.map((g) => g.id),
    )
    .orderBy('group_id')
    .orderBy('sort_order')
    .execute();
  const byGroup = new Map<number, TLeadershipGroup['members']>();
  for (const m of members) {
    const list = byGroup.get(m.group_id) ?? [];
    list.push({ role: m.role as TLeadershipRole, name: m.name, post: m.post });
    byGroup.set(m.group_id, list);
  }
  for (const g of groups) {
    const list = out.get(g.org_id) ?? [];
    list.push({ topic: g.topic as TLeadershipTopic, name: g.name, officeLocation: g.office_location, officeDirector: g.office_director, members: byGroup.get(g.id) ?? [], updatedAt: g.updated_at });
    out.set(g.org_id, list);
  }
  return out;
}

/** Creates or replaces the group of an org and topic, members included. Call inside a transaction. */
export async function saveGroup(trx: Kysely<TDatabase>, opts: { orgId: number; topic: TLeadershipTopic; data: TLeadershipGroupData; userId: number | null }): Promise<void> {
  const at = nowIso();
  const { id } = await trx
    .insertInto('leadership_groups')
    .values({ org_id: opts.orgId, topic: opts.topic, name: opts.data.name, office_location: opts.data.officeLocation || null, office_director: opts.data.officeDirector || null, updated_by: opts.userId, created_at: at, updated_at: at })
    .onConflict((oc) =>
      oc.columns(['org_id', 'topic']).doUpdateSet({ name: opts.data.name, office_location: opts.data.officeLocation || null, office_director: opts.data.officeDirector || null, updated_by: opts.userId, updated_at: at }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.deleteFrom('leadership_members').where('group_id', '=', id).execute();
  await trx
    .insertInto('leadership_members')
    .values(opts.data.members.map((m, i) => ({ group_id: id, role: m.role, name: m.name, post: m.post, sort_order: i + 1 })))
    .execute();
}

/** Removes a group and its members; false when there was none. */
export async function deleteGroup(trx: Kysely<TDatabase>, opts: { orgId: number; topic: TLeadershipTopic }): Promise<boolean> {
  const g = await trx.selectFrom('leadership_groups').select('id').where('org_id', '=', opts.orgId).where('topic', '=', opts.topic).executeTakeFirst();
  if (!g) return false;
  await trx.deleteFrom('leadership_members').where('group_id', '=', g.id).execute();
  await trx.deleteFrom('leadership_groups').where('id', '=', g.id).execute();
  return true;
}
