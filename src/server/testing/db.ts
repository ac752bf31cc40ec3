import crypto from 'node:crypto';
import pg from 'pg';
import { loadConfig, type TDialect } from '../config';
import type { TDeps } from '../context';
import { openPostgres, openSqlite, type TDbHandle } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { createFieldCrypto } from '../security/fieldCrypto';

/**
 * The dialects this run tests. `npm test` sets JIANFU_TEST_DIALECTS after probing PostgreSQL;
 * CI requires both. Every database suite loops over this list (as Kysely's own suite does).
 */
export const DIALECTS: TDialect[] = (process.env.JIANFU_TEST_DIALECTS ?? 'sqlite').split(',').filter((d): d is TDialect => d === 'sqlite' || d === 'postgres');

export const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type TTestDeps = TDeps & { close: () => Promise<void> };

/** A fresh, migrated database: SQLite in memory, or a new PostgreSQL schema dropped afterwards. */
export async function createTestDeps(dialect: TDialect): Promise<TTestDeps> {
  let handle: TDbHandle;
  let cleanup = async () => undefined as void;
  if (dialect === 'postgres') {
    const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_PG_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    handle = openPostgres(TEST_PG_URL, { schema, max: 5 });
    cleanup = async () => {
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    };
  } else {
    handle = openSqlite(':memory:');
  }
  await migrateToLatest(handle.db, handle.dialect);
  const config = { ...loadConfig({}), dialect, databaseUrl: dialect === 'postgres' ? TEST_PG_URL : null, sessionCacheMs: 0 };
  return {
    db: handle.db,
    dialect,
    config,
    fieldCrypto: createFieldCrypto(crypto.randomBytes(32).toString('hex')),
    close: async () => {
      await handle.close();
      await cleanup();
    },
  };
}
