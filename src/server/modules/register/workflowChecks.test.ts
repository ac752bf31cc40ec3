/**
 * Checks the workflow makes on what it is given: a cited whitelist entry must exist; a return is
 * recorded for any borrowing that was asked for (approved or not), once, on a plausible day; a
 * closed annual plan takes no more planned items; respondents are the server's; a merge is
 * linked both ways; a revocation is dated sensibly and, until it takes effect, the item stays
 * valid everywhere the public and schools look.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../domain/register/schoolYear';
import { chinaToday } from '../../../domain/time';
import { useTestApp } from '../../testing/app';
import { loggedIn, type TestClient } from '../../testing/client';
import { DIALECTS } from '../../testing/db';
import { TEST_PASSWORD } from '../../testing/fixture';
import { itemInput } from '../../testing/items';

type TFinding = { ruleId: string; severity: string; zh: string; en: string };

for (const dialect of DIALECTS) {
  describe(`register workflow checks [${dialect}]`, () => {
    const t = useTestApp(dialect);
    const sessions = new Map<string, Promise<TestClient>>();
    const as = (u: keyof typeof t.fx.users) => {
      if (!sessions.has(u)) sessions.set(u, loggedIn(t.app, t.fx.users[u], TEST_PASSWORD));
      return sessions.get(u)!;
    };
    const today = chinaToday();
    async function submitted(kind: Parameters<typeof itemInput>[0], o: Parameters<typeof itemInput>[1] = {}) {
      const section = await as('section');
      const created = await section.post('/api/v1/items', itemInput(kind, o));
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().id as number;
      const sub = await section.post(`/api/v1/items/${id}/submit`);
      expect(sub.statusCode, sub.body).toBe(200);
      return id;
    }
    async function approved(kind: Parameters<typeof itemInput>[0], o: Parameters<typeof itemInput>[1] = {}) {
      const id = await submitted(kind, o);
      expect((await (await as('office')).post(`/api/v1/items/${id}/review`, { decision: 'pass' })).statusCode).toBe(200);
      const ap = await (await as('leader')).post(`/api/v1/items/${id}/approve`, {});
      expect(ap.statusCode, ap.body).toBe(200);
      return ap.json() as { id: number; verifyCode: string; admissionNo: string; windowStart: string };
    }

    it('a social affair citing a made-up whitelist code is blocked, and counted as a new entry; a real entry code passes', async () => {
      const scope = { mode: 'list' as const, schoolIds: [t.fx.schoolA.id], roles: ['teacher' as const] };
      const entry = await approved('social_affair', { targetScope: scope, details: { whitelistCode: undefined, activitiesPerSchool: 1 } });
      const office = await as('office');
      const year = Number(entry.windowStart.slice(0, 4));
      // the whitelist is full with its one entry
      expect((await office.request('PUT', `/api/v1/rulesets/${year}`, { values: { whitelistMaxTotal: 1, whitelistMaxNewPerYear: 1 } })).statusCode).toBe(200);
      const section = await as('section');

      const made = await section.post('/api/v1/items', itemInput('social_affair', { targetScope: scope, details: { whitelistCode: 'MADEUP2345', activitiesPerSchool: 1 } }));
      expect(made.statusCode, made.body).toBe(201);
      const ids = (made.json().findings as TFinding[]).map((f) => f.ruleId);
      expect(ids).toEqual(expect.arrayContaining(['whitelist_entry_unknown', 'whitelist_total']));
      const res = await section.post(`/api/v1/items/${made.json().id}/submit`);
      expect(res.statusCode).toBe(422);
      const f = (res.json().error.findings as TFinding[]).find((x) => x.ruleId === 'whitelist_entry_unknown')!;
      expect(f.severity).toBe('blocking');
      expect(f.zh).toMatch(/^【所属白名单事项须已准入】.*“MADEUP2345”.*（依据：浙江省/);
      expect(f.en).toMatch(/^\[Whitelist entry must exist\] .*“MADEUP2345”.*\(Source: Zhejiang/);
      expect((res.json().error.findings as TFinding[]).some((x) => x.ruleId === 'whitelist_total')).toBe(true);
      expect((await t.deps.db.selectFrom('items').select('status').where('id', '=', made.json().id).executeTakeFirstOrThrow()).status).toBe('draft');

      // the entry's own code (typed loosely) is an entry: neither limit applies, submission goes through
      const code = `${entry.verifyCode.slice(0, 5).toLowerCase()} ${entry.verifyCode.slice(5)}`;
      const real = await section.post('/api/v1/items', itemInput('social_affair', { targetScope: scope, details: { whitelistCode: code, activitiesPerSchool: 1 } }));
      expect((real.json().findings as TFinding[]).map((x) => x.ruleId)).toEqual([]);
      expect((await section.post(`/api/v1/items/${real.json().id}/submit`)).statusCode).toBe(200);
      // an item that itself cites an entry is not an entry: citing its code is refused too
      const citing = await approved('social_affair', { targetScope: scope, details: { whitelistCode: entry.verifyCode, activitiesPerSchool: 1 } });
      const second = await section.post('/api/v1/items', itemInput('social_affair', { targetScope: scope, details: { whitelistCode: citing.verifyCode, activitiesPerSchool: 1 } }));
      expect((second.json().findings as TFinding[]).map((x) => x.ruleId)).toContain('whitelist_entry_unknown');
      await office.request('PUT', `/api/v1/rulesets/${year}`, { values: {} });
    });

    it('a return is recorded for a rejected secondment, between its start and today, once', async () => {
      const details = { teacherName: '刘老师', borrowingUnit: '县文明办', from: addDays(today, -30), to: addDays(today, 30), approvedBy: '' };
      const id = await submitted('secondment', { startInDays: -30, days: 60, details });
      const office = await as('office');
      expect((await office.post(`/api/v1/items/${id}/reject`, { reason: '未经审批借用，予以清退' })).json().status).toBe('rejected');
      const section = await as('section');
      const listed = ((await section.get('/api/v1/secondments')).json() as { id: number; canReturn: boolean }[]).find((r) => r.id === id);
      expect(listed?.canReturn).toBe(true);
      for (const returnedAt of [addDays(today, -31), addDays(today, 1)]) {
        const bad = await section.post(`/api/v1/items/${id}/return-teacher`, { returnedAt });
        expect(bad.statusCode, returnedAt).toBe(422);
        expect(bad.json().error).toMatchObject({ code: 'RETURN_DATE_INVALID', earliest: details.from, latest: today });
      }
      const ok = await section.post(`/api/v1/items/${id}/return-teacher`, { returnedAt: addDays(today, -2) });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ status: 'rejected', returnedAt: addDays(today, -2) });
      expect(ok.json().can.returnTeacher).toBe(false);
      const again = await office.post(`/api/v1/items/${id}/return-teacher`, { returnedAt: today });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('TEACHER_ALREADY_RETURNED');
      expect(again.json().error.zh).toContain('已登记返岗');
      const row = await t.deps.db.selectFrom('items').select(['returned_at', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
      expect(row).toEqual({ returned_at: addDays(today, -2), status: 'rejected' });
      expect(((await section.get('/api/v1/secondments?state=returned')).json() as { id: number; canReturn: boolean }[]).find((r) => r.id === id)?.canReturn).toBe(false);
      const events = await t.deps.db.selectFrom('item_events').select('action').where('item_id', '=', id).where('action', '=', 'teacher_returned').execute();
      expect(events).toHaveLength(1);
      // a borrowing still awaiting review can be cleared too
      const pending = await submitted('secondment', { startInDays: -10, days: 60, details: { ...details, teacherName: '陈老师', from: addDays(today, -10) } });
      expect((await section.post(`/api/v1/items/${pending}/return-teacher`, { returnedAt: today })).json()).toMatchObject({ status: 'submitted', returnedAt: today });
      // two returns at once: one is recorded
      const raced = await submitted('secondment', { startInDays: -10, days: 60, details: { ...details, teacherName: '周老师', from: addDays(today, -10) } });
      const other = await loggedIn(t.app, t.fx.users.section, TEST_PASSWORD);
      const both = await Promise.all([section.post(`/api/v1/items/${raced}/return-teacher`, { returnedAt: today }), other.post(`/api/v1/items/${raced}/return-teacher`, { returnedAt: addDays(today, -1) })]);
      expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    });

    it('once the office closes the annual plan, planned items of that year are refused; ad hoc ones are still accepted', async () => {
      const office = await as('office');
      const section = await as('section');
      const year = Number(itemInput('inspection').windowStart.slice(0, 4));
      const opened = await office.post('/api/v1/plans', { year });
      expect(opened.statusCode).toBe(201);
      const planId = opened.json().id as number;
      const inPlan = await section.post('/api/v1/items', itemInput('inspection', { planned: true, adhoc: undefined }));
      expect(inPlan.statusCode, inPlan.body).toBe(201);
      expect((await section.get(`/api/v1/plans?year=${year}`)).json()).toMatchObject({ plan: { status: 'open', closedAt: null }, canClose: false });
      expect((await office.get(`/api/v1/plans?year=${year}`)).json().canClose).toBe(true);

      expect((await section.post(`/api/v1/plans/${planId}/close`)).statusCode).toBe(403);
      expect((await (await as('otherOffice')).post(`/api/v1/plans/${planId}/close`)).statusCode).toBe(404);
      const closed = await office.post(`/api/v1/plans/${planId}/close`);
      expect(closed.statusCode, closed.body).toBe(200);
      expect(closed.json()).toMatchObject({ id: planId, year, status: 'closed' });
      const again = await office.post(`/api/v1/plans/${planId}/close`);
      expect(again.json().error.code).toBe('PLAN_CLOSED');

      const late = await section.post('/api/v1/items', itemInput('inspection', { planned: true, adhoc: undefined }));
      expect(late.statusCode).toBe(422);
      expect(late.json().error.code).toBe('PLAN_CLOSED');
      expect(late.json().error.zh).toContain('一事一报');
      const adhoc = await section.post('/api/v1/items', itemInput('inspection', { adhoc: { reason: '上级临时部署', urgency: 'urgent' } }));
      expect(adhoc.statusCode, adhoc.body).toBe(201);
      // an ad hoc draft cannot slip into the closed plan on edit; the item already in it may still be edited
      const slip = await section.patch(`/api/v1/items/${adhoc.json().id}`, itemInput('inspection', { planned: true, adhoc: undefined }));
      expect(slip.json().error.code).toBe('PLAN_CLOSED');
      const edit = await section.patch(`/api/v1/items/${inPlan.json().id}`, itemInput('inspection', { planned: true, adhoc: undefined, legalBasis: '《教育督导条例》' }));
      expect(edit.statusCode, edit.body).toBe(200);
      const plan = (await office.get(`/api/v1/plans?year=${year}`)).json();
      expect(plan.plan.status).toBe('closed');
      expect(plan.plan.closedAt).toMatch(/Z$/);
      expect(plan.canClose).toBe(false);
      expect(plan.items.map((i: { id: number }) => i.id)).toEqual([inPlan.json().id]);
      const audit = await t.deps.db.selectFrom('audit_log').select('actor_username').where('action', '=', 'plan.close').execute();
      expect(audit).toEqual([{ actor_username: t.fx.users.office }]);
    });

    it('an estimate change keeps the respondents the target scope reaches, whatever the client sends', async () => {
      const section = await as('section');
      const created = (await section.post('/api/v1/items', itemInput('training', { startInDays: 35 }))).json();
      expect(created.burden.respondents).toBe(5); // teachers on file: 3 in A, 2 in B
      const est = await section.post(`/api/v1/items/${created.id}/estimate`, { burden: { minutesPerRespondent: 60, respondents: 9999, timesPerYear: 2 }, reason: 're_estimate', note: '按实际时长重新估算' });
      expect(est.statusCode, est.body).toBe(200);
      expect(est.json().burden).toEqual({ minutesPerRespondent: 60, respondents: 5, timesPerYear: 2 });
      expect(est.json().teacherHours).toBe(10); // 60 min × 5 × 2 / 60
      const row = await t.deps.db.selectFrom('items').select(['respondents', 'teacher_hours']).where('id', '=', created.id).executeTakeFirstOrThrow();
      expect(row).toEqual({ respondents: 5, teacher_hours: 10 });
      const ev = est.json().events.find((e: { action: string }) => e.action === 'estimate');
      expect(ev.data.after).toEqual({ minutesPerRespondent: 60, respondents: 5, timesPerYear: 2 });
    });

    it('a merge is linked both ways: the target lists what was merged into it', async () => {
      const a = await submitted('inspection');
      const b = await submitted('inspection');
      const office = await as('office');
      expect((await office.post(`/api/v1/items/${a}/merge`, { intoId: b, reason: '同一批学校，合并检查' })).statusCode).toBe(200);
      const titleA = (await t.deps.db.selectFrom('items').select('title').where('id', '=', a).executeTakeFirstOrThrow()).title;
      const target = (await office.get(`/api/v1/items/${b}`)).json();
      expect(target.mergedFrom).toEqual([{ id: a, title: titleA }]);
      expect(target.events.find((e: { action: string }) => e.action === 'merged_from').data).toEqual({ fromId: a });
      const source = (await office.get(`/api/v1/items/${a}`)).json();
      expect(source).toMatchObject({ mergedIntoId: b, mergedFrom: [] });
      expect(source.events.find((e: { action: string }) => e.action === 'merge').data).toEqual({ intoId: b });
    });

    it('a revocation is dated from the approval to a year ahead; until it takes effect the item stays valid, listed and in the school view', async () => {
      const office = await as('office');
      const scope = { mode: 'list' as const, schoolIds: [t.fx.schoolA.id], roles: ['teacher' as const] };
      const item = await approved('training', { startInDays: -1, announcedAt: addDays(today, -1), targetScope: scope });
      for (const effectiveDate of [addDays(today, -1), addDays(today, 366)]) {
        const bad = await office.post(`/api/v1/items/${item.id}/revoke`, { reason: '活动取消', effectiveDate });
        expect(bad.statusCode, effectiveDate).toBe(422);
        expect(bad.json().error).toMatchObject({ code: 'REVOKE_DATE_INVALID', earliest: today, latest: addDays(today, 365) });
      }
      expect((await t.deps.db.selectFrom('items').select('status').where('id', '=', item.id).executeTakeFirstOrThrow()).status).toBe('approved');
      const future = addDays(today, 3);
      expect((await office.post(`/api/v1/items/${item.id}/revoke`, { reason: '活动取消', effectiveDate: future })).json()).toMatchObject({ status: 'revoked', revokedAt: future });

      const pub = (url: string) => t.app.inject({ method: 'GET', url, remoteAddress: '198.51.100.20' });
      expect((await pub(`/api/v1/public/verify/${item.verifyCode}`)).json()).toMatchObject({ status: 'valid', validTo: future });
      const list = async () => (await pub(`/api/v1/public/list?region=330110&year=${today.slice(0, 4)}`)).json().items as { code: string; validTo: string }[];
      expect((await list()).find((i) => i.code === item.verifyCode)).toMatchObject({ validTo: future });
      const view = (await (await as('school_admin')).get('/api/v1/school/items')).json() as { items: { id: number; revokedAt: string | null }[] };
      expect(view.items.find((i) => i.id === item.id)).toMatchObject({ revokedAt: future });

      // revoked from today: revoked on every side
      const now = await approved('training', { startInDays: -1, announcedAt: addDays(today, -1), targetScope: scope });
      expect((await office.post(`/api/v1/items/${now.id}/revoke`, { reason: '活动取消', effectiveDate: today })).statusCode).toBe(200);
      expect((await pub(`/api/v1/public/verify/${now.verifyCode}`)).json().status).toBe('revoked');
      expect((await list()).some((i) => i.code === now.verifyCode)).toBe(false);
      const after = (await (await as('school_admin')).get('/api/v1/school/items')).json() as { items: { id: number }[] };
      expect(after.items.some((i) => i.id === now.id)).toBe(false);
      expect(after.items.some((i) => i.id === item.id)).toBe(true);
    });
  });
}
