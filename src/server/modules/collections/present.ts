import { chinaToday } from '../../../domain/time';
import type { TCtx } from '../../context';
import { AppError } from '../../http/errors';
import { authorize, scopePattern } from '../../policy';
import { catalogLabel } from './catalogAccess';
import { closeReasonOf, effectiveStatus, syncCollection, WITHDRAWING_ITEM } from './close';
import { hoursOf } from './open';
import { authorizeCollection, canRequesterAct } from './policy';
import { collectionQuery, columnsDocOf, findCollectionById, type TCollectionJoined, type TOverlap, type TReuse } from './repo';

/** Item statuses that refuse a submitted collection. */
const REFUSED_ITEM = ['rejected', 'cancelled', 'merged', 'revoked'];

/** The status a person sees: the collection's own, the register item's refusal, or `closed` once the item has ended. */
export function displayStatus(row: TCollectionJoined): string {
  if (row.status === 'submitted' && REFUSED_ITEM.includes(row.item_status ?? '')) return 'withdrawn';
  if (row.status === 'submitted' && row.item_status === 'returned') return 'returned';
  return effectiveStatus(row);
}

export const COLLECTION_LIST_STATUSES = ['draft', 'submitted', 'returned', 'withdrawn', 'open', 'closed'] as const;
export type TCollectionListStatus = (typeof COLLECTION_LIST_STATUSES)[number];

/**
 * Collections requested within the actor's scope, filtered by the status people see
 * (`displayStatus`), so that a filter and the rows it shows always agree: an open collection
 * whose item has ended counts as closed before anyone looked at it.
 */
export function collectionListQuery(ctx: TCtx, q: { status?: TCollectionListStatus | undefined }) {
  const today = chinaToday();
  return collectionQuery(ctx.db)
    .where('r.path', 'like', scopePattern(ctx.actor))
    .$if(!!q.status, (qb) =>
      qb.where((eb) => {
        const ended = eb.or([
          eb('i.status', 'in', ['completed', ...WITHDRAWING_ITEM.filter((x) => x !== 'revoked')]),
          eb.and([eb('i.status', '=', 'revoked'), eb.or([eb('i.revoked_at', 'is', null), eb('i.revoked_at', '<=', today)])]),
          eb('i.window_end', '<', today),
        ]);
        switch (q.status!) {
          case 'withdrawn':
            return eb.and([eb('c.status', '=', 'submitted'), eb('i.status', 'in', REFUSED_ITEM)]);
          case 'returned':
            return eb.and([eb('c.status', '=', 'submitted'), eb('i.status', '=', 'returned')]);
          case 'submitted':
            return eb.and([eb('c.status', '=', 'submitted'), eb.or([eb('i.status', 'is', null), eb('i.status', 'not in', [...REFUSED_ITEM, 'returned'])])]);
          case 'open':
            return eb.and([eb('c.status', '=', 'open'), eb.not(ended)]);
          case 'closed':
            return eb.or([eb('c.status', '=', 'closed'), eb.and([eb('c.status', '=', 'open'), ended])]);
          case 'draft':
            return eb('c.status', '=', 'draft');
        }
      }),
    );
}

async function progressBySchool(ctx: TCtx, id: number) {
  const rows = await ctx.db
    .selectFrom('collection_responses as r')
    .innerJoin('orgs as o', 'o.id', 'r.school_org_id')
    .select(['r.school_org_id', 'o.name', (eb) => eb.fn.countAll<number>().as('total'), (eb) => eb.fn.sum<number>(eb.case().when('r.status', '=', 'submitted').then(1).else(0).end()).as('done')])
    .where('r.collection_id', '=', id)
    .groupBy(['r.school_org_id', 'o.name'])
    .orderBy('r.school_org_id')
    .execute();
  const bySchool = rows.map((r) => ({ schoolId: r.school_org_id, name: r.name, total: Number(r.total), done: Number(r.done ?? 0) }));
  return { done: bySchool.reduce((s, r) => s + r.done, 0), total: bySchool.reduce((s, r) => s + r.total, 0), bySchool };
}

