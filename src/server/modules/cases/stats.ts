/**
 * Counts of cases: `caseStats` for the reports module and the office (received, closed, closed
 * on time, overdue, by category and by source), and the public monthly statistics (no personal
 * data, complaints and leads only).
 */
import { type Kysely, sql } from 'kysely';
import { CASE_CATEGORIES, CASE_SOURCES, OPEN_STATUSES } from '../../../domain/cases/enums';
import { median } from '../../../domain/cases/deadlines';
import { addDays, daysBetween } from '../../../domain/register/schoolYear';
import { chinaToday } from '../../../domain/time';
import type { TCtx } from '../../context';
import type { TDatabase } from '../../db/types';
import { authorize } from '../../policy';
import { seesWholeRegion } from './policy';
import { AppError } from '../../http/errors';

export interface TCaseCounts {
  received: number;
  closed: number;
  closedOnTime: number;
  overdue: number;
}

const zero = (): TCaseCounts => ({ received: 0, closed: 0, closedOnTime: 0, overdue: 0 });

/**
 * Cases of the regions under `orgPath`: received = received in [from, to]; closed and closed on
 * time = closed (China day) in [from, to], on or before the deadline; overdue = received by `to`
 * and overdue today.
 */
export async function caseStats(opts: { db: Kysely<TDatabase>; orgPath: string; from: string; to: string; today?: string }) {
  const today = opts.today ?? chinaToday();
  const { from, to } = opts;
  const rows = await opts.db
    .selectFrom('cases as c')
    .innerJoin('orgs as r', 'r.id', 'c.region_org_id')
    .where('r.path', 'like', `${opts.orgPath}%`)
    .select((eb) => {
      const when = (cond: ReturnType<typeof eb.and>) => eb.fn.sum<number>(eb.case().when(cond).then(1).else(0).end());
      const closedIn = eb.and([eb('c.closed_on', '>=', from), eb('c.closed_on', '<=', to)]);
      return [
        'c.category',
        'c.source',
        when(eb.and([eb('c.received_on', '>=', from), eb('c.received_on', '<=', to)])).as('received'),
        when(closedIn).as('closed'),
        when(eb.and([closedIn, eb('c.closed_on', '<=', eb.ref('c.due_on'))])).as('closed_on_time'),
        when(
          eb.and([
            eb('c.received_on', '<=', to),
            eb.or([
              eb.and([eb('c.status', 'in', [...OPEN_STATUSES]), eb('c.due_on', '<', today)]),
              eb.and([eb('c.status', '=', 'rectifying'), eb('c.rectify_deadline', '<', today)]),
              eb.and([eb('c.status', '=', 'closed'), eb('c.source', 'in', ['complaint', 'lead']), eb('c.due_on', '<', today)]),
            ]),
          ]),
        ).as('overdue'),
      ];
    })
    .groupBy(['c.category', 'c.source'])
    .execute();
  const total = zero();
  const byCategory = Object.fromEntries(CASE_CATEGORIES.map((k) => [k, zero()])) as Record<string, TCaseCounts>;
  const bySource = Object.fromEntries(CASE_SOURCES.map((k) => [k, zero()])) as Record<string, TCaseCounts>;
  for (const r of rows) {
    const n: TCaseCounts = { received: Number(r.received ?? 0), closed: Number(r.closed ?? 0), closedOnTime: Number(r.closed_on_time ?? 0), overdue: Number(r.overdue ?? 0) };
    for (const target of [total, (byCategory[r.category] ??= zero()), (bySource[r.source] ??= zero())]) {
      target.received += n.received;
      target.closed += n.closed;
      target.closedOnTime += n.closedOnTime;
      target.overdue += n.overdue;
    }
  }
  return { from, to, ...total, byCategory, bySource };
}

/** `GET /cases/stats`: the office's or a leader's region. */
export function findCaseStats(ctx: TCtx, opts: { from?: string | undefined; to?: string | undefined }) {
  authorize(ctx.actor, 'case.read');
  if (!seesWholeRegion(ctx.actor)) throw new AppError('FORBIDDEN');
  const to = opts.to ?? chinaToday();
  return caseStats({ db: ctx.db, orgPath: ctx.actor.scopePath, from: opts.from ?? `${to.slice(0, 4)}-01-01`, to });
}

const publicCache = new WeakMap<object, Map<string, { at: number; value: Awaited<ReturnType<typeof computePublicStats>> }>>();

/** Monthly complaints by category, the share closed on time and the median days to close: public, cached for a minute. */
export async function publicComplaintStats(db: Kysely<TDatabase>, opts: { months: number; region?: string | undefined; fresh?: boolean }) {
  const key = `${opts.months}:${opts.region ?? ''}`;
  let perDb = publicCache.get(db);
  if (!perDb) publicCache.set(db, (perDb = new Map()));
  const hit = perDb.get(key);
  if (hit && !opts.fresh && Date.now() - hit.at < 60_000) return hit.value;
  const value = await computePublicStats(db, opts);
  if (perDb.size > 200) perDb.clear();
  perDb.set(key, { at: Date.now(), value });
  return value;
}

async function computePublicStats(db: Kysely<TDatabase>, opts: { months: number; region?: string | undefined }) {
  const to = chinaToday();
  const first = new Date(Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)) - 1 - (opts.months - 1), 1)).toISOString().slice(0, 10);
  let regionPath = '/';
  if (opts.region) {
    const r = await db.selectFrom('orgs').select('path').where('kind', '=', 'region').where('code', '=', opts.region).executeTakeFirst();
    if (!r) return null;
    regionPath = r.path;
  }
  const base = db
    .selectFrom('cases as c')
    .innerJoin('orgs as r', 'r.id', 'c.region_org_id')
    .where('r.path', 'like', `${regionPath}%`)
    .where('c.source', 'in', ['complaint', 'lead']);
  const [monthly, closedRows] = await Promise.all([
    base
      .select((eb) => [sql<string>`substr(c.received_on, 1, 7)`.as('month'), 'c.category', eb.fn.countAll<number>().as('n')])
      .where('c.received_on', '>=', first)
      .groupBy([sql`substr(c.received_on, 1, 7)`, 'c.category'])
      .execute(),
    base.select(['c.received_on', 'c.closed_on', 'c.due_on']).where('c.closed_on', '>=', first).where('c.closed_on', 'is not', null).execute(),
  ]);
  const months: { month: string; counts: Record<string, number>; total: number }[] = [];
  for (let d = first; d <= to; d = addDays(`${d.slice(0, 7)}-28`, 4).slice(0, 7) + '-01') months.push({ month: d.slice(0, 7), counts: {}, total: 0 });
  const byMonth = new Map(months.map((m) => [m.month, m]));
  for (const r of monthly) {
    const m = byMonth.get(r.month);
    if (!m) continue;
    m.counts[r.category] = Number(r.n);
    m.total += Number(r.n);
  }
  const closed = closedRows.length;
  const closedOnTime = closedRows.filter((r) => r.closed_on! <= r.due_on).length;
  return {
    from: first,
    to,
    months,
    received: months.reduce((s, m) => s + m.total, 0),
    closed,
    closedOnTime,
    onTimeShare: closed ? Math.round((closedOnTime / closed) * 1000) / 1000 : null,
    medianDays: median(closedRows.map((r) => daysBetween(r.received_on, r.closed_on!))),
  };
}
