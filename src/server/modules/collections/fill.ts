import { chinaToday } from '../../../domain/time';
import type { TCtx } from '../../context';
import { nowIso } from '../../context';
import { AppError } from '../../http/errors';
import { authorize } from '../../policy';
import { recordAudit } from '../audit/record';
import { catalogLabel, isDerivedKey, normalizeValue } from './catalogAccess';
import { syncTeacherCore } from './coreSync';
import { loadHeld } from './heldValues';
import { maskValue, valueColumns, writeMasterValues, type TValueWrite } from './masterRepo';
import { closedError, closeReasonOf, effectiveStatus, syncCollection } from './close';
import { ensureOpen } from './open';
import { authorizeResponse, teacherIdOf } from './policy';
import { collectionQuery, columnsDocOf, subjectTypeOf } from './repo';
import type { TResponseSubmit } from './schemas';

/** Collections opened for the actor's school since approval (they open on first look). */
async function openPendingForSchool(ctx: TCtx, schoolId: number): Promise<void> {
  const waiting = await collectionQuery(ctx.db)
    .innerJoin('collection_schools as s', 's.collection_id', 'c.id')
    .where('s.school_org_id', '=', schoolId)
    .where('c.status', '=', 'submitted')
    .where('i.status', 'in', ['approved', 'completed'])
    .execute();
  for (const row of waiting) await ensureOpen(ctx, row);
}

/** What the actor has to fill (a teacher: their own rows; a school admin: the school's rows), with the reminders received. */
export async function findMyTasks(ctx: TCtx) {
  authorize(ctx.actor, 'collection.fill');
  if (ctx.actor.orgKind !== 'school') return { items: [] };
  await openPendingForSchool(ctx, ctx.actor.orgId);
  const teacherId = ctx.actor.role === 'teacher' ? await teacherIdOf(ctx.db, ctx.actor) : null;
  if (ctx.actor.role === 'teacher' && !teacherId) return { items: [] };
  const rows = await ctx.db
    .selectFrom('collection_responses as r')
    .innerJoin('collections as c', 'c.id', 'r.collection_id')
    .leftJoin('items as i', 'i.id', 'c.item_id')
    .select(['r.id', 'r.status', 'r.remind_count', 'r.last_reminded_at', 'r.committed_at', 'c.id as collection_id', 'c.title', 'c.status as collection_status', 'i.admission_no', 'i.window_end', 'i.status as item_status', 'i.revoked_at'])
    .where('r.school_org_id', '=', ctx.actor.orgId)
    .$if(teacherId !== null, (qb) => qb.where('r.subject_type', '=', 'teacher').where('r.subject_id', '=', teacherId!))
    .$if(teacherId === null, (qb) => qb.where('r.subject_type', '=', 'school'))
    .where('c.status', 'in', ['open', 'closed'])
    .orderBy('r.id', 'desc')
    .limit(100)
    .execute();
  return {
    items: rows.map((r) => ({
      responseId: r.id,
      collectionId: r.collection_id,
      title: r.title,
      admissionNo: r.admission_no,
      windowEnd: r.window_end,
      status: r.status,
      open: effectiveStatus({ ...r, status: r.collection_status }) === 'open',
      remindCount: r.remind_count,
      lastRemindedAt: r.last_reminded_at,
      submittedAt: r.committed_at,
    })),
  };
}

async function loadResponse(ctx: TCtx, id: number) {
  const r = await ctx.db.selectFrom('collection_responses').selectAll().where('id', '=', id).executeTakeFirst();
  await authorizeResponse(ctx.db, ctx.actor, r);
  const c = await syncCollection(ctx, await collectionQuery(ctx.db).where('c.id', '=', r!.collection_id).executeTakeFirstOrThrow());
  return { r: r!, c };
}

function answersOf(ctx: TCtx, enc: string | null): Record<string, string> {
  return enc ? (JSON.parse(ctx.fieldCrypto.decrypt(enc)) as Record<string, string>) : {};
}

