import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { TDialect } from '../config';
import type { TDatabase } from './types';

export type TDb = Kysely<TDatabase>;

export interface TDbHandle {
  db: TDb;
  dialect: TDialect;
  close: () => Promise<void>;
}

/** pg returns int8 (count) and numeric (sum) as strings; Jianfu wants numbers on both dialects. */
function pgTypes(): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: string) => {
      if (oid === 20 || oid === 1700) return (v: string) => Number(v);
      return pg.types.getTypeParser(oid, format as 'text');
    }) as pg.CustomTypesConfig['getTypeParser'],
  };
}

/**
 * Kysely prepares every statement on every query; better-sqlite3 statements are reusable, so keep
 * the most recent ones by SQL text (queries are parameterised, so the set of texts is small).
 */
function withStatementCache(sqlite: Database.Database, max = 500): Database.Database {
  const cache = new Map<string, Database.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  return new Proxy(sqlite, {
    get(target, prop, receiver) {
      if (prop !== 'prepare') {
        const value = Reflect.get(target, prop, receiver) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      }
      return (source: string) => {
        let stmt = cache.get(source);
        if (!stmt) {
          stmt = prepare(source);
          if (cache.size >= max) cache.delete(cache.keys().next().value as string);
          cache.set(source, stmt);
        }
        return stmt;
      };
    },
  });
}

export function openSqlite(file: string): TDbHandle {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<TDatabase>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

export function openPostgres(url: string, opts: { max?: number; schema?: string } = {}): TDbHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    types: pgTypes(),
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  const db = new Kysely<TDatabase>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

export function openDatabase(opts: { dialect: TDialect; databaseUrl: string | null; dataDir: string }): TDbHandle {
  if (opts.dialect === 'postgres') {
    if (!opts.databaseUrl) throw new Error('DATABASE_URL is required for PostgreSQL');
    return openPostgres(opts.databaseUrl);
  }
  return openSqlite(path.join(opts.dataDir, 'jianfu.db'));
}
