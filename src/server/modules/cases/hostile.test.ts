/**
 * Hostile and oversized input on the supervision module's doors: "report this" behind the same
 * challenge as a complaint, NUL characters refused with a 400 (PostgreSQL text cannot hold them),
 * the length limits the forms share with the server, and markup in every free field stored and
 * returned exactly as typed. Each refusal re-reads the database.
 */
import { describe, expect, it } from 'vitest';
import { CASE_LIMITS } from '../../../domain/cases/schemas';
import { FIELD_MESSAGES } from '../../../domain/errors';
import { useTestApp } from '../../testing/app';
import { loggedIn, type TestClient } from '../../testing/client';
import { DIALECTS } from '../../testing/db';
import { TEST_PASSWORD } from '../../testing/fixture';
import { complaintBody, fileComplaint, freshIp, postComplaint, solvedChallenge, track } from './testkit';

/** Payloads short enough for each field's limit. */
const NAME_XSS = '<img src=x onerror=alert(1)>王';
const CODE_XSS = `"><svg onload=alert(2)> x'--`;
const TARGET_XSS = `<script>alert(3)</script>某镇"政府'; DROP TABLE cases; --`;

type TErr = { code: string; zh: string; en: string; fields?: { path: string; zh: string; en: string }[] };
const TOO_LONG = FIELD_MESSAGES.too_big!;

