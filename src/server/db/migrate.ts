import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { TDialect } from '../config';
import * as m0001 from './migrations/0001_foundation';
import * as m0002 from './migrations/0002_register';
import * as m0003 from './migrations/0003_collections';
import * as m0004 from './migrations/0004_cases';
import * as m0005 from './migrations/0005_reports';
import * as m0006 from './migrations/0006_dashboard_indexes';
import * as m0007 from './migrations/0007_verify_epoch';
import * as m0008 from './migrations/0008_item_uses';
import * as m0009 from './migrations/0009_audit_scope';
import type { TDb } from './connect';

interface TDialectMigration {
  up: (db: Kysely<unknown>, dialect: TDialect) => Promise<void>;
}

/** One set of migrations for both dialects; a migration branches on the dialect only where SQL differs. */
const MIGRATIONS: Record<string, TDialectMigration> = {
  '0001_foundation': m0001,
  '0002_register': m0002,
  '0003_collections': m0003,
  '0004_cases': m0004,
  '0005_reports': m0005,
  '0006_dashboard_indexes': m0006,
  '0007_verify_epoch': m0007,
  '0008_item_uses': m0008,
  '0009_audit_scope': m0009,
};

class StaticProvider implements MigrationProvider {
  constructor(private readonly dialect: TDialect) {}
  getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, m] of Object.entries(MIGRATIONS)) {
      out[name] = { up: (db) => m.up(db, this.dialect) };
    }
    return Promise.resolve(out);
  }
}

export async function migrateToLatest(db: TDb, dialect: TDialect): Promise<string[]> {
  // On PostgreSQL, Kysely looks for its migration tables in every schema unless told which one:
  // with several schemas in one database (a test suite each), another schema's lock table would
  // be taken for ours. Name the schema the connection writes to.
  const schema = dialect === 'postgres' ? (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db)).rows[0]?.s : undefined;
  // numbers were handed out to modules built side by side, so a database may have run 0005 before 0004 existed
  const migrator = new Migrator({ db, provider: new StaticProvider(dialect), allowUnorderedMigrations: true, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
