import type { TLeadershipGroup, TLeadershipGroupData, TLeadershipTopic } from '../../../domain/leadership/schemas';
import type { TCtx } from '../../context';
import type { TDb } from '../../db/connect';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/record';
import { findOrgById } from '../orgs/repo';
import { authorizeLeadershipEdit, authorizeLeadershipRead, canEditLeadership } from './policy';
import { deleteGroup, findGroupsOfOrgs, saveGroup } from './repo';

/** The leadership groups of an org the actor may see, and whether the actor may edit them. */
export async function getLeadership(ctx: TCtx, orgId: number) {
  const org = await findOrgById(ctx.db, orgId);
  authorizeLeadershipRead(ctx.actor, org ?? null);
  const groups = (await findGroupsOfOrgs(ctx.db, [orgId])).get(orgId) ?? [];
  return { orgId, orgName: org!.name, canEdit: canEditLeadership(ctx.actor, org!), groups };
}

/** Saves (creates or replaces) the group of a topic; audited with before and after. */
export async function saveLeadership(ctx: TCtx, opts: { orgId: number; topic: TLeadershipTopic; data: TLeadershipGroupData }): Promise<TLeadershipGroup> {
  const org = await findOrgById(ctx.db, opts.orgId);
  authorizeLeadershipEdit(ctx.actor, org ?? null);
  return ctx.db.transaction().execute(async (trx) => {
    const before = (await findGroupsOfOrgs(trx, [opts.orgId])).get(opts.orgId)?.find((g) => g.topic === opts.topic) ?? null;
    await saveGroup(trx, { orgId: opts.orgId, topic: opts.topic, data: opts.data, userId: ctx.actor.userId });
    const after = (await findGroupsOfOrgs(trx, [opts.orgId])).get(opts.orgId)!.find((g) => g.topic === opts.topic)!;
    await recordAudit(trx, ctx, { action: 'leadership.save', objectType: 'leadership_group', objectId: `${opts.orgId}:${opts.topic}`, before, after });
    return after;
  });
}

export async function deleteLeadership(ctx: TCtx, opts: { orgId: number; topic: TLeadershipTopic }): Promise<void> {
  const org = await findOrgById(ctx.db, opts.orgId);
  authorizeLeadershipEdit(ctx.actor, org ?? null);
  await ctx.db.transaction().execute(async (trx) => {
    const before = (await findGroupsOfOrgs(trx, [opts.orgId])).get(opts.orgId)?.find((g) => g.topic === opts.topic);
    if (!before || !(await deleteGroup(trx, opts))) throw new AppError('NOT_FOUND');
    await recordAudit(trx, ctx, { action: 'leadership.delete', objectType: 'leadership_group', objectId: `${opts.orgId}:${opts.topic}`, before });
  });
}

/**
 * For other modules (reports): the group of a topic of the first of `orgIds` that has one,
 * with the org holding it. No actor check: the caller has authorised its own read.
 */
export async function findLeadershipGroup(opts: { db: TDb; orgIds: readonly number[]; topic: TLeadershipTopic }): Promise<{ orgId: number; group: TLeadershipGroup } | null> {
  const all = await findGroupsOfOrgs(opts.db, opts.orgIds);
  for (const id of opts.orgIds) {
    const group = all.get(id)?.find((g) => g.topic === opts.topic);
    if (group) return { orgId: id, group };
  }
  return null;
}
