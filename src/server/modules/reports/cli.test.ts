import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../cli/main';
import { chinaToday } from '../../../domain/time';
import { createDeps } from '../../boot';
import { seedDemoCounty } from '../../demo/demoCounty';
import { DIALECTS, TEST_PG_URL } from '../../testing/db';
import { readDocx } from './docx/read';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  try {
    return { code: await main(args), out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

for (const dialect of DIALECTS) {
  describe(`jianfu report [${dialect}]`, () => {
    const saved = { ...process.env };
    let dir = '';
    let schema = '';
    let schoolCode = '';
    const year = chinaToday().slice(0, 4);
    const period = ['--from', `${year}-01-01`, '--to', `${year}-12-31`];
    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianfu-report-'));
      process.env.JIANFU_DATA_DIR = dir;
      if (dialect === 'postgres') {
        schema = `rpt_${crypto.randomBytes(5).toString('hex')}`;
        const c = new pg.Client({ connectionString: TEST_PG_URL });
        await c.connect();
        await c.query(`CREATE SCHEMA ${schema}`);
        await c.end();
        process.env.DATABASE_URL = `${TEST_PG_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      } else delete process.env.DATABASE_URL;
      const deps = await createDeps();
      try {
        await seedDemoCounty(deps, { teachersPerSchool: 2 });
        schoolCode = (await deps.db.selectFrom('orgs').select('code').where('kind', '=', 'school').orderBy('id').executeTakeFirstOrThrow()).code!;
      } finally {
        await deps.close();
      }
    });
    afterAll(async () => {
      process.env = saved;
      fs.rmSync(dir, { recursive: true, force: true });
      if (schema) {
        const c = new pg.Client({ connectionString: TEST_PG_URL });
        await c.connect();
        await c.query(`DROP SCHEMA ${schema} CASCADE`);
        await c.end();
      }
    });

    it('writes the demo county’s stage report and a school’s plan, numbered and audited', async () => {
      const county = path.join(dir, 'county.docx');
      const r = await run(['report', 'county-stage', '--org', '530529', ...period, '--out', county]);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain(`青教减报〔${year}〕1号`);
      const p = (await readDocx(fs.readFileSync(county))).paragraphs;
      expect(p[0]).toBe(`青教减报〔${year}〕1号`);
      expect(p).toContain('青禾县教育体育局关于减轻中小学教师负担工作阶段性进展情况的报告');
      expect(p).toContain('组　长：李国强　县教育体育局党组书记、局长');
      expect(p).toContain('领导小组办公室设在县教育体育局人事股，王秀英任办公室主任，具体负责日常工作。');
      expect(p.at(-2)).toBe('青禾县教育体育局');
      const school = path.join(dir, 'school.docx');
      const s = await run(['report', 'school-plan', '--org', schoolCode, ...period, '--out', school]);
      expect(s.code, s.err).toBe(0);
      const sp = (await readDocx(fs.readFileSync(school))).paragraphs;
      expect(sp).toContain('青禾县城关第一小学减轻中小学教师负担实施方案');
      expect(sp).toContain('组　长：陈建华　青禾县城关第一小学校长');
      // the same report again keeps its number
      expect((await run(['report', 'county-stage', '--org', '530529', ...period, '--out', county])).out).toContain(`青教减报〔${year}〕1号`);
      const deps = await createDeps();
      try {
        const rows = await deps.db.selectFrom('audit_log').select(['actor_username', 'after_json']).where('action', '=', 'report.export').execute();
        expect(rows).toHaveLength(3);
        expect(rows.every((a) => a.actor_username === 'system')).toBe(true);
      } finally {
        await deps.close();
      }
    });

    it('refuses bad input with a zh/en message and exit code 2', async () => {
      const out = path.join(dir, 'x.docx');
      const cases: [string[], string][] = [
        [['report', 'county-stage', '--org', '999999', ...period, '--out', out], '未找到代码为 999999 的机构'],
        [['report', 'county-stage', '--org', '530529', '--from', `${year}-13-01`, '--to', `${year}-12-31`, '--out', out], '日期格式应为 YYYY-MM-DD'],
        [['report', 'county-stage', '--org', '530529', '--from', `${year}-12-31`, '--to', `${year}-01-01`, '--out', out], '开始日期不能晚于结束日期'],
        [['report', 'county-stage', '--org', '530529', ...period, '--out', path.join(dir, 'missing', 'x.docx')], '无法写入输出文件'],
        [['report', 'county-stage', '--org', '530529', ...period, '--out', path.join(dir, 'x.pdf')], '输出文件须以 .docx 结尾'],
        [['report', 'school-plan', '--org', '530529', ...period, '--out', out], '所选机构不能生成该报告'],
        [['report', 'weekly', '--org', '530529', ...period, '--out', out], 'county-stage'],
        [['report', 'county-stage', '--org', '530529', '--out', out], 'Usage'],
        [['report', '--org', '530529', ...period, '--out', out], 'Usage'],
      ];
      fs.mkdirSync(path.join(dir, 'folder.docx'));
      cases.push([['report', 'county-stage', '--org', '530529', ...period, '--out', path.join(dir, 'folder.docx')], 'EISDIR']);
      for (const [args, message] of cases) {
        const r = await run(args);
        expect(r.code, args.join(' ')).toBe(2);
        expect(r.err, args.join(' ')).toContain(message);
      }
      const r = await run(['report', 'county-stage', '--org', '999999', ...period, '--out', out]);
      expect(r.err).toContain('No organisation with code 999999');
      expect(fs.existsSync(out)).toBe(false);
    });
  });
}
