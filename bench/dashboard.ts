import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { presetPeriod } from '../src/domain/dashboards/types';
import { chinaToday } from '../src/domain/time';
import { type TDialect, loadConfig } from '../src/server/config';
import type { TDeps } from '../src/server/context';
import { type TDbHandle, openPostgres, openSqlite } from '../src/server/db/connect';
import { migrateToLatest } from '../src/server/db/migrate';
import { DEMO_DEFAULT_PASSWORD } from '../src/server/demo/demoCounty';
import { PROVINCE_CODE, seedProvince } from '../src/server/demo/province';
import { buildApp } from '../src/server/http/app';
import { createFieldCrypto, loadOrCreateSecret } from '../src/server/security/fieldCrypto';
import { TEST_PG_URL } from '../src/server/testing/db';
import { listenLocal, loginCookie } from './env';
import { median, percentile, request } from './load';
import type { TBench, TBenchResult, TFigure } from './report';

const PG_DATABASE = 'jianfu_bench_province';
const WARMUP = 3;
const RUNS = { healthz: 200, org: 200, county: 30, school: 30, city: 10, province: 10 } as const;
const TARGET_COUNTY_MS = 200;
const TARGET_PROVINCE_MS = 2000;

interface TProvinceDb {
  deps: TDeps;
  where: string;
  seeded: string | null;
  close: () => Promise<void>;
}

/**
 * The synthetic province in a cached data dir, `./data/bench-province-<dialect>` (with its
 * secret.key): SQLite in `jianfu.db` there, PostgreSQL in the database `jianfu_bench_province`
 * of the local server (noted in `postgres.json` there). Built once (minutes), reused when present.
 * The CLI builds the same: `JIANFU_DATA_DIR=data/bench-province-sqlite jianfu seed --scale
 * province`, or with `DATABASE_URL=postgres://…/jianfu_bench_province` and
 * `JIANFU_DATA_DIR=data/bench-province-postgres`.
 */
async function openProvince(dialect: TDialect, log: (l: string) => void): Promise<TProvinceDb> {
  const dir = path.resolve('data', `bench-province-${dialect}`);
  fs.mkdirSync(dir, { recursive: true });
  let handle: TDbHandle;
  let where: string;
  if (dialect === 'postgres') {
    const host = new URL(TEST_PG_URL).hostname;
    if (host !== '127.0.0.1' && host !== 'localhost') throw new Error(`benchmarks only talk to 127.0.0.1; TEST_DATABASE_URL points to ${host}`);
    const url = new URL(TEST_PG_URL);
    url.pathname = `/${PG_DATABASE}`;
    const admin = new pg.Client({ connectionString: TEST_PG_URL });
    await admin.connect();
    const has = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [PG_DATABASE]);
    if (!has.rowCount) await admin.query(`CREATE DATABASE ${PG_DATABASE}`);
    await admin.end();
    fs.writeFileSync(path.join(dir, 'postgres.json'), `${JSON.stringify({ database: PG_DATABASE, url: url.toString().replace(/\/\/[^@]*@/, '//') })}\n`);
    handle = openPostgres(url.toString());
    where = `PostgreSQL ${url.toString().replace(/\/\/[^@]*@/, '//')}, pool max 10`;
  } else {
    handle = openSqlite(path.join(dir, 'jianfu.db'));
    where = `SQLite file ${path.join(dir, 'jianfu.db')} (WAL, synchronous=NORMAL)`;
  }
  await migrateToLatest(handle.db, handle.dialect);
  const config = { ...loadConfig({}), dialect, dataDir: dir, databaseUrl: dialect === 'postgres' ? TEST_PG_URL : null };
  const deps: TDeps = { db: handle.db, dialect, config, fieldCrypto: createFieldCrypto(loadOrCreateSecret({ secretKeyHex: null, dataDir: dir })) };
  const done = await deps.db.selectFrom('audit_log').select('after_json').where('action', '=', 'seed.province').executeTakeFirst();
  let seeded: string | null = null;
  if (!done) {
    const partial = await deps.db.selectFrom('orgs').select('id').where('code', '=', PROVINCE_CODE).executeTakeFirst();
    if (partial) throw new Error(`${where} holds a partly seeded province (no seed.province audit row): remove ${dir}${dialect === 'postgres' ? ` and DROP DATABASE ${PG_DATABASE}` : ''}, then run again`);
    log(`  building the synthetic province into ${where} (once; reused by later runs)…`);
    const s = await seedProvince(deps, { scale: 'province', password: DEMO_DEFAULT_PASSWORD });
    seeded = `seeded this run in ${s.seconds.toFixed(0)} s (${Object.entries(s.phases).map(([k, t]) => `${k} ${t} s`).join(', ')})`;
  }
  return { deps, where, seeded, close: () => handle.close() };
}

