import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../domain/register/schoolYear';
import { chinaToday } from '../../../domain/time';
import { makeUser } from '../../demo/factories';
import { useTestApp } from '../../testing/app';
import { loggedIn, type TestClient } from '../../testing/client';
import { DIALECTS } from '../../testing/db';
import { TEST_PASSWORD } from '../../testing/fixture';
import { jpegWithGps, tinyPdf } from './images/samples';
import { caseStats } from './stats';
import { fileComplaint, track } from './testkit';

for (const dialect of DIALECTS) {
  describe(`rectification workflow and permissions [${dialect}]`, () => {
    const t = useTestApp(dialect);
    const sessions = new Map<string, Promise<TestClient>>();
    const as = (u: string) => {
      if (!sessions.has(u)) sessions.set(u, loggedIn(t.app, u, TEST_PASSWORD));
      return sessions.get(u)!;
    };
    const U = () => t.fx.users;
    beforeAll(async () => {
      await makeUser(t.deps, { org: t.fx.schoolB, role: 'school_admin', username: 'schooladminB', password: TEST_PASSWORD });
    });
    const row = (id: number) => t.deps.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const events = async (id: number) => (await t.deps.db.selectFrom('case_events').select('action').where('case_id', '=', id).orderBy('id').execute()).map((e) => e.action);
    async function newCase(o: Record<string, unknown> = {}, target = t.fx.schoolA.id) {
      const c = await fileComplaint(t.app, target, { anonymous: false, reporterName: '李家长', reporterPhone: '13912345678', ...o });
      const r = await t.deps.db.selectFrom('cases').select('id').where('tracking_no', '=', c.trackingNo).executeTakeFirstOrThrow();
      return { ...c, id: r.id };
    }

    it('runs received → assigned → verifying → rectifying → closed → replied, and the tracking page shows the reply', async () => {
      const c = await newCase();
      const office = await as(U().office);
      const school = await as(U().school_admin);
      // before assignment the school does not see it at all
      expect((await school.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(404);
      expect((await school.get('/api/v1/cases')).json().items.map((i: { id: number }) => i.id)).not.toContain(c.id);
      const assigned = await office.post(`/api/v1/cases/${c.id}/assign`, { orgId: t.fx.schoolA.id, note: '请核实' });
      expect(assigned.statusCode, assigned.body).toBe(200);
      expect(assigned.json()).toMatchObject({ status: 'assigned', assignedOrg: { id: t.fx.schoolA.id, name: '甲小学' }, reporter: { anonymous: false, name: '李家长', phone: '13912345678' } });
      // the school sees it now, without the reporter
      const seen = await school.get(`/api/v1/cases/${c.id}`);
      expect(seen.statusCode).toBe(200);
      expect(seen.json()).not.toHaveProperty('reporter');
      expect(seen.body).not.toContain('李家长');
      expect(seen.body).not.toContain('13912345678');
      expect(seen.json().can).toMatchObject({ verify: true, close: false, assign: false, reply: false, attach: true });
      expect((await school.post(`/api/v1/cases/${c.id}/verify`, { note: '已组织核查' })).json().status).toBe('verifying');
      const deadline = addDays(chinaToday(), 10);
      const past = await school.post(`/api/v1/cases/${c.id}/rectify`, { measures: '停止要求打卡', deadline: addDays(chinaToday(), -1) });
      expect(past.statusCode).toBe(400);
      expect((await school.post(`/api/v1/cases/${c.id}/rectify`, { measures: '停止要求教师打卡截图，删除工作群任务', deadline })).json()).toMatchObject({ status: 'rectifying', measures: '停止要求教师打卡截图，删除工作群任务', rectifyDeadline: deadline });
      const ev = await school.request('POST', `/api/v1/cases/${c.id}/attachments`, tinyPdf().toString('latin1'), { headers: { 'content-type': 'application/pdf' } });
      expect(ev.statusCode, ev.body).toBe(201);
      const img = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/attachments`, headers: { 'content-type': 'image/jpeg', cookie: `jf_sid=${school.cookie('jf_sid')}; jf_csrf=${school.csrf}`, 'x-csrf-token': school.csrf! }, payload: jpegWithGps() });
      expect(img.statusCode, img.body).toBe(201);
      // the school may not close its own case
      const selfClose = await school.post(`/api/v1/cases/${c.id}/close`, { verdict: 'unsubstantiated', outcome: '不属实' });
      expect(selfClose.statusCode).toBe(403);
      const closed = await office.post(`/api/v1/cases/${c.id}/close`, { verdict: 'substantiated', outcome: '情况属实，已责令整改' });
      expect(closed.json()).toMatchObject({ status: 'closed', verdict: 'substantiated' });
      const replied = await office.post(`/api/v1/cases/${c.id}/reply`, { reply: '经核查，反映情况属实，学校已停止要求打卡并作出说明。' });
      expect(replied.json()).toMatchObject({ status: 'replied', reply: expect.stringContaining('属实') });
      expect(await events(c.id)).toEqual(['create', 'assign', 'verify', 'rectify', 'attach', 'attach', 'close', 'reply']);
      const audits = await t.deps.db.selectFrom('audit_log').select('action').where('object_type', '=', 'case').where('object_id', '=', String(c.id)).orderBy('id').execute();
      expect(audits.map((a) => a.action)).toEqual(['case.create', 'case.assign', 'case.verify', 'case.rectify', 'case.attach', 'case.attach', 'case.close', 'case.reply']);
      const tr = (await track(t.app, c.trackingNo, c.key)).json();
      expect(tr.status).toBe('replied');
      expect(tr.reply).toContain('学校已停止');
      expect(tr.events.map((e: { type: string }) => e.type)).toEqual(['create', 'assign', 'verify', 'rectify', 'close', 'reply']);
      expect(JSON.stringify(tr)).not.toMatch(/office|Office|请核实|李家长/);
      // files are served to those who may read the case
      const files = (await office.get(`/api/v1/cases/${c.id}`)).json().attachments;
      expect(files.map((f: { contentType: string }) => f.contentType)).toEqual(['application/pdf', 'image/jpeg']);
      const file = await office.get(files[1].url);
      expect([file.statusCode, file.headers['content-type']]).toEqual([200, 'image/jpeg']);
    });

    it('keeps cases of other schools, sections and counties out of reach (404) and unchanged', async () => {
      const c = await newCase();
      const office = await as(U().office);
      await office.post(`/api/v1/cases/${c.id}/assign`, { orgId: t.fx.schoolA.id });
      const before = await row(c.id);
      for (const u of ['schooladminB', U().section, U().otherOffice]) {
        const client = await as(u);
        expect((await client.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(404);
        expect((await client.post(`/api/v1/cases/${c.id}/verify`, {})).statusCode).toBe(404);
        expect((await client.get(`/api/v1/cases/${c.id}/attachments/1`)).statusCode).toBe(404);
        expect((await client.get('/api/v1/cases')).json().items.map((i: { id: number }) => i.id)).not.toContain(c.id);
      }
      const other = await as(U().otherOffice);
      expect((await other.post(`/api/v1/cases/${c.id}/close`, { verdict: 'unsubstantiated', outcome: '查无此事' })).statusCode).toBe(404);
      expect((await other.post(`/api/v1/cases/${c.id}/reassign`, { orgId: t.fx.schoolB.id, reason: 'x' })).statusCode).toBe(404);
      expect(await row(c.id)).toEqual(before);
      // the office cannot assign to an org of another county
      const c2 = await newCase();
      expect((await office.post(`/api/v1/cases/${c2.id}/assign`, { orgId: t.fx.otherCounty.id })).statusCode).toBe(404);
      expect((await office.post(`/api/v1/cases/${c2.id}/assign`, { orgId: t.fx.enterprise.id })).json().error.code).toBe('CASE_ORG_INVALID');
      expect((await row(c2.id)).status).toBe('received');
      // teachers, enterprises and the 三员 have no business here
      expect((await (await as(U().teacher)).get('/api/v1/cases')).statusCode).toBe(403);
      expect((await (await as(U().sysadmin)).get(`/api/v1/cases/${c.id}`)).json().error.code).toBe('SEPARATION_OF_DUTIES');
    });

    it('shows the reporter to the office only: leaders and responsible sections never get it', async () => {
      const c = await newCase({}, t.fx.section.id);
      const office = await as(U().office);
      await office.post(`/api/v1/cases/${c.id}/assign`, { orgId: t.fx.section.id });
      const leader = (await (await as(U().leader)).get(`/api/v1/cases/${c.id}`)).json();
      const section = (await (await as(U().section)).get(`/api/v1/cases/${c.id}`)).json();
      for (const view of [leader, section]) {
        expect(view.status).toBe('assigned');
        expect(view).not.toHaveProperty('reporter');
        expect(JSON.stringify(view)).not.toMatch(/李家长|13912345678/);
      }
      expect(leader.can).toMatchObject({ verify: false, assign: false });
      expect(section.can).toMatchObject({ verify: true, close: false });
      expect((await office.get(`/api/v1/cases/${c.id}`)).json().reporter.name).toBe('李家长');
    });

    it('refuses steps out of order (409) and races (one wins)', async () => {
      const c = await newCase();
      const office = await as(U().office);
      const early = await office.post(`/api/v1/cases/${c.id}/close`, { verdict: 'substantiated', outcome: '属实' });
      expect([early.statusCode, early.json().error.code]).toEqual([409, 'CASE_STATE_CONFLICT']);
      expect((await office.post(`/api/v1/cases/${c.id}/reply`, { reply: '答复内容' })).statusCode).toBe(409);
      const [a, b] = await Promise.all([office.post(`/api/v1/cases/${c.id}/assign`, { orgId: t.fx.schoolA.id }), office.post(`/api/v1/cases/${c.id}/assign`, { orgId: t.fx.schoolB.id })]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      expect(await events(c.id)).toEqual(['create', 'assign']);
      expect((await office.post(`/api/v1/cases/${c.id}/assign`, { orgId: 'x' })).statusCode).toBe(400);
    });

    it('reassigns, reopens with a reason and a new deadline, merges duplicates (the merged complaint follows its main case)', async () => {
      const office = await as(U().office);
      const main = await newCase();
      const dup = await newCase({ text: '学校要求全体教师下载某APP并每日打卡截图上传，家长也被要求参与。' });
      await office.post(`/api/v1/cases/${main.id}/assign`, { orgId: t.fx.schoolA.id });
      const re = await office.post(`/api/v1/cases/${main.id}/reassign`, { orgId: t.fx.schoolB.id, reason: '实际由乙初中组织' });
      expect(re.json()).toMatchObject({ status: 'assigned', assignedOrg: { id: t.fx.schoolB.id } });
      expect((await (await as(U().school_admin)).get(`/api/v1/cases/${main.id}`)).statusCode).toBe(200); // still about school A
      expect((await (await as('schooladminB')).get(`/api/v1/cases/${main.id}`)).statusCode).toBe(200);
      expect((await office.post(`/api/v1/cases/${dup.id}/merge`, { intoId: dup.id })).json().error.code).toBe('CASE_MERGE_INVALID');
      const merged = await office.post(`/api/v1/cases/${dup.id}/merge`, { intoId: main.id, reason: '重复反映' });
      expect(merged.json()).toMatchObject({ status: 'merged', mergedInto: { id: main.id, trackingNo: main.trackingNo } });
      expect((await office.post(`/api/v1/cases/${main.id}/merge`, { intoId: dup.id })).json().error.code).toBe('CASE_MERGE_INVALID');
      const mainView = (await office.get(`/api/v1/cases/${main.id}`)).json();
      expect(mainView.duplicates).toContainEqual({ id: dup.id, trackingNo: dup.trackingNo, status: 'merged', merged: true });
      await office.post(`/api/v1/cases/${main.id}/verify`, {});
      await office.post(`/api/v1/cases/${main.id}/close`, { verdict: 'partly_substantiated', outcome: '部分属实' });
      await office.post(`/api/v1/cases/${main.id}/reply`, { reply: '部分属实，已要求整改。' });
      const dupTrack = (await track(t.app, dup.trackingNo, dup.key)).json();
      expect(dupTrack).toMatchObject({ status: 'replied', reply: '部分属实，已要求整改。' });
      expect(dupTrack.events.map((e: { type: string }) => e.type)).toEqual(['create', 'merge', 'verify', 'close', 'reply']);
      expect((await office.post(`/api/v1/cases/${main.id}/reopen`, {})).statusCode).toBe(400);
      const reopened = await office.post(`/api/v1/cases/${main.id}/reopen`, { reason: '反映人称仍在打卡' });
      expect(reopened.json()).toMatchObject({ status: 'assigned', verdict: null, reply: null });
      expect((await track(t.app, main.trackingNo, main.key)).json()).toMatchObject({ status: 'assigned', reply: null });
    });

    it('lists overdue cases daily and counts them for the reports', async () => {
      const office = await as(U().office);
      const late = await newCase({ category: 'fees', text: '学校统一收取教辅资料费每人一百二十元，未经公示。' });
      await t.deps.db.updateTable('cases').set({ due_on: addDays(chinaToday(), -3) }).where('id', '=', late.id).execute();
      const list = (await office.get('/api/v1/cases/overdue')).json();
      expect(list.date).toBe(chinaToday());
      expect(list.items.find((i: { id: number }) => i.id === late.id)).toMatchObject({ overdue: true, overdueDays: 3, overdueKind: 'close' });
      const filtered = (await office.get('/api/v1/cases?overdue=true&category=fees')).json();
      expect(filtered.items.map((i: { id: number }) => i.id)).toEqual([late.id]);
      expect(filtered.total).toBe(1);
      const s = await caseStats({ db: t.deps.db, orgPath: t.fx.county.path, from: addDays(chinaToday(), -1), to: chinaToday() });
      expect(s.byCategory.fees).toEqual({ received: 1, closed: 0, closedOnTime: 0, overdue: 1 });
      expect(s.bySource.complaint!.received).toBe(s.received - (s.bySource.lead?.received ?? 0));
      expect(typeof s.closedOnTime).toBe('number');
      expect(s.closed).toBeGreaterThanOrEqual(1);
      const none = await caseStats({ db: t.deps.db, orgPath: t.fx.otherCounty.path, from: '2020-01-01', to: chinaToday() });
      expect(none.received).toBe(0);
      expect((await office.get('/api/v1/cases/stats')).json().received).toBeGreaterThan(0);
      expect((await (await as(U().school_admin)).get('/api/v1/cases/stats')).statusCode).toBe(403);
    });

    it('lets the office enter hotline calls and findings with the channel recorded', async () => {
      const office = await as(U().office);
      const res = await office.post('/api/v1/cases', { channel: 'hotline', category: 'repeated_forms', targetOrgId: t.fx.schoolB.id, text: '来电反映：同一表格一周内被三个部门要求重复填报。', anonymous: false, reporterName: '赵老师', reporterPhone: '0571-87654321' });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ channel: 'hotline', source: 'complaint', status: 'received', reporter: { name: '赵老师', phone: '0571-87654321' } });
      expect(res.json().key).toHaveLength(22);
      expect((await track(t.app, res.json().trackingNo, res.json().key)).statusCode).toBe(200);
      const finding = await office.post('/api/v1/cases', { channel: 'audit', category: 'enterprise_arrears', targetText: '某镇政府', text: '审计发现拖欠中小企业工程款。', anonymous: true });
      expect(finding.json()).toMatchObject({ source: 'audit', targetOrg: null, targetText: '某镇政府' });
      expect((await office.post('/api/v1/cases', { channel: 'web', category: 'fees', targetOrgId: t.fx.schoolB.id, text: '网上反映的内容', anonymous: true })).statusCode).toBe(400);
      expect((await office.post('/api/v1/cases', { channel: 'hotline', category: 'fees', targetOrgId: t.fx.otherCounty.id, text: '其他县的单位', anonymous: true })).statusCode).toBe(404);
      expect((await (await as(U().school_admin)).post('/api/v1/cases', { channel: 'hotline', category: 'fees', targetOrgId: t.fx.schoolA.id, text: '学校自己登记', anonymous: true })).statusCode).toBe(403);
    });

    it('keeps a holiday calendar the office may edit', async () => {
      const office = await as(U().office);
      const y = (await office.get('/api/v1/holidays?year=2026')).json();
      expect(y.items).toContainEqual({ date: '2026-10-01', kind: 'off', name: '国庆节' });
      expect(y.items).toContainEqual({ date: '2026-10-10', kind: 'work', name: '国庆节调休上班' });
      expect((await office.request('PUT', '/api/v1/holidays/2026-12-31', { kind: 'off', name: '县里补休' })).statusCode).toBe(200);
      expect((await (await as(U().school_admin)).request('PUT', '/api/v1/holidays/2026-12-30', { kind: 'off', name: 'x' })).statusCode).toBe(403);
      expect((await office.request('DELETE', '/api/v1/holidays/2026-12-31')).statusCode).toBe(204);
      expect((await office.request('DELETE', '/api/v1/holidays/2026-12-31')).statusCode).toBe(404);
      expect((await office.request('PUT', '/api/v1/holidays/2026-02-30', { kind: 'off', name: 'x' })).statusCode).toBe(400);
    });
  });
}
