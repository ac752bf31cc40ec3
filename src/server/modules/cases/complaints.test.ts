import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/app';
import { loggedIn } from '../../testing/client';
import { DIALECTS } from '../../testing/db';
import { TEST_PASSWORD } from '../../testing/fixture';
import { GPS_MARK, jpegWithGps, pngWithGps, tinyPdf, webpWithGps } from './images/samples';
import { complaintBody, fileComplaint, freshIp, postComplaint, solvedChallenge, track, upload } from './testkit';

for (const dialect of DIALECTS) {
  describe(`public complaints [${dialect}]`, () => {
    const t = useTestApp(dialect);
    const count = async (table: 'cases' | 'case_attachments' | 'challenge_uses') => Number((await t.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const caseRow = (trackingNo: string) => t.deps.db.selectFrom('cases').selectAll().where('tracking_no', '=', trackingNo).executeTakeFirstOrThrow();

    it('files an anonymous complaint: a tracking number, a key stored only as a hash, a deadline in working days', async () => {
      const before = await count('cases');
      const c = await fileComplaint(t.app, t.fx.schoolA.id);
      expect(c.trackingNo).toMatch(/^TS\d{8}-[A-Z0-9]{6}$/);
      expect(c.key.length).toBeGreaterThanOrEqual(16);
      expect(c.dueOn > c.trackingNo.slice(2, 6)).toBe(true);
      expect(await count('cases')).toBe(before + 1);
      const row = await caseRow(c.trackingNo);
      expect(row).toMatchObject({ channel: 'web', source: 'complaint', status: 'received', anonymous: 1, reporter_name_enc: null, reporter_phone_enc: null, target_org_id: t.fx.schoolA.id, region_org_id: t.fx.county.id });
      expect(row.key_hash).not.toContain(c.key);
      expect(JSON.stringify(row)).not.toContain(c.key);
      const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'case.create').where('object_id', '=', String(row.id)).executeTakeFirstOrThrow();
      expect(audit.actor_username).toBe('public');
    });

    it('tracks with the key; a wrong key looks exactly like an unknown number', async () => {
      const c = await fileComplaint(t.app, t.fx.schoolA.id);
      const ok = await track(t.app, c.trackingNo, c.key);
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ trackingNo: c.trackingNo, status: 'received', category: 'forced_app', reply: null, dueOn: c.dueOn });
      expect(ok.json().events).toEqual([{ at: expect.any(String), type: 'create', label: { zh: '收到反映', en: 'Received' } }]);
      expect((await track(t.app, c.trackingNo.toLowerCase(), c.key.toLowerCase())).statusCode).toBe(200);
      const wrongKey = await track(t.app, c.trackingNo, 'AAAAAAAAAAAAAAAAAAAAAA');
      const unknown = await track(t.app, 'TS20260101-AAAAAA', c.key);
      const garbage = await track(t.app, "x' OR '1'='1", c.key);
      const noKey = await t.app.inject({ method: 'GET', url: `/api/v1/public/complaints/${c.trackingNo}`, remoteAddress: freshIp() });
      for (const r of [wrongKey, unknown, garbage, noKey]) {
        expect(r.statusCode).toBe(404);
        const { requestId: _r, ...err } = r.json().error as Record<string, unknown>;
        expect(err).toEqual({ code: 'NOT_FOUND', zh: expect.any(String), en: expect.any(String) });
      }
      // the key in a header works too
      const viaHeader = await t.app.inject({ method: 'GET', url: `/api/v1/public/complaints/${c.trackingNo}`, headers: { 'x-complaint-key': c.key }, remoteAddress: freshIp() });
      expect(viaHeader.statusCode).toBe(200);
    });

    it('keeps a named reporter encrypted, refuses a bad phone', async () => {
      const bad = await postComplaint(t.app, complaintBody(t.fx.schoolA.id, { anonymous: false, reporterName: '王老师', reporterPhone: '12345' }));
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toContain('reporterPhone');
      const c = await fileComplaint(t.app, t.fx.schoolA.id, { anonymous: false, reporterName: '王老师', reporterPhone: '138 1234 5678' });
      const row = await caseRow(c.trackingNo);
      expect(row.anonymous).toBe(0);
      expect(row.reporter_phone_enc).toMatch(/^v1:/);
      expect(JSON.stringify(row)).not.toContain('13812345678');
      expect(JSON.stringify(row)).not.toContain('王老师');
      expect(t.deps.fieldCrypto.decrypt(row.reporter_phone_enc!)).toBe('13812345678');
      const tracked = await track(t.app, c.trackingNo, c.key);
      expect(tracked.body).not.toContain('王老师');
      expect(tracked.body).not.toContain('5678');
    });

    it('refuses a missing, reused, forged or unsolved challenge and stores nothing', async () => {
      const before = await count('cases');
      const ip = freshIp();
      const solved = await solvedChallenge(t.app, ip);
      expect((await postComplaint(t.app, { ...complaintBody(t.fx.schoolA.id), challenge: solved }, ip)).statusCode).toBe(201);
      const reused = await postComplaint(t.app, { ...complaintBody(t.fx.schoolA.id), challenge: solved }, ip);
      expect(reused.statusCode).toBe(422);
      expect(reused.json().error.code).toBe('CHALLENGE_FAILED');
      const fresh = await solvedChallenge(t.app, ip);
      const [body, sig] = fresh.token.split('.');
      const forgedBody = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), d: 0 })).toString('base64url');
      expect((await postComplaint(t.app, { ...complaintBody(t.fx.schoolA.id), challenge: { token: `${forgedBody}.${sig}`, nonce: '0' } }, ip)).json().error.code).toBe('CHALLENGE_FAILED');
      const wrongNonce = await postComplaint(t.app, { ...complaintBody(t.fx.schoolA.id), challenge: { token: fresh.token, nonce: String(Number(fresh.nonce) + 1) } }, ip);
      // one nonce in ~2^15 also solves it; the next one almost never does
      expect([422, 201]).toContain(wrongNonce.statusCode);
      const missing = await t.app.inject({ method: 'POST', url: '/api/v1/public/complaints', payload: complaintBody(t.fx.schoolA.id), remoteAddress: ip });
      expect(missing.statusCode).toBe(400);
      expect(await count('cases')).toBe(before + 1 + (wrongNonce.statusCode === 201 ? 1 : 0));
    });

    it('rate-limits complaints per address with a zh/en message', async () => {
      const ip = freshIp();
      const junk = { token: `${Buffer.from('{"n":"00"}').toString('base64url')}.forged-signature`, nonce: '1' };
      const codes: number[] = [];
      for (let i = 0; i < 20; i++) codes.push((await postComplaint(t.app, { ...complaintBody(t.fx.schoolA.id), challenge: junk }, ip)).statusCode);
      expect(codes.every((s) => s === 422)).toBe(true);
      const limited = await postComplaint(t.app, { ...complaintBody(t.fx.schoolA.id), challenge: junk }, ip);
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['retry-after']).toBe('3600');
      expect(limited.json().error).toMatchObject({ code: 'RATE_LIMITED', zh: expect.stringContaining('频繁'), en: expect.stringContaining('Too many') });
      // another address is not affected
      expect((await postComplaint(t.app, complaintBody(t.fx.schoolA.id))).statusCode).toBe(201);
    });

    it('validates the target: unknown, inactive or an enterprise is a field error', async () => {
      await t.deps.db.updateTable('orgs').set({ status: 'inactive' }).where('id', '=', t.fx.audit.id).execute();
      for (const id of [999999, t.fx.audit.id, t.fx.enterprise.id]) {
        const r = await postComplaint(t.app, complaintBody(id));
        expect(r.statusCode).toBe(400);
        expect(r.json().error.fields).toEqual([expect.objectContaining({ path: 'targetOrgId' })]);
      }
      await t.deps.db.updateTable('orgs').set({ status: 'active' }).where('id', '=', t.fx.audit.id).execute();
    });

    it('searches organisations by name: names only, SQL and LIKE metacharacters are plain text', async () => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/public/orgs?q=${encodeURIComponent('小学')}`, remoteAddress: freshIp() });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual([{ id: t.fx.schoolA.id, name: '甲小学', kind: 'school', region: '余杭区', parentName: '教育局' }]);
      for (const q of ['%', '_', "' OR 1=1 --", '\\']) {
        const r = await t.app.inject({ method: 'GET', url: `/api/v1/public/orgs?q=${encodeURIComponent(q)}`, remoteAddress: freshIp() });
        expect(r.statusCode).toBe(200);
        expect(r.json()).toEqual([]);
      }
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/orgs?q=${encodeURIComponent('科技')}`, remoteAddress: freshIp() })).json()).toEqual([]); // enterprises are not targets
      const other = await t.app.inject({ method: 'GET', url: `/api/v1/public/orgs?q=${encodeURIComponent('教育局')}&region=330111`, remoteAddress: freshIp() });
      expect(other.json().map((o: { name: string }) => o.name)).toEqual(['富阳教育局']);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/public/orgs?q=', remoteAddress: freshIp() })).statusCode).toBe(400);
    });

    it('stores XSS payloads and SQL metacharacters exactly as typed', async () => {
      const text = `<script>alert('x')</script><img src=x onerror="alert(1)">'; DROP TABLE cases; -- 要求截图`;
      const c = await fileComplaint(t.app, t.fx.schoolA.id, { text });
      expect((await caseRow(c.trackingNo)).text).toBe(text);
      const office = await loggedIn(t.app, t.fx.users.office, TEST_PASSWORD);
      const list = await office.get(`/api/v1/cases?q=${encodeURIComponent('DROP TABLE')}`);
      expect(list.json().items.map((i: { trackingNo: string }) => i.trackingNo)).toContain(c.trackingNo);
      const one = await office.get(`/api/v1/cases/${(await caseRow(c.trackingNo)).id}`);
      expect(one.json().text).toBe(text);
      expect(one.headers['content-type']).toContain('application/json');
      expect(await count('cases')).toBeGreaterThan(0);
    });

    it('takes up to 5 images, stripped of location; refuses lies about the type', async () => {
      const c = await fileComplaint(t.app, t.fx.schoolA.id);
      const row = await caseRow(c.trackingNo);
      const jpeg = await upload(t.app, c.trackingNo, c.key, jpegWithGps({ width: 800, height: 600 }));
      expect(jpeg.statusCode, jpeg.body).toBe(201);
      expect(jpeg.json()).toMatchObject({ contentType: 'image/jpeg', width: 800, height: 600 });
      // a PNG sent as "image/jpeg", a WebP as octet-stream: the bytes decide
      expect((await upload(t.app, c.trackingNo, c.key, pngWithGps(), 'image/jpeg')).json().contentType).toBe('image/png');
      expect((await upload(t.app, c.trackingNo, c.key, webpWithGps(), 'application/octet-stream')).json().contentType).toBe('image/webp');
      const stored = await t.deps.db.selectFrom('case_attachments').select(['data', 'content_type']).where('case_id', '=', row.id).execute();
      expect(stored).toHaveLength(3);
      for (const s of stored) expect(Buffer.from(s.data).includes(GPS_MARK)).toBe(false);
      // lies and breakage
      const html = await upload(t.app, c.trackingNo, c.key, Buffer.from('<html><script>alert(1)</script></html>'), 'image/jpeg');
      expect([html.statusCode, html.json().error.code]).toEqual([415, 'IMAGE_TYPE_UNSUPPORTED']);
      const pdf = await upload(t.app, c.trackingNo, c.key, tinyPdf(), 'image/png');
      expect([pdf.statusCode, pdf.json().error.code]).toEqual([415, 'IMAGE_TYPE_UNSUPPORTED']);
      const broken = await upload(t.app, c.trackingNo, c.key, jpegWithGps().subarray(0, 80));
      expect([broken.statusCode, broken.json().error.code]).toEqual([422, 'IMAGE_INVALID']);
      const big = Buffer.concat([jpegWithGps(), Buffer.alloc(5 * 1024 * 1024)]);
      const tooBig = await upload(t.app, c.trackingNo, c.key, big);
      expect([tooBig.statusCode, tooBig.json().error.code]).toEqual([413, 'IMAGE_TOO_LARGE']);
      const wrongKey = await upload(t.app, c.trackingNo, 'AAAAAAAAAAAAAAAAAAAAAA', jpegWithGps());
      expect(wrongKey.statusCode).toBe(404);
      expect((await upload(t.app, c.trackingNo, c.key, jpegWithGps())).statusCode).toBe(201);
      expect((await upload(t.app, c.trackingNo, c.key, jpegWithGps())).statusCode).toBe(201);
      const sixth = await upload(t.app, c.trackingNo, c.key, jpegWithGps());
      expect([sixth.statusCode, sixth.json().error.code]).toEqual([409, 'ATTACHMENT_LIMIT']);
      expect(await t.deps.db.selectFrom('case_attachments').select('id').where('case_id', '=', row.id).execute()).toHaveLength(5);
    });

    it('groups duplicates (same target, category, similar text, 30 days) for the office', async () => {
      const text = '某街道要求本校教师周末参加社区创文志愿活动并拍照打卡上传群里';
      const a = await fileComplaint(t.app, t.fx.schoolB.id, { category: 'social_affair', text });
      const b = await fileComplaint(t.app, t.fx.schoolB.id, { category: 'social_affair', text: `${text}，已经连续三周` });
      const c = await fileComplaint(t.app, t.fx.schoolB.id, { category: 'fees', text });
      const [ra, rb, rc] = await Promise.all([caseRow(a.trackingNo), caseRow(b.trackingNo), caseRow(c.trackingNo)]);
      expect(ra.group_id).toBe(ra.id);
      expect(rb.group_id).toBe(ra.id);
      expect(rc.group_id).toBeNull();
      const office = await loggedIn(t.app, t.fx.users.office, TEST_PASSWORD);
      const one = (await office.get(`/api/v1/cases/${rb.id}`)).json();
      expect(one.duplicateCount).toBe(1);
      expect(one.duplicates).toEqual([{ id: ra.id, trackingNo: a.trackingNo, status: 'received', merged: false }]);
    });

    it('turns "report this" leads into cases the reporter can follow', async () => {
      const ip = freshIp();
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/public/leads', payload: { text: '有人要求我们下载APP并截图', schoolName: '甲小学', challenge: await solvedChallenge(t.app, ip) }, remoteAddress: ip });
      expect(res.statusCode).toBe(201);
      const { trackingNo, key } = res.json();
      const row = await caseRow(trackingNo);
      expect(row).toMatchObject({ channel: 'lead', source: 'lead', category: 'other', region_org_id: t.fx.county.id, target_text: '甲小学' });
      const lead = await t.deps.db.selectFrom('leads').selectAll().where('case_id', '=', row.id).executeTakeFirstOrThrow();
      expect(lead.text).toContain('下载APP');
      expect((await track(t.app, trackingNo, key)).json().status).toBe('received');
    });

    it('publishes monthly statistics without personal data', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/public/complaints/stats?months=3', remoteAddress: freshIp() });
      expect(res.statusCode).toBe(200);
      const s = res.json();
      expect(s.months).toHaveLength(3);
      expect(s.received).toBeGreaterThan(0);
      expect(s.months[2].counts.forced_app).toBeGreaterThan(0);
      expect(res.body).not.toMatch(/王老师|TS\d{8}|reporter|key/);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/public/complaints/stats?region=999999' })).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/public/complaints/stats?months=99' })).statusCode).toBe(400);
    });
  });
}
