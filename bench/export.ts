import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import ExcelJS from 'exceljs';
import { rowBytesEstimate } from '../src/server/http/excel';
import { TEST_PASSWORD } from '../src/server/testing/fixture';
import { buildBenchEnv, listenLocal, loginCookie } from './env';
import type { TBench, TBenchResult } from './report';
import { seedItems } from './verify';

const ROWS = 100_000;
/** Live heap (after a full GC) sampled every this many chunks of the download. */
const SAMPLE_EVERY = 8;
const TARGET_HEAP_RATIO = 2;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

interface TRun {
  rows: number;
  bytes: number;
  ms: number;
  /** Peak live heap (sampled after a GC) above the heap before the request, MB (server and client share this process). */
  heapMb: number;
  file: string;
  samples: number;
}

/** Streams one export to a file, sampling the heap while it runs. */
async function exportOnce(port: number, cookie: string, query: string, dir: string): Promise<TRun> {
  gc();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  let samples = 0;
  let chunks = 0;
  const sample = () => {
    gc();
    samples++;
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  const file = path.join(dir, `export-${query.replace(/\W+/g, '_') || 'all'}.xlsx`);
  const t0 = performance.now();
  const { rows, bytes } = await new Promise<{ rows: number; bytes: number }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: `/api/v1/items/export.xlsx${query}`, method: 'GET', headers: { cookie } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`export: ${res.statusCode}`));
      const out = fs.createWriteStream(file);
      let n = 0;
      res.on('data', (c: Buffer) => {
        n += c.length;
        if (++chunks % SAMPLE_EVERY === 0) sample();
      });
      res.pipe(out);
      out.on('finish', () => resolve({ rows: Number(res.headers['x-total-rows']), bytes: n }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
  const ms = performance.now() - t0;
  return { rows, bytes, ms, heapMb: (peak - before) / 1024 / 1024, file, samples };
}

/**
 * A 100k-row Excel export streams with bounded memory: the items list of a county with 100k
 * items exported over HTTP, the heap sampled every 20 ms, against the export of one kind
 * (≈ 9k rows) in the same run — a streamed export's peak heap does not grow with its rows.
 * The file is re-opened with ExcelJS: header row, frozen pane, widths, dates, row count.
 */
export const exportBench: TBench = {
  name: 'export',
  summary: `GET /api/v1/items/export.xlsx of ${ROWS / 1000}k items (streamed) vs one kind (≈ 9k rows): peak heap ratio ≤ ${TARGET_HEAP_RATIO}, then the file re-opened and checked`,
  run: async ({ dialect, log }): Promise<TBenchResult> => {
    const env = await buildBenchEnv(dialect);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianfu-export-'));
    try {
      const seed = await seedItems(env, ROWS, 0);
      log(`  seeded ${ROWS} items in ${(seed.seedMs / 1000).toFixed(1)} s`);
      const port = await listenLocal(env.app);
      const cookie = await loginCookie(port, env.fx.users.office, TEST_PASSWORD);
      await exportOnce(port, cookie, '?kind=meeting', dir); // warm-up
      const small = await exportOnce(port, cookie, '?kind=inspection', dir);
      const big = await exportOnce(port, cookie, '', dir);
      log(`  one kind: ${small.rows} rows, ${(small.bytes / 1e6).toFixed(1)} MB in ${(small.ms / 1000).toFixed(1)} s, peak live heap +${small.heapMb.toFixed(2)} MB over ${small.samples} samples`);
      log(`  all:      ${big.rows} rows, ${(big.bytes / 1e6).toFixed(1)} MB in ${(big.ms / 1000).toFixed(1)} s, peak live heap +${big.heapMb.toFixed(2)} MB over ${big.samples} samples`);

      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(big.file);
      const ws = wb.worksheets[0]!;
      const header = (ws.getRow(1).values as unknown[]).slice(1);
      const checks = {
        rows: ws.rowCount - 1 === ROWS,
        header: header[0] === '编号' && header[6] === '开始日期',
        frozen: ws.views[0]?.state === 'frozen' && (ws.views[0] as { ySplit?: number }).ySplit === 1,
        widths: ws.getColumn(4).width === 40,
        dates: ws.getRow(2).getCell(7).value instanceof Date && ws.getRow(ROWS + 1).getCell(8).value instanceof Date,
      };
      const failed = Object.entries(checks).filter(([, ok]) => !ok).map(([k]) => k);
      if (failed.length) throw new Error(`the exported file fails: ${failed.join(', ')}`);
      return {
        figures: [
          { label: `export of one kind (${small.rows} rows): peak live heap`, value: small.heapMb, unit: 'MB', baseline: 'itself', ratio: 1 },
          { label: `export of ${big.rows} rows: peak live heap`, value: big.heapMb, unit: 'MB', baseline: 'one-kind export peak live heap', ratio: big.heapMb / small.heapMb, target: { op: '<=', limit: TARGET_HEAP_RATIO } },
          { label: `info: export of ${big.rows} rows: throughput`, value: big.rows / (big.ms / 1000), unit: 'rows/s', baseline: 'one-kind export rows/s', ratio: big.rows / big.ms / (small.rows / small.ms) },
          { label: `info: compressed bytes per row (x-row-bytes sent: ${rowBytesEstimate(11)})`, value: big.bytes / big.rows, unit: 'B', baseline: 'one-kind export B/row', ratio: big.bytes / big.rows / (small.bytes / small.rows) },
        ],
        notes: [
          `the re-opened file: ${Object.keys(checks).join(', ')} all as expected (header row frozen, Chinese headers, widths, Excel dates, ${ROWS} data rows)`,
          'the server and the client reading the download share this process: the heap figures cover both; the download goes to a file',
          'the forced GCs slow both exports: the throughput figure is for information only',
          `live heap (after a forced full GC) sampled every ${SAMPLE_EVERY} chunks of the download; keyset pages of 1000 rows; the stream waits for the client (backpressure) between pages`,
          `database: ${env.where}`,
        ],
      };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await env.close();
    }
  },
};
