import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DIALECTS, TEST_PG_URL } from '../server/testing/db';
import { main } from './main';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  try {
    const code = await main(args);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('jianfu text similar', () => {
  it('prints the score and the duplicate verdict as JSON, and fails cleanly on a missing file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianfu-sim-'));
    const a = path.join(dir, 'a.txt');
    const b = path.join(dir, 'b.txt');
    const c = path.join(dir, 'c.txt');
    fs.writeFileSync(a, '关于开展2026年春季学期校园安全专项督查的通知。各中小学校：县教体局定于3月对全县中小学开展校园安全专项督查。');
    fs.writeFileSync(b, '关于开展2026年春季校园安全专项检查的通知。各学校：县教体局将于3月对全县中小学开展校园安全专项检查。');
    fs.writeFileSync(c, '关于举办全县中小学生艺术展演活动的通知');
    const dup = JSON.parse((await run(['text', 'similar', a, b])).out) as { score: number; duplicate: boolean };
    expect(dup.duplicate).toBe(true);
    expect(dup.score).toBeGreaterThan(0.6);
    expect(JSON.parse((await run(['text', 'similar', a, c])).out)).toEqual({ score: expect.any(Number), duplicate: false });
    expect((await run(['text', 'similar', a, path.join(dir, 'missing.txt')])).code).toBe(1);
    expect((await run(['text', 'similar', a])).code).toBe(2);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('jianfu catalog match', () => {
  const cli = (args: string[], input: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'main.ts'), ...args], { input, encoding: 'utf8', cwd: path.join(import.meta.dirname, '../..') });
  it('reads one header per line on stdin and prints the matches as one JSON array in input order', () => {
    const r = cli(['catalog', 'match', '--subject', 'teacher'], '姓 名\r\n联系电话\n第一学历\n\n公民身份号码（18位）\n');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { header: string; field: string | null; confidence: number }[];
    expect(out.map((o) => [o.header, o.field])).toEqual([
      ['姓 名', 'teacher.name'],
      ['联系电话', 'teacher.mobile'],
      ['第一学历', null],
      ['', null],
      ['公民身份号码（18位）', 'teacher.idNumber'],
    ]);
    for (const o of out) {
      expect(o.confidence).toBeGreaterThanOrEqual(0);
      expect(o.confidence).toBeLessThanOrEqual(1);
    }
    const school = JSON.parse(cli(['catalog', 'match', '--subject', 'school'], '联系电话\n').stdout) as { field: string }[];
    expect(school[0]!.field).toBe('school.phone');
  });
  it('refuses a missing or unknown subject with exit code 2 and nothing on stdout', () => {
    const r = cli(['catalog', 'match', '--subject', 'parent'], '姓名\n');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('teacher');
    const missing = cli(['catalog', 'match'], '姓名\n');
    expect([missing.status, missing.stdout]).toEqual([2, '']);
    expect(missing.stderr).toContain('须为');
  });
});

describe('jianfu --help', () => {
  it('lists the commands and each command has its own help', async () => {
    const h = await run(['--help']);
    expect(h.code).toBe(0);
    for (const c of ['serve', 'migrate', 'seed', 'user create', 'user reset-password']) expect(h.out).toContain(c);
    const uc = await run(['user', 'create', '--help']);
    expect(uc.out).toContain('--username');
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run(['seed', '--bogus'])).code).toBe(2);
  });
});

for (const dialect of DIALECTS) {
  describe(`jianfu CLI [${dialect}]`, () => {
    const saved = { ...process.env };
    let dir = '';
    let schema = '';
    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianfu-cli-'));
      process.env.JIANFU_DATA_DIR = dir;
      process.env.JIANFU_DEMO_PASSWORD = 'Cli#Demo2026';
      if (dialect === 'postgres') {
        schema = `cli_${crypto.randomBytes(5).toString('hex')}`;
        const c = new pg.Client({ connectionString: TEST_PG_URL });
        await c.connect();
        await c.query(`CREATE SCHEMA ${schema}`);
        await c.end();
        process.env.DATABASE_URL = `${TEST_PG_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      } else delete process.env.DATABASE_URL;
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

    it('migrates, seeds the demo once, creates a user and resets a password', async () => {
      expect((await run(['migrate'])).out).toContain('0001_foundation');
      expect((await run(['migrate'])).out).toContain('up to date');
      expect((await run(['seed'])).code).toBe(2);
      const seeded = await run(['seed', '--demo']);
      expect(seeded.code).toBe(0);
      expect(seeded.out).toContain('青禾县');
      expect(seeded.out).toContain('auditadmin');
      expect((await run(['seed', '--demo'])).code).toBe(1); // not into a non-empty database
      const created = await run(['user', 'create', '--username', 'clerk1', '--display-name', '办事员', '--org', '530529', '--role', 'sysadmin']);
      expect(created.code).toBe(0);
      expect(created.out).toMatch(/Temporary password: \S{12}/);
      const dup = await run(['user', 'create', '--username', 'clerk1', '--org', '530529', '--role', 'sysadmin']);
      expect(dup.code).toBe(1);
      expect(dup.err).toContain('USERNAME_TAKEN');
      const mismatch = await run(['user', 'create', '--username', 'clerk2', '--org', '530529', '--role', 'teacher']);
      expect(mismatch.err).toContain('ROLE_ORG_MISMATCH');
      const reset = await run(['user', 'reset-password', '--username', 'office']);
      expect(reset.code).toBe(0);
      expect(reset.out).toMatch(/Temporary password for office: \S{12}/);
      expect((await run(['user', 'reset-password', '--username', 'nobody'])).code).toBe(1);
    });
  });
}
