import crypto from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { type TDialect, loadConfig } from '../src/server/config';
import type { TDeps } from '../src/server/context';
import { type TDbHandle, openPostgres, openSqlite } from '../src/server/db/connect';
import { migrateToLatest } from '../src/server/db/migrate';
import { buildApp } from '../src/server/http/app';
import { createFieldCrypto } from '../src/server/security/fieldCrypto';
import { TEST_PG_URL } from '../src/server/testing/db';
import { type TFixture, buildFixture } from '../src/server/testing/fixture';
import { request, setCookies } from './load';

export interface TBenchEnv {
  deps: TDeps;
  app: FastifyInstance;
  fx: TFixture;
  /** Where the data lives, for the report. */
  where: string;
  close: () => Promise<void>;
}

async function pgAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: TEST_PG_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export interface TBenchDb {
  handle: TDbHandle;
  /** Where the data lives, for the report. */
  where: string;
  /** How another process opens the same database: the SQLite file, or the PostgreSQL schema. */
  locator: { file: string } | { schema: string };
  cleanup: () => Promise<void>;
}

/**
 * A fresh, migrated database: SQLite in a file (WAL) in a temp dir, or a new schema on the local
 * PostgreSQL with the production pool size (10).
 */
export async function openBenchDb(dialect: TDialect): Promise<TBenchDb> {
  let handle: TDbHandle;
  let where: string;
  let cleanup: () => Promise<void>;
  let locator: TBenchDb['locator'];
  if (dialect === 'postgres') {
    const host = new URL(TEST_PG_URL).hostname;
    if (host !== '127.0.0.1' && host !== 'localhost') throw new Error(`benchmarks only talk to 127.0.0.1; TEST_DATABASE_URL points to ${host}`);
    const schema = `bench_${crypto.randomBytes(5).toString('hex')}`;
    await pgAdmin((c) => c.query(`CREATE SCHEMA ${schema}`));
    handle = openPostgres(TEST_PG_URL, { schema });
    where = `PostgreSQL ${TEST_PG_URL.replace(/\/\/[^@]*@/, '//')} schema ${schema}, pool max 10`;
    locator = { schema };
    cleanup = async () => {
      await pgAdmin((c) => c.query(`DROP SCHEMA ${schema} CASCADE`));
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianfu-bench-'));
    const file = path.join(dir, 'jianfu.db');
    handle = openSqlite(file);
    where = `SQLite file ${file} (WAL, synchronous=NORMAL)`;
    locator = { file };
    cleanup = () => {
      fs.rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    };
  }
  await migrateToLatest(handle.db, handle.dialect);
  return { handle, where, locator, cleanup };
}

/** Opens, in another process, the database `openBenchDb` made. */
export function reopenBenchDb(locator: TBenchDb['locator']): TDbHandle {
  return 'file' in locator ? openSqlite(locator.file) : openPostgres(TEST_PG_URL, { schema: locator.schema });
}

/**
 * A fresh, migrated database assembled like production (see createDeps in src/server/boot.ts)
 * with the app built by buildApp and the fixture county on top.
 */
export async function buildBenchEnv(dialect: TDialect): Promise<TBenchEnv> {
  const { handle, where, cleanup } = await openBenchDb(dialect);
  const config = { ...loadConfig({}), dialect, databaseUrl: dialect === 'postgres' ? TEST_PG_URL : null };
  const deps: TDeps = { db: handle.db, dialect, config, fieldCrypto: createFieldCrypto(crypto.randomBytes(32).toString('hex')) };
  const app = await buildApp({ deps, logger: false });
  await app.ready();
  const fx = await buildFixture(deps);
  return {
    deps,
    app,
    fx,
    where,
    close: async () => {
      await app.close();
      await handle.close();
      await cleanup();
    },
  };
}

/** Listens on 127.0.0.1, random port; returns the port. */
export async function listenLocal(app: FastifyInstance): Promise<number> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return (app.server.address() as AddressInfo).port;
}

/** A CSRF cookie for a browser without a session: `GET /api/v1/auth/csrf`. */
export async function fetchCsrf(port: number): Promise<string> {
  const res = await request({ port, path: '/api/v1/auth/csrf', method: 'GET' });
  const csrf = setCookies(res).jf_csrf;
  if (res.status !== 200 || !csrf) throw new Error(`GET /auth/csrf: ${res.status} ${res.body}`);
  return csrf;
}

/** `POST /api/v1/auth/login` over HTTP like a browser (CSRF cookie + header). */
export function postLogin(port: number, csrf: string, username: string, password: string, localAddress?: string) {
  return request({
    port,
    path: '/api/v1/auth/login',
    method: 'POST',
    ...(localAddress ? { localAddress } : {}),
    headers: { 'content-type': 'application/json', cookie: `jf_csrf=${csrf}`, 'x-csrf-token': csrf },
    body: JSON.stringify({ username, password }),
  });
}

/** Logs in over HTTP; returns the Cookie header a browser would then send. */
export async function loginCookie(port: number, username: string, password: string): Promise<string> {
  const res = await postLogin(port, await fetchCsrf(port), username, password);
  const c = setCookies(res);
  if (res.status !== 200 || !c.jf_sid || !c.jf_csrf) throw new Error(`login ${username}: ${res.status} ${res.body}`);
  return `jf_sid=${c.jf_sid}; jf_csrf=${c.jf_csrf}`;
}
