import type { Kysely } from 'kysely';
import { chinaToday } from '../../../domain/time';
import type { TAnyCtx } from '../../context';
import { nowIso } from '../../context';
import type { TDatabase } from '../../db/types';
import { recordAudit } from '../audit/record';
import { regionPathOf } from '../auth/sessions';
import { loadRuleValues } from '../register/ruleContext';
import { loadHeld, loadSubjects } from './heldValues';
import { columnsDocOf, schoolIdsOf, subjectTypeOf, type TCollectionJoined } from './repo';

const LIVE_ITEM = ['approved', 'completed'];

/**
 * Once the register item is approved, the collection opens: one response per teacher (or school)
 * of the population, each knowing how many of its cells Jianfu pre-fills; the rule set's seconds per
 * cell are fixed for the hours-saved figure. Idempotent and race-safe (compare-and-swap on the
 * status); called when anyone next looks at the collection. Returns whether it opened it now.
 */
export async function ensureOpen(ctx: TAnyCtx, row: TCollectionJoined): Promise<boolean> {
  if (row.status !== 'submitted' || !LIVE_ITEM.includes(row.item_status ?? '')) return false;
  const doc = columnsDocOf(row);
  const subjectType = subjectTypeOf(row);
  const schoolIds = await schoolIdsOf(ctx.db, row.id);
  const subjects = await loadSubjects(ctx.db, { subjectType, schoolIds });
  const held = await loadHeld(ctx.db, ctx.fieldCrypto, { subjectType, subjectIds: subjects.map((s) => s.id), decrypt: false, asOf: chinaToday() });
  const regionPath = await regionPathOf(ctx.db, row.requester_path);
  const { secondsPerCell } = await loadRuleValues(ctx.db, { regionPath, year: Number(chinaToday().slice(0, 4)) });
  const fields = doc.columns.map((c) => c.field);
  return ctx.db.transaction().execute(async (trx) => {
    const at = nowIso();
    const moved = await trx.updateTable('collections').set({ status: 'open', opened_at: at, updated_at: at }).where('id', '=', row.id).where('status', '=', 'submitted').executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) return false;
    let cells = 0;
    const values = subjects.map((s) => {
      const m = held.get(s.id);
      const prefilled = m ? fields.filter((f) => f !== null && m.has(f)).length : 0;
      cells += prefilled;
      return { collection_id: row.id, subject_type: subjectType, subject_id: s.id, school_org_id: s.schoolId, status: 'pending', prefilled_cells: prefilled, typed_cells: 0, remind_count: 0, created_at: at, updated_at: at };
    });
    for (let i = 0; i < values.length; i += 200) await trx.insertInto('collection_responses').values(values.slice(i, i + 200)).execute();
    await trx.updateTable('collections').set({ seconds_per_cell: secondsPerCell, cells_prefilled: cells }).where('id', '=', row.id).execute();
    await recordAudit(trx, ctx, { action: 'collection.open', objectType: 'collection', objectId: row.id, before: { status: 'submitted' }, after: { status: 'open', responses: values.length, cellsPrefilled: cells, secondsPerCell } });
    return true;
  });
}

export function hoursOf(row: { cells_prefilled: number; seconds_per_cell: number | null }): number {
  return Math.round(((row.cells_prefilled * (row.seconds_per_cell ?? 0)) / 3600) * 100) / 100;
}

/**
 * Hours saved by collections requested inside `orgPath` and opened between the China calendar
 * days `from` and `to` (inclusive): cells pre-filled × seconds per cell (the rule set's, fixed when
 * each opened). For the reports module.
 */
export async function collectionHoursSaved(opts: { db: Kysely<TDatabase>; orgPath: string; from: string; to: string }) {
  const fromUtc = new Date(`${opts.from}T00:00:00+08:00`).toISOString();
  const toUtc = new Date(new Date(`${opts.to}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();
  const rows = await opts.db
    .selectFrom('collections as c')
    .innerJoin('orgs as r', 'r.id', 'c.requester_org_id')
    .select(['c.id', 'c.cells_prefilled', 'c.seconds_per_cell'])
    .where('r.path', 'like', `${opts.orgPath}%`)
    .where('c.opened_at', '>=', fromUtc)
    .where('c.opened_at', '<', toUtc)
    .execute();
  const cells = rows.reduce((s, r) => s + Number(r.cells_prefilled), 0);
  const seconds = rows.reduce((s, r) => s + Number(r.cells_prefilled) * Number(r.seconds_per_cell ?? 0), 0);
  return { collections: rows.length, cellsPrefilled: cells, hours: Math.round((seconds / 3600) * 100) / 100 };
}
