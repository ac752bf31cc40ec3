import http from 'node:http';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { CASE_CATEGORIES } from '../src/domain/cases/enums';
import { addDays } from '../src/domain/register/schoolYear';
import { chinaToday } from '../src/domain/time';
import { solveChallenge } from '../src/server/modules/cases/challenge';
import { type TBenchEnv, buildBenchEnv, listenLocal } from './env';
import { percentile } from './load';
import type { TBench, TBenchResult } from './report';

const COMPLAINTS = 1_000;
const CLIENTS = 100;
/** The challenge is lowered for the run (production: 15 bits ≈ 50 ms in a browser); solving is not what is measured. */
const BENCH_DIFFICULTY = 8;
const BENCH_LIMIT = 100_000_000;
const BASELINE_REQUESTS = 2_000;
/** The whole run stops by itself past this. */
const DEADLINE_MS = 180_000;

interface TAnswer {
  status: number;
  body: string;
  ms: number;
}

function call(agent: http.Agent, port: number, method: 'GET' | 'POST', path: string, body?: unknown): Promise<TAnswer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve) => {
    const t0 = performance.now();
    const req = http.request(
      { host: '127.0.0.1', port, method, path, agent, headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - t0 }));
        res.on('error', () => resolve({ status: 0, body: '', ms: performance.now() - t0 }));
      },
    );
    req.on('error', () => resolve({ status: 0, body: '', ms: performance.now() - t0 }));
    req.end(payload);
  });
}

/** `n` jobs run by `clients` concurrent workers; returns the answers in job order and the wall time. */
async function pool<T>(n: number, clients: number, job: (i: number) => Promise<T>): Promise<{ results: T[]; ms: number }> {
  const results = new Array<T>(n);
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < n; i = next++) results[i] = await job(i);
    }),
  );
  return { results, ms: performance.now() - t0 };
}

const TEXTS = [
  '要求全体教师下载某APP并每日打卡截图上传工作群',
  '同一张学生信息统计表本周被三个部门要求重复填报',
  '街道要求教师周末参加创文志愿活动并拍照留痕',
  '某单位借调我校两名教师已超过一学期仍未返岗',
  '要求班主任组织家长为某评选活动投票并截图',
];

