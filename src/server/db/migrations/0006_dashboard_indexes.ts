import type { Kysely } from 'kysely';
import type { TDialect } from '../../config';

/**
 * Indexes for the dashboards (issue 6): every panel reads the items of a set of regions, so each
 * index leads with the column the panel narrows on and carries the columns it sums, and a
 * province-wide dashboard is answered from index pages alone.
 */
export async function up(db: Kysely<unknown>, _dialect: TDialect): Promise<void> {
  // items of a set of regions by kind and status: valid in a period (items by kind, reduction,
  // counties), starting or back in it (secondments), social affairs (whitelist). It carries what
  // those panels sum, so the province is answered from the index alone, in (region, kind) order.
  await db.schema
    .createIndex('items_dash')
    .on('items')
    .columns(['region_org_id', 'kind', 'status', 'valid_to', 'valid_from', 'teacher_hours', 'window_start', 'returned_at'])
    .execute();
  // burden imposed month by month (hours trend)
  await db.schema.createIndex('items_dash_approved').on('items').columns(['region_org_id', 'approved_at', 'teacher_hours', 'minutes_per_respondent', 'times_per_year']).execute();
  // estimate changes (burden returned)
  await db.schema.createIndex('item_events_action_at').on('item_events').columns(['action', 'at']).execute();
  // the baseline inventory of a set of regions by kind
  await db.schema.createIndex('baseline_dash').on('baseline_items').columns(['region_org_id', 'year', 'kind', 'teacher_hours']).execute();
  // the complaints funnel (caseStats of the cases module, 0004): every column it counts, by region
  await db.schema
    .createIndex('cases_dash')
    .on('cases')
    .columns(['region_org_id', 'received_on', 'closed_on', 'due_on', 'status', 'source', 'category', 'rectify_deadline'])
    .execute();
}
