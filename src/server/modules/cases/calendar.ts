/**
 * The holiday calendar (one per installation: China's public holidays and 调休 make-up days),
 * read by every deadline computation and edited by the office. Loaded rows are kept for a
 * minute per database handle; an edit in this process clears them at once.
 */
import type { Kysely } from 'kysely';
import { calendarOf, addWorkingDays, type TCalendar } from '../../../domain/cases/workingDays';
import type { TCtx } from '../../context';
import { nowIso } from '../../context';
import type { TDatabase } from '../../db/types';
import { AppError } from '../../http/errors';
import { authorize } from '../../policy';
import { recordAudit } from '../audit/record';
import { loadRuleValues } from '../register/ruleContext';

const TTL_MS = 60_000;
const cache = new WeakMap<object, { at: number; cal: TCalendar }>();

/** `cacheKey`: the app's database handle when `db` is a transaction (each transaction is a new object). */
export async function loadCalendar(db: Kysely<TDatabase>, cacheKey: object = db): Promise<TCalendar> {
  const hit = cache.get(cacheKey);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.cal;
  const rows = await db.selectFrom('holidays').select(['date', 'kind']).execute();
  const cal = calendarOf(rows);
  cache.set(cacheKey, { at: Date.now(), cal });
  return cal;
}

/** The reply deadline of a case received on `receivedOn` in a region: the rule set's working days on the calendar. */
export async function dueOnFor(db: Kysely<TDatabase>, opts: { regionPath: string; receivedOn: string; cacheKey?: object }): Promise<string> {
  const cal = await loadCalendar(db, opts.cacheKey ?? db);
  const values = await loadRuleValues(db, { regionPath: opts.regionPath, year: Number(opts.receivedOn.slice(0, 4)) });
  return addWorkingDays(opts.receivedOn, values.complaintReplyWorkingDays, cal);
}

export async function findHolidays(ctx: TCtx, year: number) {
  authorize(ctx.actor, 'case.read');
  const items = await ctx.db.selectFrom('holidays').select(['date', 'kind', 'name']).where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`).orderBy('date').execute();
  return { year, items };
}

export async function saveHoliday(ctx: TCtx, date: string, input: { kind: 'off' | 'work'; name: string }) {
  authorize(ctx.actor, 'case.manage');
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('holidays').select(['kind', 'name']).where('date', '=', date).executeTakeFirst();
    const at = nowIso();
    await trx
      .insertInto('holidays')
      .values({ date, kind: input.kind, name: input.name, updated_by: ctx.actor.userId, updated_at: at })
      .onConflict((oc) => oc.column('date').doUpdateSet({ kind: input.kind, name: input.name, updated_by: ctx.actor.userId, updated_at: at }))
      .execute();
    await recordAudit(trx, ctx, { action: 'holiday.save', objectType: 'holiday', objectId: date, before: before ?? null, after: input });
  });
  cache.delete(ctx.db);
  return { date, ...input };
}

export async function deleteHoliday(ctx: TCtx, date: string) {
  authorize(ctx.actor, 'case.manage');
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('holidays').select(['kind', 'name']).where('date', '=', date).executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND');
    await trx.deleteFrom('holidays').where('date', '=', date).execute();
    await recordAudit(trx, ctx, { action: 'holiday.delete', objectType: 'holiday', objectId: date, before });
  });
  cache.delete(ctx.db);
}
