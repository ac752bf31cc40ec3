import { num, LIVE_STATUSES, scopedItems, type TPanelQuery } from './common';

/** A count and a teacher-hours sum of one region and kind (and year, for the baseline). */
export interface TRegionKindFact {
  region: number;
  kind: string;
  n: number;
  h: number;
}

export interface TRegionMonthFact {
  region: number;
  month: string;
  n: number;
}

/**
 * What several panels share, read once per dashboard and grouped by region so that a region's
 * totals and its counties' rows come from the same figures: live items of the period by region
 * and kind, the baseline inventory (each region's earliest year) by region and kind, and
 * secondments out and back by region and month.
 */
export interface TFacts {
  current: TRegionKindFact[];
  /** null on a school dashboard: a baseline is kept per region, not per school. */
  baseline: (TRegionKindFact & { year: number })[] | null;
  secondmentsOut: TRegionMonthFact[];
  secondmentsBack: TRegionMonthFact[];
}

export async function loadFacts(q: TPanelQuery): Promise<TFacts> {
  const { from, to } = q.period;
  const current = await scopedItems(q)
    .select(['items.region_org_id', 'items.kind', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('items.teacher_hours').as('h')])
    .where('items.status', 'in', LIVE_STATUSES)
    .where('items.valid_to', '>=', from)
    .where('items.valid_from', '<=', to)
    .groupBy(['items.region_org_id', 'items.kind'])
    .execute();
  let baseline: TFacts['baseline'] = null;
  if (q.target.schoolId === null) {
    // grouped in index order (region, year, kind); each region's earliest year is kept below
    const rows = await q.db
      .selectFrom('baseline_items')
      .select(['region_org_id', 'year', 'kind', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('teacher_hours').as('h')])
      .where('region_org_id', 'in', q.target.regionIds)
      .groupBy(['region_org_id', 'year', 'kind'])
      .execute();
    const first = new Map<number, number>();
    for (const r of rows) first.set(r.region_org_id, Math.min(first.get(r.region_org_id) ?? Infinity, r.year));
    baseline = rows.filter((r) => first.get(r.region_org_id) === r.year).map((r) => ({ region: r.region_org_id, year: r.year, kind: r.kind, n: num(r.n), h: num(r.h) }));
  }
  const sec = scopedItems(q).where('items.kind', '=', 'secondment').where('items.status', 'in', LIVE_STATUSES);
  const [outs, backs] = await Promise.all([
    sec
      .select(['items.region_org_id', (eb) => eb.fn('substr', [eb.ref('items.window_start'), eb.val(1), eb.val(7)]).$castTo<string>().as('m'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('items.window_start', '>=', from)
      .where('items.window_start', '<=', to)
      .groupBy(['items.region_org_id', 'm'])
      .execute(),
    sec
      .select(['items.region_org_id', (eb) => eb.fn('substr', [eb.ref('items.returned_at'), eb.val(1), eb.val(7)]).$castTo<string>().as('m'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('items.returned_at', '>=', from)
      .where('items.returned_at', '<=', `${to}T23:59:59`)
      .groupBy(['items.region_org_id', 'm'])
      .execute(),
  ]);
  const month = (r: { region_org_id: number; m: string; n: number }) => ({ region: r.region_org_id, month: r.m, n: num(r.n) });
  return {
    current: current.map((r) => ({ region: r.region_org_id, kind: r.kind, n: num(r.n), h: num(r.h) })),
    baseline,
    secondmentsOut: outs.map(month),
    secondmentsBack: backs.map(month),
  };
}
