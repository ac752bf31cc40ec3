import type { TItemInput } from '../../../domain/register/schemas';
import { label } from '../../../domain/i18n';
import type { TCtx } from '../../context';
import { nowIso } from '../../context';
import { AppError } from '../../http/errors';
import { authorize } from '../../policy';
import { recordAudit } from '../audit/record';
import { regionPathOf } from '../auth/sessions';
import { findTargetSchools } from '../register/admin';
import { createItem, regionIdOf, updateItem } from '../register/items';
import { submitItem } from '../register/workflow';
import { catalogKeys, matchColumn, readTemplateFile } from './catalogAccess';
import { evaluateCollection, minutesPerRespondent } from './evaluate';
import type { TSubjectType } from './masterRepo';
import { authorizeCollection } from './policy';
import { getCollection } from './present';
import { columnsDocOf, findCollectionById, replaceCollectionSchools, schoolIdsOf, subjectTypeOf, type TCollectionColumn, type TColumnsDoc } from './repo';
import type { TCollectionPatch, TCollectionSubmit } from './schemas';

export const MAX_TEMPLATE_BYTES = 20 * 1024 * 1024;

function rematch(columns: TCollectionColumn[], subject: TSubjectType): TCollectionColumn[] {
  return columns.map((c) => {
    const m = matchColumn(c.labels, subject);
    const next = { ...c, suggested: m.field, confidence: m.confidence };
    return c.mode === 'auto' ? { ...next, field: m.field } : next;
  });
}

/** The schools of the actor's region a collection may reach; ids outside it are 404. */
async function checkSchools(ctx: TCtx, ids: readonly number[] | undefined): Promise<number[]> {
  const allowed = (await findTargetSchools(ctx)).map((s) => s.id);
  if (!ids) return allowed;
  const set = new Set(allowed);
  if (ids.some((id) => !set.has(id))) throw new AppError('NOT_FOUND');
  return [...new Set(ids)];
}

/**
 * Step 1 of a request: the requester uploads their template. Its header block is read and each
 * column matched to the catalog; the draft starts with every school of the region as population.
 */
