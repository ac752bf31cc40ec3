import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../domain/register/schoolYear';
import { chinaToday } from '../../../domain/time';
import { makeUser } from '../../demo/factories';
import { useTestApp } from '../../testing/app';
import { loggedIn, type TestClient } from '../../testing/client';
import { DIALECTS } from '../../testing/db';
import { TEST_PASSWORD } from '../../testing/fixture';
import { itemInput } from '../../testing/items';
import { taskLogStats } from './taskLogStats';

for (const dialect of DIALECTS) {
  describe(`teachers' task log [${dialect}]`, () => {
    const t = useTestApp(dialect);
    const sessions = new Map<string, Promise<TestClient>>();
    const as = (u: string) => {
      if (!sessions.has(u)) sessions.set(u, loggedIn(t.app, u, TEST_PASSWORD));
      return sessions.get(u)!;
    };
    const teachers = ['teacherA2', 'teacherA3', 'teacherA4'];
    beforeAll(async () => {
      for (const username of teachers) await makeUser(t.deps, { org: t.fx.schoolA, role: 'teacher', username, displayName: `教师${username}`, password: TEST_PASSWORD });
    });
    const entry = (o: Record<string, unknown> = {}) => ({ what: '在工作群转发创文投票链接并截图回传', issuerText: '某街道办事处', date: addDays(chinaToday(), -1), minutes: 40, channel: 'wechat_group', ...o });

    it('records an unregistered demand as a lead for the office without the teacher', async () => {
      const teacher = await as(t.fx.users.teacher);
      const res = await teacher.post('/api/v1/tasklog', entry());
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ what: entry().what, issuer: '某街道办事处', minutes: 40, codeStatus: null, lead: true, verify: null });
      const log = await t.deps.db.selectFrom('task_logs').selectAll().where('id', '=', res.json().id).executeTakeFirstOrThrow();
      expect(log.case_id).not.toBeNull();
      const kase = await t.deps.db.selectFrom('cases').selectAll().where('id', '=', log.case_id!).executeTakeFirstOrThrow();
      expect(kase).toMatchObject({ channel: 'task_log', source: 'tasklog', created_by: null, reporter_name_enc: null, reporter_phone_enc: null, ip_hash: null, anonymous: 1, target_text: '某街道办事处', region_org_id: t.fx.county.id });
      const ev = await t.deps.db.selectFrom('case_events').selectAll().where('case_id', '=', kase.id).execute();
      expect(ev.map((e) => [e.actor_user_id, e.actor_name])).toEqual([[null, null]]);
      const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'case.create').where('object_id', '=', String(kase.id)).executeTakeFirstOrThrow();
      expect([audit.actor_user_id, audit.actor_username, audit.ip]).toEqual([null, 'tasklog', null]);
      // nothing the office, a leader or the school reads names the teacher
      const office = await as(t.fx.users.office);
      const me = (await teacher.get('/api/v1/auth/me')).json().user;
      const view = await office.get(`/api/v1/cases/${kase.id}`);
      expect(view.statusCode).toBe(200);
      expect(view.json().reporter).toEqual({ anonymous: true, name: null, phone: null });
      expect(view.body).not.toContain(me.username);
      expect(view.body).not.toContain(me.displayName);
      expect(view.body).not.toMatch(new RegExp(`"(userId|createdBy|reportedBy)"`));
      const list = await office.get('/api/v1/cases?source=tasklog');
      expect(list.json().items.map((i: { id: number }) => i.id)).toContain(kase.id);
      expect(list.body).not.toContain(me.username);
    });

    it('verifies a code at once: a valid one is no lead', async () => {
      const section = await as(t.fx.users.section);
      const id = (await section.post('/api/v1/items', itemInput('training', { startInDays: -1, announcedAt: addDays(chinaToday(), -1) }))).json().id as number;
      await section.post(`/api/v1/items/${id}/submit`);
      await (await as(t.fx.users.office)).post(`/api/v1/items/${id}/review`, { decision: 'pass' });
      const item = (await (await as(t.fx.users.leader)).post(`/api/v1/items/${id}/approve`, {})).json() as { verifyCode: string };
      const teacher = await as(t.fx.users.teacher);
      const before = Number((await t.deps.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const ok = (await teacher.post('/api/v1/tasklog', entry({ code: item.verifyCode.toLowerCase(), issuerOrgId: t.fx.section.id, issuerText: undefined, channel: 'document' }))).json();
      expect(ok).toMatchObject({ codeStatus: 'valid', lead: false, issuer: '人事科', verify: { status: 'valid', kind: 'training' } });
      const bad = (await teacher.post('/api/v1/tasklog', entry({ code: 'ACDEFGHJKM' }))).json();
      expect(bad).toMatchObject({ codeStatus: 'unknown', lead: true });
      const after = Number((await t.deps.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      expect(after).toBe(before + 1);
    });

    it('shows teachers their own entries and hours this term, nobody else’s', async () => {
      const mine = (await (await as(t.fx.users.teacher)).get('/api/v1/tasklog')).json();
      expect(mine.total).toBe(3);
      expect(mine.termMinutes).toBe(120);
      expect(mine.term).toMatchObject({ from: expect.any(String), to: expect.any(String), term: expect.stringMatching(/autumn|spring/) });
      const other = (await (await as(t.fx.users.teacherB)).get('/api/v1/tasklog')).json();
      expect(other).toMatchObject({ total: 0, items: [], termMinutes: 0 });
      expect((await (await as(t.fx.users.school_admin)).get('/api/v1/tasklog')).statusCode).toBe(403);
      expect((await (await as(t.fx.users.office)).post('/api/v1/tasklog', entry())).statusCode).toBe(403);
      const future = await (await as(t.fx.users.teacher)).post('/api/v1/tasklog', entry({ date: addDays(chinaToday(), 2) }));
      expect(future.statusCode).toBe(400);
      expect((await (await as(t.fx.users.teacher)).post('/api/v1/tasklog', entry({ issuerOrgId: 999999, issuerText: undefined }))).statusCode).toBe(400);
    });

    it('gives the office counts and hours per issuer, folding issuers reported by fewer than 3 teachers', async () => {
      for (const u of teachers) await (await as(u)).post('/api/v1/tasklog', entry({ minutes: 30 }));
      await (await as(t.fx.users.teacherB)).post('/api/v1/tasklog', entry({ issuerText: '某协会', minutes: 90 }));
      const office = await as(t.fx.users.office);
      const res = await office.get('/api/v1/tasklog/stats');
      expect(res.statusCode).toBe(200);
      const s = res.json();
      // 某街道办事处: the first teacher (3 entries: 2 unregistered) + 3 more teachers
      const street = s.items.find((i: { issuer: string }) => i.issuer === '某街道办事处');
      expect(street).toMatchObject({ count: 5, minutes: 40 + 40 + 90, hours: 2.8, unregistered: 5 });
      expect(s.items.find((i: { issuer: string }) => i.issuer === '人事科')).toBeUndefined();
      expect(s.items.find((i: { issuer: string }) => i.issuer === '某协会')).toBeUndefined();
      // folded: 人事科 (1 teacher) and 某协会 (1 teacher) = 2 teachers < 3, withheld
      expect(s.other).toBeNull();
      expect(s.minReporters).toBe(3);
      expect(res.body).not.toMatch(/teacher|教师teacher|userId/);
      expect((await (await as(t.fx.users.leader)).get('/api/v1/tasklog/stats')).statusCode).toBe(200);
      for (const u of [t.fx.users.school_admin, t.fx.users.teacher, t.fx.users.section]) expect((await (await as(u)).get('/api/v1/tasklog/stats')).statusCode).toBe(403);
      const direct = await taskLogStats({ db: t.deps.db, orgPath: t.fx.county.path, from: '2020-01-01', to: chinaToday() });
      expect(direct.total.count).toBe(s.total.count);
      const elsewhere = await taskLogStats({ db: t.deps.db, orgPath: t.fx.otherCounty.path, from: '2020-01-01', to: chinaToday() });
      expect(elsewhere.items).toEqual([]);
    });

    it('a school refusing an unregistered demand opens a case too', async () => {
      const res = await (await as(t.fx.users.school_admin)).post('/api/v1/school/refuse', { what: '要求全校学生下载某答题APP', from: '某公司', date: chinaToday() });
      expect(res.statusCode, res.body).toBe(201);
      const lead = await t.deps.db.selectFrom('leads').selectAll().where('id', '=', res.json().id).executeTakeFirstOrThrow();
      const kase = await t.deps.db.selectFrom('cases').selectAll().where('id', '=', lead.case_id!).executeTakeFirstOrThrow();
      expect(kase).toMatchObject({ channel: 'lead', target_text: '某公司', tracking_no: res.json().trackingNo });
    });
  });
}
