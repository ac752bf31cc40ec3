import { findLooserOverrides, resolveRuleSet, type TRuleSetPatch, type TRuleSetValues } from '../../../domain/register/ruleset';
import type { TCtx } from '../../context';
import { nowIso } from '../../context';
import { AppError } from '../../http/errors';
import { can } from '../../../domain/abilities';
import { authorize } from '../../policy';
import { recordAudit } from '../audit/record';
import { regionPathOf } from '../auth/sessions';
import { regionIdOf } from './items';
import { presentSummary } from './present';
import { itemQuery } from './repo';
import { loadRuleValues, schoolsOfRegion } from './ruleContext';
import { defaultAdmissionPrefix } from './numbering';

async function actorRegion(ctx: TCtx) {
  const path = await regionPathOf(ctx.db, ctx.actor.orgPath);
  return { path, id: regionIdOf(path) };
}

export async function getPlan(ctx: TCtx, year: number) {
  authorize(ctx.actor, 'register.read');
  const region = await actorRegion(ctx);
  const plan = await findPlan(ctx, region.id, year);
  const rows = plan
    ? await itemQuery(ctx.db)
        .select((eb) => eb.selectFrom('item_schools').select((e2) => e2.fn.countAll<number>().as('c')).whereRef('item_schools.item_id', '=', 'items.id').as('school_count'))
        .where('items.plan_id', '=', plan.id)
        .where('issuer.path', 'like', `${ctx.actor.scopePath}%`)
        .orderBy('items.window_start')
        .execute()
    : [];
  return { plan: plan ? presentPlan(plan) : null, items: rows.map(presentSummary), canClose: plan?.status === 'open' && can(ctx.actor.role, 'register.manage') };
}

function findPlan(ctx: TCtx, regionId: number, year: number) {
  return ctx.db.selectFrom('annual_plans').select(['id', 'year', 'status', 'updated_at']).where('region_org_id', '=', regionId).where('year', '=', year).executeTakeFirst();
}

function presentPlan(p: { id: number; year: number; status: string; updated_at: string }) {
  return { id: p.id, year: p.year, status: p.status, closedAt: p.status === 'closed' ? p.updated_at : null };
}

/**
 * The schools an item of the actor's may target: every active school of the actor's region
 * (a section sits under the bureau, so its own org subtree holds no schools), with the teachers
 * on file that the respondent estimate uses.
 */
export async function findTargetSchools(ctx: TCtx) {
  authorize(ctx.actor, 'register.read');
  const region = await actorRegion(ctx);
  const rows = await schoolsOfRegion(ctx.db, region.path);
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN')).map((r) => ({ id: r.id, name: r.name, stage: r.stage, teacherCount: r.teacherCount }));
}

/** The office opens the annual plan (年度计划) of its region; sections then add planned items. */
export async function openPlan(ctx: TCtx, year: number) {
  authorize(ctx.actor, 'register.manage');
  const region = await actorRegion(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('annual_plans').select('id').where('region_org_id', '=', region.id).where('year', '=', year).executeTakeFirst();
    if (existing) throw new AppError('ITEM_STATE_CONFLICT');
    const at = nowIso();
    const { id } = await trx.insertInto('annual_plans').values({ region_org_id: region.id, year, status: 'open', opened_by: ctx.actor.userId, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'plan.open', objectType: 'annual_plan', objectId: id, after: { year } });
    return { id, year, status: 'open' };
  });
}

/**
 * The office closes the annual plan of its region: from then on a planned item of that year is
 * refused (it must be reported on its own, 一事一报, with reason and urgency); items already in
 * the plan stay. Another region's plan is 404; a closed plan cannot be closed again.
 */
export async function closePlan(ctx: TCtx, id: number) {
  authorize(ctx.actor, 'register.manage');
  const region = await actorRegion(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const plan = await trx.selectFrom('annual_plans').select(['id', 'year', 'status']).where('id', '=', id).where('region_org_id', '=', region.id).executeTakeFirst();
    if (!plan) throw new AppError('NOT_FOUND');
    const at = nowIso();
    const res = await trx.updateTable('annual_plans').set({ status: 'closed', updated_at: at }).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('PLAN_CLOSED');
    await recordAudit(trx, ctx, { action: 'plan.close', objectType: 'annual_plan', objectId: id, before: { status: plan.status }, after: { year: plan.year, status: 'closed' } });
    return presentPlan({ id, year: plan.year, status: 'closed', updated_at: at });
  });
}

