import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDeps } from '../server/boot';
import { loadConfig } from '../server/config';
import { makeRegion } from '../server/demo/factories';
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
  it('reads a multi-row header written top row first with " | " (and Jianfu\'s own 学历/最高学历), matching as the server does', () => {
    const input = ['学历 | 最高学历', '学历 | 第一学历', '学历/最高学历', '参加工作 | 时间', '专业技术职务 | 取得时间', '家庭成员 | 姓名', '民族/政治面貌', '姓名\\n（与身份证一致）', '学历'].join('\n');
    const r = cli(['catalog', 'match', '--subject', 'teacher'], `${input}\n`);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { header: string; field: string | null; confidence: number }[];
    // the header comes back exactly as given, in input order, with only these three keys
    expect(out.map((o) => Object.keys(o))).toEqual(out.map(() => ['header', 'field', 'confidence']));
    expect(out.map((o) => [o.header, o.field])).toEqual([
      ['学历 | 最高学历', 'teacher.highestEducation'],
      ['学历 | 第一学历', null],
      ['学历/最高学历', 'teacher.highestEducation'],
      ['参加工作 | 时间', 'teacher.workStartDate'],
      ['专业技术职务 | 取得时间', 'teacher.titleDate'],
      ['家庭成员 | 姓名', null],
      ['民族/政治面貌', null],
      ['姓名\\n（与身份证一致）', 'teacher.name'],
      ['学历', 'teacher.highestEducation'],
    ]);
    expect(out[0]!.confidence).toBeGreaterThanOrEqual(0.75);
    const school = JSON.parse(cli(['catalog', 'match', '--subject', 'school'], '在校学生数 | 合计\n校长 | 联系电话\n').stdout) as { field: string | null }[];
    expect(school.map((o) => o.field)).toEqual(['school.studentCount', null]);
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

/** `npm start` as a user runs it: the real serve command in its own process, on a free port. */
for (const dialect of DIALECTS) {
  describe(`jianfu serve, spawned [${dialect}]`, () => {
    const root = path.join(import.meta.dirname, '../..');
    const dirs: string[] = [];
    const schemas: string[] = [];
    /** A data dir under a name with Chinese and a space, and on PostgreSQL a schema of its own. */
    const place = async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianfu 减负-'));
      dirs.push(dir);
      let databaseUrl = '';
      if (dialect === 'postgres') {
        const schema = `serve_${crypto.randomBytes(5).toString('hex')}`;
        const c = new pg.Client({ connectionString: TEST_PG_URL });
        await c.connect();
        await c.query(`CREATE SCHEMA ${schema}`);
        await c.end();
        schemas.push(schema);
        databaseUrl = `${TEST_PG_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      }
      return { JIANFU_DATA_DIR: dir, DATABASE_URL: databaseUrl, JIANFU_SECRET_KEY: undefined };
    };
    /** Starts `serve`, waits for its URL line, asks /healthz, stops it with SIGTERM; everything it printed. */
    const serve = async (where: NodeJS.ProcessEnv) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), 'serve'], {
        cwd: root,
        env: { ...process.env, ...where, PORT: '0', HOST: '127.0.0.1', JIANFU_DEMO_PASSWORD: 'Serve#Demo2026', LOG_LEVEL: 'warn' },
      });
      let out = '';
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /is running: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
          if (m) resolve(m[1]!);
        });
        void exited.then((code) => reject(new Error(`serve exited (${code}) before its URL line:\n${out}\n${err}`)));
      });
      const health = await fetch(`${url}/healthz`);
      const body: unknown = await health.json();
      // the start message is complete once the SIGTERM handler is in place (a clean exit 0 shows it was)
      await new Promise((r) => setTimeout(r, 500));
      child.kill('SIGTERM');
      return { url, status: health.status, body, code: await exited, out, err };
    };
    const counts = async (where: NodeJS.ProcessEnv) => {
      const deps = await createDeps(loadConfig(where));
      try {
        const n = async (table: 'orgs' | 'users' | 'teachers') => Number((await deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
        return { orgs: await n('orgs'), users: await n('users'), teachers: await n('teachers') };
      } finally {
        await deps.close();
      }
    };
    afterAll(async () => {
      for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
      for (const s of schemas) {
        const c = new pg.Client({ connectionString: TEST_PG_URL });
        await c.connect();
        await c.query(`DROP SCHEMA ${s} CASCADE`);
        await c.end();
      }
    });

    it('starts on a free port and answers /healthz; loads the demo county once, and a second start does not reseed', async () => {
      const where = await place();
      const first = await serve(where);
      expect([first.status, first.body, first.code], first.err).toEqual([200, { ok: true }, 0]);
      expect(first.out).toContain('Demo county loaded');
      expect(first.out).toMatch(/Demo logins[^\n]*<JIANFU_DEMO_PASSWORD>/);
      const seeded = await counts(where);
      expect(seeded.teachers).toBeGreaterThan(0);

      const second = await serve(where);
      expect([second.status, second.body, second.code], second.err).toEqual([200, { ok: true }, 0]);
      expect(second.out).not.toContain('Demo county loaded');
      expect(second.out).toContain('Demo logins'); // the demo accounts are there
      expect(await counts(where)).toEqual(seeded);
    }, 90_000);

    it('prints no demo logins or password for a database that was never seeded with the demo county', async () => {
      const where = await place();
      const deps = await createDeps(loadConfig(where));
      try {
        await makeRegion(deps, { code: '110101', name: '东城区' });
      } finally {
        await deps.close();
      }
      const r = await serve(where);
      expect([r.status, r.body, r.code], r.err).toEqual([200, { ok: true }, 0]);
      expect(r.out).toContain('is running');
      expect(r.out).not.toContain('Demo county loaded');
      expect(r.out).not.toContain('Demo logins');
      expect(r.out).not.toContain('JIANFU_DEMO_PASSWORD');
      expect(await counts(where)).toEqual({ orgs: 1, users: 0, teachers: 0 });
    }, 60_000);
  });
}

describe('scripts/ensure-web-build.mjs', () => {
  it('finds the project under a folder whose name has Chinese characters and a space', () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'jianfu 减负 clone-'));
    try {
      for (const f of ['src/web/a.ts', 'src/domain/i18n/b.ts', 'vite.config.ts', 'dist/web/index.html']) {
        fs.mkdirSync(path.dirname(path.join(base, f)), { recursive: true });
        fs.writeFileSync(path.join(base, f), '');
      }
      // the built page is newer than every source: nothing to build
      const later = new Date(Date.now() + 60_000);
      fs.utimesSync(path.join(base, 'dist/web/index.html'), later, later);
      fs.mkdirSync(path.join(base, 'scripts'));
      fs.copyFileSync(path.join(import.meta.dirname, '../../scripts/ensure-web-build.mjs'), path.join(base, 'scripts/ensure-web-build.mjs'));
      const r = spawnSync(process.execPath, [path.join(base, 'scripts/ensure-web-build.mjs')], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).not.toContain('Building');
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
    }
  });
});
