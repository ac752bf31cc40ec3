import { sql } from 'kysely';
import { monthsBetween, type THoursTrendPanel } from '../../../../domain/dashboards/types';
import { startOfChinaDayUtc } from '../../../../domain/time';
import { num, periodUtc, scopedItems, tenth, type TPanelQuery } from './common';

interface TEstimateData {
  countsAsReduction?: boolean;
  reductionHours?: number;
  before?: { minutesPerRespondent: number; timesPerYear: number };
  after?: { minutesPerRespondent: number; timesPerYear: number };
}

/** UTC bounds of each China month of the period, clipped to the period: `[bounds[i], bounds[i+1])`. */
function monthBounds(months: string[], lo: string, hi: string): string[] {
  const next = (m: string) => {
    const y = Number(m.slice(0, 4));
    const mo = Number(m.slice(5, 7));
    return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  };
  const starts = months.map((m) => startOfChinaDayUtc(`${m}-01`));
  starts.push(startOfChinaDayUtc(`${next(months[months.length - 1]!)}-01`));
  return starts.map((s) => (s < lo ? lo : s > hi ? hi : s));
}

/**
 * Teacher-hours imposed and returned, month by month (trend line). Imposed: the yearly burden of
 * the items approved that month (China time). Returned: the burden of items revoked that month,
 * plus the reductions of programme changes to estimates (a re-estimate is not a reduction). On a
 * school dashboard the unit is one teacher's hours (minutes × times ÷ 60), the same for every
 * teacher an item reaches. Each month is one range scan of the (region, approved_at) index.
 */
export async function hoursTrendPanel(q: TPanelQuery): Promise<THoursTrendPanel> {
  const perTeacher = q.target.schoolId !== null;
  const utc = periodUtc(q.period);
  const months = monthsBetween(q.period.from, q.period.to);
  const bounds = monthBounds(months, utc.from, utc.to);
  const burden = perTeacher ? sql<number>`items.minutes_per_respondent * items.times_per_year / 60.0` : sql<number>`items.teacher_hours`;
  // one range scan of the (region, approved_at) index per month: cheaper than grouping by a computed month
  const imposed: number[] = [];
  for (let i = 0; i < months.length; i++) {
    const row = await scopedItems(q)
      .select((eb) => eb.fn.sum<number>(burden).as('h'))
      .where('items.approved_at', '>=', bounds[i]!)
      .where('items.approved_at', '<', bounds[i + 1]!)
      .executeTakeFirst();
    imposed.push(num(row?.h));
  }
  const revokedRows = await scopedItems(q)
    .select([(eb) => eb.fn('substr', [eb.ref('items.revoked_at'), eb.val(1), eb.val(7)]).$castTo<string>().as('m'), (eb) => eb.fn.sum<number>(burden).as('h')])
    .where('items.status', '=', 'revoked')
    .where('items.revoked_at', '>=', q.period.from)
    .where('items.revoked_at', '<=', q.period.to)
    .groupBy('m')
    .execute();
  const estimateRows = await q.db
    .selectFrom('item_events as e')
    .innerJoin('items', 'items.id', 'e.item_id')
    .select(['e.at', 'e.data_json'])
    .where('e.action', '=', 'estimate')
    .where('e.at', '>=', utc.from)
    .where('e.at', '<', utc.to)
    .$call((qb) =>
      q.target.schoolId !== null
        ? qb.where('items.id', 'in', q.db.selectFrom('item_schools').select('item_schools.item_id').where('item_schools.school_org_id', '=', q.target.schoolId))
        : qb.where('items.region_org_id', 'in', q.target.regionIds),
    )
    .execute();

  const returned = months.map(() => 0);
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  for (const r of revokedRows) {
    const i = monthIndex.get(r.m);
    if (i !== undefined) returned[i]! += num(r.h);
  }
  for (const r of estimateRows) {
    const d = JSON.parse(r.data_json ?? '{}') as TEstimateData;
    if (!d.countsAsReduction) continue;
    // the event's China month: its bound is the last one at or before it
    const i = bounds.findLastIndex((b, k) => k < months.length && r.at >= b);
    if (i < 0) continue;
    const perTeacherCut = d.before && d.after ? (d.before.minutesPerRespondent * d.before.timesPerYear - d.after.minutesPerRespondent * d.after.timesPerYear) / 60 : 0;
    returned[i]! += perTeacher ? Math.max(0, perTeacherCut) : num(d.reductionHours);
  }
  const points = months.map((m, i) => ({ month: m, imposed: tenth(imposed[i]!), returned: tenth(returned[i]!) }));
  return {
    unit: perTeacher ? 'hoursPerTeacher' : 'teacherHours',
    months: points,
    totals: { imposed: tenth(points.reduce((a, p) => a + p.imposed, 0)), returned: tenth(points.reduce((a, p) => a + p.returned, 0)) },
  };
}
