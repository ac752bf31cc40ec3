import crypto from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { SECURITY } from '../src/server/config';
import { TEST_PASSWORD } from '../src/server/testing/fixture';
import { buildBenchEnv, fetchCsrf, listenLocal, postLogin } from './env';
import { percentile } from './load';
import type { TBench, TBenchResult } from './report';

const SEQUENTIAL = 30;
const WARMUP = 3;
const CONCURRENT_CLIENTS = 4;
const CONCURRENT_MS = 4_000;
const TARGET_RATIO = 1.5;

const scryptAsync = promisify(crypto.scrypt) as (pw: string, salt: Buffer, keyLen: number, opts: crypto.ScryptOptions) => Promise<Buffer>;

/**
 * Each login comes from its own loopback source address (127.0.0.2 … 127.0.0.251; the server still
 * listens on 127.0.0.1 only), so the per-IP login limit (30/min) is exercised (its DB upsert runs)
 * but never trips. Counting of addresses is process-wide.
 */
let loginSeq = 0;
function nextSourceAddress(): string {
  return `127.0.0.${2 + (loginSeq++ % 250)}`;
}

async function timed(fn: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

interface TLoop {
  perSecond: number;
  seconds: number;
  latencies: number[];
}

function merge(a: TLoop, b: TLoop): TLoop {
  const seconds = a.seconds + b.seconds;
  const latencies = [...a.latencies, ...b.latencies];
  return { perSecond: latencies.length / seconds, seconds, latencies };
}

/** Runs `clients` closed-loop clients for `ms` (in-flight calls finish); returns completions per second and latencies. */
async function closedLoop(clients: number, ms: number, fn: () => Promise<void>): Promise<TLoop> {
  const end = performance.now() + ms;
  const latencies: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) latencies.push(await timed(fn));
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { perSecond: latencies.length / seconds, seconds, latencies };
}

export const loginBench: TBench = {
  name: 'login',
  summary: `POST /api/v1/auth/login latency at the production scrypt cost vs a raw crypto.scrypt call (same run); target login p50 / scrypt p50 ≤ ${TARGET_RATIO}`,
  run: async ({ dialect, log }): Promise<TBenchResult> => {
    if (process.env.JIANFU_SCRYPT_LOG_N !== undefined) {
      throw new Error(`JIANFU_SCRYPT_LOG_N=${process.env.JIANFU_SCRYPT_LOG_N} lowers the scrypt cost; unset it to benchmark the production cost`);
    }
    const { N, r, p, keyLen, maxmem } = SECURITY.scrypt;
    const memBytes = 128 * N * r;
    log(`  scrypt N=${N} (2^${Math.log2(N)}), r=${r}, p=${p}, keyLen=${keyLen}; memory 128·N·r = ${memBytes} B = ${(memBytes / 2 ** 20).toFixed(0)} MiB per hash`);
    const env = await buildBenchEnv(dialect);
    try {
      const port = await listenLocal(env.app);
      const csrf = await fetchCsrf(port);
      const username = env.fx.users.teacher;

      const login = async () => {
        const res = await postLogin(port, csrf, username, TEST_PASSWORD, nextSourceAddress());
        if (res.status !== 200) throw new Error(`login: ${res.status} ${res.body}`);
      };
      const salt = crypto.randomBytes(16);
      const rawScrypt = async () => {
        await scryptAsync(TEST_PASSWORD, salt, keyLen, { N, r, p, maxmem });
      };

      for (let i = 0; i < WARMUP; i++) {
        await rawScrypt();
        await login();
      }
      // Sequential, interleaved: scrypt, login, scrypt, login, … so both see the same machine state.
      const loginMs: number[] = [];
      const scryptMs: number[] = [];
      for (let i = 0; i < SEQUENTIAL; i++) {
        scryptMs.push(await timed(rawScrypt));
        loginMs.push(await timed(login));
      }
      const s50 = percentile(scryptMs, 0.5);
      const s95 = percentile(scryptMs, 0.95);
      const l50 = percentile(loginMs, 0.5);
      const l95 = percentile(loginMs, 0.95);
      log(`  sequential ×${SEQUENTIAL}: raw scrypt p50 ${s50.toFixed(1)} ms p95 ${s95.toFixed(1)} ms; login p50 ${l50.toFixed(1)} ms p95 ${l95.toFixed(1)} ms`);

      // Throughput with concurrent clients, phases interleaved A B B A so both see the same machine.
      const phase = CONCURRENT_MS / 2;
      const cs1 = await closedLoop(CONCURRENT_CLIENTS, phase, rawScrypt);
      const cl1 = await closedLoop(CONCURRENT_CLIENTS, phase, login);
      const cl2 = await closedLoop(CONCURRENT_CLIENTS, phase, login);
      const cs2 = await closedLoop(CONCURRENT_CLIENTS, phase, rawScrypt);
      const cs = merge(cs1, cs2);
      const cl = merge(cl1, cl2);
      const cores = os.availableParallelism();
      log(
        `  ${CONCURRENT_CLIENTS} concurrent: raw scrypt ${cs.perSecond.toFixed(2)}/s (p50 ${percentile(cs.latencies, 0.5).toFixed(0)} ms); login ${cl.perSecond.toFixed(2)}/s (p50 ${percentile(cl.latencies, 0.5).toFixed(0)} ms)`,
      );
      const coreBound = cores / (s50 / 1000);
      return {
        figures: [
          { label: 'raw crypto.scrypt p50', value: s50, unit: 'ms', baseline: 'scrypt p50', ratio: 1 },
          { label: 'POST /auth/login p50', value: l50, unit: 'ms', baseline: 'scrypt p50', ratio: l50 / s50, target: { op: '<=', limit: TARGET_RATIO } },
          { label: 'raw crypto.scrypt p95', value: s95, unit: 'ms', baseline: 'scrypt p95', ratio: 1 },
          { label: 'POST /auth/login p95', value: l95, unit: 'ms', baseline: 'scrypt p95', ratio: l95 / s95 },
          { label: `raw scrypt/s, ${CONCURRENT_CLIENTS} concurrent`, value: cs.perSecond, unit: '/s', baseline: 'scrypt/s', ratio: 1 },
          { label: `logins/s, ${CONCURRENT_CLIENTS} concurrent clients`, value: cl.perSecond, unit: '/s', baseline: 'scrypt/s', ratio: cl.perSecond / cs.perSecond },
          { label: `cores / scrypt p50 (ideal ${cores}-core bound)`, value: coreBound, unit: '/s', baseline: 'scrypt/s', ratio: coreBound / cs.perSecond },
        ],
        notes: [
          `scrypt N=${N}, r=${r}, p=${p}: ${(memBytes / 2 ** 20).toFixed(0)} MiB per hash (128·N·r); ${CONCURRENT_CLIENTS} concurrent logins hold ${((CONCURRENT_CLIENTS * memBytes) / 2 ** 20).toFixed(0)} MiB`,
          `${SEQUENTIAL} sequential logins interleaved with ${SEQUENTIAL} raw scrypt calls after ${WARMUP} warm-up pairs; then ${CONCURRENT_MS / 1000}s of ${CONCURRENT_CLIENTS} concurrent clients for each, in ${CONCURRENT_MS / 2000}s phases ordered scrypt, login, login, scrypt`,
          `client, server and scrypt (libuv pool, ${process.env.UV_THREADPOOL_SIZE ?? 4} threads) share ${cores} CPU cores; logins over HTTP to 127.0.0.1, each from its own 127.0.0.x source so the 30/min per-IP limit never trips`,
          `database: ${env.where}`,
        ],
      };
    } finally {
      await env.close();
    }
  },
};
