import type { Kysely } from 'kysely';
import { estimateRespondents, type TSchoolHeadcount } from '../../../domain/register/burden';
import type { TSchoolStage } from '../../../domain/register/kinds';
import { normalizeVerifyCode } from '../../../domain/register/codes';
import { buildRuleContext, type TRuleContext } from '../../../domain/register/ruleModel';
import { resolveRuleSet, type TRuleSetValues } from '../../../domain/register/ruleset';
import type { TItemInput } from '../../../domain/register/schemas';
import { schoolYearOf, schoolYearRange } from '../../../domain/register/schoolYear';
import type { TDatabase } from '../../db/types';

const LIVE = ['approved', 'completed'] as const;

const STAGES: Record<string, TSchoolHeadcount['stage']> = {
  primary: 'primary',
  junior: 'junior',
  senior: 'senior',
  nine_year: ['primary', 'junior'] as TSchoolStage[],
  complete_middle: ['junior', 'senior'] as TSchoolStage[],
};

/** The rule set in force for a region and year: the defaults, overridden down the region chain. */
export async function loadRuleValues(db: Kysely<TDatabase>, opts: { regionPath: string; year: number }): Promise<TRuleSetValues> {
  const ids = opts.regionPath.split('/').filter(Boolean).map(Number);
  const rows = await db
    .selectFrom('rule_sets')
    .innerJoin('orgs', 'orgs.id', 'rule_sets.region_org_id')
    .select(['rule_sets.values_json', 'orgs.depth'])
    .where('rule_sets.region_org_id', 'in', ids)
    .where('rule_sets.year', '=', opts.year)
    .orderBy('orgs.depth')
    .execute();
  return resolveRuleSet(rows.map((r) => JSON.parse(r.values_json) as Partial<TRuleSetValues>));
}

/** The schools of a region with their teachers on file, as the respondent estimate needs them. */
export async function schoolsOfRegion(db: Kysely<TDatabase>, regionPath: string): Promise<(TSchoolHeadcount & { name: string })[]> {
  const rows = await db
    .selectFrom('orgs as s')
    .leftJoin('teachers as t', (j) => j.onRef('t.org_id', '=', 's.id').on('t.status', '=', 'active'))
    .select(['s.id', 's.name', 's.school_type', (eb) => eb.fn.count<number>('t.id').as('teachers')])
    .where('s.kind', '=', 'school')
    .where('s.status', '=', 'active')
    .where('s.path', 'like', `${regionPath}%`)
    .groupBy(['s.id', 's.name', 's.school_type'])
    .execute();
  // class teachers are not on file yet: every teacher is counted as a possible class teacher (an upper bound)
  return rows.map((r) => ({ id: r.id, name: r.name, stage: STAGES[r.school_type ?? ''] ?? null, teacherCount: Number(r.teachers), classTeacherCount: Number(r.teachers) }));
}

/** Respondents a target scope reaches in a region, from the teachers on file (the client's figure is never used). */
export async function respondentsOf(db: Kysely<TDatabase>, opts: { scope: TItemInput['targetScope']; regionPath: string }): Promise<number> {
  return estimateRespondents({ scope: opts.scope, schools: await schoolsOfRegion(db, opts.regionPath) }).respondents;
}

function addCount(map: Record<number, number>, schoolId: number, n: number) {
  map[schoolId] = (map[schoolId] ?? 0) + n;
}

/**
 * The facts the rules need, computed from the register: schools reached, social affairs per school
 * this school year, comprehensive supervisions per school this calendar year, the whitelist and
 * whether a cited whitelist code names one of its entries.
 * Counts cover approved or completed items and exclude the item checked.
 */
