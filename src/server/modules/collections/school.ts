import type { TCtx } from '../../context';
import { nowIso } from '../../context';
import { AppError } from '../../http/errors';
import { authorize } from '../../policy';
import { recordAudit } from '../audit/record';
import { catalogLabel } from './catalogAccess';
import { syncTeacherCore } from './coreSync';
import { writeMasterValues } from './masterRepo';
import { closedError, closeReasonOf, effectiveStatus, syncCollection } from './close';
import { authorizeCollectionSchool } from './policy';
import { findCollectionById } from './repo';

async function loadForSchool(ctx: TCtx, id: number) {
  const schoolId = await authorizeCollectionSchool(ctx.db, ctx.actor, id);
  const row = await syncCollection(ctx, (await findCollectionById(ctx.db, id))!);
  return { schoolId, row };
}

/** The school's view of a collection: progress (done / total), who is still to fill, corrections to decide. */
export async function getSchoolProgress(ctx: TCtx, id: number) {
  const { schoolId, row } = await loadForSchool(ctx, id);
  const responses = await ctx.db
    .selectFrom('collection_responses as r')
    .leftJoin('teachers as t', (j) => j.onRef('t.id', '=', 'r.subject_id').on('r.subject_type', '=', 'teacher'))
    .leftJoin('orgs as o', 'o.id', 'r.school_org_id')
    .select(['r.id', 'r.subject_type', 'r.subject_id', 'r.status', 'r.committed_at', 'r.remind_count', 'r.last_reminded_at', 'r.prefilled_cells', 'r.typed_cells', 't.name as teacher_name', 'o.name as school_name'])
    .where('r.collection_id', '=', id)
    .where('r.school_org_id', '=', schoolId)
    .orderBy('r.id')
    .execute();
  const corrections = await ctx.db
    .selectFrom('collection_corrections as x')
    .leftJoin('teachers as t', (j) => j.onRef('t.id', '=', 'x.subject_id').on('x.subject_type', '=', 'teacher'))
    .select(['x.id', 'x.catalog_key', 'x.old_masked', 'x.new_value_masked', 'x.note', 'x.status', 'x.created_at', 'x.decided_at', 't.name as teacher_name'])
    .where('x.collection_id', '=', id)
    .where('x.school_org_id', '=', schoolId)
    .orderBy('x.id', 'desc')
    .execute();
  const done = responses.filter((r) => r.status === 'submitted').length;
  return {
    collection: { id: row.id, title: row.title, status: row.status, closeReason: row.status === 'open' || row.status === 'closed' ? closeReasonOf(row) : null, admissionNo: row.admission_no, windowEnd: row.window_end, requesterName: row.requester_name },
    progress: { done, total: responses.length },
    responses: responses.map((r) => ({
      id: r.id,
      name: r.subject_type === 'teacher' ? (r.teacher_name ?? '') : (r.school_name ?? ''),
      status: r.status,
      submittedAt: r.committed_at,
      remindCount: r.remind_count,
      lastRemindedAt: r.last_reminded_at,
      prefilledCells: r.prefilled_cells,
      typedCells: r.typed_cells,
    })),
    corrections: corrections.map((x) => ({
      id: x.id,
      teacherName: x.teacher_name,
      key: x.catalog_key,
      keyLabel: { zh: catalogLabel(x.catalog_key, 'zh'), en: catalogLabel(x.catalog_key, 'en') },
      oldValue: x.old_masked,
      newValue: x.new_value_masked,
      note: x.note,
      status: x.status,
      createdAt: x.created_at,
      decidedAt: x.decided_at,
    })),
  };
}

/** Reminds the school's teachers who have not filled yet (or the listed ones): a reminder row each; they see it on their home. */
export async function remindPending(ctx: TCtx, id: number, opts: { responseIds?: number[] | undefined }) {
  const { schoolId, row } = await loadForSchool(ctx, id);
  if (row.status === 'closed') throw closedError(closeReasonOf(row));
  if (row.status !== 'open') throw new AppError('COLLECTION_STATE_CONFLICT', { extra: { status: row.status } });
  const pending = await ctx.db
    .selectFrom('collection_responses')
    .select('id')
    .where('collection_id', '=', id)
    .where('school_org_id', '=', schoolId)
    .where('status', '=', 'pending')
    .$if(!!opts.responseIds, (qb) => qb.where('id', 'in', opts.responseIds!.length ? opts.responseIds! : [-1]))
    .execute();
  const ids = pending.map((p) => p.id);
  if (!ids.length) return { reminded: 0 };
  await ctx.db.transaction().execute(async (trx) => {
    const at = nowIso();
    for (let i = 0; i < ids.length; i += 200) {
      const chunk = ids.slice(i, i + 200);
      await trx.insertInto('collection_reminders').values(chunk.map((rid) => ({ collection_id: id, response_id: rid, school_org_id: schoolId, reminded_by: ctx.actor.userId, reminded_at: at }))).execute();
      await trx
        .updateTable('collection_responses')
        .set((eb) => ({ remind_count: eb('remind_count', '+', 1), last_reminded_at: at }))
        .where('id', 'in', chunk)
        .execute();
    }
    await recordAudit(trx, ctx, { action: 'collection.remind', objectType: 'collection', objectId: id, after: { schoolId, reminded: ids.length } });
  });
  return { reminded: ids.length };
}

