import { type Kysely, sql } from 'kysely';
import type { TDialect } from '../../config';

/**
 * The public verification cache's epoch (SQLite only; see register/public.ts). Every write that
 * can change what `/v/<code>` answers — an item that has or gets a verification code, its schools,
 * an org's name — bumps one counter in the same transaction, by trigger, so no code path can
 * forget to. A reader compares the counter with the one its cache was filled under. Because the
 * counter lives in the database file, a write made by any process (the CLI, a second server)
 * empties every process's cache.
 *
 * PostgreSQL has no such cache (concurrent lookups are batched into one query instead), so it
 * gets neither the table nor the triggers: they would cost every write there for nothing.
 */
export async function up(db: Kysely<unknown>, dialect: TDialect): Promise<void> {
  if (dialect !== 'sqlite') return;
  await sql`CREATE TABLE verify_epoch (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL)`.execute(db);
  await sql`INSERT INTO verify_epoch (id, n) VALUES (1, 0)`.execute(db);
  const bump = 'UPDATE verify_epoch SET n = n + 1 WHERE id = 1;';
  // the schools of a draft (no code yet) are nobody's business but the drafter's
  const coded = (row: 'NEW' | 'OLD') => `EXISTS (SELECT 1 FROM items WHERE id = ${row}.item_id AND verify_code IS NOT NULL)`;
  const triggers = [
    `CREATE TRIGGER verify_epoch_items_ins AFTER INSERT ON items WHEN NEW.verify_code IS NOT NULL BEGIN ${bump} END`,
    `CREATE TRIGGER verify_epoch_items_upd AFTER UPDATE ON items WHEN OLD.verify_code IS NOT NULL OR NEW.verify_code IS NOT NULL BEGIN ${bump} END`,
    `CREATE TRIGGER verify_epoch_items_del AFTER DELETE ON items WHEN OLD.verify_code IS NOT NULL BEGIN ${bump} END`,
    `CREATE TRIGGER verify_epoch_item_schools_ins AFTER INSERT ON item_schools WHEN ${coded('NEW')} BEGIN ${bump} END`,
    `CREATE TRIGGER verify_epoch_item_schools_upd AFTER UPDATE ON item_schools WHEN ${coded('OLD')} OR ${coded('NEW')} BEGIN ${bump} END`,
    `CREATE TRIGGER verify_epoch_item_schools_del AFTER DELETE ON item_schools WHEN ${coded('OLD')} BEGIN ${bump} END`,
    `CREATE TRIGGER verify_epoch_orgs_name AFTER UPDATE OF name ON orgs BEGIN ${bump} END`,
  ];
  for (const t of triggers) await sql.raw(t).execute(db);
}
