import { fork } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

/** Nearest-rank percentile (q in 0..1) of unsorted values; NaN when empty. */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[idx]!;
}

export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

export interface TResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One HTTP request to 127.0.0.1 (the host is forced), body read fully. */
export function request(opts: Omit<http.RequestOptions, 'host' | 'hostname'> & { body?: string }): Promise<TResponse> {
  const { body, ...rest } = opts;
  return new Promise((resolve, reject) => {
    const req = http.request({ ...rest, host: '127.0.0.1' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** `name=value` pairs of the Set-Cookie headers of a response. */
export function setCookies(res: TResponse): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of res.headers['set-cookie'] ?? []) {
    const pair = line.split(';')[0] ?? '';
    const eq = pair.indexOf('=');
    if (eq > 0) out[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return out;
}

export interface TTarget {
  port: number;
  path: string;
  /** When set, each request picks one of these paths at random (`path` is then only a label). */
  paths?: string[];
  headers?: Record<string, string>;
  /** Statuses that count as answered (timed, counted in rps); default [200]. Others are errors. */
  okStatuses?: number[];
}

export interface TSliceResult {
  /** Requests answered with an accepted status (200 unless the target says otherwise) inside the slice. */
  requests: number;
  /** Other answers and socket errors inside the slice. */
  errors: number;
  rps: number;
  p50: number;
  p99: number;
  /** Answers inside the slice per status (0 = socket error). */
  statuses: Record<string, number>;
  /** The slice's window on the monotonic clock in µs (process.hrtime), the clock of a .cpuprofile's timestamps. */
  startUs: number;
  endUs: number;
}

/** Now on the monotonic clock, in µs (the same clock as V8 CPU profiles, in any process of the machine). */
export function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/**
 * Closed-loop load for `ms`: `concurrency` workers over one keep-alive agent, each sending the next
 * request when the previous answer has been read. Only requests finishing inside the window count.
 */
async function loadSlice(t: TTarget, agent: http.Agent, concurrency: number, ms: number, latencies: number[]): Promise<TSliceResult> {
  const startUs = monotonicUs();
  const start = performance.now();
  const end = start + ms;
  const own: number[] = [];
  let errors = 0;
  const statuses: Record<string, number> = {};
  const ok = new Set(t.okStatuses ?? [200]);
  const paths = t.paths;
  const pick = paths && paths.length > 0 ? () => paths[Math.floor(Math.random() * paths.length)]! : () => t.path;
  const hit = () =>
    new Promise<number>((resolve) => {
      const req = http.request({ host: '127.0.0.1', port: t.port, path: pick(), agent, headers: t.headers }, (res) => {
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
        res.resume();
      });
      req.on('error', () => resolve(0));
      req.end();
    });
  const worker = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      const status = await hit();
      const t1 = performance.now();
      if (t1 > end) continue;
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (ok.has(status)) own.push(t1 - t0);
      else errors++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  for (const v of own) latencies.push(v);
  return { requests: own.length, errors, rps: own.length / (ms / 1000), p50: percentile(own, 0.5), p99: percentile(own, 0.99), statuses, startUs, endUs: startUs + ms * 1000 };
}

export interface TInterleavedOpts {
  targets: Record<string, TTarget>;
  concurrency: number;
  /** Warm-up per target before the first round (not measured). */
  warmupMs: number;
  sliceMs: number;
  rounds: number;
}

export interface TInterleavedResult {
  /** Per target, one slice per round. */
  slices: Record<string, TSliceResult[]>;
  /** Per target, percentiles over every measured request. */
  overall: Record<string, { requests: number; p50: number; p99: number }>;
}

/**
 * Interleaves the targets in short slices (round r runs them in order, reversed on odd rounds),
 * so that both see the same machine: a noisy neighbour slows both sides of a round alike.
 * Each target keeps its own keep-alive agent (and warm connections) across rounds.
 */
export async function runInterleaved(o: TInterleavedOpts): Promise<TInterleavedResult> {
  const names = Object.keys(o.targets);
  const agents = new Map(names.map((n) => [n, new http.Agent({ keepAlive: true, maxSockets: o.concurrency })]));
  const latencies = new Map(names.map((n) => [n, [] as number[]]));
  const slices: TInterleavedResult['slices'] = Object.fromEntries(names.map((n) => [n, []]));
  for (const n of names) await loadSlice(o.targets[n]!, agents.get(n)!, o.concurrency, o.warmupMs, []);
  for (let round = 0; round < o.rounds; round++) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const n of order) slices[n]!.push(await loadSlice(o.targets[n]!, agents.get(n)!, o.concurrency, o.sliceMs, latencies.get(n)!));
  }
  for (const a of agents.values()) a.destroy();
  const overall: TInterleavedResult['overall'] = {};
  for (const n of names) {
    const l = latencies.get(n)!;
    overall[n] = { requests: l.length, p50: percentile(l, 0.5), p99: percentile(l, 0.99) };
  }
  return { slices, overall };
}

/**
 * When this process runs under `node --cpu-prof`, writes the measured windows of every target
 * (from a runInterleaved result) as JSON next to the profile (--cpu-prof-dir, else the working
 * directory), so that `bench/cpuprofile.ts --windows <file> --target <name>` can keep only the
 * samples taken while that target was under load. Returns the file, or null when not profiling.
 */
export function writeProfileWindows(label: string, r: TInterleavedResult): string | null {
  if (!process.execArgv.some((a) => a === '--cpu-prof' || a.startsWith('--cpu-prof-'))) return null;
  const dirArg = process.execArgv.find((a) => a.startsWith('--cpu-prof-dir='));
  const dir = dirArg ? dirArg.slice('--cpu-prof-dir='.length) : process.cwd();
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${label}-${process.pid}.windows.json`);
  const targets = Object.fromEntries(Object.entries(r.slices).map(([n, sl]) => [n, sl.map((x) => [x.startUs, x.endUs])]));
  fs.writeFileSync(file, JSON.stringify({ pid: process.pid, clock: 'monotonic µs', targets }, null, 1));
  return file;
}

const CHILD_FLAG = '--jianfu-load-child';
const CHILD_READY = 'jianfu-load-child-ready';

/**
 * Runs the load generator in a child process, so that it gets its own event loop (and, on a
 * 2-core machine, roughly its own core) instead of competing with the server's event loop.
 * The options travel over the IPC channel once the child says it is listening (a list of paths
 * can exceed the 128 KiB limit of one command-line argument).
 */
export function runInterleavedInChild(o: TInterleavedOpts): Promise<TInterleavedResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [CHILD_FLAG], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    let result: TInterleavedResult | null = null;
    const names = Object.keys(o.targets).length;
    const timer = setTimeout(() => child.kill('SIGKILL'), names * (o.warmupMs + o.rounds * o.sliceMs) + 20_000);
    child.on('message', (m) => {
      if (m === CHILD_READY) child.send(o);
      else result = m as TInterleavedResult;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (result) resolve(result);
      else reject(new Error(`load generator child exited (code ${code}, signal ${signal}) without a result`));
    });
  });
}

async function childMain(opts: TInterleavedOpts): Promise<void> {
  try {
    const res = await runInterleaved(opts);
    process.send?.(res, () => process.exit(0));
  } catch (err) {
    console.error(err);
    process.exit(1);
  }
}

if (process.argv[2] === CHILD_FLAG && process.send) {
  process.once('message', (m) => void childMain(m as TInterleavedOpts));
  process.send(CHILD_READY);
}