/** The one mobile page: what is held (masked where sensitive), what to type, pending corrections, the commitment. */
export async function getResponse(ctx: TCtx, id: number) {
  const { r, c } = await loadResponse(ctx, id);
  const doc = columnsDocOf(c);
  const held = (await loadHeld(ctx.db, ctx.fieldCrypto, { subjectType: subjectTypeOf(r), subjectIds: [r.subject_id], decrypt: false, asOf: chinaToday() })).get(r.subject_id) ?? new Map();
  const answers = answersOf(ctx, r.answers_enc);
  const corrections = await ctx.db.selectFrom('collection_corrections').selectAll().where('response_id', '=', id).orderBy('id', 'desc').execute();
  const subjectName = held.get(r.subject_type === 'teacher' ? 'teacher.name' : 'school.name')?.value ?? '';
  return {
    id: r.id,
    status: r.status,
    open: c.status === 'open',
    closeReason: c.status === 'open' || c.status === 'closed' ? closeReasonOf(c) : null,
    collection: { id: c.id, title: c.title, admissionNo: c.admission_no, windowEnd: c.window_end, requesterName: c.requester_name, commitmentText: c.commitment_text },
    subject: { type: r.subject_type, name: subjectName },
    fields: doc.columns.map((col) => {
      const h = col.field ? held.get(col.field) : undefined;
      const pending = corrections.find((x) => x.catalog_key === col.field && x.status === 'pending');
      return {
        index: col.index,
        header: col.header,
        field: col.field,
        fieldLabel: col.field ? { zh: catalogLabel(col.field, 'zh'), en: catalogLabel(col.field, 'en') } : null,
        held: h ? { value: h.value, sensitive: h.sensitive, source: h.source, recordedAt: h.recordedAt } : null,
        toType: !h,
        correctable: !!h && !!col.field && !isDerivedKey(col.field),
        answer: answers[String(col.index)] ?? null,
        pendingCorrection: pending ? { id: pending.id, value: pending.new_value_masked, note: pending.note, createdAt: pending.created_at } : null,
      };
    }),
    corrections: corrections.map((x) => ({ id: x.id, key: x.catalog_key, oldValue: x.old_masked, newValue: x.new_value_masked, status: x.status, decidedAt: x.decided_at, reason: x.decision_reason })),
    committedAt: r.committed_at,
    remindCount: r.remind_count,
    lastRemindedAt: r.last_reminded_at,
  };
}

/**
 * The teacher sends the page: answers for every column not held (validated by the catalog where
 * matched), corrections to held values (each a request the school decides), and the signed
 * commitment (text, time, IP). Answers to catalog columns flow into master data at once with
 * source `collection:<id>`; one transaction, one audit row.
 */