/**
 * The school confirms or rejects a teacher's correction of a held value. A confirmed value flows
 * into master data with source `collection:<id>` (the old one to the history) and the identity row.
 */
export async function decideCorrection(ctx: TCtx, correctionId: number, opts: { decision: 'confirm' | 'reject'; reason?: string | undefined }) {
  authorize(ctx.actor, 'collection.manage');
  const x = await ctx.db.selectFrom('collection_corrections').selectAll().where('id', '=', correctionId).executeTakeFirst();
  if (!x || ctx.actor.orgKind !== 'school' || x.school_org_id !== ctx.actor.orgId) throw new AppError('NOT_FOUND');
  if (opts.decision === 'reject' && !opts.reason?.trim()) throw new AppError('REASON_REQUIRED');
  const status = opts.decision === 'confirm' ? 'confirmed' : 'rejected';
  await ctx.db.transaction().execute(async (trx) => {
    const at = nowIso();
    const moved = await trx
      .updateTable('collection_corrections')
      .set({ status, decided_by: ctx.actor.userId, decided_at: at, decision_reason: opts.reason?.trim() || null })
      .where('id', '=', correctionId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw new AppError('COLLECTION_STATE_CONFLICT');
    let stats = null;
    if (status === 'confirmed') {
      const value = ctx.fieldCrypto.decrypt(x.new_value_enc);
      const subjectType = x.subject_type === 'school' ? 'school' : 'teacher';
      stats = await writeMasterValues(trx, ctx.fieldCrypto, [{ subjectType, subjectId: x.subject_id, key: x.catalog_key, value }], { source: `collection:${x.collection_id}`, actorUserId: ctx.actor.userId, at });
      if (subjectType === 'teacher') await syncTeacherCore(trx, ctx.fieldCrypto, { teacherId: x.subject_id, values: { [x.catalog_key]: value }, at });
    }
    await recordAudit(trx, ctx, { action: `collection.correction.${opts.decision}`, objectType: 'collection_correction', objectId: correctionId, before: { status: 'pending', value: x.old_masked }, after: { status, key: x.catalog_key, value: x.new_value_masked, reason: opts.reason ?? null, masterValues: stats } });
  });
  return { id: correctionId, status };
}

/** The collections open (or closed) for the actor's school, with its own progress. */
export async function findSchoolCollections(ctx: TCtx) {
  authorize(ctx.actor, 'collection.manage');
  if (ctx.actor.orgKind !== 'school') return { items: [] };
  const rows = await ctx.db
    .selectFrom('collection_schools as s')
    .innerJoin('collections as c', 'c.id', 's.collection_id')
    .innerJoin('orgs as r', 'r.id', 'c.requester_org_id')
    .leftJoin('items as i', 'i.id', 'c.item_id')
    .select(['c.id', 'c.title', 'c.status', 'c.subject_type', 'r.name as requester_name', 'i.admission_no', 'i.window_end', 'i.status as item_status', 'i.revoked_at'])
    .select((eb) => [
      eb.selectFrom('collection_responses as p').select((e2) => e2.fn.countAll<number>().as('t')).whereRef('p.collection_id', '=', 'c.id').where('p.school_org_id', '=', ctx.actor.orgId).as('total'),
      eb.selectFrom('collection_responses as p').select((e2) => e2.fn.countAll<number>().as('d')).whereRef('p.collection_id', '=', 'c.id').where('p.school_org_id', '=', ctx.actor.orgId).where('p.status', '=', 'submitted').as('done'),
      eb.selectFrom('collection_corrections as x').select((e2) => e2.fn.countAll<number>().as('x')).whereRef('x.collection_id', '=', 'c.id').where('x.school_org_id', '=', ctx.actor.orgId).where('x.status', '=', 'pending').as('pending_corrections'),
    ])
    .where('s.school_org_id', '=', ctx.actor.orgId)
    .where((eb) => eb.or([eb('c.status', 'in', ['open', 'closed']), eb.and([eb('c.status', '=', 'submitted'), eb('i.status', 'in', ['approved', 'completed'])])]))
    .orderBy('c.id', 'desc')
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      // approved but not yet looked at counts as open; open past its item's end as closed
      status: effectiveStatus({ ...r, status: r.status === 'submitted' ? 'open' : r.status }),
      subjectType: r.subject_type,
      requesterName: r.requester_name,
      admissionNo: r.admission_no,
      windowEnd: r.window_end,
      progress: { done: Number(r.done ?? 0), total: Number(r.total ?? 0) },
      pendingCorrections: Number(r.pending_corrections ?? 0),
    })),
  };
}
