/** Entry of a bench child process (see child.ts): one job, one JSON result line on stdout. */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { loadConfig, type TDialect } from '../src/server/config';
import type { TCtx, TDeps } from '../src/server/context';
import { actorOfUser } from '../src/server/modules/auth/sessions';
import { requesterFile } from '../src/server/modules/collections/export';
import { createFieldCrypto } from '../src/server/security/fieldCrypto';
import { peakRssMb } from './child';
import { reopenBenchDb } from './env';

const rssMb = () => Math.round((process.memoryUsage().rss / 1024 / 1024) * 10) / 10;

interface TFillJianfu {
  dialect: TDialect;
  locator: { file: string } | { schema: string };
  keyHex: string;
  collectionId: number;
  username: string;
  out: string;
}

/** The requester's download: master data read and decrypted, the template filled, the workbook written. */
async function fillJianfu(p: TFillJianfu) {
  const handle = reopenBenchDb(p.locator);
  try {
    const deps: TDeps = { db: handle.db, dialect: p.dialect, config: { ...loadConfig({}), dialect: p.dialect }, fieldCrypto: createFieldCrypto(p.keyHex) };
    const ctx: TCtx = { ...deps, actor: await actorOfUser(handle.db, p.username), ip: '127.0.0.1', requestId: null };
    const startRssMb = rssMb();
    const t0 = performance.now();
    const { buf } = await requesterFile(ctx, p.collectionId);
    const ms = performance.now() - t0;
    fs.writeFileSync(p.out, buf);
    return { ms, startRssMb, peakRssMb: peakRssMb(), bytes: buf.length };
  } finally {
    await handle.close();
  }
}

interface TFillPlain {
  grid: string;
  title: string;
  headers: string[];
  out: string;
}

/** The same grid written with plain exceljs: a title row, a header row and the values, nothing else. */
async function fillPlain(p: TFillPlain) {
  const rows = JSON.parse(fs.readFileSync(p.grid, 'utf8')) as (string | number | null)[][];
  const startRssMb = rssMb();
  const t0 = performance.now();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow([p.title]);
  ws.addRow(p.headers);
  for (const r of rows) ws.addRow(r);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  const ms = performance.now() - t0;
  fs.writeFileSync(p.out, buf);
  return { ms, startRssMb, peakRssMb: peakRssMb(), bytes: buf.length };
}

async function main() {
  const [job, payload] = process.argv.slice(2);
  const p = JSON.parse(payload ?? '{}') as unknown;
  let result: unknown;
  switch (job) {
    case 'fill-jianfu':
      result = await fillJianfu(p as TFillJianfu);
      break;
    case 'fill-plain':
      result = await fillPlain(p as TFillPlain);
      break;
    default:
      throw new Error(`unknown bench job ${job}`);
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