export async function buildItemRuleContext(
  db: Kysely<TDatabase>,
  opts: { item: TItemInput; itemId: number | null; regionOrgId: number; regionPath: string },
): Promise<{ ctx: TRuleContext; schoolIds: number[]; respondents: number }> {
  const schools = await schoolsOfRegion(db, opts.regionPath);
  const est = estimateRespondents({ scope: opts.item.targetScope, schools });
  const targetIds = est.schoolIds;
  const socialAffairCountBySchool: Record<number, number> = {};
  const comprehensiveSupervisionCountBySchool: Record<number, number> = {};
  const exclude = opts.itemId ?? -1;

  if (opts.item.kind === 'social_affair' && targetIds.length) {
    const sy = schoolYearRange(schoolYearOf(opts.item.windowStart));
    const rows = await db
      .selectFrom('item_schools as s')
      .innerJoin('items as i', 'i.id', 's.item_id')
      .select(['s.school_org_id', 'i.details_json'])
      .where('i.kind', '=', 'social_affair')
      .where('i.status', 'in', LIVE)
      .where('i.id', '!=', exclude)
      .where('i.window_start', '>=', sy.start)
      .where('i.window_start', '<=', sy.end)
      .where('s.school_org_id', 'in', targetIds)
      .execute();
    for (const r of rows) addCount(socialAffairCountBySchool, r.school_org_id, (JSON.parse(r.details_json) as { activitiesPerSchool?: number }).activitiesPerSchool ?? 1);
  }
  if ((opts.item.kind === 'supervision' || opts.item.kind === 'inspection') && targetIds.length) {
    const year = opts.item.windowStart.slice(0, 4);
    const rows = await db
      .selectFrom('item_schools as s')
      .innerJoin('items as i', 'i.id', 's.item_id')
      .select(['s.school_org_id', 'i.details_json'])
      .where('i.kind', 'in', ['supervision', 'inspection'])
      .where('i.status', 'in', LIVE)
      .where('i.id', '!=', exclude)
      .where('i.window_start', '>=', `${year}-01-01`)
      .where('i.window_start', '<=', `${year}-12-31`)
      .where('s.school_org_id', 'in', targetIds)
      .execute();
    for (const r of rows) if ((JSON.parse(r.details_json) as { comprehensive?: boolean }).comprehensive) addCount(comprehensiveSupervisionCountBySchool, r.school_org_id, 1);
  }
  let whitelistTotal = 0;
  let whitelistNewThisYear = 0;
  let whitelistCodeKnown: boolean | undefined;
  const details = opts.item.details.kind === 'social_affair' ? opts.item.details : null;
  const citedCode = details?.whitelistCode?.trim() ? normalizeVerifyCode(details.whitelistCode) : null;
  if (details) {
    // the whitelist: live social affairs of the region, valid this year, that cite no entry themselves;
    // an entry's code is its verification code
    const year = opts.item.windowStart.slice(0, 4);
    const rows = await db
      .selectFrom('items')
      .select(['details_json', 'approved_at', 'verify_code'])
      .where('region_org_id', '=', opts.regionOrgId)
      .where('kind', '=', 'social_affair')
      .where('status', 'in', LIVE)
      .where('id', '!=', exclude)
      .where('valid_to', '>=', `${year}-01-01`)
      .execute();
    const entryCodes = new Set<string>();
    for (const r of rows) {
      if ((JSON.parse(r.details_json) as { whitelistCode?: string }).whitelistCode?.trim()) continue;
      whitelistTotal++;
      if (r.approved_at?.startsWith(year)) whitelistNewThisYear++;
      if (r.verify_code) entryCodes.add(r.verify_code);
    }
    if (citedCode !== null) whitelistCodeKnown = entryCodes.has(citedCode);
  }
  const names = Object.fromEntries(schools.filter((s) => targetIds.includes(s.id)).map((s) => [s.id, s.name]));
  const ctx = buildRuleContext({
    targetSchoolIds: targetIds,
    socialAffairCountBySchool,
    comprehensiveSupervisionCountBySchool,
    whitelistTotal,
    whitelistNewThisYear,
    // a code that names no entry does not make the item part of one: it counts as a new entry too
    isNewWhitelistItem: details !== null && whitelistCodeKnown !== true,
    ...(whitelistCodeKnown === undefined ? {} : { whitelistCodeKnown }),
    schoolNames: names,
  });
  return { ctx, schoolIds: targetIds, respondents: est.respondents };
}