async function timeGets(port: number, pathname: string, cookie: string | null, runs: number): Promise<{ ms: number[]; bytes: number }> {
  const headers = cookie ? { cookie } : {};
  let bytes = 0;
  for (let i = 0; i < WARMUP; i++) {
    const r = await request({ port, path: pathname, method: 'GET', headers });
    if (r.status !== 200) throw new Error(`GET ${pathname}: ${r.status} ${r.body.slice(0, 300)}`);
    bytes = Buffer.byteLength(r.body);
  }
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = await request({ port, path: pathname, method: 'GET', headers });
    ms.push(performance.now() - t0);
    if (r.status !== 200) throw new Error(`GET ${pathname}: ${r.status}`);
  }
  return { ms, bytes };
}

/**
 * Dashboard latency on the synthetic province (16 cities, 130 counties, 20k schools, 1M teachers,
 * 500k items): one request at a time over HTTP on 127.0.0.1, as a signed-in leader, for this
 * year. Baselines in the same run: GET /healthz (one `select 1`) and an authenticated
 * GET /api/v1/orgs/:id (indexed lookups).
 */
export const dashboardBench: TBench = {
  name: 'dashboard',
  summary: `GET /api/v1/dashboards/<org> on the synthetic province (cached in ./data/bench-province-<dialect>): county < ${TARGET_COUNTY_MS} ms, province < ${TARGET_PROVINCE_MS} ms (medians), vs GET /healthz and GET /orgs/:id`,
  run: async ({ dialect, log }): Promise<TBenchResult> => {
    const prov = await openProvince(dialect, log);
    const app = await buildApp({ deps: prov.deps, logger: false });
    try {
      await app.ready();
      const port = await listenLocal(app);
      const { db } = prov.deps;
      const province = await db.selectFrom('orgs').select(['id', 'path']).where('kind', '=', 'region').where('code', '=', PROVINCE_CODE).executeTakeFirstOrThrow();
      const ids = async (username: string) => (await db.selectFrom('users').select('org_id').where('username', '=', username).executeTakeFirstOrThrow()).org_id;
      const [countyBureau, cityId, schoolId] = [await ids('county.leader'), await ids('city.leader'), await ids('school.admin')];
      const counts = await Promise.all(
        (['orgs', 'teachers', 'items', 'item_schools', 'baseline_items'] as const).map(async (t) => `${t} ${Number((await db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n).toLocaleString('en')}`),
      );
      log(`  data: ${counts.join(', ')}`);
      const cookies = { prov: await loginCookie(port, 'prov.leader', DEMO_DEFAULT_PASSWORD), city: await loginCookie(port, 'city.leader', DEMO_DEFAULT_PASSWORD), county: await loginCookie(port, 'county.leader', DEMO_DEFAULT_PASSWORD), school: await loginCookie(port, 'school.admin', DEMO_DEFAULT_PASSWORD) };
      const p = presetPeriod('thisYear', chinaToday());
      const q = `?from=${p.from}&to=${p.to}`;
      const healthz = await timeGets(port, '/healthz', null, RUNS.healthz);
      const org = await timeGets(port, `/api/v1/orgs/${countyBureau}`, cookies.county, RUNS.org);
      const county = await timeGets(port, `/api/v1/dashboards/${countyBureau}${q}`, cookies.county, RUNS.county);
      const school = await timeGets(port, `/api/v1/dashboards/${schoolId}${q}`, cookies.school, RUNS.school);
      const city = await timeGets(port, `/api/v1/dashboards/${cityId}${q}`, cookies.city, RUNS.city);
      const whole = await timeGets(port, `/api/v1/dashboards/${province.id}${q}`, cookies.prov, RUNS.province);
      const base = median(healthz.ms);
      const fig = (label: string, ms: number[], target?: number): TFigure => ({
        label,
        value: median(ms),
        unit: 'ms',
        baseline: 'GET /healthz median',
        ratio: median(ms) / base,
        ...(target ? { target: { op: '<' as const, limit: target, on: 'value' as const } } : {}),
      });
      const p95 = (x: { ms: number[] }) => percentile(x.ms, 0.95).toFixed(1);
      return {
        figures: [
          fig('GET /healthz', healthz.ms),
          fig('info: GET /orgs/:id (session + indexed lookups)', org.ms),
          fig('county dashboard (bureau)', county.ms, TARGET_COUNTY_MS),
          fig('info: school dashboard', school.ms),
          fig('info: city dashboard (aggregates its counties)', city.ms),
          fig('province dashboard (130 counties)', whole.ms, TARGET_PROVINCE_MS),
        ],
        notes: [
          `period ${p.from} – ${p.to}; sequential requests after ${WARMUP} warm-ups each; runs: healthz ${RUNS.healthz}, orgs ${RUNS.org}, county ${RUNS.county}, school ${RUNS.school}, city ${RUNS.city}, province ${RUNS.province}`,
          `p95: county ${p95(county)} ms, school ${p95(school)} ms, city ${p95(city)} ms, province ${p95(whole)} ms; body sizes: county ${county.bytes} B, province ${whole.bytes} B`,
          `targets are absolute (the issue's budgets); ratios are against GET /healthz measured in the same run`,
          prov.seeded ?? `province reused from the cache (${prov.where}); remove ./data/bench-province-${dialect} to rebuild`,
          `database: ${prov.where}`,
        ],
      };
    } finally {
      await app.close();
      await prov.close();
    }
  },
};
