/**
 * A 100,000-row teacher roster (the national system's export style) imported end to end — the
 * .xlsx read, every row validated (ID checksum, birth date against the ID, dates, enumerations),
 * the preview stored, then committed in one transaction (teachers inserted with their ID numbers
 * and phones encrypted, every value written to master data with its source) — in rows per second
 * against a raw batched insert of the same rows, already parsed, into a bare table in the same run.
 *
 *   npm run bench -- roster-import [--dialect postgres]
 */
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { makeIdNumber } from '../src/domain/validators/idNumber';
import type { TCtx } from '../src/server/context';
import { actorOfUser } from '../src/server/modules/auth/sessions';
import { commitRosterImport, previewRosterImport } from '../src/server/modules/collections/rosterImport';
import { ROSTER_HEADERS } from '../src/server/modules/collections/testkit';
import { buildBenchEnv } from './env';
import type { TBench, TBenchResult } from './report';

const ROWS = Number(process.env.JIANFU_BENCH_ROSTER_ROWS ?? 100_000);
const BATCH = 500;
/** The whole import may cost this many times the raw insert per row, at most (judged on the ratio of rows/s). */
const TARGET_RATIO = 0.02;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红鹏辉建华建国海燕晓东春梅';
const SUBJECTS = ['语文', '数学', '英语', '物理', '化学', '生物', '历史', '地理', '道德与法治', '音乐', '体育', '美术', '信息技术', '科学'];
const TITLES = ['中小学二级教师', '中小学一级教师', '中小学高级教师', '中小学三级教师', '未定职级'];
const EDUCATION = ['大学本科', '大学专科', '硕士研究生'];
const STAGES = ['小学', '初中', '高中'];

/** One roster row, in ROSTER_HEADERS order; every ID number unique (birth date × sequence). */
function rosterRow(i: number): string[] {
  const day = i % 10_000;
  const seq = Math.floor(i / 10_000) * 2 + 1 + (i % 2);
  const birth = new Date(Date.UTC(1965, 0, 1) + day * 86_400_000 * 1.3);
  const birthDate = birth.toISOString().slice(0, 10);
  const id = makeIdNumber({ regionCode: '530529', birthDate, seq: seq % 1000 });
  const name = SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7) % GIVEN.length]! + (i % 3 === 0 ? GIVEN[(i * 13) % GIVEN.length]! : '');
  const work = `${Math.min(Number(birthDate.slice(0, 4)) + 22, 2025)}-09`;
  return [
    name,
    Number(id.charAt(16)) % 2 === 1 ? '男' : '女',
    '居民身份证',
    id,
    birthDate,
    '汉族',
    i % 4 === 0 ? '中共党员' : '群众',
    work,
    work,
    EDUCATION[i % EDUCATION.length]!,
    TITLES[i % TITLES.length]!,
    STAGES[i % STAGES.length]!,
    SUBJECTS[i % SUBJECTS.length]!,
    `139${String(10_000_000 + i).slice(-8)}`,
  ];
}

async function rosterXlsx(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('教职工信息');
  ws.mergeCells(1, 1, 1, ROSTER_HEADERS.length);
  ws.getCell(1, 1).value = '教职工基本信息（全国教师管理信息系统导出）';
  ws.getRow(2).values = ROSTER_HEADERS;
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const rosterImportBench: TBench = {
  name: 'roster-import',
  summary: `a ${ROWS.toLocaleString('en')}-row roster read, validated, previewed and committed to master data, in rows/s against a raw batched insert of the same rows`,
  run: async ({ dialect, log }): Promise<TBenchResult> => {
    const env = await buildBenchEnv(dialect);
    try {
      const { db } = env.deps;
      const rows = Array.from({ length: ROWS }, (_, i) => rosterRow(i));
      let t0 = performance.now();
      const file = await rosterXlsx(rows);
      log(`  roster written: ${ROWS.toLocaleString('en')} rows × ${ROSTER_HEADERS.length} columns, ${(file.length / 1024 / 1024).toFixed(1)} MB (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

      // the baseline: the same rows, already parsed, inserted raw in batches in one transaction
      await sql`CREATE TABLE bench_raw_roster (id INTEGER PRIMARY KEY ${sql.raw(dialect === 'postgres' ? 'GENERATED ALWAYS AS IDENTITY' : 'AUTOINCREMENT')}, ${sql.raw(ROSTER_HEADERS.map((_, k) => `c${k} TEXT`).join(', '))})`.execute(db);
      t0 = performance.now();
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < rows.length; i += BATCH) {
          const values = rows.slice(i, i + BATCH).map((r) => Object.fromEntries(r.map((v, k) => [`c${k}`, v])));
          await trx.insertInto('bench_raw_roster' as never).values(values as never).execute();
        }
      });
      const rawMs = performance.now() - t0;

      const ctx: TCtx = { ...env.deps, actor: await actorOfUser(db, env.fx.users.school_admin), ip: '127.0.0.1', requestId: null };
      t0 = performance.now();
      const preview = await previewRosterImport(ctx, { schoolId: env.fx.schoolA.id, fileName: 'roster-100k.xlsx', content: file });
      const previewMs = performance.now() - t0;
      if (preview.summary.total !== ROWS || preview.summary.invalid !== 0) throw new Error(`preview: ${JSON.stringify(preview.summary)}`);
      t0 = performance.now();
      const committed = await commitRosterImport(ctx, preview.id, { mode: 'all' });
      const commitMs = performance.now() - t0;
      const teachers = Number((await db.selectFrom('teachers').select((eb) => eb.fn.countAll().as('n')).where('org_id', '=', env.fx.schoolA.id).executeTakeFirstOrThrow()).n);
      const values = Number((await db.selectFrom('master_values').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      if (teachers < ROWS) throw new Error(`only ${teachers} teachers after the commit`);

      const rawRate = ROWS / (rawMs / 1000);
      const totalMs = previewMs + commitMs;
      const rate = ROWS / (totalMs / 1000);
      return {
        figures: [
          { label: 'raw batched insert (parsed rows, bare table)', value: rawRate, unit: 'rows/s', baseline: 'raw insert', ratio: 1 },
          { label: 'preview: read, validate, store the job', value: ROWS / (previewMs / 1000), unit: 'rows/s', baseline: 'raw insert', ratio: rawMs / previewMs },
          { label: 'commit: teachers + master data, one transaction', value: ROWS / (commitMs / 1000), unit: 'rows/s', baseline: 'raw insert', ratio: rawMs / commitMs },
          { label: 'whole import', value: rate, unit: 'rows/s', baseline: 'raw insert', ratio: rate / rawRate, target: { op: '>=', limit: TARGET_RATIO } },
        ],
        notes: [
          `raw insert ${(rawMs / 1000).toFixed(1)} s; preview ${(previewMs / 1000).toFixed(1)} s; commit ${(commitMs / 1000).toFixed(1)} s (${committed.result.created.toLocaleString('en')} teachers created, ${values.toLocaleString('en')} master values held, ${env.where})`,
          'the import does per row what the raw insert does not: parse the .xlsx, validate 14 cells, encrypt the ID number and phone (SM4) and hash the ID for lookup, then write the teacher and 13 master values',
        ],
      };
    } finally {
      await env.close();
    }
  },
};
