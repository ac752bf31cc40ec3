import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../domain/register/schoolYear';
import { chinaToday } from '../../../domain/time';
import { useTestApp } from '../../testing/app';
import { TestClient, loggedIn } from '../../testing/client';
import { DIALECTS } from '../../testing/db';
import { TEST_PASSWORD } from '../../testing/fixture';
import { itemInput } from '../../testing/items';
import { VerifyBatcher, publicStatusOf, verifyCode } from './public';
import { solvedChallenge } from '../cases/testkit';

describe('publicStatusOf', () => {
  const base = { status: 'approved', valid_from: '2026-03-01', valid_to: '2026-03-31', revoked_at: null };
  it('follows the window and revocation', () => {
    expect(publicStatusOf(base, '2026-02-28')).toBe('not_yet_valid');
    expect(publicStatusOf(base, '2026-03-01')).toBe('valid');
    expect(publicStatusOf(base, '2026-03-31')).toBe('valid');
    expect(publicStatusOf(base, '2026-04-01')).toBe('expired');
    expect(publicStatusOf({ ...base, status: 'revoked', revoked_at: '2026-03-10' }, '2026-03-09')).toBe('valid');
    expect(publicStatusOf({ ...base, status: 'revoked', revoked_at: '2026-03-10' }, '2026-03-10')).toBe('revoked');
    expect(publicStatusOf({ ...base, valid_from: null }, '2026-03-10')).toBeNull();
  });
});

describe('VerifyBatcher', () => {
  type TRow = { verify_code: string };
  /** A stand-in database that answers `= ANY($1)` lookups after a turn of the event loop and records each batch. */
  function fakeDb(known: Set<string>, failOn?: (batch: string[]) => boolean) {
    const batches: string[][] = [];
    let concurrent = 0;
    let maxConcurrent = 0;
    const db = {
      executeQuery: async (q: { parameters: readonly unknown[] }) => {
        const codes = q.parameters[0] as string[];
        batches.push(codes);
        concurrent++;
        maxConcurrent = Math.max(maxConcurrent, concurrent);
        await new Promise((r) => setTimeout(r, 2));
        concurrent--;
        if (failOn?.(codes)) throw new Error('connection reset');
        return { rows: codes.filter((c) => known.has(c)).map((c) => ({ verify_code: c, title: `item ${c}` })) };
      },
    };
    return { db: db as unknown as ConstructorParameters<typeof VerifyBatcher>[0], batches, maxConcurrent: () => maxConcurrent };
  }

  it('answers each lookup with its own row, coalescing concurrent lookups into few queries', async () => {
    const known = new Set(Array.from({ length: 600 }, (_, i) => `K${i}`));
    const f = fakeDb(known);
    const b = new VerifyBatcher(f.db);
    const asked = [...Array.from({ length: 600 }, (_, i) => `K${i}`), 'NOPE1', 'NOPE2', 'K7', 'K7'];
    const answers = await Promise.all(asked.map((c) => b.lookup(c)));
    answers.forEach((row, i) => {
      if (asked[i]!.startsWith('K')) expect((row as unknown as TRow).verify_code).toBe(asked[i]);
      else expect(row).toBeNull();
    });
    // 602 distinct codes in batches of at most 256, never more than 2 queries at once, duplicates asked once
    expect(f.batches.length).toBe(3);
    expect(f.batches.every((x) => x.length <= 256)).toBe(true);
    expect(f.batches.flat().length).toBe(602);
    expect(f.maxConcurrent()).toBeLessThanOrEqual(2);
  });

  it('a failed query fails only its own batch; the next lookups go through', async () => {
    const f = fakeDb(new Set(['A1', 'B1']), (batch) => batch.includes('A1'));
    const b = new VerifyBatcher(f.db);
    const first = await Promise.allSettled([b.lookup('A1'), b.lookup('X')]);
    expect(first.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await b.lookup('B1')).toMatchObject({ verify_code: 'B1' });
    expect(await b.lookup('Y')).toBeNull();
  });
});

