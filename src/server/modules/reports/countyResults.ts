/**
 * The figures of the county stage report's results (seed part 1, "五、认真梳理，整治效果明显"),
 * each defined exactly as docs/REPORTS.md states. All counts are for the China calendar days
 * `from`..`to` (both included) and the items of the report's region(s).
 */
import type { TItemKind } from '../../../domain/register/kinds';
import { endOfChinaDayUtc, startOfChinaDayUtc } from '../../../domain/time';
import type { TDb } from '../../db/connect';

/** Kinds counted under each figure of the seed sentence. */
export const RECTIFIED_GROUPS = {
  /** 督查检查事项 */
  inspection: ['inspection', 'supervision'],
  /** 评比考核事项 */
  assessment: ['assessment', 'evaluation'],
  /** 报表填写事项 */
  forms: ['data_collection'],
} as const satisfies Record<string, readonly TItemKind[]>;
export type TRectifiedGroup = keyof typeof RECTIFIED_GROUPS;

/** Register outcomes that count as rectified: refused, withdrawn after approval, or merged into another. */
export const RECTIFYING_STATUSES = ['rejected', 'revoked', 'merged'] as const;

export interface TRectified {
  /** Baseline entries (全面登记) decided cancel or merge in the period. */
  baseline: number;
  /** Register items that became rejected, revoked or merged in the period. */
  register: number;
  total: number;
}

export interface TCountyResults {
  rectified: Record<TRectifiedGroup, TRectified>;
  /** Training items not related to teaching (relevantToTeaching = false) rejected or revoked in the period. */
  trainingsStopped: number;
  /** Seconded teachers whose return date (returned_at) is in the period. */
  teachersReturned: number;
  /** Teacher-hours a year taken off teachers in the period, by source. */
  hours: { baseline: number; revoked: number; estimates: number; total: number };
}

export interface TFactsQuery {
  db: TDb;
  regionIds: readonly number[];
  from: string;
  to: string;
}

export function utcBounds(q: { from: string; to: string }): { from: string; to: string } {
  return { from: startOfChinaDayUtc(q.from), to: endOfChinaDayUtc(q.to) };
}

function groupOf(kind: string): TRectifiedGroup | null {
  for (const [g, kinds] of Object.entries(RECTIFIED_GROUPS)) if ((kinds as readonly string[]).includes(kind)) return g as TRectifiedGroup;
  return null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export async function findCountyResults(q: TFactsQuery): Promise<TCountyResults> {
  const utc = utcBounds(q);
  const regionIds = [...q.regionIds];
  const [baselineRows, transitions, returned, estimates] = await Promise.all([
    // a baseline entry's decision date is its updated_at: only entering it or deciding on it writes that column
    q.db
      .selectFrom('baseline_items')
      .select(['kind', 'decision', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('teacher_hours').as('h')])
      .where('region_org_id', 'in', regionIds)
      .where('decision', 'in', ['cancel', 'merge'])
      .where('updated_at', '>=', utc.from)
      .where('updated_at', '<', utc.to)
      .groupBy(['kind', 'decision'])
      .execute(),
    // an item enters a terminal status once: its event row dates it
    q.db
      .selectFrom('item_events as e')
      .innerJoin('items as i', 'i.id', 'e.item_id')
      .select(['i.id', 'i.kind', 'i.teacher_hours', 'i.details_json', 'e.to_status'])
      .where('i.region_org_id', 'in', regionIds)
      .where('e.to_status', 'in', RECTIFYING_STATUSES)
      .whereRef('e.from_status', '!=', 'e.to_status')
      .where('e.at', '>=', utc.from)
      .where('e.at', '<', utc.to)
      .execute(),
    q.db
      .selectFrom('items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('region_org_id', 'in', regionIds)
      .where('kind', '=', 'secondment')
      .where('returned_at', '>=', q.from)
      .where('returned_at', '<=', q.to)
      .executeTakeFirstOrThrow(),
    q.db
      .selectFrom('item_events as e')
      .innerJoin('items as i', 'i.id', 'e.item_id')
      .select('e.data_json')
      .where('i.region_org_id', 'in', regionIds)
      .where('e.action', '=', 'estimate')
      .where('e.at', '>=', utc.from)
      .where('e.at', '<', utc.to)
      .execute(),
  ]);

  const rectified = { inspection: { baseline: 0, register: 0, total: 0 }, assessment: { baseline: 0, register: 0, total: 0 }, forms: { baseline: 0, register: 0, total: 0 } };
  let baselineHours = 0;
  for (const r of baselineRows) {
    const g = groupOf(r.kind);
    if (g) rectified[g].baseline += Number(r.n);
    if (r.decision === 'cancel') baselineHours += Number(r.h ?? 0);
  }
  let trainingsStopped = 0;
  let revokedHours = 0;
  const seen = new Set<number>();
  for (const t of transitions) {
    if (seen.has(t.id)) continue;
    seen.add(t.id);
    const g = groupOf(t.kind);
    if (g) rectified[g].register++;
    if (t.to_status === 'revoked') revokedHours += Number(t.teacher_hours);
    if (t.kind === 'training' && t.to_status !== 'merged' && (JSON.parse(t.details_json) as { relevantToTeaching?: boolean }).relevantToTeaching === false) trainingsStopped++;
  }
  for (const g of Object.values(rectified)) g.total = g.baseline + g.register;
  let estimateHours = 0;
  for (const e of estimates) {
    const d = JSON.parse(e.data_json ?? '{}') as { countsAsReduction?: boolean; reductionHours?: number };
    if (d.countsAsReduction) estimateHours += Number(d.reductionHours ?? 0);
  }
  const hours = { baseline: round1(baselineHours), revoked: round1(revokedHours), estimates: round1(estimateHours), total: 0 };
  hours.total = round1(hours.baseline + hours.revoked + hours.estimates);
  return { rectified, trainingsStopped, teachersReturned: Number(returned.n), hours };
}
