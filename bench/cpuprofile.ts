/**
 * Summarises a V8 CPU profile of a benchmark's server process: where the busy time goes, by layer
 * (Node http/net, Fastify, Kysely, node-postgres, socket writes, the app's own code, …) and by
 * function, optionally only while one target was under load.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --cpu-prof-interval 200 --import tsx bench/run.ts verify
 *   node --import tsx bench/cpuprofile.ts /tmp/prof/CPU.….cpuprofile --windows /tmp/prof/verify-sqlite-<pid>.windows.json --target app
 *
 * Each sample goes to the first layer that matches walking its stack from the leaf up, so a native
 * frame (a socket write, SQLite's `all`) is charged to the library that called it. V8 samples the
 * thread's stack on wall-clock ticks: time the thread spends runnable but descheduled (a socket
 * write that wakes the reader on a busy machine) is charged to the frame it resumes in.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';

interface TCallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface TProfileNode {
  id: number;
  callFrame: TCallFrame;
  children?: number[];
}
interface TProfile {
  nodes: TProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

type TRule = [test: (f: TCallFrame) => boolean, layer: string | ((stack: TCallFrame[]) => string)];

const NATIVE_WRITE = /^(writev|writeBuffer|writeUtf8String|writeLatin1String)$/;
const SQLITE_EXEC = 'SQLite statement execution (better-sqlite3 native call)';
const RULES: TRule[] = [
  [(f) => f.functionName === '(garbage collector)', 'GC'],
  [(f) => f.functionName === '(idle)', '(idle)'],
  [(f) => f.functionName === '(program)', '(program: V8/native outside JS)'],
  [(f) => NATIVE_WRITE.test(f.functionName) && !f.url, (s) => (s.some((c) => /\/pg\/lib\/|pg-protocol/.test(c.url)) ? 'socket write → PostgreSQL' : 'socket write → HTTP response')],
  [(f) => /^(all|get|run|iterate)$/.test(f.functionName) && !f.url, SQLITE_EXEC],
  [(f) => f.url.includes('pg-protocol/'), 'node-postgres protocol (pg-protocol)'],
  [(f) => /\/pg\/lib\/|pg-pool\//.test(f.url), 'node-postgres client/pool/result (pg)'],
  [(f) => f.url.includes('better-sqlite3/'), 'better-sqlite3 (JS)'],
  [(f) => f.url.includes('/src/server/db/connect'), 'SQLite statement cache Proxy (src/server/db/connect.ts)'],
  [(f) => f.url.includes('kysely/'), 'Kysely (query building, compiling, executor)'],
  [(f) => /\/zod\/|fastify-type-provider-zod/.test(f.url), 'zod validation / serialization'],
  [(f) => f.url.includes('/src/server/http/sharedLimiter'), 'SharedRateLimiter'],
  [(f) => f.url.includes('/src/domain/time'), 'chinaToday() (src/domain/time.ts)'],
  [(f) => f.url.includes('/src/domain/register/codes'), 'normalizeVerifyCode() (src/domain/register/codes.ts)'],
  [(f) => f.url.includes('/src/server/http/guards'), 'guards hooks (src/server/http/guards.ts)'],
  [(f) => f.url.includes('/src/server/http/app'), 'security headers hook (src/server/http/app.ts)'],
  [(f) => f.url.includes('/src/'), 'other app code (src/)'],
  [(f) => f.url.includes('@fastify/'), 'Fastify plugins (@fastify/*)'],
  [(f) => /\/fastify\/|find-my-way|fast-json-stringify|avvio|fastq|light-my-request/.test(f.url), 'Fastify (routing, hooks, reply)'],
  [(f) => f.url.startsWith('node:'), 'Node http/net/streams/events'],
];

function layerOf(stack: TCallFrame[]): string {
  // --cpu-prof often shows no frame for the native better-sqlite3 call: its time is the self time of Kysely's SqliteDriver.executeQuery
  const leaf = stack[0];
  if (leaf && leaf.functionName === 'executeQuery' && leaf.url.includes('kysely/dist/esm/dialect/sqlite/sqlite-driver')) return `${SQLITE_EXEC} + SqliteDriver.executeQuery`;
  for (const f of stack) {
    for (const [test, layer] of RULES) if (test(f)) return typeof layer === 'function' ? layer(stack) : layer;
  }
  return 'native/other (promise jobs, microtasks, …)';
}

function frameLabel(f: TCallFrame): string {
  const where = f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(src|bench)\//, '$1/');
  return `${f.functionName || '(anonymous)'}${where ? ` ${where}:${f.lineNumber + 1}` : ''}`;
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { windows: { type: 'string' }, target: { type: 'string' }, top: { type: 'string', default: '30' } },
  });
  const file = positionals[0];
  if (!file) {
    console.error('usage: node --import tsx bench/cpuprofile.ts <file.cpuprofile> [--windows <file.windows.json> --target <name>] [--top N]');
    process.exitCode = 2;
    return;
  }
  const p = JSON.parse(fs.readFileSync(file, 'utf8')) as TProfile;
  let windows: [number, number][] | null = null;
  if (values.windows) {
    const w = JSON.parse(fs.readFileSync(values.windows, 'utf8')) as { targets: Record<string, [number, number][]> };
    const target = values.target ?? Object.keys(w.targets).at(-1) ?? '';
    windows = w.targets[target] ?? null;
    if (!windows) throw new Error(`no target "${target}" in ${values.windows} (has ${Object.keys(w.targets).join(', ')})`);
    console.log(`target "${target}": ${windows.length} windows, ${(windows.reduce((n, [a, b]) => n + b - a, 0) / 1e6).toFixed(1)} s`);
  }
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const timeByNode = new Map<number, number>();
  let t = p.startTime;
  p.samples.forEach((id, i) => {
    const d = p.timeDeltas[i] ?? 0;
    t += d;
    if (windows && !windows.some(([a, b]) => t >= a && t < b)) return;
    timeByNode.set(id, (timeByNode.get(id) ?? 0) + d);
  });

  const layers = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  for (const [id, d] of timeByNode) {
    const stack: TCallFrame[] = [];
    for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) stack.push(byId.get(x)!.callFrame);
    const layer = layerOf(stack);
    layers.set(layer, (layers.get(layer) ?? 0) + d);
    const leaf = frameLabel(stack[0]!);
    functions.set(leaf, (functions.get(leaf) ?? 0) + d);
    total += d;
  }
  const idle = layers.get('(idle)') ?? 0;
  const busy = total - idle;
  const pct = (x: number) => `${((100 * x) / busy).toFixed(1).padStart(5)}%`;
  console.log(`${(total / 1e6).toFixed(2)} s sampled, ${(busy / 1e6).toFixed(2)} s busy (${((100 * busy) / Math.max(1, total)).toFixed(0)}% of one core); shares are of the busy time`);
  console.log('\nby layer:');
  for (const [k, v] of [...layers].sort((a, b) => b[1] - a[1])) if (k !== '(idle)') console.log(`  ${pct(v)}  ${k}`);
  console.log(`\ntop ${values.top} functions by self time:`);
  for (const [k, v] of [...functions].sort((a, b) => b[1] - a[1]).filter(([k]) => !k.startsWith('(idle)')).slice(0, Number(values.top))) console.log(`  ${pct(v)}  ${k}`);
}

main();
