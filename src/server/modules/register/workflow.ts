import type { Kysely } from 'kysely';
import { classifyEstimateChange, teacherHoursPerYear } from '../../../domain/register/burden';
import { formatAdmissionNo } from '../../../domain/register/codes';
import { checkItem, hasBlocking } from '../../../domain/register/rules';
import type { TBurdenEstimate } from '../../../domain/register/schemas';
import { addDays } from '../../../domain/register/schoolYear';
import { chinaToday } from '../../../domain/time';
import type { TCtx } from '../../context';
import { nowIso } from '../../context';
import type { TDatabase, TItemTable } from '../../db/types';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/record';
import { regionPathOf } from '../auth/sessions';
import { getItem, inTransaction } from './items';
import { defaultAdmissionPrefix, newVerifyCode, nextAdmissionSeq } from './numbering';
import { authorizeItem, type TItemAction, type TItemStatus } from './policy';
import { findItemById, inputOf, policyTarget, type TItemJoined, writeEvent } from './repo';
import { buildItemRuleContext, loadRuleValues, respondentsOf } from './ruleContext';

type TPatch = Partial<Omit<TItemTable, 'id'>>;

interface TTransition {
  action: TItemAction;
  to: TItemStatus | null;
  reason?: string | undefined;
  reasonRequired?: boolean;
  /** Runs the rules at this stage first; a blocking finding refuses the transition (422). */
  check?: 'submit' | 'approve';
  /** Extra columns, computed inside the transaction after the status moved. */
  patch?: (trx: Kysely<TDatabase>, row: TItemJoined) => Promise<TPatch> | TPatch;
  event?: string;
  data?: unknown;
}

async function findingsAt(ctx: TCtx, row: TItemJoined, stage: 'submit' | 'approve') {
  const regionPath = await regionPathOf(ctx.db, row.issuer_path);
  const item = inputOf(row);
  const rc = await buildItemRuleContext(ctx.db, { item, itemId: row.id, regionOrgId: row.region_org_id, regionPath });
  const values = await loadRuleValues(ctx.db, { regionPath, year: Number(item.windowStart.slice(0, 4)) });
  return { findings: checkItem({ item, ctx: rc.ctx, values, stage, today: chinaToday() }), schoolIds: rc.schoolIds };
}

/**
 * One workflow step: authorise, check the rules, move the status with a compare-and-swap UPDATE
 * (the first write of the transaction, so concurrent steps serialise and the loser gets 409),
 * then the step's own columns, the event row and the audit row, all in one transaction.
 */
async function transition(ctx: TCtx, id: number, t: TTransition) {
  const row = await findItemById(ctx.db, id);
  authorizeItem(ctx.actor, t.action, row ? policyTarget(row) : null);
  const item = row!;
  if (t.reasonRequired && !t.reason?.trim()) throw new AppError('REASON_REQUIRED');
  let findingsJson: string | undefined;
  if (t.check) {
    const { findings } = await findingsAt(ctx, item, t.check);
    if (hasBlocking(findings)) throw new AppError('RULE_VIOLATION', { extra: { findings } });
    findingsJson = JSON.stringify(findings);
  }
  await inTransaction(ctx.db, async (trx) => {
    const at = nowIso();
    const moved = await trx
      .updateTable('items')
      .set({ ...(t.to ? { status: t.to } : {}), updated_at: at, ...(findingsJson ? { findings_json: findingsJson } : {}) })
      .where('id', '=', id)
      .where('status', '=', item.status)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw new AppError('ITEM_STATE_CONFLICT');
    const patch = t.patch ? await t.patch(trx, item) : {};
    if (Object.keys(patch).length) await trx.updateTable('items').set(patch).where('id', '=', id).execute();
    await writeEvent(trx, {
      itemId: id,
      at,
      actorUserId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      action: t.event ?? t.action,
      from: item.status,
      to: t.to ?? item.status,
      reason: t.reason?.trim() || null,
      data: t.data,
    });
    await recordAudit(trx, ctx, {
      action: `item.${t.event ?? t.action}`,
      objectType: 'item',
      objectId: id,
      before: { status: item.status },
      after: { status: t.to ?? item.status, reason: t.reason ?? null, ...patch },
    });
  });
  return getItem(ctx, id);
}