for (const dialect of DIALECTS) {
  describe(`public verification, list and reports [${dialect}]`, () => {
    const t = useTestApp(dialect);
    const sessions = new Map<string, ReturnType<typeof loggedIn>>();
    const as = (u: keyof typeof t.fx.users) => {
      if (!sessions.has(u)) sessions.set(u, loggedIn(t.app, t.fx.users[u], TEST_PASSWORD));
      return sessions.get(u)!;
    };
    async function approved(kind: Parameters<typeof itemInput>[0], o: Parameters<typeof itemInput>[1] = {}) {
      const section = await as('section');
      const id = (await section.post('/api/v1/items', itemInput(kind, o))).json().id as number;
      const sub = await section.post(`/api/v1/items/${id}/submit`);
      expect(sub.statusCode, sub.body).toBe(200);
      expect((await (await as('office')).post(`/api/v1/items/${id}/review`, { decision: 'pass' })).statusCode).toBe(200);
      const ap = await (await as('leader')).post(`/api/v1/items/${id}/approve`, {});
      expect(ap.statusCode, ap.body).toBe(200);
      return ap.json() as { id: number; verifyCode: string; admissionNo: string };
    }
    const pub = (url: string, ip = '198.51.100.7') => t.app.inject({ method: 'GET', url, remoteAddress: ip });

    it('verifies a code: valid now, not yet valid, revoked; unknown reveals nothing', async () => {
      const today = chinaToday();
      const now = await approved('training', { startInDays: -1, announcedAt: addDays(today, -1) });
      const later = await approved('inspection', { startInDays: 40 });
      const v = await pub(`/api/v1/public/verify/${now.verifyCode}`);
      expect(v.statusCode).toBe(200);
      expect(v.json()).toMatchObject({ status: 'valid', admissionNo: now.admissionNo, kind: 'training', issuer: '人事科' });
      expect(v.json().schools).toEqual(expect.arrayContaining(['甲小学', '乙初中']));
      expect(Object.keys(v.json()).sort()).toEqual(['admissionNo', 'issuer', 'kind', 'schools', 'status', 'title', 'validFrom', 'validTo']);
      // codes are forgiving about case and spaces
      expect((await pub(`/api/v1/public/verify/${now.verifyCode.toLowerCase().slice(0, 5)}%20${now.verifyCode.toLowerCase().slice(5)}`)).json().status).toBe('valid');
      expect((await pub(`/api/v1/public/verify/${later.verifyCode}`)).json().status).toBe('not_yet_valid');
      await (await as('office')).post(`/api/v1/items/${now.id}/revoke`, { reason: '活动取消', effectiveDate: today });
      expect((await pub(`/api/v1/public/verify/${now.verifyCode}`)).json().status).toBe('revoked');
      const unknown = await pub('/api/v1/public/verify/ACDEFGHJKM');
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toEqual({ status: 'unknown' });
      expect((await pub("/api/v1/public/verify/' OR 1=1 --")).json()).toEqual({ status: 'unknown' });
    });

    it('many verifications at once each get their own item (batched on PostgreSQL), and a revocation shows at once', async () => {
      const a = await approved('training', { startInDays: -1, announcedAt: addDays(chinaToday(), -1) });
      const b = await approved('inspection', { startInDays: 40, title: '春季校园安全专项检查' });
      const codes = Array.from({ length: 120 }, (_, i) => [a.verifyCode, b.verifyCode, 'ACDEFGHJKM'][i % 3]!);
      const out = await Promise.all(codes.map((c) => verifyCode(t.deps, c)));
      out.forEach((v, i) => {
        if (i % 3 === 0) expect(v).toMatchObject({ status: 'valid', admissionNo: a.admissionNo, kind: 'training' });
        else if (i % 3 === 1) expect(v).toMatchObject({ status: 'not_yet_valid', admissionNo: b.admissionNo, kind: 'inspection' });
        else expect(v).toBeNull();
      });
      await (await as('office')).post(`/api/v1/items/${a.id}/revoke`, { reason: '活动取消', effectiveDate: chinaToday() });
      const again = await Promise.all([verifyCode(t.deps, a.verifyCode), verifyCode(t.deps, b.verifyCode)]);
      expect(again.map((v) => v?.status)).toEqual(['revoked', 'not_yet_valid']);
    });

    it('a write made outside the app (another process, the CLI) shows on the next verification: status, schools, issuer name, a new code', async () => {
      const a = await approved('training', { startInDays: -1, announcedAt: addDays(chinaToday(), -1) });
      const v = () => pub(`/api/v1/public/verify/${a.verifyCode}`).then((r) => r.json() as { status: string; issuer: string; schools: string[] });
      expect((await v()).status).toBe('valid');
      expect((await v()).status).toBe('valid'); // the second read may come from a cache (SQLite): it must still follow the database
      const { db } = t.deps;
      await db.updateTable('items').set({ status: 'revoked', revoked_at: chinaToday() }).where('id', '=', a.id).execute();
      expect((await v()).status).toBe('revoked');
      await db.updateTable('items').set({ status: 'approved', revoked_at: null }).where('id', '=', a.id).execute();
      expect((await v()).status).toBe('valid');
      await db.deleteFrom('item_schools').where('item_id', '=', a.id).where('school_org_id', '=', t.fx.schoolB.id).execute();
      expect((await v()).schools).toEqual(['甲小学']);
      await db.updateTable('orgs').set({ name: '人事与师资科' }).where('id', '=', t.fx.section.id).execute();
      expect((await v()).issuer).toBe('人事与师资科');
      // a code first found unknown becomes known when an item gets it
      expect((await pub('/api/v1/public/verify/QRSTUVWXYZ')).statusCode).toBe(404);
      await db.updateTable('items').set({ verify_code: 'QRSTUVWXYZ' }).where('id', '=', a.id).execute();
      const again = await pub('/api/v1/public/verify/QRSTUVWXYZ');
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ status: 'valid', admissionNo: a.admissionNo });
      expect((await pub(`/api/v1/public/verify/${a.verifyCode}`)).statusCode).toBe(404);
    });

    it('the verification endpoint is rate-limited per address with a zh/en message', async () => {
      let last = 0;
      let limited: { error: { zh: string; en: string } } | null = null;
      for (let i = 0; i < 130; i++) {
        const r = await pub('/api/v1/public/verify/ACDEFGHJKM', '203.0.113.9');
        last = r.statusCode;
        if (r.statusCode === 429) {
          limited = r.json();
          break;
        }
      }
      expect(last).toBe(429);
      expect(limited!.error.zh).toContain('频繁');
      expect((await pub('/api/v1/public/verify/ACDEFGHJKM', '203.0.113.10')).statusCode).toBe(404); // another address is unaffected
    });

    it('publishes the list of a region and year, as JSON and Excel, without secondments', async () => {
      const it1 = await approved('inspection', { startInDays: 40 });
      await approved('secondment', { startInDays: 5 });
      const year = Number(addDays(chinaToday(), 40).slice(0, 4));
      const list = await pub(`/api/v1/public/list?region=330110&year=${year}`);
      expect(list.statusCode).toBe(200);
      const items = list.json().items as { code: string; kind: string }[];
      expect(items.some((i) => i.code === it1.verifyCode)).toBe(true);
      expect(items.some((i) => i.kind === 'secondment')).toBe(false);
      expect((await pub(`/api/v1/public/list?region=330100&year=${year}`)).json().items.length).toBe(items.length); // the city includes its counties
      expect((await pub(`/api/v1/public/list?region=999999&year=${year}`)).statusCode).toBe(404);
      expect((await pub(`/api/v1/public/list?region=abc&year=${year}`)).statusCode).toBe(400);
      const x = await pub(`/api/v1/public/list.xlsx?region=330110&year=${year}`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets[0]!.getRow(1).getCell(1).value).toBe('准入编号');
      expect(wb.worksheets[0]!.rowCount).toBe(items.length + 1);
    });

    it('"report this" records a lead the office sees; a school refuses an unregistered demand in one step', async () => {
      const anon = new TestClient(t.app, '192.0.2.44');
      const bad = await anon.request('POST', '/api/v1/public/leads', { text: 'x' });
      expect(bad.statusCode).toBe(400);
      // a lead opens a case: it takes the same light challenge as a complaint
      const ok = await anon.request('POST', '/api/v1/public/leads', { text: '<script>alert(1)</script> 要求下载某APP并截图', schoolName: '甲小学', challenge: await solvedChallenge(t.app, '192.0.2.44') });
      expect(ok.statusCode).toBe(201);
      const school = await as('school_admin');
      const refused = await school.post('/api/v1/school/refuse', { what: '要求全体教师参加某协会线上答题', from: '某协会', date: chinaToday() });
      expect(refused.statusCode, refused.body).toBe(201);
      const leads = (await (await as('office')).get('/api/v1/leads')).json();
      expect(leads.items.some((l: { source: string; schoolName: string }) => l.source === 'school_refusal' && l.schoolName === '甲小学')).toBe(true);
      const stored = await t.deps.db.selectFrom('leads').select(['text', 'ip_hash']).where('source', '=', 'verify_page').executeTakeFirstOrThrow();
      expect(stored.text).toContain('<script>'); // stored as typed, escaped when shown
      expect(stored.ip_hash).not.toContain('192.0.2.44');
      expect((await (await as('teacher')).get('/api/v1/leads')).statusCode).toBe(403);
      expect((await (await as('section')).post('/api/v1/school/refuse', { what: '测试测试', from: 'x', date: chinaToday() })).statusCode).toBe(403);
    });

    it('a school sees what may enter it this term', async () => {
      const it1 = await approved('data_collection', { startInDays: 2, targetScope: { mode: 'list', schoolIds: [t.fx.schoolA.id], roles: ['teacher'] }, frequencyCap: 2 });
      const view = (await (await as('teacher')).get('/api/v1/school/items')).json();
      expect(view.school.id).toBe(t.fx.schoolA.id);
      expect(view.items.some((i: { id: number; frequencyCap: number }) => i.id === it1.id && i.frequencyCap === 2)).toBe(true);
      const viewB = (await loggedIn(t.app, t.fx.users.teacherB, TEST_PASSWORD)).get('/api/v1/school/items');
      expect((await viewB).json().items.some((i: { id: number }) => i.id === it1.id)).toBe(false);
    });
  });
}
