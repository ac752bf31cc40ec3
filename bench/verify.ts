import os from 'node:os';
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import { type Insertable, sql } from 'kysely';
import { label } from '../src/domain/i18n';
import { formatAdmissionNo, generateVerifyCode } from '../src/domain/register/codes';
import { ITEM_KINDS, type TItemKind } from '../src/domain/register/kinds';
import { type TDetailsOf, ZItemDetails } from '../src/domain/register/schemas';
import { chinaToday } from '../src/domain/time';
import type { TItemTable } from '../src/server/db/types';
import { defaultAdmissionPrefix } from '../src/server/modules/register/numbering';
import { type TPublicStatus, publicStatusOf, verifyCacheOf } from '../src/server/modules/register/public';
import { type TBenchEnv, buildBenchEnv, listenLocal } from './env';
import { median, request, runInterleavedInChild, writeProfileWindows } from './load';
import type { TBench, TBenchResult } from './report';

const ITEMS = 100_000;
/** Rows per multi-row INSERT (≈ 26 parameters a row: 13k, under SQLite's 32766 and PostgreSQL's 65535). */
const INSERT_BATCH = 500;
/** Items per seeding transaction. */
const ITEMS_PER_TX = 10_000;
/** Known codes the load picks from (a random sample of the seeded items)… */
const KNOWN_POOL = 10_000;
/** …plus this share of well-formed codes that no item has (the 404 path). */
const UNKNOWN_SHARE = 0.05;
const CONCURRENCY = 50;
const WARMUP_MS = 1_000;
const SLICE_MS = 2_000;
const ROUNDS = 6;
const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 25;
/** Per-IP verify limit while benchmarking (production default: 120 a minute). */
const BENCH_VERIFY_LIMIT = 100_000_000;

const VERIFY_PREFIX = '/api/v1/public/verify/';

/** Minimal valid details of every kind (checked against ZItemDetails before seeding). */
const DETAILS: { [K in TItemKind]: TDetailsOf<K> } = {
  inspection: { kind: 'inspection', comprehensive: false, onsite: true },
  assessment: { kind: 'assessment' },
  evaluation: { kind: 'evaluation', isCompetition: false },
  supervision: { kind: 'supervision', comprehensive: false },
  social_affair: { kind: 'social_affair', topic: '防溺水安全教育', organiser: '县应急管理局', activitiesPerSchool: 1 },
  data_collection: { kind: 'data_collection', statsOfficeFiled: true },
  meeting: { kind: 'meeting', participants: ['各校分管教学副校长'], durationMinutes: 60, format: 'video' },
  document: { kind: 'document', text: '关于进一步规范涉校检查的通知' },
  training: { kind: 'training', relevantToTeaching: true, hours: 2 },
  secondment: { kind: 'secondment', teacherName: '张老师', borrowingUnit: '县委宣传部', from: '2026-03-01' },
  app_task: { kind: 'app_task', appName: '国家中小学智慧教育平台', action: 'register' },
};

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Validity window of item i around today: 6 in 10 valid, 2 not yet valid, 2 expired, with
 * spread-out start and end days so that the rows are not all alike.
 */
function windowOf(i: number, today: string): { from: string; to: string } {
  const bucket = i % 10;
  const d = 1 + ((i * 7) % 60);
  if (bucket < 6) return { from: addDays(today, -d), to: addDays(today, 1 + ((i * 13) % 90)) };
  if (bucket < 8) return { from: addDays(today, d), to: addDays(today, d + 30) };
  return { from: addDays(today, -d - 30), to: addDays(today, -d) };
}

export interface TSeed {
  /** Verify code of item i (index = admission_seq − 1). */
  codes: string[];
  /** Public status of item i today, as publicStatusOf computes it. */
  statuses: TPublicStatus[];
  /** Well-formed codes that no item has. */
  unknown: string[];
  seedMs: number;
  analyzeMs: number | null;
}