/** Gives an approved item its admission number 代字〔YYYY〕N号 and its verification code. */
async function numberItem(ctx: TCtx, trx: Kysely<TDatabase>, row: TItemJoined): Promise<TPatch> {
  const year = Number(chinaToday().slice(0, 4));
  const seq = await nextAdmissionSeq(trx, { regionOrgId: row.region_org_id, year });
  const rs = await trx
    .selectFrom('rule_sets')
    .select('admission_prefix')
    .where('region_org_id', '=', row.region_org_id)
    .where('admission_prefix', 'is not', null)
    .orderBy('year', 'desc')
    .executeTakeFirst();
  const region = await trx.selectFrom('orgs').select('name').where('id', '=', row.region_org_id).executeTakeFirstOrThrow();
  const prefix = rs?.admission_prefix ?? defaultAdmissionPrefix(region.name);
  return {
    admission_no: formatAdmissionNo({ prefix, year, seq }),
    admission_year: year,
    admission_seq: seq,
    verify_code: await newVerifyCode(trx),
    valid_from: row.window_start,
    valid_to: row.window_end,
    approved_at: nowIso(),
    approved_by: ctx.actor.userId,
  };
}

export function submitItem(ctx: TCtx, id: number) {
  return transition(ctx, id, {
    action: 'submit',
    to: 'submitted',
    check: 'submit',
    patch: () => ({ submitted_at: nowIso(), submitted_by: ctx.actor.userId }),
  });
}

export function reviewItem(ctx: TCtx, id: number, opts: { decision: 'pass' | 'return' | 'reject'; reason?: string | undefined }) {
  switch (opts.decision) {
    case 'pass':
      return transition(ctx, id, { action: 'review', to: 'reviewed', reason: opts.reason, check: 'approve', event: 'review_pass' });
    case 'return':
      return transition(ctx, id, { action: 'review', to: 'returned', reason: opts.reason, reasonRequired: true, event: 'return' });
    case 'reject':
      return transition(ctx, id, { action: 'reject', to: 'rejected', reason: opts.reason, reasonRequired: true });
  }
}

export function approveItem(ctx: TCtx, id: number, opts: { reason?: string | undefined } = {}) {
  return transition(ctx, id, { action: 'approve', to: 'approved', reason: opts.reason, check: 'approve', patch: (trx, row) => numberItem(ctx, trx, row) });
}

/** Documents and meetings: the office files them (备案) in one step, and they are numbered. */
export function fileItem(ctx: TCtx, id: number, opts: { reason?: string | undefined } = {}) {
  return transition(ctx, id, { action: 'file', to: 'approved', reason: opts.reason, check: 'approve', patch: (trx, row) => numberItem(ctx, trx, row) });
}

export function rejectItem(ctx: TCtx, id: number, opts: { reason: string }) {
  return transition(ctx, id, { action: 'reject', to: 'rejected', reason: opts.reason, reasonRequired: true });
}

export function cancelItem(ctx: TCtx, id: number, opts: { reason: string }) {
  return transition(ctx, id, { action: 'cancel', to: 'cancelled', reason: opts.reason, reasonRequired: true });
}

export function completeItem(ctx: TCtx, id: number) {
  return transition(ctx, id, { action: 'complete', to: 'completed' });
}

/** How far ahead a revocation may be dated. */
export const REVOKE_MAX_DAYS_AHEAD = 365;

/**
 * Revokes an approved item from an effective date: not before the day it was approved (China
 * time), at most a year ahead. Until that date the item stays valid everywhere (verification,
 * the published list, the school view).
 */
export async function revokeItem(ctx: TCtx, id: number, opts: { reason: string; effectiveDate: string }) {
  const row = await findItemById(ctx.db, id);
  authorizeItem(ctx.actor, 'revoke', row ? policyTarget(row) : null);
  const approvedOn = row!.approved_at ? chinaToday(new Date(row!.approved_at)) : null;
  const latest = addDays(chinaToday(), REVOKE_MAX_DAYS_AHEAD);
  if ((approvedOn && opts.effectiveDate < approvedOn) || opts.effectiveDate > latest) {
    throw new AppError('REVOKE_DATE_INVALID', { extra: { earliest: approvedOn, latest } });
  }
  return transition(ctx, id, {
    action: 'revoke',
    to: 'revoked',
    reason: opts.reason,
    reasonRequired: true,
    patch: () => ({ revoked_at: opts.effectiveDate, revoke_reason: opts.reason.trim() }),
    data: { effectiveDate: opts.effectiveDate },
  });
}

