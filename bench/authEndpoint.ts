import os from 'node:os';
import Fastify from 'fastify';
import { TEST_PASSWORD } from '../src/server/testing/fixture';
import { buildBenchEnv, listenLocal, loginCookie } from './env';
import { median, request, runInterleavedInChild } from './load';
import type { TBench, TBenchResult } from './report';

const CONCURRENCY = 32;
const WARMUP_MS = 1_000;
const SLICE_MS = 1_500;
const ROUNDS = 6;
const TARGET_RATIO = 0.6;

/**
 * Throughput of `GET /api/v1/auth/me` with a logged-in session (session lookup in the DB, guards,
 * CSRF-free GET, zod serializer, security headers) against a bare Fastify route, both over real
 * HTTP on 127.0.0.1, measured in short interleaved slices by one load generator in a child process.
 */
export const authEndpointBench: TBench = {
  name: 'auth-endpoint',
  summary: `GET /api/v1/auth/me (logged in) vs bare Fastify GET /bare, ${CONCURRENCY} keep-alive workers, ${ROUNDS} interleaved rounds of ${SLICE_MS / 1000}s per target (+ /healthz for information); target app/bare ≥ ${TARGET_RATIO}`,
  run: async ({ dialect, log }): Promise<TBenchResult> => {
    const env = await buildBenchEnv(dialect);
    const bare = Fastify();
    bare.get('/bare', async () => ({ ok: true }));
    try {
      const appPort = await listenLocal(env.app);
      const barePort = await listenLocal(bare);
      const username = env.fx.users.teacher;
      const cookie = await loginCookie(appPort, username, TEST_PASSWORD);

      // Sanity: the app answers 200 with the Me body and its security headers; the bare route answers 200.
      const me = await request({ port: appPort, path: '/api/v1/auth/me', method: 'GET', headers: { cookie } });
      if (me.status !== 200 || !me.body.includes(`"username":"${username}"`) || !me.headers['content-security-policy']) {
        throw new Error(`GET /auth/me sanity check failed: ${me.status} ${me.body}`);
      }
      const b = await request({ port: barePort, path: '/bare', method: 'GET' });
      if (b.status !== 200) throw new Error(`GET /bare: ${b.status}`);
      log(`  /auth/me body ${Buffer.byteLength(me.body)} B, /bare body ${Buffer.byteLength(b.body)} B; user "${username}" (role teacher)`);

      const r = await runInterleavedInChild({
        targets: {
          bare: { port: barePort, path: '/bare' },
          healthz: { port: appPort, path: '/healthz' },
          app: { port: appPort, path: '/api/v1/auth/me', headers: { cookie } },
        },
        concurrency: CONCURRENCY,
        warmupMs: WARMUP_MS,
        sliceMs: SLICE_MS,
        rounds: ROUNDS,
      });
      const app = r.slices.app ?? [];
      const bareSlices = r.slices.bare ?? [];
      const hz = r.slices.healthz ?? [];
      const ratios = app.map((a, i) => a.rps / bareSlices[i]!.rps);
      const hzRatios = hz.map((h, i) => h.rps / bareSlices[i]!.rps);
      const col = (x: { rps: number; p50: number }) => `${x.rps.toFixed(0).padStart(5)} req/s (p50 ${x.p50.toFixed(1).padStart(4)} ms)`;
      app.forEach((a, i) => {
        log(`  round ${i + 1}: bare ${col(bareSlices[i]!)}  healthz ${col(hz[i]!)}  app ${col(a)}  app/bare ${ratios[i]!.toFixed(3)}`);
      });
      const errors = [...app, ...bareSlices, ...hz].reduce((n, x) => n + x.errors, 0);
      if (errors > 0) throw new Error(`${errors} non-200 answers or socket errors during the run`);

      const bareRps = median(bareSlices.map((x) => x.rps));
      const appRps = median(app.map((x) => x.rps));
      const ratio = median(ratios);
      const ob = r.overall.bare!;
      const oa = r.overall.app!;
      return {
        figures: [
          { label: 'bare GET /bare throughput', value: bareRps, unit: 'req/s', baseline: 'bare req/s', ratio: 1 },
          { label: 'app GET /api/v1/auth/me throughput', value: appRps, unit: 'req/s', baseline: 'bare req/s (median of per-round ratios)', ratio, target: { op: '>=', limit: TARGET_RATIO } },
          { label: 'info: app GET /healthz throughput', value: median(hz.map((x) => x.rps)), unit: 'req/s', baseline: 'bare req/s (median of per-round ratios)', ratio: median(hzRatios) },
          { label: 'bare p50 latency', value: ob.p50, unit: 'ms', baseline: 'bare p50', ratio: 1 },
          { label: 'app p50 latency', value: oa.p50, unit: 'ms', baseline: 'bare p50', ratio: oa.p50 / ob.p50 },
          { label: 'bare p99 latency', value: ob.p99, unit: 'ms', baseline: 'bare p99', ratio: 1 },
          { label: 'app p99 latency', value: oa.p99, unit: 'ms', baseline: 'bare p99', ratio: oa.p99 / ob.p99 },
        ],
        notes: [
          `${ROUNDS} rounds of ${SLICE_MS / 1000}s per target, interleaved (order reversed every round) after ${WARMUP_MS / 1000}s warm-up each; ${CONCURRENCY} concurrent keep-alive workers`,
          `per-round app/bare: ${ratios.map((x) => x.toFixed(3)).join(', ')} (ratio of the medians: ${(appRps / bareRps).toFixed(3)})`,
          `/healthz (same app: onSend security headers + one "select 1" round trip; no session lookup, guards or zod) splits the cost: app/healthz ${(median(ratios) / median(hzRatios)).toFixed(3)}`,
          `latency percentiles over all measured requests (${oa.requests} app, ${ob.requests} bare)`,
          `load generator (child process) and server (this process) share the machine's ${os.availableParallelism()} CPU cores; absolute req/s are bounded by that`,
          `database: ${env.where}`,
        ],
      };
    } finally {
      await bare.close();
      await env.close();
    }
  },
};