for (const dialect of DIALECTS) {
  describe(`hostile input and limits [${dialect}]`, () => {
    const t = useTestApp(dialect);
    const sessions = new Map<string, Promise<TestClient>>();
    const as = (u: string) => {
      if (!sessions.has(u)) sessions.set(u, loggedIn(t.app, u, TEST_PASSWORD));
      return sessions.get(u)!;
    };
    const count = async (table: 'cases' | 'leads' | 'challenge_uses') => Number((await t.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const lead = (payload: Record<string, unknown>, ip = freshIp()) => t.app.inject({ method: 'POST', url: '/api/v1/public/leads', payload, remoteAddress: ip });
    const errorOf = (res: { json: () => unknown }) => (res.json() as { error: TErr }).error;
    const LEAD = { text: '有人要求我们下载APP并截图上传', schoolName: '甲小学' };

    it('"report this" needs a solved challenge: without one, or with a bad or reused one, nothing is stored', async () => {
      const before = { cases: await count('cases'), leads: await count('leads') };
      const missing = await lead(LEAD);
      expect(missing.statusCode).toBe(400);
      expect(errorOf(missing)).toMatchObject({ code: 'VALIDATION_FAILED', zh: expect.any(String), en: expect.any(String) });
      expect(errorOf(missing).fields?.map((f) => f.path)).toContain('challenge');
      const forged = await lead({ ...LEAD, challenge: { token: `${Buffer.from('{"n":"00","d":0,"e":9999999999999}').toString('base64url')}.forged`, nonce: '1' } });
      expect(forged.statusCode).toBe(422);
      expect(errorOf(forged)).toMatchObject({ code: 'CHALLENGE_FAILED', zh: expect.stringContaining('安全校验'), en: expect.stringContaining('security check') });
      const ip = freshIp();
      const challenge = await solvedChallenge(t.app, ip);
      const ok = await lead({ ...LEAD, challenge }, ip);
      expect(ok.statusCode, ok.body).toBe(201);
      expect((await track(t.app, ok.json().trackingNo, ok.json().key)).statusCode).toBe(200);
      const reused = await lead({ ...LEAD, text: '同一个校验再提交一次线索', challenge }, ip);
      expect([reused.statusCode, errorOf(reused).code]).toEqual([422, 'CHALLENGE_FAILED']);
      // only the one with a fresh challenge was stored
      expect(await count('cases')).toBe(before.cases + 1);
      expect(await count('leads')).toBe(before.leads + 1);
    });

    it('refuses NUL characters with a 400 (never a 500): leads, public org search, the staff case search', async () => {
      const before = { cases: await count('cases'), leads: await count('leads'), uses: await count('challenge_uses') };
      const ip = freshIp();
      const nulText = await lead({ ...LEAD, text: '要求下载\u0000某APP并截图', challenge: await solvedChallenge(t.app, ip) }, ip);
      expect(nulText.statusCode).toBe(400);
      expect(errorOf(nulText).fields).toEqual([expect.objectContaining({ path: 'text', zh: expect.any(String), en: expect.any(String) })]);
      const nulSchool = await lead({ ...LEAD, schoolName: '甲\u0000小学', challenge: await solvedChallenge(t.app, ip) }, ip);
      expect(nulSchool.statusCode).toBe(400);
      expect(await count('cases')).toBe(before.cases);
      expect(await count('leads')).toBe(before.leads);
      expect(await count('challenge_uses')).toBe(before.uses); // the refused requests spent no challenge

      const orgs = await t.app.inject({ method: 'GET', url: `/api/v1/public/orgs?q=${encodeURIComponent('小学\u0000')}`, remoteAddress: freshIp() });
      expect(orgs.statusCode).toBe(400);
      expect(errorOf(orgs)).toMatchObject({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ path: 'querystring.q' })] });
      const office = await as(t.fx.users.office);
      const cases = await office.get(`/api/v1/cases?q=${encodeURIComponent('\u0000')}`);
      expect(cases.statusCode).toBe(400);
      expect(errorOf(cases).fields).toEqual([expect.objectContaining({ path: 'querystring.q', zh: expect.any(String), en: expect.any(String) })]);
      expect((await office.get(`/api/v1/cases/export.xlsx?q=${encodeURIComponent('a\u0000b')}`)).statusCode).toBe(400);
      // the same searches without the NUL work
      expect((await office.get(`/api/v1/cases?q=${encodeURIComponent('截图')}`)).statusCode).toBe(200);
    });

    it('holds texts to the limits the forms use: one character over is a 400 naming the field in zh and en', async () => {
      const max = CASE_LIMITS.complaintText.max;
      expect(max).toBe(2000);
      const before = await count('cases');
      const over = await postComplaint(t.app, complaintBody(t.fx.schoolA.id, { text: '学'.repeat(max + 1) }));
      expect(over.statusCode).toBe(400);
      expect(errorOf(over)).toMatchObject({ code: 'VALIDATION_FAILED', zh: expect.any(String), en: expect.any(String) });
      expect(errorOf(over).fields).toEqual([{ path: 'text', ...TOO_LONG }]);
      const longName = await postComplaint(t.app, complaintBody(t.fx.schoolA.id, { anonymous: false, reporterName: '王'.repeat(CASE_LIMITS.reporterName + 1), reporterPhone: '13812345678' }));
      expect(errorOf(longName).fields).toEqual([expect.objectContaining({ path: 'reporterName' })]);
      expect(await count('cases')).toBe(before);
      expect((await postComplaint(t.app, complaintBody(t.fx.schoolA.id, { text: '学'.repeat(max) }))).statusCode).toBe(201);

      const office = await as(t.fx.users.office);
      const staff = { channel: 'hotline', category: 'fees', targetOrgId: t.fx.schoolA.id, anonymous: true };
      const staffOver = await office.post('/api/v1/cases', { ...staff, text: '来'.repeat(CASE_LIMITS.staffText.max + 1) });
      expect(errorOf(staffOver).fields).toEqual([{ path: 'text', ...TOO_LONG }]);
      const staffOk = await office.post('/api/v1/cases', { ...staff, text: '来'.repeat(CASE_LIMITS.staffText.max) });
      expect(staffOk.statusCode, staffOk.body).toBe(201);
      const reason = await office.post(`/api/v1/cases/${staffOk.json().id}/merge`, { intoId: staffOk.json().id, reason: '因'.repeat(CASE_LIMITS.reason + 1) });
      expect(errorOf(reason).fields).toEqual([expect.objectContaining({ path: 'reason' })]);
      expect(await count('cases')).toBe(before + 2);
    });

    it('keeps markup in the name, the code and the named target exactly as typed, and returns it so', async () => {
      const office = await as(t.fx.users.office);
      const c = await fileComplaint(t.app, t.fx.schoolA.id, { anonymous: false, reporterName: NAME_XSS, reporterPhone: '13812345678', code: CODE_XSS });
      expect(c.codeStatus).toBe('unknown');
      const row = await t.deps.db.selectFrom('cases').selectAll().where('tracking_no', '=', c.trackingNo).executeTakeFirstOrThrow();
      expect(row.item_code).toBe(CODE_XSS.trim());
      expect(t.deps.fieldCrypto.decrypt(row.reporter_name_enc!)).toBe(NAME_XSS);
      const view = (await office.get(`/api/v1/cases/${row.id}`)).json();
      expect(view.reporter).toEqual({ anonymous: false, name: NAME_XSS, phone: '13812345678' });
      expect(view.itemCode).toBe(CODE_XSS.trim());

      const entered = await office.post('/api/v1/cases', { channel: 'mailbox', category: 'other', targetText: TARGET_XSS, text: '来信反映：镇里要求教师周末参加活动并拍照。', code: CODE_XSS, anonymous: false, reporterName: NAME_XSS, reporterPhone: '0571-87654321' });
      expect(entered.statusCode, entered.body).toBe(201);
      const e = entered.json();
      expect(e).toMatchObject({ targetOrg: null, targetText: TARGET_XSS, itemCode: CODE_XSS.trim(), reporter: { name: NAME_XSS } });
      const stored = await t.deps.db.selectFrom('cases').select(['target_text', 'item_code']).where('id', '=', e.id).executeTakeFirstOrThrow();
      expect(stored).toEqual({ target_text: TARGET_XSS, item_code: CODE_XSS.trim() });
      const listed = (await office.get(`/api/v1/cases?q=${encodeURIComponent(e.trackingNo)}`)).json();
      expect(listed.items).toEqual([expect.objectContaining({ id: e.id, targetText: TARGET_XSS })]);
    });
  });
}
