/**
 * Uses of approved items at schools (开展记录, table `item_uses`): the school records each time
 * an item actually entered it; the school view counts them against the item's frequency cap
 * (times per school per calendar year). Going over the cap is refused, not recorded: the school
 * reports such a demand to the office instead (a refusal, which becomes a lead).
 */
import type { Kysely } from 'kysely';
import { chinaToday } from '../../../domain/time';
import type { TCtx } from '../../context';
import { nowIso } from '../../context';
import type { TDatabase } from '../../db/types';
import { AppError } from '../../http/errors';
import { authorize } from '../../policy';
import { recordAudit } from '../audit/record';
import { canRecordUse } from './policy';

/** Statuses under which an item may enter a school (a revoked one only before its effective date). */
export const SCHOOL_VISIBLE_STATUSES = ['approved', 'completed', 'revoked'] as const;

/** Uses per item at one school in one calendar year. */
export async function countUses(db: Kysely<TDatabase>, opts: { itemIds: readonly number[]; schoolId: number; year: number }): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (!opts.itemIds.length) return out;
  const rows = await db
    .selectFrom('item_uses')
    .select(['item_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('school_org_id', '=', opts.schoolId)
    .where('item_id', 'in', [...opts.itemIds])
    .where('used_on', '>=', `${opts.year}-01-01`)
    .where('used_on', '<=', `${opts.year}-12-31`)
    .groupBy('item_id')
    .execute();
  for (const r of rows) out.set(r.item_id, Number(r.n));
  return out;
}

/** An approved item that targets the actor's school, or 404 (drafts, other schools' items, unknown ids). */
async function findSchoolItem(ctx: TCtx, id: number) {
  const row = await ctx.db
    .selectFrom('item_schools as s')
    .innerJoin('items as i', 'i.id', 's.item_id')
    .select(['i.id', 'i.status', 'i.title', 'i.valid_from', 'i.valid_to', 'i.revoked_at', 'i.frequency_cap'])
    .where('s.school_org_id', '=', ctx.actor.orgId)
    .where('i.id', '=', id)
    .where('i.status', 'in', SCHOOL_VISIBLE_STATUSES)
    .where('i.verify_code', 'is not', null)
    .executeTakeFirst();
  if (!row || !row.valid_from || !row.valid_to) throw new AppError('NOT_FOUND');
  return { ...row, valid_from: row.valid_from, valid_to: row.valid_to };
}

/**
 * The school records that an item was held on `usedOn`: within the item's validity (before a
 * revocation takes effect), not in the future, and under the item's yearly cap. One transaction
 * with its audit row; on PostgreSQL the item's row for this school is locked first, so two uses
 * recorded at once cannot both take the last place under the cap (SQLite serialises writers).
 */
export async function recordItemUse(ctx: TCtx, id: number, opts: { usedOn: string; note?: string | undefined }) {
  authorize(ctx.actor, 'register.school');
  if (ctx.actor.orgKind !== 'school') throw new AppError('FORBIDDEN');
  const item = await findSchoolItem(ctx, id);
  if (!canRecordUse(ctx.actor)) throw new AppError('FORBIDDEN');
  const today = chinaToday();
  const lastDay = item.status === 'revoked' && item.revoked_at ? item.revoked_at : null;
  if (opts.usedOn < item.valid_from || opts.usedOn > item.valid_to || opts.usedOn > today || (lastDay !== null && opts.usedOn >= lastDay)) {
    throw new AppError('USE_DATE_INVALID', { extra: { validFrom: item.valid_from, validTo: item.valid_to, revokedAt: lastDay, today } });
  }
  const year = Number(opts.usedOn.slice(0, 4));
  const note = opts.note?.trim() || null;
  return ctx.db.transaction().execute(async (trx) => {
    await trx
      .selectFrom('item_schools')
      .select('item_id')
      .where('item_id', '=', id)
      .where('school_org_id', '=', ctx.actor.orgId)
      .$if(ctx.dialect === 'postgres', (qb) => qb.forUpdate())
      .execute();
    const uses = (await countUses(trx, { itemIds: [id], schoolId: ctx.actor.orgId, year })).get(id) ?? 0;
    if (item.frequency_cap !== null && uses >= item.frequency_cap) {
      throw new AppError('USE_CAP_EXCEEDED', { extra: { cap: item.frequency_cap, uses, year } });
    }
    const { id: useId } = await trx
      .insertInto('item_uses')
      .values({ item_id: id, school_org_id: ctx.actor.orgId, used_on: opts.usedOn, recorded_by: ctx.actor.userId, created_at: nowIso(), note })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'item.use', objectType: 'item', objectId: id, after: { useId, schoolId: ctx.actor.orgId, usedOn: opts.usedOn, note, uses: uses + 1, cap: item.frequency_cap } });
    return { id: useId, itemId: id, usedOn: opts.usedOn, note, year, uses: uses + 1, frequencyCap: item.frequency_cap };
  });
}
