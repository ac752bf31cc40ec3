import os from 'node:os';
import Fastify from 'fastify';
import { TEST_PASSWORD } from '../src/server/testing/fixture';
import { buildBenchEnv, listenLocal, loginCookie } from './env';
import { type TLoadOpts, type TLoadResult, median, request, runLoadInChild } from './load';
import type { TBench, TBenchResult } from './report';

const CONCURRENCY = 32;
const WARMUP_MS = 1_000;
const DURATION_MS = 5_000;
const ROUNDS = 3;
const TARGET_RATIO = 0.6;

/**
 * Throughput of `GET /api/v1/auth/me` with a logged-in session (session lookup in the DB, guards,
 * CSRF-free GET, zod serializer, security headers) against a bare Fastify route, both over real
 * HTTP on 127.0.0.1, measured in interleaved rounds by a load generator in a child process.
 */
export const authEndpointBench: TBench = {
  name: 'auth-endpoint',
  summary: `GET /api/v1/auth/me (logged in) vs bare Fastify GET /bare, ${CONCURRENCY} keep-alive workers, ${ROUNDS}×${DURATION_MS / 1000}s each; target app/bare ≥ ${TARGET_RATIO}`,
  run: async ({ dialect, log }): Promise<TBenchResult> => {
    const env = await buildBenchEnv(dialect);
    const bare = Fastify();
    bare.get('/bare', async () => ({ ok: true }));
    try {
      log(`  database: ${env.where}`);
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

      const base = { concurrency: CONCURRENCY, warmupMs: WARMUP_MS, durationMs: DURATION_MS };
      const targets: Record<'app' | 'bare', TLoadOpts> = {
        app: { ...base, port: appPort, path: '/api/v1/auth/me', headers: { cookie } },
        bare: { ...base, port: barePort, path: '/bare' },
      };
      const runs: Record<'app' | 'bare', TLoadResult[]> = { app: [], bare: [] };
      for (let round = 0; round < ROUNDS; round++) {
        // Alternate the order so that neither side always runs first (warmer/colder machine).
        const order: ('app' | 'bare')[] = round % 2 === 0 ? ['bare', 'app'] : ['app', 'bare'];
        for (const which of order) {
          const r = await runLoadInChild(targets[which]);
          runs[which].push(r);
          log(
            `  round ${round + 1} ${which.padEnd(4)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms  (${r.requests} ok, ${r.errors} errors)`,
          );
          if (r.errors > 0) throw new Error(`${which}: ${r.errors} non-200 answers or socket errors during the run`);
        }
        const a = runs.app[round]!;
        const z = runs.bare[round]!;
        log(`  round ${round + 1} ratio app/bare = ${(a.rps / z.rps).toFixed(3)}`);
      }

      const med = (which: 'app' | 'bare', k: 'rps' | 'p50' | 'p99') => median(runs[which].map((r) => r[k]));
      const bareRps = med('bare', 'rps');
      const appRps = med('app', 'rps');
      return {
        figures: [
          { label: 'bare GET /bare throughput', value: bareRps, unit: 'req/s', baseline: 'bare req/s', ratio: 1 },
          { label: 'app GET /api/v1/auth/me throughput', value: appRps, unit: 'req/s', baseline: 'bare req/s', ratio: appRps / bareRps, target: { op: '>=', limit: TARGET_RATIO } },
          { label: 'bare p50 latency', value: med('bare', 'p50'), unit: 'ms', baseline: 'bare p50', ratio: 1 },
          { label: 'app p50 latency', value: med('app', 'p50'), unit: 'ms', baseline: 'bare p50', ratio: med('app', 'p50') / med('bare', 'p50') },
          { label: 'bare p99 latency', value: med('bare', 'p99'), unit: 'ms', baseline: 'bare p99', ratio: 1 },
          { label: 'app p99 latency', value: med('app', 'p99'), unit: 'ms', baseline: 'bare p99', ratio: med('app', 'p99') / med('bare', 'p99') },
        ],
        notes: [
          `median of ${ROUNDS} interleaved rounds, ${CONCURRENCY} concurrent keep-alive workers, ${WARMUP_MS / 1000}s warm-up + ${DURATION_MS / 1000}s measured per run`,
          `per-round ratios app/bare: ${runs.app.map((a, i) => (a.rps / runs.bare[i]!.rps).toFixed(3)).join(', ')}`,
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
