import { sql } from 'kysely';
import type { TWhitelistPanel } from '../../../../domain/dashboards/types';
import { schoolYearOf, schoolYearRange } from '../../../../domain/register/schoolYear';
import { loadRuleValues } from '../../register/ruleContext';
import { jsonInt, LIVE_STATUSES, num, type TPanelQuery } from './common';

const TOP = 200;

/**
 * Social affairs in schools (社会事务进校园, the whitelist) used per school in the school year the
 * period ends in, against the cap of the rule set: every school of the target, by number of
 * activities (an item counts its `activitiesPerSchool`, 1 when not given).
 */
export async function whitelistPanel(q: TPanelQuery): Promise<TWhitelistPanel> {
  const schoolYear = schoolYearOf(q.period.to);
  const sy = schoolYearRange(schoolYear);
  const values = await loadRuleValues(q.db, { regionPath: q.target.region.path, year: Number(sy.start.slice(0, 4)) });
  const cap = values.socialAffairMaxPerSchoolYear;
  // links counted in the index; the few items with more than one activity a school add the rest
  const links = (extra: boolean) => {
    let qb = q.db
      .selectFrom('items as i')
      .innerJoin('item_schools as s', 's.item_id', 'i.id')
      .where('i.kind', '=', 'social_affair')
      .where('i.status', 'in', LIVE_STATUSES)
      .where('i.window_start', '>=', sy.start)
      .where('i.window_start', '<=', sy.end)
      .groupBy('s.school_org_id');
    qb = q.target.schoolId !== null ? qb.where('s.school_org_id', '=', q.target.schoolId).where('i.region_org_id', '=', q.target.region.id) : qb.where('i.region_org_id', 'in', q.target.regionIds);
    if (!extra) return qb.select(['s.school_org_id', (eb) => eb.fn.countAll<number>().as('n')]).execute();
    const activities = jsonInt(q.dialect, sql.ref('i.details_json'), 'activitiesPerSchool', 1);
    return qb
      .select(['s.school_org_id', (eb) => eb.fn.sum<number>(sql<number>`${activities} - 1`).as('n')])
      .where(sql<boolean>`${activities} > 1`)
      .execute();
  };
  const [counted, extra, schoolCount] = await Promise.all([
    links(false),
    links(true),
    q.target.schoolId !== null
      ? Promise.resolve(1)
      : q.db
          .selectFrom('orgs')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('kind', '=', 'school')
          .where('status', '=', 'active')
          .where('path', 'like', `${q.target.rootPath}%`)
          .executeTakeFirstOrThrow()
          .then((r) => num(r.n)),
  ]);
  const usesOf = new Map(counted.map((r) => [r.school_org_id, num(r.n)]));
  for (const r of extra) usesOf.set(r.school_org_id, (usesOf.get(r.school_org_id) ?? 0) + num(r.n));
  const useRows = [...usesOf].map(([school_org_id, n]) => ({ school_org_id, n }));
  const byUses = new Map<number, number>();
  let used = 0;
  for (const r of useRows) {
    const u = Math.min(num(r.n), cap + 1);
    byUses.set(u, (byUses.get(u) ?? 0) + 1);
    used++;
  }
  byUses.set(0, (byUses.get(0) ?? 0) + Math.max(0, schoolCount - used));
  const buckets = Array.from({ length: cap + 2 }, (_, u) => ({ uses: u, schools: byUses.get(u) ?? 0 }));
  const topRows = useRows.map((r) => ({ schoolId: r.school_org_id, uses: num(r.n) })).sort((a, b) => b.uses - a.uses || a.schoolId - b.schoolId).slice(0, TOP);
  // a school dashboard shows the school even when it hosted nothing
  if (q.target.schoolId !== null && topRows.length === 0) topRows.push({ schoolId: q.target.schoolId, uses: 0 });
  const names = topRows.length ? await q.db.selectFrom('orgs').select(['id', 'name']).where('id', 'in', topRows.map((t) => t.schoolId)).execute() : [];
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return {
    cap,
    schoolYear,
    schools: schoolCount,
    overCap: byUses.get(cap + 1) ?? 0,
    buckets,
    top: topRows.map((t) => ({ ...t, name: nameOf.get(t.schoolId) ?? '' })),
  };
}