export async function createCollection(ctx: TCtx, opts: { title?: string | undefined; subjectType: TSubjectType; fileName: string; content: Buffer }) {
  authorize(ctx.actor, 'collection.request');
  if (opts.content.length > MAX_TEMPLATE_BYTES) throw new AppError('FILE_TOO_LARGE');
  const template = await readTemplateFile(opts.content);
  let index = 0;
  const doc: TColumnsDoc = {
    sheets: template.sheets.map((s) => ({ name: s.name, headerStartRow: s.headerStartRow, headerEndRow: s.headerEndRow, firstDataRow: s.firstDataRow })),
    columns: template.sheets.flatMap((s) => s.columns.map((c) => ({ index: index++, sheet: s.name, col: c.col, header: c.header, labels: c.labels, suggested: null, confidence: 0, field: null, mode: 'auto' as const }))),
  };
  if (!doc.columns.length) throw new AppError('INVALID_SPREADSHEET');
  doc.columns = rematch(doc.columns, opts.subjectType);
  const regionPath = await regionPathOf(ctx.db, ctx.actor.orgPath);
  const regionOrgId = regionIdOf(regionPath);
  const schoolIds = await checkSchools(ctx, undefined);
  const ev = await evaluateCollection(ctx.db, ctx.fieldCrypto, { collectionId: -1, regionOrgId, regionPath, subjectType: opts.subjectType, doc, schoolIds });
  const title = opts.title ?? (opts.fileName.replace(/\.xlsx$/i, '').trim() || label('collections.untitled'));
  const id = await ctx.db.transaction().execute(async (trx) => {
    const at = nowIso();
    const { id } = await trx
      .insertInto('collections')
      .values({
        region_org_id: regionOrgId,
        requester_org_id: ctx.actor.orgId,
        created_by: ctx.actor.userId,
        title: title.slice(0, 200),
        subject_type: opts.subjectType,
        status: 'draft',
        template_name: opts.fileName.slice(0, 200),
        template_size: opts.content.length,
        columns_json: JSON.stringify(doc),
        reuse_json: JSON.stringify(ev.reuse),
        overlap_json: JSON.stringify(ev.overlap),
        overlap_max: ev.overlap.max,
        commitment_text: label('collections.commitment.default'),
        seconds_per_cell: null,
        cells_prefilled: 0,
        justification: null,
        item_id: null,
        opened_at: null,
        closed_at: null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('collection_templates').values({ collection_id: id, content: opts.content }).execute();
    await replaceCollectionSchools(trx, id, schoolIds);
    await recordAudit(trx, ctx, { action: 'collection.create', objectType: 'collection', objectId: id, after: { title, fileName: opts.fileName, columns: doc.columns.length, subjectType: opts.subjectType } });
    return id;
  });
  return getCollection(ctx, id);
}

async function loadEditable(ctx: TCtx, id: number, action: 'edit' | 'submit') {
  const row = await findCollectionById(ctx.db, id);
  authorizeCollection(ctx.actor, action, row ? { requesterPath: row.requester_path, createdBy: row.created_by } : null);
  const editable = row!.status === 'draft' || (row!.status === 'submitted' && ['draft', 'returned'].includes(row!.item_status ?? ''));
  if (!editable) throw new AppError('COLLECTION_STATE_CONFLICT', { extra: { status: row!.status, itemStatus: row!.item_status } });
  return row!;
}

/** The requester edits the draft: title, population, subject, and overrides of the matches ("new field"). */
export async function updateCollection(ctx: TCtx, id: number, patch: TCollectionPatch) {
  const row = await loadEditable(ctx, id, 'edit');
  const subjectType = patch.subjectType ?? subjectTypeOf(row);
  const doc = columnsDocOf(row);
  if (subjectType !== row.subject_type) doc.columns = rematch(doc.columns, subjectType);
  const keys = new Set(catalogKeys(subjectType));
  const fields: { path: string; zh: string; en: string }[] = [];
  for (const [k, edit] of (patch.columns ?? []).entries()) {
    const col = doc.columns[edit.index];
    if (!col) {
      fields.push({ path: `columns.${k}.index`, zh: '没有该列', en: 'No such column' });
      continue;
    }
    if (edit.mode === 'auto') Object.assign(col, { mode: 'auto', field: col.suggested });
    else if (edit.mode === 'new') Object.assign(col, { mode: 'new', field: null });
    else if (edit.field && keys.has(edit.field)) Object.assign(col, { mode: 'manual', field: edit.field });
    else fields.push({ path: `columns.${k}.field`, zh: '不是该对象的数据目录字段', en: 'Not a catalog key of this subject' });
  }
  if (fields.length) throw new AppError('VALIDATION_FAILED', { fields });
  const schoolIds = patch.schoolIds ? await checkSchools(ctx, patch.schoolIds) : await schoolIdsOf(ctx.db, id);
  const regionPath = await regionPathOf(ctx.db, row.requester_path);
  const ev = await evaluateCollection(ctx.db, ctx.fieldCrypto, { collectionId: id, regionOrgId: row.region_org_id, regionPath, subjectType, doc, schoolIds });
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('collections')
      .set({
        title: patch.title ?? row.title,
        subject_type: subjectType,
        columns_json: JSON.stringify(doc),
        reuse_json: JSON.stringify(ev.reuse),
        overlap_json: JSON.stringify(ev.overlap),
        overlap_max: ev.overlap.max,
        ...(patch.commitmentText ? { commitment_text: patch.commitmentText } : {}),
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
    if (patch.schoolIds) await replaceCollectionSchools(trx, id, schoolIds);
    await recordAudit(trx, ctx, { action: 'collection.update', objectType: 'collection', objectId: id, after: { ...patch, schoolIds: patch.schoolIds ? schoolIds.length : undefined } });
  });
  return getCollection(ctx, id);
}

/**
 * Sends the request through register approval as a `data_collection` item (its details link back
 * here). Above the rule set's overlap threshold the requester must justify it (422
 * JUSTIFICATION_REQUIRED). The reuse and overlap are snapshotted for the reviewers.
 */
export async function submitCollection(ctx: TCtx, id: number, input: TCollectionSubmit) {
  const row = await loadEditable(ctx, id, 'submit');
  const doc = columnsDocOf(row);
  const subjectType = subjectTypeOf(row);
  const schoolIds = await schoolIdsOf(ctx.db, id);
  if (!schoolIds.length) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'schoolIds', zh: '请选择采集对象', en: 'Choose the population' }] });
  const regionPath = await regionPathOf(ctx.db, row.requester_path);
  const ev = await evaluateCollection(ctx.db, ctx.fieldCrypto, { collectionId: id, regionOrgId: row.region_org_id, regionPath, subjectType, doc, schoolIds });
  const justification = input.justification?.trim() || null;
  if (ev.overlap.requiresJustification && !justification) throw new AppError('JUSTIFICATION_REQUIRED', { extra: { overlap: ev.overlap } });
  const item: TItemInput = {
    title: row.title,
    kind: 'data_collection',
    details: {
      kind: 'data_collection',
      ...(input.approvalNo ? { approvalNo: input.approvalNo } : {}),
      ...(input.validUntil ? { validUntil: input.validUntil } : {}),
      statsOfficeFiled: input.statsOfficeFiled,
      fieldCount: doc.columns.length,
      collectionId: id,
    },
    legalBasis: input.legalBasis,
    targetScope: { mode: 'list', schoolIds, roles: [subjectType === 'teacher' ? 'teacher' : 'school_admin'] },
    windowStart: input.windowStart,
    windowEnd: input.windowEnd,
    announcedAt: input.announcedAt,
    planned: input.planned,
    ...(input.adhoc ? { adhoc: input.adhoc } : {}),
    evaluationMethods: ['data_review'],
    burden: { minutesPerRespondent: minutesPerRespondent(ev.reuse, ev.secondsPerCell), respondents: 0, timesPerYear: 1 },
  };
  const snapshot = { reuse_json: JSON.stringify(ev.reuse), overlap_json: JSON.stringify(ev.overlap), overlap_max: ev.overlap.max, justification };
  // one transaction: the item created (or updated), linked, submitted and the collection moved all
  // happen, or none does; the register's functions run inside it on a context whose db is `trx`
  await ctx.db.transaction().execute(async (trx) => {
    const tctx: TCtx = { ...ctx, db: trx };
    const itemId = row.item_id ? (await updateItem(tctx, row.item_id, item)).id : (await createItem(tctx, item)).id;
    if (!row.item_id) {
      // two submits of one draft at once: the second finds the item linked and creates nothing
      const linked = await trx.updateTable('collections').set({ item_id: itemId, updated_at: nowIso() }).where('id', '=', id).where('item_id', 'is', null).executeTakeFirst();
      if (Number(linked.numUpdatedRows) !== 1) throw new AppError('COLLECTION_STATE_CONFLICT');
      await recordAudit(trx, tctx, { action: 'collection.link_item', objectType: 'collection', objectId: id, after: { itemId } });
    }
    await submitItem(tctx, itemId);
    await trx.updateTable('collections').set({ status: 'submitted', ...snapshot, updated_at: nowIso() }).where('id', '=', id).execute();
    await recordAudit(trx, tctx, { action: 'collection.submit', objectType: 'collection', objectId: id, before: { status: row.status }, after: { status: 'submitted', itemId, overlap: ev.overlap.max, justification, reuse: { held: ev.reuse.held, columns: ev.reuse.columns } } });
  });
  return getCollection(ctx, id);
}
