import { type Expression, type RawBuilder, sql } from 'kysely';
import type { TPeriod } from '../../../../domain/dashboards/types';
import { endOfChinaDayUtc, startOfChinaDayUtc } from '../../../../domain/time';
import type { TDialect } from '../../../config';
import type { TDb } from '../../../db/connect';
import type { TDashboardTarget } from '../scope';

/** What every panel function gets: the database, the resolved target, the period and today (China). */
export interface TPanelQuery {
  db: TDb;
  dialect: TDialect;
  target: TDashboardTarget;
  period: TPeriod;
  today: string;
}

/** Items that were approved at some point and still count (not merged away or withdrawn). */
export const LIVE_STATUSES = ['approved', 'completed'] as const;

/** The items of the target: by region for a county or a region, through `item_schools` for a school. */
export function scopedItems(q: TPanelQuery) {
  const base = q.db.selectFrom('items');
  const { schoolId } = q.target;
  return schoolId !== null
    ? base.where('items.id', 'in', q.db.selectFrom('item_schools').select('item_schools.item_id').where('item_schools.school_org_id', '=', schoolId))
    : base.where('items.region_org_id', 'in', q.target.regionIds);
}

/** UTC instants bounding the period's China days: `[from, to)`. */
export function periodUtc(p: TPeriod): { from: string; to: string } {
  return { from: startOfChinaDayUtc(p.from), to: endOfChinaDayUtc(p.to) };
}

/** `YYYY-MM` of a UTC ISO timestamp column, in China time (UTC+8). */
export function chinaMonth(dialect: TDialect, col: Expression<unknown> | RawBuilder<unknown>): RawBuilder<string> {
  return dialect === 'postgres'
    ? sql<string>`to_char((${col})::timestamptz at time zone 'Asia/Shanghai', 'YYYY-MM')`
    : sql<string>`strftime('%Y-%m', ${col}, '+8 hours')`;
}

/** An integer field of a JSON text column, or `fallback` when absent. */
export function jsonInt(dialect: TDialect, col: Expression<unknown> | RawBuilder<unknown>, key: string, fallback: number): RawBuilder<number> {
  if (!/^[a-zA-Z]+$/.test(key)) throw new Error(`bad JSON key ${key}`);
  return dialect === 'postgres'
    ? sql<number>`coalesce(((${col})::jsonb ->> ${sql.lit(key)})::int, ${sql.lit(fallback)})`
    : sql<number>`coalesce(json_extract(${col}, ${sql.lit(`$.${key}`)}), ${sql.lit(fallback)})`;
}

/** Rounds to one decimal (hours are shown and summed at 0.1). */
export function tenth(n: number): number {
  return Math.round(n * 10) / 10;
}

export function num(v: unknown): number {
  return v == null ? 0 : Number(v);
}
