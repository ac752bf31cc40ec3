import { fork } from 'node:child_process';
import http from 'node:http';
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

export interface TLoadOpts {
  port: number;
  path: string;
  headers?: Record<string, string>;
  concurrency: number;
  warmupMs: number;
  durationMs: number;
}

export interface TLoadResult {
  /** Requests completed inside the measuring window (after the warm-up). */
  requests: number;
  /** Non-200 answers and socket errors inside the window. */
  errors: number;
  rps: number;
  p50: number;
  p99: number;
}

/**
 * Closed-loop load: `concurrency` workers over one keep-alive agent, each sending the next request
 * when the previous answer has been read. Only requests finishing after the warm-up count.
 */
export async function runLoad(o: TLoadOpts): Promise<TLoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.concurrency });
  const start = performance.now();
  const windowStart = start + o.warmupMs;
  const windowEnd = windowStart + o.durationMs;
  const latencies: number[] = [];
  let errors = 0;

  const hit = () =>
    new Promise<number>((resolve) => {
      const req = http.request({ host: '127.0.0.1', port: o.port, path: o.path, agent, headers: o.headers }, (res) => {
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
        res.resume();
      });
      req.on('error', () => resolve(0));
      req.end();
    });

  const worker = async () => {
    while (performance.now() < windowEnd) {
      const t0 = performance.now();
      const status = await hit();
      const t1 = performance.now();
      if (t1 < windowStart || t1 > windowEnd) continue;
      if (status === 200) latencies.push(t1 - t0);
      else errors++;
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  agent.destroy();
  return {
    requests: latencies.length,
    errors,
    rps: latencies.length / (o.durationMs / 1000),
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  };
}

const CHILD_FLAG = '--jianfu-load-child';

/**
 * Runs the load generator in a child process, so that it gets its own event loop (and, on a
 * 2-core machine, roughly its own core) instead of competing with the server's event loop.
 */
export function runLoadInChild(o: TLoadOpts): Promise<TLoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [CHILD_FLAG, JSON.stringify(o)], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    let result: TLoadResult | null = null;
    const timer = setTimeout(() => child.kill('SIGKILL'), o.warmupMs + o.durationMs + 20_000);
    child.on('message', (m) => {
      result = m as TLoadResult;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (result) resolve(result);
      else reject(new Error(`load generator child exited (code ${code}, signal ${signal}) without a result`));
    });
  });
}

async function childMain(): Promise<void> {
  const opts = JSON.parse(process.argv[3] ?? '{}') as TLoadOpts;
  try {
    const res = await runLoad(opts);
    process.send?.(res, () => process.exit(0));
  } catch (err) {
    console.error(err);
    process.exit(1);
  }
}

if (process.argv[2] === CHILD_FLAG && process.send) void childMain();
