/**
 * When a collection ends. It is open while its register item is live; it closes (status `closed`,
 * `closed_at`, audit `collection.close`) on the next look once:
 * - the item is completed (`completed`) or today (China) is past the item's window end (`expired`):
 *   answers are refused (COLLECTION_CLOSED), the requester and the schools still download the
 *   final file — it is what the collection was approved for;
 * - the item is revoked (from its effective date), merged into another item or cancelled
 *   (`withdrawn`): answers are refused and no file is handed out any more (COLLECTION_WITHDRAWN) —
 *   the approval that covered the personal data in it is gone.
 * The reason is always read from the item as it is now, so a collection closed as expired and
 * revoked later is withdrawn from then on.
 */
import { chinaToday } from '../../../domain/time';
import type { TAnyCtx } from '../../context';
import { nowIso } from '../../context';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/record';
import { ensureOpen } from './open';
import { findCollectionById, type TCollectionJoined } from './repo';

export type TCloseReason = 'completed' | 'expired' | 'withdrawn';

/** Item statuses that withdraw the collection (revoked: from its effective date). */
export const WITHDRAWING_ITEM = ['revoked', 'merged', 'cancelled'] as const;

interface TItemFacts {
  item_status: string | null;
  window_end: string | null;
  revoked_at: string | null;
}

/** Why a collection of this item is over as of `today`, or null while it may still be filled. */
export function closeReasonOf(row: TItemFacts, today: string = chinaToday()): TCloseReason | null {
  const s = row.item_status ?? '';
  if (s === 'revoked') {
    if (!row.revoked_at || row.revoked_at <= today) return 'withdrawn';
  } else if ((WITHDRAWING_ITEM as readonly string[]).includes(s)) return 'withdrawn';
  if (s === 'completed') return 'completed';
  if (row.window_end && row.window_end < today) return 'expired';
  return null;
}

/** The status people see: `closed` as soon as the item says so, even before anyone looked. */
export function effectiveStatus(row: TItemFacts & { status: string }, today: string = chinaToday()): string {
  return row.status === 'open' && closeReasonOf(row, today) ? 'closed' : row.status;
}

/** The error for acting on an ended collection: withdrawn, or closed (completed, expired). */
export function closedError(reason: TCloseReason | null): AppError {
  return reason === 'withdrawn' ? new AppError('COLLECTION_WITHDRAWN', { extra: { reason } }) : new AppError('COLLECTION_CLOSED', { extra: { reason: reason ?? 'closed' } });
}

/** Closes an open collection whose item has ended (compare-and-swap, audited). Returns whether it closed it now. */
export async function ensureClosed(ctx: TAnyCtx, row: TCollectionJoined): Promise<boolean> {
  const reason = row.status === 'open' ? closeReasonOf(row) : null;
  if (!reason) return false;
  return ctx.db.transaction().execute(async (trx) => {
    const at = nowIso();
    const moved = await trx.updateTable('collections').set({ status: 'closed', closed_at: at, updated_at: at }).where('id', '=', row.id).where('status', '=', 'open').executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) return false;
    await recordAudit(trx, ctx, { action: 'collection.close', objectType: 'collection', objectId: row.id, before: { status: 'open' }, after: { status: 'closed', reason, itemId: row.item_id, itemStatus: row.item_status, windowEnd: row.window_end } });
    return true;
  });
}

/** Brings a collection up to date with its item (opens it once approved, closes it once ended) and returns it as it now is. */
export async function syncCollection(ctx: TAnyCtx, row: TCollectionJoined): Promise<TCollectionJoined> {
  let current = row;
  if (await ensureOpen(ctx, current)) current = (await findCollectionById(ctx.db, row.id)) ?? current;
  if (await ensureClosed(ctx, current)) current = (await findCollectionById(ctx.db, row.id)) ?? current;
  return current;
}