const TERMINAL: readonly string[] = ['rejected', 'merged', 'cancelled', 'revoked'];

/** Merges an item into another live item of the same region; both carry the link (merged-into / an event on the target). */
export async function mergeItem(ctx: TCtx, id: number, opts: { intoId: number; reason: string }) {
  if (opts.intoId === id) throw new AppError('MERGE_TARGET_INVALID');
  const [row, target] = await Promise.all([findItemById(ctx.db, id), findItemById(ctx.db, opts.intoId)]);
  if (!target || !row || target.region_org_id !== row.region_org_id || TERMINAL.includes(target.status) || !target.issuer_path.startsWith(ctx.actor.scopePath)) {
    authorizeItem(ctx.actor, 'merge', row ? policyTarget(row) : null);
    throw new AppError('MERGE_TARGET_INVALID');
  }
  return transition(ctx, id, {
    action: 'merge',
    to: 'merged',
    reason: opts.reason,
    reasonRequired: true,
    data: { intoId: opts.intoId },
    patch: async (trx) => {
      await writeEvent(trx, { itemId: opts.intoId, at: nowIso(), actorUserId: ctx.actor.userId, actorName: ctx.actor.displayName, action: 'merged_from', from: target.status, to: target.status, reason: opts.reason, data: { fromId: id } });
      return { merged_into_id: opts.intoId };
    },
  });
}

/**
 * A new burden estimate: only a program change counts as a reduction (PRA's distinction).
 * Respondents are derived again from the item's target scope and the teachers on file, as on
 * creation: the client's figure is ignored.
 */
export async function changeEstimate(ctx: TCtx, id: number, opts: { burden: TBurdenEstimate; reason: 'program_change' | 're_estimate'; note: string }) {
  const row = await findItemById(ctx.db, id);
  authorizeItem(ctx.actor, 'estimate', row ? policyTarget(row) : null);
  if (!opts.note.trim()) throw new AppError('REASON_REQUIRED');
  const { burden: before, targetScope } = inputOf(row!);
  const respondents = await respondentsOf(ctx.db, { scope: targetScope, regionPath: await regionPathOf(ctx.db, row!.issuer_path) });
  const after: TBurdenEstimate = { ...opts.burden, respondents };
  const change = classifyEstimateChange(before, after, opts.reason);
  return transition(ctx, id, {
    action: 'estimate',
    to: null,
    reason: opts.note,
    data: { before, after, ...change, reason: opts.reason },
    patch: () => ({
      minutes_per_respondent: after.minutesPerRespondent,
      respondents: after.respondents,
      times_per_year: after.timesPerYear,
      teacher_hours: teacherHoursPerYear(after),
    }),
  });
}

/**
 * A seconded teacher is back at school: counted as 清退 in reports. Recorded whatever became of
 * the request (a rejected or never-approved borrowing is the main thing to clear), once, on a day
 * between the start of the secondment and today.
 */
export async function returnTeacher(ctx: TCtx, id: number, opts: { returnedAt: string }) {
  const row = await findItemById(ctx.db, id);
  authorizeItem(ctx.actor, 'returnTeacher', row ? policyTarget(row) : null);
  const from = (JSON.parse(row!.details_json) as { from?: string }).from ?? row!.window_start;
  const today = chinaToday();
  if (opts.returnedAt < from || opts.returnedAt > today) throw new AppError('RETURN_DATE_INVALID', { extra: { earliest: from, latest: today } });
  return transition(ctx, id, {
    action: 'returnTeacher',
    to: null,
    event: 'teacher_returned',
    data: opts,
    patch: async (trx) => {
      // two returns recorded at once: the second finds the date set and is refused
      const set = await trx.updateTable('items').set({ returned_at: opts.returnedAt }).where('id', '=', id).where('returned_at', 'is', null).executeTakeFirst();
      if (Number(set.numUpdatedRows) !== 1) throw new AppError('TEACHER_ALREADY_RETURNED');
      return { returned_at: opts.returnedAt };
    },
  });
}