export async function getRuleSet(ctx: TCtx, year: number) {
  authorize(ctx.actor, 'register.read');
  const region = await actorRegion(ctx);
  const own = await ctx.db.selectFrom('rule_sets').select(['values_json', 'admission_prefix']).where('region_org_id', '=', region.id).where('year', '=', year).executeTakeFirst();
  const parentPath = region.path.split('/').filter(Boolean).slice(0, -1);
  const inherited = parentPath.length ? await loadRuleValues(ctx.db, { regionPath: `/${parentPath.join('/')}/`, year }) : resolveRuleSet([]);
  const regionRow = await ctx.db.selectFrom('orgs').select('name').where('id', '=', region.id).executeTakeFirstOrThrow();
  return {
    year,
    values: await loadRuleValues(ctx.db, { regionPath: region.path, year }),
    own: own ? (JSON.parse(own.values_json) as Partial<TRuleSetValues>) : {},
    inherited,
    admissionPrefix: own?.admission_prefix ?? defaultAdmissionPrefix(regionRow.name),
  };
}

/** The office edits its region's rule set for a year. Loosening the level above is allowed but reported. */
export async function saveRuleSet(ctx: TCtx, year: number, opts: { values: TRuleSetPatch; admissionPrefix?: string | undefined }) {
  authorize(ctx.actor, 'register.manage');
  const region = await actorRegion(ctx);
  const before = await getRuleSet(ctx, year);
  const looser = findLooserOverrides({ parent: before.inherited, patch: opts.values as Partial<TRuleSetValues> });
  await ctx.db.transaction().execute(async (trx) => {
    const at = nowIso();
    const values = JSON.stringify(opts.values);
    await trx
      .insertInto('rule_sets')
      .values({ region_org_id: region.id, year, values_json: values, admission_prefix: opts.admissionPrefix ?? null, updated_by: ctx.actor.userId, updated_at: at })
      .onConflict((oc) => oc.columns(['region_org_id', 'year']).doUpdateSet({ values_json: values, admission_prefix: opts.admissionPrefix ?? null, updated_by: ctx.actor.userId, updated_at: at }))
      .execute();
    await recordAudit(trx, ctx, { action: 'ruleset.save', objectType: 'rule_set', objectId: `${region.id}:${year}`, before: before.own, after: { ...opts.values, admissionPrefix: opts.admissionPrefix ?? null, looser } });
  });
  return { ...(await getRuleSet(ctx, year)), looser };
}

/** The leads of the actor's region (office, leader), newest first: the list and its export read the same rows. */
export async function leadQuery(ctx: TCtx) {
  authorize(ctx.actor, 'lead.read');
  const region = await actorRegion(ctx);
  return ctx.db.selectFrom('leads').leftJoin('orgs as s', 's.id', 'leads.school_org_id').where('leads.region_org_id', '=', region.id);
}

type TLeadRow = { id: number; source: string; item_code: string | null; text: string; school_name: string | null; created_at: string; status: string };
export const LEAD_COLUMNS = ['leads.id', 'leads.source', 'leads.item_code', 'leads.text', 's.name as school_name', 'leads.created_at', 'leads.status'] as const;

export function presentLead(r: TLeadRow) {
  return { id: r.id, source: r.source, itemCode: r.item_code, text: r.text, schoolName: r.school_name, createdAt: r.created_at, status: r.status };
}

export async function findLeads(ctx: TCtx, opts: { page: number; pageSize: number }) {
  const base = await leadQuery(ctx);
  const [{ n }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base.select([...LEAD_COLUMNS]).orderBy('leads.id', 'desc').limit(opts.pageSize).offset((opts.page - 1) * opts.pageSize).execute(),
  ]);
  return { total: Number(n), items: rows.map(presentLead) };
}
