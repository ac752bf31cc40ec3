import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { TDialect } from '../config';
import * as m0001 from './migrations/0001_foundation';
import * as m0002 from './migrations/0002_register';
import type { TDb } from './connect';

interface TDialectMigration {
  up: (db: Kysely<unknown>, dialect: TDialect) => Promise<void>;
}

/** One set of migrations for both dialects; a migration branches on the dialect only where SQL differs. */
const MIGRATIONS: Record<string, TDialectMigration> = {
  '0001_foundation': m0001,
  '0002_register': m0002,
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
  const migrator = new Migrator({ db, provider: new StaticProvider(dialect), ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