export async function submitResponse(ctx: TCtx, id: number, body: TResponseSubmit) {
  const { r, c } = await loadResponse(ctx, id);
  // an ended collection takes no more answers (close.ts: completed, expired, withdrawn)
  if (c.status === 'closed' || closeReasonOf(c)) throw closedError(closeReasonOf(c));
  if (c.status !== 'open') throw new AppError('COLLECTION_STATE_CONFLICT', { extra: { status: c.status } });
  if (!body.commitment.accepted) throw new AppError('COMMITMENT_REQUIRED');
  const doc = columnsDocOf(c);
  const subjectType = subjectTypeOf(r);
  const held = (await loadHeld(ctx.db, ctx.fieldCrypto, { subjectType, subjectIds: [r.subject_id], decrypt: false, asOf: chinaToday() })).get(r.subject_id) ?? new Map();
  const fields: { path: string; zh: string; en: string }[] = [];
  const answers: Record<string, string> = {};
  const writes: TValueWrite[] = [];
  for (const col of doc.columns) {
    if (col.field && held.has(col.field)) continue;
    const raw = body.answers[String(col.index)]?.trim() ?? '';
    if (!raw) {
      fields.push({ path: `answers.${col.index}`, zh: `请填写"${col.header}"`, en: `Fill in "${col.header}"` });
      continue;
    }
    if (col.field && !isDerivedKey(col.field)) {
      const v = normalizeValue(col.field, raw);
      if (!v.ok) {
        fields.push({ path: `answers.${col.index}`, zh: `${col.header}：${v.zh}`, en: `${col.header}: ${v.en}` });
        continue;
      }
      answers[String(col.index)] = v.value;
      writes.push({ subjectType, subjectId: r.subject_id, key: col.field, value: v.value });
    } else answers[String(col.index)] = raw;
  }
  const corrections: { key: string; value: string; note: string | null; oldMasked: string | null }[] = [];
  for (const [k, fix] of body.corrections.entries()) {
    const col = doc.columns[fix.index];
    const h = col?.field ? held.get(col.field) : undefined;
    if (!col?.field || !h || isDerivedKey(col.field)) {
      fields.push({ path: `corrections.${k}.index`, zh: '该列不能更正', en: 'This column cannot be corrected' });
      continue;
    }
    const v = normalizeValue(col.field, fix.value);
    if (!v.ok) fields.push({ path: `corrections.${k}.value`, zh: `${col.header}：${v.zh}`, en: `${col.header}: ${v.en}` });
    else if (h.sensitive || v.value !== h.value) corrections.push({ key: col.field, value: v.value, note: fix.note ?? null, oldMasked: h.value });
  }
  if (fields.length) throw new AppError('ANSWERS_INVALID', { fields });
  const source = `collection:${c.id}`;
  await ctx.db.transaction().execute(async (trx) => {
    const at = nowIso();
    const moved = await trx
      .updateTable('collection_responses')
      .set({
        status: 'submitted',
        answers_enc: ctx.fieldCrypto.encrypt(JSON.stringify(answers)),
        typed_cells: Object.keys(answers).length,
        commitment_text: c.commitment_text,
        committed_at: at,
        committed_ip: ctx.ip,
        submitted_by: ctx.actor.userId,
        updated_at: at,
      })
      .where('id', '=', id)
      .where('updated_at', '=', r.updated_at)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw new AppError('COLLECTION_STATE_CONFLICT');
    await trx.deleteFrom('collection_corrections').where('response_id', '=', id).where('status', '=', 'pending').execute();
    for (const x of corrections) {
      await trx
        .insertInto('collection_corrections')
        .values({
          collection_id: c.id,
          response_id: id,
          subject_type: subjectType,
          subject_id: r.subject_id,
          school_org_id: r.school_org_id,
          catalog_key: x.key,
          old_masked: x.oldMasked,
          new_value_enc: ctx.fieldCrypto.encrypt(x.value),
          new_value_masked: valueColumns(ctx.fieldCrypto, x.key, x.value).value_masked ?? x.value,
          note: x.note,
          status: 'pending',
          created_by: ctx.actor.userId,
          created_at: at,
        })
        .execute();
    }
    const stats = await writeMasterValues(trx, ctx.fieldCrypto, writes, { source, actorUserId: ctx.actor.userId, at });
    if (subjectType === 'teacher' && writes.length) await syncTeacherCore(trx, ctx.fieldCrypto, { teacherId: r.subject_id, values: Object.fromEntries(writes.map((w) => [w.key, w.value])), at });
    await recordAudit(trx, ctx, {
      action: 'collection.response.submit',
      objectType: 'collection_response',
      objectId: id,
      before: { status: r.status },
      after: { status: 'submitted', collectionId: c.id, typed: Object.keys(answers).length, corrections: corrections.map((x) => ({ key: x.key, value: maskValue(x.key, x.value) })), masterValues: stats, commitment: true },
    });
  });
  return getResponse(ctx, id);
}
