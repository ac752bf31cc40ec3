import type { TCountyRow } from '../../../../domain/dashboards/types';
import { REDUCTION_TARGET_KINDS } from '../../../../domain/register/kinds';
import { resolveRuleSet, type TRuleSetValues } from '../../../../domain/register/ruleset';
import { countiesOf } from '../scope';
import { num, tenth, type TPanelQuery } from './common';
import type { TFacts } from './facts';

/** The reduction target in force in each county (its rule set chain, one query for all). */
async function reductionTargets(q: TPanelQuery, counties: { id: number; path: string }[]): Promise<Map<number, number>> {
  const chains = new Map(counties.map((c) => [c.id, c.path.split('/').filter(Boolean).map(Number)]));
  const ids = [...new Set([...chains.values()].flat())];
  const rows = await q.db
    .selectFrom('rule_sets')
    .select(['region_org_id', 'values_json'])
    .where('year', '=', Number(q.period.to.slice(0, 4)))
    .where('region_org_id', 'in', ids)
    .execute();
  const own = new Map(rows.map((r) => [r.region_org_id, JSON.parse(r.values_json) as Partial<TRuleSetValues>]));
  const out = new Map<number, number>();
  for (const [id, chain] of chains) out.set(id, resolveRuleSet(chain.flatMap((x) => (own.has(x) ? [own.get(x)!] : []))).reductionTarget);
  return out;
}

/**
 * A region's counties side by side: the target kinds (督查检查评比考核) now and in each county's
 * baseline, the reduction against the target, teacher-hours of all live items, secondments out
 * and returned in the period, schools. Each county's rows are the county dashboard's figures.
 */
export async function countiesPanel(q: TPanelQuery, facts: TFacts): Promise<TCountyRow[] | null> {
  if (q.target.level !== 'region') return null;
  const counties = await countiesOf(q.db, q.target.region);
  if (!counties.length) return [];
  const [schools, targets] = await Promise.all([
    q.db
      .selectFrom('orgs')
      .select(['region_code', (eb) => eb.fn.countAll<number>().as('n')])
      .where('kind', '=', 'school')
      .where('status', '=', 'active')
      .where('path', 'like', `${q.target.region.path}%`)
      .groupBy('region_code')
      .execute(),
    reductionTargets(q, counties),
  ]);
  const isTarget = (k: string) => (REDUCTION_TARGET_KINDS as readonly string[]).includes(k);
  const per = <T extends { region: number; n: number }>(list: readonly T[], id: number, keep: (f: T) => boolean = () => true, value: (f: T) => number = (f) => f.n) =>
    list.filter((f) => f.region === id && keep(f)).reduce((a, f) => a + value(f), 0);
  const schoolsByCode = new Map(schools.map((r) => [r.region_code, num(r.n)]));
  return counties.map((c) => {
    const b = per(facts.baseline ?? [], c.id, (f) => isTarget(f.kind));
    const n = per(facts.current, c.id, (f) => isTarget(f.kind));
    const target = targets.get(c.id) ?? 0.5;
    return {
      orgId: c.id,
      name: c.name,
      code: c.code,
      schools: schoolsByCode.get(c.code) ?? 0,
      baselineCount: b,
      currentCount: n,
      countReduction: b === 0 ? null : (b - n) / b,
      meetsTarget: b > 0 && b - n >= target * b - 1e-9,
      currentHours: tenth(per(facts.current, c.id, undefined, (f) => f.h)),
      secondmentsOut: per(facts.secondmentsOut, c.id),
      secondmentsReturned: per(facts.secondmentsBack, c.id),
    };
  });
}
