import crypto from 'node:crypto';
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

/** Distinct statements named (prepared once per connection, plan cached by PostgreSQL); others go unnamed. */
const MAX_NAMED = 2000;

/**
 * Kysely sends every query unnamed, so PostgreSQL parses and plans it on every call. Name the
 * SELECTs by a hash of their text instead: pg prepares each once per connection and then only
 * binds and executes it (the PostgreSQL side of the SQLite statement cache above). Only reads are
 * named (a prepared statement must not outlive a schema change made by a migration), and only a
 * bounded number of distinct texts.
 */
function withNamedSelects(pool: pg.Pool): pg.Pool {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | null => {
    let n = names.get(text);
    if (n) return n;
    if (names.size >= MAX_NAMED || !/^\s*(select|with)\b/i.test(text)) return null;
    n = `k${crypto.createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, n);
    return n;
  };
  const wrapClient = (client: pg.PoolClient): pg.PoolClient =>
    new Proxy(client, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (prop !== 'query') return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        return (q: unknown, values?: unknown[]) => {
          if (typeof q === 'string' && Array.isArray(values)) {
            const name = nameOf(q);
            if (name) return target.query({ name, text: q, values });
          }
          return (target.query as (...a: unknown[]) => unknown)(q, values);
        };
      },
    });
  return new Proxy(pool, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (prop !== 'connect') return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      return async () => wrapClient(await target.connect());
    },
  });
}

export function openPostgres(url: string, opts: { max?: number; schema?: string } = {}): TDbHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    types: pgTypes(),
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  const db = new Kysely<TDatabase>({ dialect: new PostgresDialect({ pool: withNamedSelects(pool) }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

export function openDatabase(opts: { dialect: TDialect; databaseUrl: string | null; dataDir: string }): TDbHandle {
  if (opts.dialect === 'postgres') {
    if (!opts.databaseUrl) throw new Error('DATABASE_URL is required for PostgreSQL');
    return openPostgres(opts.databaseUrl);
  }
  return openSqlite(path.join(opts.dataDir, 'jianfu.db'));
}
