/**
 * The rectification workflow's steps. Each one: load, authorise (404 / 403 / 409), move the
 * status with a compare-and-swap UPDATE as the transaction's first write (a concurrent step
 * loses with 409), then the event row and the audit row, all in one transaction.
 */
import { CASE_ORG_KINDS, type TCaseStatus, type TVerdict } from '../../../domain/cases/enums';
import { nextStatus, type TCaseAction } from '../../../domain/cases/stateMachine';
import { FIELD_MESSAGES } from '../../../domain/errors';
import { chinaToday } from '../../../domain/time';
import type { TCtx } from '../../context';
import { nowIso } from '../../context';
import type { Kysely } from 'kysely';
import type { TCaseTable, TDatabase } from '../../db/types';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/record';
import { dueOnFor } from './calendar';
import { getCase } from './cases';
import { authorizeCase } from './policy';
import { policyTarget } from './present';
import { findCaseById, writeEvent, type TCaseJoined } from './repo';

type TPatch = Partial<Omit<TCaseTable, 'id' | 'status'>>;

interface TStep {
  action: TCaseAction;
  note?: string | null | undefined;
  /** Runs after authorisation, before the transaction: checks and the columns to write. */
  prepare?: (row: TCaseJoined) => Promise<TPatch> | TPatch;
  data?: unknown;
  /** Extra writes inside the transaction. */
  also?: (trx: Kysely<TDatabase>, row: TCaseJoined) => Promise<void>;
}

async function step(ctx: TCtx, id: number, s: TStep) {
  const row = await findCaseById(ctx.db, id);
  authorizeCase(ctx.actor, s.action, row ? policyTarget(row) : null);
  const c = row!;
  const patch = s.prepare ? await s.prepare(c) : {};
  const to: TCaseStatus = nextStatus(s.action, c.status as TCaseStatus, { hasAssignedOrg: (patch.assigned_org_id ?? c.assigned_org_id) !== null });
  await ctx.db.transaction().execute(async (trx) => {
    const at = nowIso();
    const moved = await trx
      .updateTable('cases')
      .set({ ...patch, status: to, updated_at: at })
      .where('id', '=', id)
      .where('status', '=', c.status)
      .where('updated_at', '=', c.updated_at)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw new AppError('CASE_STATE_CONFLICT');
    if (s.also) await s.also(trx, c);
    await writeEvent(trx, { caseId: id, at, actorUserId: ctx.actor.userId, actorName: ctx.actor.displayName, action: s.action, from: c.status, to, note: s.note ?? null, data: s.data });
    await recordAudit(trx, ctx, { action: `case.${s.action}`, objectType: 'case', objectId: id, before: { status: c.status, assignedOrgId: c.assigned_org_id }, after: { status: to, ...(s.data ?? {}) } });
  });
  return getCase(ctx, id);
}

/** The responsible org: in the actor's scope (else 404), an active region, office, section or school. */
async function responsibleOrg(ctx: TCtx, orgId: number) {
  const org = await ctx.db.selectFrom('orgs').select(['id', 'path', 'kind', 'status']).where('id', '=', orgId).executeTakeFirst();
  if (!org || !org.path.startsWith(ctx.actor.scopePath)) throw new AppError('NOT_FOUND');
  if (org.status !== 'active' || !(CASE_ORG_KINDS as readonly string[]).includes(org.kind)) throw new AppError('CASE_ORG_INVALID');
  return org;
}

export function assignCase(ctx: TCtx, id: number, input: { orgId: number; note?: string | undefined }) {
  return step(ctx, id, {
    action: 'assign',
    note: input.note,
    data: { orgId: input.orgId },
    prepare: async () => ({ assigned_org_id: (await responsibleOrg(ctx, input.orgId)).id }),
  });
}

export function reassignCase(ctx: TCtx, id: number, input: { orgId: number; reason: string }) {
  return step(ctx, id, {
    action: 'reassign',
    note: input.reason,
    data: { orgId: input.orgId },
    prepare: async (c) => {
      const org = await responsibleOrg(ctx, input.orgId);
      if (org.id === c.assigned_org_id) throw new AppError('CASE_ORG_INVALID');
      return { assigned_org_id: org.id };
    },
  });
}

export function verifyCase(ctx: TCtx, id: number, input: { note?: string | undefined }) {
  return step(ctx, id, { action: 'verify', note: input.note });
}

export function rectifyCase(ctx: TCtx, id: number, input: { measures: string; deadline: string; note?: string | undefined }) {
  return step(ctx, id, {
    action: 'rectify',
    note: input.note,
    data: { measures: input.measures, deadline: input.deadline },
    prepare: () => {
      if (input.deadline < chinaToday()) {
        const m = FIELD_MESSAGES.too_small!;
        throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'deadline', zh: m.zh, en: m.en }] });
      }
      return { measures: input.measures, rectify_deadline: input.deadline };
    },
  });
}

export function closeCase(ctx: TCtx, id: number, input: { verdict: TVerdict; outcome: string }) {
  return step(ctx, id, { action: 'close', note: input.outcome, data: { verdict: input.verdict }, prepare: () => ({ verdict: input.verdict, outcome: input.outcome, closed_at: nowIso(), closed_on: chinaToday() }) });
}

export function replyCase(ctx: TCtx, id: number, input: { reply: string }) {
  return step(ctx, id, { action: 'reply', data: { reply: input.reply }, prepare: () => ({ reply: input.reply, replied_at: nowIso() }) });
}

export function reopenCase(ctx: TCtx, id: number, input: { reason: string }) {
  return step(ctx, id, {
    action: 'reopen',
    note: input.reason,
    prepare: async (c) => ({
      verdict: null,
      outcome: null,
      closed_at: null,
      closed_on: null,
      reply: null,
      replied_at: null,
      due_on: await dueOnFor(ctx.db, { regionPath: c.region_path, receivedOn: chinaToday() }),
    }),
  });
}

/** A duplicate joins another case of the same region: linked, and handled and answered with it. */
export function mergeCase(ctx: TCtx, id: number, input: { intoId: number; reason?: string | undefined }) {
  let groupOfMain = 0;
  return step(ctx, id, {
    action: 'merge',
    note: input.reason,
    data: { intoId: input.intoId },
    prepare: async (c) => {
      const main = await findCaseById(ctx.db, input.intoId);
      if (!main || main.id === c.id || main.region_org_id !== c.region_org_id || main.status === 'merged') throw new AppError('CASE_MERGE_INVALID');
      groupOfMain = main.group_id ?? main.id;
      return { merged_into_id: main.id, group_id: groupOfMain };
    },
    also: async (trx) => {
      await trx.updateTable('cases').set({ group_id: groupOfMain }).where('id', '=', groupOfMain).where('group_id', 'is', null).execute();
    },
  });
}