/** 100k approved items of the fixture county (issuer: its section), 2 schools each, inserted directly with Kysely. */
export async function seedItems(env: TBenchEnv, n: number, unknownCount: number): Promise<TSeed> {
  const { db } = env.deps;
  const { fx } = env;
  for (const d of Object.values(DETAILS)) ZItemDetails.parse(d);
  const detailsJson = Object.fromEntries(ITEM_KINDS.map((k) => [k, JSON.stringify(DETAILS[k])])) as Record<TItemKind, string>;
  const kindTitle = Object.fromEntries(ITEM_KINDS.map((k) => [k, label(`itemKind.${k}`)])) as Record<TItemKind, string>;
  const targetScope = JSON.stringify({ mode: 'all', roles: ['teacher'] });
  const today = chinaToday();
  const year = Number(today.slice(0, 4));
  const prefix = defaultAdmissionPrefix(fx.county.name);
  const now = new Date().toISOString();

  const all = new Set<string>();
  while (all.size < n + unknownCount) all.add(generateVerifyCode());
  const list = [...all];
  const codes = list.slice(0, n);
  const unknown = list.slice(n);
  const statuses: TPublicStatus[] = [];

  const t0 = performance.now();
  for (let txStart = 0; txStart < n; txStart += ITEMS_PER_TX) {
    await db.transaction().execute(async (trx) => {
      for (let start = txStart; start < Math.min(n, txStart + ITEMS_PER_TX); start += INSERT_BATCH) {
        const rows: Insertable<TItemTable>[] = [];
        for (let i = start; i < Math.min(n, start + INSERT_BATCH); i++) {
          const kind = ITEM_KINDS[i % ITEM_KINDS.length]!;
          const { from, to } = windowOf(i, today);
          const seq = i + 1;
          const row = {
            region_org_id: fx.county.id,
            issuer_org_id: fx.section.id,
            created_by: null,
            kind,
            title: `${year}年${kindTitle[kind]}事项（第${seq}项）`,
            legal_basis: '',
            target_scope_json: targetScope,
            window_start: from,
            window_end: to,
            announced_at: addDays(from, -30),
            planned: 1,
            evaluation_methods_json: '[]',
            minutes_per_respondent: 30,
            respondents: 200,
            times_per_year: 1,
            teacher_hours: 100,
            details_json: detailsJson[kind],
            status: 'approved',
            findings_json: '[]',
            admission_no: formatAdmissionNo({ prefix, year, seq }),
            admission_year: year,
            admission_seq: seq,
            verify_code: codes[i]!,
            valid_from: from,
            valid_to: to,
            revoked_at: null,
            approved_at: now,
            created_at: now,
            updated_at: now,
          } satisfies Insertable<TItemTable>;
          rows.push(row);
          statuses.push(publicStatusOf(row, today)!);
        }
        const ids = await trx.insertInto('items').values(rows).returning('id').execute();
        await trx
          .insertInto('item_schools')
          .values(ids.flatMap(({ id }) => [{ item_id: id, school_org_id: fx.schoolA.id }, { item_id: id, school_org_id: fx.schoolB.id }]))
          .execute();
      }
    });
  }
  // keep the numbering consistent with the seeded items, as approvals would have left it
  await db.insertInto('admission_counters').values({ region_org_id: fx.county.id, year, last_seq: n }).execute();
  const seedMs = performance.now() - t0;

  let analyzeMs: number | null = null;
  if (env.deps.dialect === 'postgres') {
    // autovacuum would analyze the new rows on its own within a minute, possibly mid-run; do it now
    const a0 = performance.now();
    await sql`analyze items`.execute(db);
    await sql`analyze item_schools`.execute(db);
    analyzeMs = performance.now() - a0;
  }
  const count = await db.selectFrom('items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(count.n) !== n) throw new Error(`seeded ${count.n} items, expected ${n}`);
  return { codes, statuses, unknown, seedMs, analyzeMs };
}

/** k distinct indices in 0..n-1 (partial Fisher–Yates). */
function sampleIndices(n: number, k: number): number[] {
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(Math.random() * (n - i));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx.slice(0, k);
}

/**
 * Throughput and latency of the public verification endpoint over 100k items against a bare
 * Fastify route, both over real HTTP on 127.0.0.1, in short interleaved slices by one load
 * generator in a child process (like auth-endpoint).
 */
export const verifyBench: TBench = {
  name: 'verify',
  summary: `GET /api/v1/public/verify/<code> over ${ITEMS / 1000}k items (random known codes + ${UNKNOWN_SHARE * 100}% unknown) vs bare Fastify GET /bare/<code>, ${CONCURRENCY} keep-alive workers, ${ROUNDS} interleaved rounds of ${SLICE_MS / 1000}s per target; targets app/bare ≥ ${TARGET_RATIO}, app p99 < ${TARGET_P99_MS} ms`,
  run: async ({ dialect, log }): Promise<TBenchResult> => {
    // the verify limiter reads its limit when the app is built: raise it for this app only
    const prevLimit = process.env.JIANFU_VERIFY_LIMIT;
    process.env.JIANFU_VERIFY_LIMIT = String(BENCH_VERIFY_LIMIT);
    let env: TBenchEnv;
    try {
      env = await buildBenchEnv(dialect);
    } finally {
      if (prevLimit === undefined) delete process.env.JIANFU_VERIFY_LIMIT;
      else process.env.JIANFU_VERIFY_LIMIT = prevLimit;
    }
    log(
      `  rate limiter: the per-IP SharedRateLimiter('verify') is still on the request path (it counts every hit in memory and upserts rate_limits once a second), but its limit is raised from the production 120/min to ${BENCH_VERIFY_LIMIT}/min (JIANFU_VERIFY_LIMIT) so that it never answers 429`,
    );
    const bare = Fastify();
    bare.get('/bare/:code', async () => ({ ok: true }));
    try {
      const unknownCount = Math.round((KNOWN_POOL * UNKNOWN_SHARE) / (1 - UNKNOWN_SHARE));
      const seed = await seedItems(env, ITEMS, unknownCount);
      log(
        `  seeded ${ITEMS} approved items + ${2 * ITEMS} item_schools rows in ${(seed.seedMs / 1000).toFixed(1)} s (${((ITEMS * 3) / (seed.seedMs / 1000)).toFixed(0)} rows/s; ${INSERT_BATCH}-row INSERTs, ${ITEMS_PER_TX / INSERT_BATCH} per transaction)` +
          (seed.analyzeMs !== null ? `; ANALYZE items, item_schools ${(seed.analyzeMs / 1000).toFixed(1)} s` : ''),
      );
      const countBy = (s: readonly TPublicStatus[]) => s.reduce<Record<string, number>>((m, x) => ({ ...m, [x]: (m[x] ?? 0) + 1 }), {});
      const fmtCounts = (m: Record<string, number>) =>
        Object.entries(m)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ');
      log(`  item statuses today (${chinaToday()}): ${fmtCounts(countBy(seed.statuses))}`);

      const pool = sampleIndices(ITEMS, KNOWN_POOL);
      const poolCodes = [...pool.map((i) => seed.codes[i]!), ...seed.unknown];
      log(`  code pool: ${KNOWN_POOL} known (${fmtCounts(countBy(pool.map((i) => seed.statuses[i]!)))}) + ${seed.unknown.length} unknown (${((100 * seed.unknown.length) / poolCodes.length).toFixed(1)}%), one picked at random per request`);

      const appPort = await listenLocal(env.app);
      const barePort = await listenLocal(bare);

      // Sanity: one item of each status answers 200 with that status and both schools; an unknown code answers 404.
      let verifyBytes = 0;
      for (const want of ['valid', 'not_yet_valid', 'expired'] as const) {
        const i = seed.statuses.indexOf(want);
        const res = await request({ port: appPort, path: `${VERIFY_PREFIX}${seed.codes[i]!}`, method: 'GET' });
        const body = JSON.parse(res.body) as { status?: string; schools?: string[] };
        if (res.status !== 200 || body.status !== want || body.schools?.length !== 2 || !res.headers['content-security-policy']) {
          throw new Error(`verify sanity check (${want}) failed: ${res.status} ${res.body}`);
        }
        verifyBytes = Buffer.byteLength(res.body);
      }
      const miss = await request({ port: appPort, path: `${VERIFY_PREFIX}${seed.unknown[0]!}`, method: 'GET' });
      if (miss.status !== 404) throw new Error(`verify of an unknown code: expected 404, got ${miss.status} ${miss.body}`);
      const b = await request({ port: barePort, path: `/bare/${seed.codes[0]!}`, method: 'GET' });
      if (b.status !== 200) throw new Error(`GET /bare: ${b.status}`);
      log(`  verify body ≈${verifyBytes} B (404: ${Buffer.byteLength(miss.body)} B), /bare body ${Buffer.byteLength(b.body)} B`);

      const r = await runInterleavedInChild({
        targets: {
          bare: { port: barePort, path: '/bare/<code>', paths: poolCodes.map((c) => `/bare/${c}`) },
          healthz: { port: appPort, path: '/healthz' },
          app: { port: appPort, path: `${VERIFY_PREFIX}<code>`, paths: poolCodes.map((c) => `${VERIFY_PREFIX}${c}`), okStatuses: [200, 404] },
        },
        concurrency: CONCURRENCY,
        warmupMs: WARMUP_MS,
        sliceMs: SLICE_MS,
        rounds: ROUNDS,
      });
      const windowsFile = writeProfileWindows(`verify-${dialect}`, r);
      if (windowsFile) log(`  profiling: measured windows per target written to ${windowsFile} (see bench/cpuprofile.ts)`);
      const app = r.slices.app ?? [];
      const bareSlices = r.slices.bare ?? [];
      const hz = r.slices.healthz ?? [];
      const ratios = app.map((a, i) => a.rps / bareSlices[i]!.rps);
      const hzRatios = hz.map((h, i) => h.rps / bareSlices[i]!.rps);
      const col = (x: { rps: number; p50: number; p99: number }) => `${x.rps.toFixed(0).padStart(5)} req/s (p50 ${x.p50.toFixed(1).padStart(4)}, p99 ${x.p99.toFixed(1).padStart(5)} ms)`;
      app.forEach((a, i) => {
        log(`  round ${i + 1}: bare ${col(bareSlices[i]!)}  healthz ${col(hz[i]!)}  verify ${col(a)}  verify/bare ${ratios[i]!.toFixed(3)}`);
      });
      const errors = [...app, ...bareSlices, ...hz].reduce((n, x) => n + x.errors, 0);
      const appStatuses: Record<string, number> = {};
      for (const s of app) for (const [k, v] of Object.entries(s.statuses)) appStatuses[k] = (appStatuses[k] ?? 0) + v;
      if (errors > 0) throw new Error(`${errors} unexpected answers or socket errors during the run (verify statuses: ${fmtCounts(appStatuses)})`);

      // the limiter flushes once a second: its row shows it counted this run's hits
      await new Promise((res) => setTimeout(res, 1_200));
      const limiterRow = await env.deps.db.selectFrom('rate_limits').select(['key', 'count', 'window_start']).where('key', 'like', 'verify:%').executeTakeFirst();

      const cache = verifyCacheOf(env.deps.db);
      const cacheLine = `${cache.hits} hits, ${cache.misses} misses (item lookups) over the whole run, sanity checks and warm-up included; ${cache.size} codes held at the end`;
      const bareRps = median(bareSlices.map((x) => x.rps));
      const appRps = median(app.map((x) => x.rps));
      const ratio = median(ratios);
      const ob = r.overall.bare!;
      const oa = r.overall.app!;
      const answered = (appStatuses['200'] ?? 0) + (appStatuses['404'] ?? 0);
      return {
        figures: [
          { label: 'bare GET /bare/<code> throughput', value: bareRps, unit: 'req/s', baseline: 'bare req/s', ratio: 1 },
          { label: 'app GET /public/verify/<code> throughput', value: appRps, unit: 'req/s', baseline: 'bare req/s (median of per-round ratios)', ratio, target: { op: '>=', limit: TARGET_RATIO } },
          { label: 'info: app GET /healthz throughput', value: median(hz.map((x) => x.rps)), unit: 'req/s', baseline: 'bare req/s (median of per-round ratios)', ratio: median(hzRatios) },
          { label: 'bare p50 latency', value: ob.p50, unit: 'ms', baseline: 'bare p50', ratio: 1 },
          { label: 'app verify p50 latency', value: oa.p50, unit: 'ms', baseline: 'bare p50', ratio: oa.p50 / ob.p50 },
          { label: 'bare p99 latency', value: ob.p99, unit: 'ms', baseline: 'bare p99', ratio: 1 },
          { label: 'app verify p99 latency', value: oa.p99, unit: 'ms', baseline: 'bare p99', ratio: oa.p99 / ob.p99, target: { op: '<', limit: TARGET_P99_MS, on: 'value' } },
        ],
        notes: [
          `${ROUNDS} rounds of ${SLICE_MS / 1000}s per target, interleaved (order reversed every round) after ${WARMUP_MS / 1000}s warm-up each; ${CONCURRENCY} concurrent keep-alive connections`,
          `per-round verify/bare: ${ratios.map((x) => x.toFixed(3)).join(', ')} (ratio of the medians: ${(appRps / bareRps).toFixed(3)})`,
          `verify answers: ${fmtCounts(appStatuses)} (${((100 * (appStatuses['404'] ?? 0)) / Math.max(1, answered)).toFixed(1)}% 404, both timed and counted); the p99 target is absolute, the rest are ratios`,
          `/healthz (same app: onRequest security headers + one "select 1" round trip) splits the cost: verify/healthz ${(median(ratios) / median(hzRatios)).toFixed(3)}`,
          `rate limiter on the path with limit ${BENCH_VERIFY_LIMIT}/min: ${limiterRow ? `row ${limiterRow.key} = ${limiterRow.count} hits in the window from ${limiterRow.window_start}` : 'no rate_limits row (not flushed?)'}`,
          `latency percentiles over all measured requests (${oa.requests} verify, ${ob.requests} bare)`,
          `seeding: ${ITEMS} items + ${2 * ITEMS} item_schools in ${(seed.seedMs / 1000).toFixed(1)} s`,
          `load generator (child process) and server (this process) share the machine's ${os.availableParallelism()} CPU cores; absolute req/s are bounded by that`,
          `database: ${env.where}`,
          dialect === 'postgres'
            ? 'PostgreSQL: lookups asked for in the same event-loop turn go out as one "verify_code = ANY($1)" query, at most 2 such queries at once (VerifyBatcher); nothing is cached, every answer is read after it was asked for'
            : `SQLite: each request reads the verify epoch (one-row table bumped by triggers on every write that could change an answer); while it is unchanged, a code looked up before is answered from the process's cache: ${cacheLine}`,
        ],
      };
    } finally {
      await bare.close();
      await env.close();
    }
  },
};