async function runComplaints(env: TBenchEnv, log: (l: string) => void): Promise<TBenchResult> {
  const port = await listenLocal(env.app);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const targets = [env.fx.schoolA.id, env.fx.schoolB.id, env.fx.bureau.id, env.fx.section.id];
  const occurredOn = addDays(chinaToday(), -2);
  const before = Number((await env.deps.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  // warm-up: connections, JIT, statement caches (not measured; these complaints are counted apart)
  await pool(200, CLIENTS, () => call(agent, port, 'GET', '/healthz'));
  const baseline1 = await pool(BASELINE_REQUESTS / 2, CLIENTS, () => call(agent, port, 'GET', '/healthz'));

  // challenges fetched and solved beforehand: the timed phase is the complaint POST alone
  const ch = await pool(COMPLAINTS, CLIENTS, () => call(agent, port, 'GET', '/api/v1/public/challenge'));
  const s0 = performance.now();
  const proofs = ch.results.map((a) => {
    if (a.status !== 200) throw new Error(`GET /public/challenge: ${a.status} ${a.body}`);
    const c = JSON.parse(a.body) as { token: string; prefix: string; difficulty: number };
    return { token: c.token, nonce: solveChallenge(c.prefix, c.difficulty) };
  });
  log(`  ${COMPLAINTS} challenges of ${BENCH_DIFFICULTY} bits fetched in ${(ch.ms / 1000).toFixed(2)} s and solved in ${((performance.now() - s0) / 1000).toFixed(2)} s (not timed below)`);

  const run = await pool(COMPLAINTS, CLIENTS, (i) =>
    call(agent, port, 'POST', '/api/v1/public/complaints', {
      category: CASE_CATEGORIES[i % CASE_CATEGORIES.length],
      targetOrgId: targets[i % targets.length],
      text: `${TEXTS[i % TEXTS.length]}（第${i + 1}件，压测）`,
      occurredOn,
      ...(i % 10 === 0 ? { anonymous: false, reporterName: `测试${i}`, reporterPhone: `139${String(10_000_000 + i).slice(-8)}` } : { anonymous: true }),
      challenge: proofs[i],
    }),
  );
  const baseline2 = await pool(BASELINE_REQUESTS / 2, CLIENTS, () => call(agent, port, 'GET', '/healthz'));
  agent.destroy();

  const statuses: Record<string, number> = {};
  for (const a of run.results) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
  const created = run.results.filter((a) => a.status === 201).map((a) => JSON.parse(a.body) as { trackingNo: string; key: string });
  if (created.length !== COMPLAINTS) throw new Error(`${COMPLAINTS - created.length} complaints not accepted: ${JSON.stringify(statuses)} (first error: ${run.results.find((a) => a.status !== 201)?.body})`);
  const numbers = new Set(created.map((c) => c.trackingNo));
  if (numbers.size !== COMPLAINTS) throw new Error(`tracking numbers repeat: ${numbers.size} distinct of ${COMPLAINTS}`);
  const db = env.deps.db;
  const rows = Number((await db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const distinct = Number((await db.selectFrom('cases').select((eb) => eb.fn.count<number>('tracking_no').distinct().as('n')).executeTakeFirstOrThrow()).n);
  const events = Number((await db.selectFrom('case_events').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'create').executeTakeFirstOrThrow()).n);
  const audits = Number((await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'case.create').executeTakeFirstOrThrow()).n);
  const grouped = Number((await db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).where('group_id', 'is not', null).executeTakeFirstOrThrow()).n);
  if (rows - before !== COMPLAINTS || distinct !== rows || events !== rows || audits !== rows) {
    throw new Error(`lost or duplicated rows: ${rows - before} new cases, ${distinct} distinct numbers, ${events} create events, ${audits} audit rows for ${COMPLAINTS} answers`);
  }
  for (const set of created.filter((_c, i) => i % 97 === 0)) {
    const r = await call(new http.Agent(), port, 'GET', `/api/v1/public/complaints/${set.trackingNo}?key=${set.key}`);
    if (r.status !== 200) throw new Error(`tracking ${set.trackingNo}: ${r.status}`);
  }

  const lat = run.results.map((a) => a.ms);
  const hz = [...baseline1.results, ...baseline2.results].map((a) => a.ms);
  const hzRps = BASELINE_REQUESTS / ((baseline1.ms + baseline2.ms) / 1000);
  const cRps = COMPLAINTS / (run.ms / 1000);
  const [p50, p99, h50, h99] = [percentile(lat, 0.5), percentile(lat, 0.99), percentile(hz, 0.5), percentile(hz, 0.99)];
  return {
    figures: [
      { label: 'baseline GET /healthz throughput', value: hzRps, unit: 'req/s', baseline: 'healthz req/s', ratio: 1 },
      { label: 'POST /public/complaints throughput', value: cRps, unit: 'req/s', baseline: 'healthz req/s', ratio: cRps / hzRps },
      { label: 'baseline /healthz p50 latency', value: h50, unit: 'ms', baseline: 'healthz p50', ratio: 1 },
      { label: 'complaint p50 latency', value: p50, unit: 'ms', baseline: 'healthz p50', ratio: p50 / h50 },
      { label: 'baseline /healthz p99 latency', value: h99, unit: 'ms', baseline: 'healthz p99', ratio: 1 },
      { label: 'complaint p99 latency', value: p99, unit: 'ms', baseline: 'healthz p99', ratio: p99 / h99 },
    ],
    notes: [
      `${COMPLAINTS} complaints by ${CLIENTS} concurrent keep-alive clients in ${(run.ms / 1000).toFixed(2)} s: answers ${JSON.stringify(statuses)}; none lost (${rows - before} new rows, ${events} create events, ${audits} audit rows), ${distinct} distinct tracking numbers`,
      `each complaint: challenge spent (challenge_uses), target and region looked up, deadline on the holiday calendar and rule set, duplicate search (${grouped} cases ended in a duplicate group), SM4 for the 10% named, case + event + audit rows in one transaction`,
      `baseline: ${BASELINE_REQUESTS} GET /healthz (one "select 1") by the same ${CLIENTS} clients, half before and half after the complaints`,
      `challenge lowered to ${BENCH_DIFFICULTY} bits and the per-address limits raised to ${BENCH_LIMIT} (JIANFU_COMPLAINT_DIFFICULTY, JIANFU_COMPLAINT_LIMIT, JIANFU_CHALLENGE_LIMIT) for this app only`,
      `closed loop: with ${CLIENTS} clients in flight, latency ≈ ${CLIENTS} / throughput (queueing); the hard checks (none lost, unique numbers, rows = answers) throw; the load generator shares this process and the machine's ${os.availableParallelism()} cores with the server`,
      `database: ${env.where}`,
    ],
  };
}

export const complaintsBench: TBench = {
  name: 'complaints',
  summary: `${COMPLAINTS} public complaints by ${CLIENTS} concurrent clients on loopback: none lost, tracking numbers unique, p50/p99 vs GET /healthz under the same concurrency`,
  run: async ({ dialect, log }) => {
    const saved = { d: process.env.JIANFU_COMPLAINT_DIFFICULTY, l: process.env.JIANFU_COMPLAINT_LIMIT, c: process.env.JIANFU_CHALLENGE_LIMIT };
    process.env.JIANFU_COMPLAINT_DIFFICULTY = String(BENCH_DIFFICULTY);
    process.env.JIANFU_COMPLAINT_LIMIT = String(BENCH_LIMIT);
    process.env.JIANFU_CHALLENGE_LIMIT = String(BENCH_LIMIT);
    let env: TBenchEnv;
    try {
      env = await buildBenchEnv(dialect);
    } finally {
      const restore = (k: string, v: string | undefined) => (v === undefined ? delete process.env[k] : (process.env[k] = v));
      restore('JIANFU_COMPLAINT_DIFFICULTY', saved.d);
      restore('JIANFU_COMPLAINT_LIMIT', saved.l);
      restore('JIANFU_CHALLENGE_LIMIT', saved.c);
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        runComplaints(env, log),
        new Promise<never>((_r, reject) => {
          timer = setTimeout(() => reject(new Error(`complaints bench exceeded ${DEADLINE_MS / 1000} s`)), DEADLINE_MS);
        }),
      ]);
    } finally {
      clearTimeout(timer);
      await env.close();
    }
  },
};