/** One collection as its requester side (and the reviewers) see it: matches, reuse, overlap, progress, hours saved. */
export async function getCollection(ctx: TCtx, id: number) {
  const row = await findCollectionById(ctx.db, id);
  authorizeCollection(ctx.actor, 'read', row ? { requesterPath: row.requester_path, createdBy: row.created_by } : null);
  const c = await syncCollection(ctx, row!);
  const closeReason = c.status === 'open' || c.status === 'closed' ? closeReasonOf(c) : null;
  const doc = columnsDocOf(c);
  const reuse = JSON.parse(c.reuse_json) as TReuse;
  const overlap = JSON.parse(c.overlap_json) as TOverlap;
  const heldBy = new Map(reuse.perColumn.map((p) => [p.index, p.heldCount]));
  const schools = await ctx.db
    .selectFrom('collection_schools as s')
    .innerJoin('orgs as o', 'o.id', 's.school_org_id')
    .select(['o.id', 'o.name'])
    .where('s.collection_id', '=', id)
    .orderBy('o.id')
    .execute();
  const target = { requesterPath: c.requester_path, createdBy: c.created_by };
  const editable = c.status === 'draft' || (c.status === 'submitted' && ['draft', 'returned'].includes(c.item_status ?? ''));
  return {
    id: c.id,
    title: c.title,
    status: displayStatus(c),
    requester: { id: c.requester_org_id, name: c.requester_name },
    subjectType: c.subject_type,
    templateName: c.template_name,
    templateSize: c.template_size,
    /** Why it closed (or is closing): `completed`, `expired` — the final file stays — or `withdrawn` — it does not. */
    closeReason,
    item: c.item_id ? { id: c.item_id, status: c.item_status, admissionNo: c.admission_no, verifyCode: c.verify_code, windowEnd: c.window_end } : null,
    sheets: doc.sheets,
    columns: doc.columns.map((col) => ({
      index: col.index,
      sheet: col.sheet,
      col: col.col,
      header: col.header,
      labels: col.labels,
      suggested: col.suggested,
      confidence: col.confidence,
      field: col.field,
      fieldLabel: col.field ? { zh: catalogLabel(col.field, 'zh'), en: catalogLabel(col.field, 'en') } : null,
      mode: col.mode,
      heldCount: heldBy.get(col.index) ?? 0,
    })),
    reuse,
    overlap,
    justification: c.justification,
    commitmentText: c.commitment_text,
    schools,
    progress: c.status === 'draft' ? { done: 0, total: 0, bySchool: [] } : await progressBySchool(ctx, id),
    hoursSaved: { cellsPrefilled: c.cells_prefilled, secondsPerCell: c.seconds_per_cell, hours: hoursOf(c) },
    createdAt: c.created_at,
    openedAt: c.opened_at,
    can: {
      edit: editable && canRequesterAct(ctx.actor, 'edit', target),
      submit: editable && canRequesterAct(ctx.actor, 'submit', target),
      download: (c.status === 'open' || c.status === 'closed') && closeReason !== 'withdrawn' && canRequesterAct(ctx.actor, 'download', target),
    },
  };
}

export type TCollectionView = Awaited<ReturnType<typeof getCollection>>;

/** One row of the collections list, as the list and its Excel export show it. */
export function presentCollectionSummary(r: TCollectionJoined & { total: number | string | null; done: number | string | null }) {
  const reuse = JSON.parse(r.reuse_json) as TReuse;
  return {
    id: r.id,
    title: r.title,
    status: displayStatus(r),
    requesterName: r.requester_name,
    subjectType: r.subject_type,
    admissionNo: r.admission_no,
    reuse: { held: reuse.held, columns: reuse.columns },
    overlapMax: r.overlap_max,
    progress: { done: Number(r.done ?? 0), total: Number(r.total ?? 0) },
    hoursSaved: hoursOf(r),
    createdAt: r.created_at,
  };
}

/** The list query with each collection's progress (responses submitted of all). */
export function collectionListRows(ctx: TCtx, q: { status?: TCollectionListStatus | undefined }) {
  return collectionListQuery(ctx, q).select((eb) => [
    eb.selectFrom('collection_responses as p').select((e2) => e2.fn.countAll<number>().as('t')).whereRef('p.collection_id', '=', 'c.id').as('total'),
    eb.selectFrom('collection_responses as p').select((e2) => e2.fn.countAll<number>().as('d')).whereRef('p.collection_id', '=', 'c.id').where('p.status', '=', 'submitted').as('done'),
  ]);
}

/** Collections requested within the actor's scope, newest first, filtered by the status shown. */
export async function findCollections(ctx: TCtx, opts: { page: number; pageSize: number; status?: TCollectionListStatus | undefined }) {
  authorize(ctx.actor, 'collection.read');
  const base = collectionListQuery(ctx, opts);
  const [{ n }, rows] = await Promise.all([
    ctx.db
      .selectFrom(base.as('x'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    collectionListRows(ctx, opts)
      .orderBy('c.id', 'desc')
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize)
      .execute(),
  ]);
  return { total: Number(n), items: rows.map(presentCollectionSummary) };
}

/** The collection a register item registers (for the item page: the reviewer opens the overlap from there). */
export async function getCollectionOfItem(ctx: TCtx, itemId: number) {
  authorize(ctx.actor, 'collection.read');
  const row = await collectionQuery(ctx.db).where('c.item_id', '=', itemId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return getCollection(ctx, row.id);
}
