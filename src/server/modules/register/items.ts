import { teacherHoursPerYear } from '../../../domain/register/burden';
import { checkItem } from '../../../domain/register/rules';
import type { TItemInput } from '../../../domain/register/schemas';
import { chinaToday } from '../../../domain/time';
import type { TCtx } from '../../context';
import type { TDb } from '../../db/connect';
import { nowIso } from '../../context';
import { AppError } from '../../http/errors';
import { authorize, scopePattern } from '../../policy';
import { recordAudit } from '../audit/record';
import { regionPathOf } from '../auth/sessions';
import { authorizeItem, authorizeItemRead } from './policy';
import { presentItem, presentSummary } from './present';
import { columnsOf, findItemById, itemQuery, policyTarget, replaceItemSchools, writeEvent } from './repo';
import { buildItemRuleContext, loadRuleValues } from './ruleContext';

/**
 * Runs `fn` in a new transaction, or in the caller's when `db` already is one: a data collection
 * creates, links and submits its item in one transaction of its own (collections/request.ts).
 */
export function inTransaction<T>(db: TDb, fn: (trx: TDb) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

export function regionIdOf(regionPath: string): number {
  return Number(regionPath.split('/').filter(Boolean).pop());
}

/** Loads an item the actor may read (404 otherwise). */
export async function getScopedItem(ctx: TCtx, id: number) {
  const row = await findItemById(ctx.db, id);
  authorizeItemRead(ctx.actor, row ? { issuerPath: row.issuer_path } : null);
  return row!;
}

export async function getItem(ctx: TCtx, id: number) {
  return presentItem(ctx.db, ctx.actor, await getScopedItem(ctx, id));
}

/** Derived fields: the schools and respondents the scope reaches, teacher-hours, submit-stage findings. */
async function evaluateInput(ctx: TCtx, opts: { input: TItemInput; itemId: number | null; regionPath: string }) {
  const regionOrgId = regionIdOf(opts.regionPath);
  const rc = await buildItemRuleContext(ctx.db, { item: opts.input, itemId: opts.itemId, regionOrgId, regionPath: opts.regionPath });
  // respondents come from the teachers on file, not from the client
  const input: TItemInput = { ...opts.input, burden: { ...opts.input.burden, respondents: rc.respondents } };
  const findings = checkItem({ item: input, ctx: rc.ctx, values: await loadValues(ctx, opts.regionPath, input), stage: 'submit', today: chinaToday() });
  return { input, rc, findings, regionOrgId, teacherHours: teacherHoursPerYear(input.burden) };
}

function loadValues(ctx: TCtx, regionPath: string, input: TItemInput) {
  return loadRuleValues(ctx.db, { regionPath, year: Number(input.windowStart.slice(0, 4)) });
}

/**
 * The annual plan a planned item goes into: it must be open. Once the office closes it, nothing
 * new enters it (一事一报 from then on); an item already in it may still be edited.
 */
async function assertPlanOpen(ctx: TCtx, regionOrgId: number, input: TItemInput, inPlanId: number | null = null): Promise<number | null> {
  if (!input.planned) return null;
  const plan = await ctx.db
    .selectFrom('annual_plans')
    .select(['id', 'status'])
    .where('region_org_id', '=', regionOrgId)
    .where('year', '=', Number(input.windowStart.slice(0, 4)))
    .executeTakeFirst();
  if (!plan) throw new AppError('PLAN_NOT_OPEN');
  if (plan.status === 'closed' && plan.id !== inPlanId) throw new AppError('PLAN_CLOSED');
  if (plan.status !== 'open' && plan.status !== 'closed') throw new AppError('PLAN_NOT_OPEN');
  return plan.id;
}

/** A section (or the office) registers a draft; the findings are a preview of the submit-stage check. */
export async function createItem(ctx: TCtx, raw: TItemInput) {
  authorize(ctx.actor, 'register.submit');
  const regionPath = await regionPathOf(ctx.db, ctx.actor.orgPath);
  const ev = await evaluateInput(ctx, { input: raw, itemId: null, regionPath });
  const planId = await assertPlanOpen(ctx, ev.regionOrgId, ev.input);
  const id = await inTransaction(ctx.db, async (trx) => {
    const at = nowIso();
    const { id } = await trx
      .insertInto('items')
      .values({
        ...columnsOf(ev.input, ev.teacherHours),
        region_org_id: ev.regionOrgId,
        issuer_org_id: ctx.actor.orgId,
        created_by: ctx.actor.userId,
        plan_id: planId,
        status: 'draft',
        findings_json: JSON.stringify(ev.findings),
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceItemSchools(trx, id, ev.rc.schoolIds);
    await writeEvent(trx, { itemId: id, at, actorUserId: ctx.actor.userId, actorName: ctx.actor.displayName, action: 'create', from: null, to: 'draft' });
    await recordAudit(trx, ctx, { action: 'item.create', objectType: 'item', objectId: id, after: { ...ev.input, teacherHours: ev.teacherHours } });
    return id;
  });
  return getItem(ctx, id);
}

export async function updateItem(ctx: TCtx, id: number, raw: TItemInput) {
  const row = await findItemById(ctx.db, id);
  authorizeItem(ctx.actor, 'edit', row ? policyTarget(row) : null);
  const ev = await evaluateInput(ctx, { input: raw, itemId: id, regionPath: await regionPathOf(ctx.db, row!.issuer_path) });
  const planId = await assertPlanOpen(ctx, ev.regionOrgId, ev.input, row!.planned === 1 ? row!.plan_id : null);
  await inTransaction(ctx.db, async (trx) => {
    const at = nowIso();
    const res = await trx
      .updateTable('items')
      .set({ ...columnsOf(ev.input, ev.teacherHours), plan_id: planId, findings_json: JSON.stringify(ev.findings), updated_at: at })
      .where('id', '=', id)
      .where('status', 'in', ['draft', 'returned'])
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('ITEM_STATE_CONFLICT');
    await replaceItemSchools(trx, id, ev.rc.schoolIds);
    await writeEvent(trx, { itemId: id, at, actorUserId: ctx.actor.userId, actorName: ctx.actor.displayName, action: 'edit', from: row!.status, to: row!.status });
    await recordAudit(trx, ctx, { action: 'item.update', objectType: 'item', objectId: id, after: { ...ev.input, teacherHours: ev.teacherHours } });
  });
  return getItem(ctx, id);
}

export interface TItemQuery {
  page: number;
  pageSize: number;
  status?: string | undefined;
  kind?: string | undefined;
  year?: number | undefined;
  q?: string | undefined;
}

export function itemListQuery(ctx: TCtx, q: Omit<TItemQuery, 'page' | 'pageSize'>) {
  const text = q.q?.replace(/[%_]/g, '');
  return itemQuery(ctx.db)
    .where('issuer.path', 'like', scopePattern(ctx.actor))
    .$if(!!q.status, (qb) => qb.where('items.status', '=', q.status!))
    .$if(!!q.kind, (qb) => qb.where('items.kind', '=', q.kind!))
    .$if(!!q.year, (qb) => qb.where('items.window_start', '>=', `${q.year}-01-01`).where('items.window_start', '<=', `${q.year}-12-31`))
    .$if(!!text, (qb) => qb.where((eb) => eb.or([eb('items.title', 'like', `%${text}%`), eb('items.admission_no', 'like', `%${text}%`)])));
}

export async function findItems(ctx: TCtx, q: TItemQuery) {
  authorize(ctx.actor, 'register.read');
  const base = itemListQuery(ctx, q);
  const [{ n }, rows] = await Promise.all([
    ctx.db
      .selectFrom(base.as('x'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    base
      .select((eb) => eb.selectFrom('item_schools').select((e2) => e2.fn.countAll<number>().as('c')).whereRef('item_schools.item_id', '=', 'items.id').as('school_count'))
      .orderBy('items.id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
  ]);
  return { total: Number(n), items: rows.map(presentSummary) };
}
