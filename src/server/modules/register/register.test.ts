import { describe, expect, it } from 'vitest';
import { parseAdmissionNo } from '../../../domain/register/codes';
import { chinaToday } from '../../../domain/time';
import { useTestApp } from '../../testing/app';
import { loggedIn } from '../../testing/client';
import { DIALECTS } from '../../testing/db';
import { TEST_PASSWORD } from '../../testing/fixture';
import { itemInput } from '../../testing/items';

for (const dialect of DIALECTS) {
  describe(`register workflow [${dialect}]`, () => {
    const t = useTestApp(dialect);
    // one session per role for the suite (logins are rate-limited per address)
    const sessions = new Map<string, ReturnType<typeof loggedIn>>();
    const as = (u: keyof typeof t.fx.users) => {
      if (!sessions.has(u)) sessions.set(u, loggedIn(t.app, t.fx.users[u], TEST_PASSWORD));
      return sessions.get(u)!;
    };

    async function submitted(kind: Parameters<typeof itemInput>[0] = 'inspection', o: Parameters<typeof itemInput>[1] = {}) {
      const section = await as('section');
      const created = await section.post('/api/v1/items', itemInput(kind, o));
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().id as number;
      const sub = await section.post(`/api/v1/items/${id}/submit`);
      expect(sub.statusCode, sub.body).toBe(200);
      return id;
    }

    it('draft → submitted → office review → leader approval: numbered, coded, every step an event and an audit row', async () => {
      const section = await as('section');
      const created = await section.post('/api/v1/items', itemInput('inspection'));
      expect(created.statusCode, created.body).toBe(201);
      const item = created.json();
      expect(item.status).toBe('draft');
      expect(item.schools.map((s: { id: number }) => s.id).sort()).toEqual([t.fx.schoolA.id, t.fx.schoolB.id].sort());
      expect(item.burden.respondents).toBe(5); // teachers on file: 3 in A, 2 in B
      expect(item.teacherHours).toBe(2.5); // 30 min × 5 × 1 / 60
      expect(item.can.submit).toBe(true);
      expect(item.can.approve).toBe(false);
      expect((await section.post(`/api/v1/items/${item.id}/submit`)).json().status).toBe('submitted');
      // a section cannot review or approve
      expect((await section.post(`/api/v1/items/${item.id}/approve`, {})).statusCode).toBe(403);
      expect((await section.post(`/api/v1/items/${item.id}/review`, { decision: 'pass' })).statusCode).toBe(403);
      const office = await as('office');
      // the leader cannot approve before the office reviewed
      const leader = await as('leader');
      expect((await leader.post(`/api/v1/items/${item.id}/approve`, {})).statusCode).toBe(409);
      const reviewed = await office.post(`/api/v1/items/${item.id}/review`, { decision: 'pass' });
      expect(reviewed.json().status).toBe('reviewed');
      expect((await office.post(`/api/v1/items/${item.id}/approve`, {})).statusCode).toBe(403);
      const approved = (await leader.post(`/api/v1/items/${item.id}/approve`, {})).json();
      expect(approved.status).toBe('approved');
      const no = parseAdmissionNo(approved.admissionNo);
      expect(no).toMatchObject({ prefix: '余教减准', year: Number(chinaToday().slice(0, 4)) });
      expect(approved.admissionNo).toMatch(/^余教减准〔\d{4}〕[1-9]\d*号$/);
      expect(approved.verifyCode).toMatch(/^[34679ACDEFGHJKMNPQRTWXY]{10}$/);
      expect(approved.events.map((e: { action: string }) => e.action)).toEqual(['create', 'submit', 'review_pass', 'approve']);
      const audit = await t.deps.db.selectFrom('audit_log').select('action').where('object_type', '=', 'item').where('object_id', '=', String(item.id)).orderBy('id').execute();
      expect(audit.map((a) => a.action)).toEqual(['item.create', 'item.submit', 'item.review_pass', 'item.approve']);
    });

    it('nobody reviews or approves their own submission', async () => {
      const office = await as('office');
      const id = (await office.post('/api/v1/items', itemInput('assessment'))).json().id;
      expect((await office.post(`/api/v1/items/${id}/submit`)).statusCode).toBe(200);
      const own = await office.post(`/api/v1/items/${id}/review`, { decision: 'pass' });
      expect(own.statusCode).toBe(403);
      expect(own.json().error.code).toBe('OWN_SUBMISSION');
    });

    it('blocking rules refuse submission with zh/en findings naming the rule and its source', async () => {
      const section = await as('section');
      const bad = itemInput('app_task', { details: { nationalRule: undefined, participationTarget: 0.9 }, evaluationMethods: ['app_install_rate'] });
      const created = await section.post('/api/v1/items', bad);
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json().findings.some((f: { severity: string }) => f.severity === 'blocking')).toBe(true);
      const res = await section.post(`/api/v1/items/${created.json().id}/submit`);
      expect(res.statusCode).toBe(422);
      const err = res.json().error;
      expect(err.code).toBe('RULE_VIOLATION');
      const ids = err.findings.map((f: { ruleId: string }) => f.ruleId);
      expect(ids).toEqual(expect.arrayContaining(['app_task_national_rule', 'banned_evaluation_method']));
      expect(err.findings[0].zh).toMatch(/依据/);
      expect(err.findings[0].en.length).toBeGreaterThan(10);
      const row = await t.deps.db.selectFrom('items').select('status').where('id', '=', created.json().id).executeTakeFirstOrThrow();
      expect(row.status).toBe('draft');
    });

    it('the 30-day notice rule blocks a late announcement', async () => {
      const section = await as('section');
      const late = (await section.post('/api/v1/items', itemInput('evaluation', { startInDays: 10 }))).json();
      const res = await section.post(`/api/v1/items/${late.id}/submit`);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('announce_ahead');
    });

    it('approving two items at once gives two distinct consecutive numbers; approving one item twice at once succeeds once', async () => {
      const office = await as('office');
      const ids = [await submitted('inspection'), await submitted('evaluation'), await submitted('assessment')];
      for (const id of ids) expect((await office.post(`/api/v1/items/${id}/review`, { decision: 'pass' })).statusCode).toBe(200);
      const [l1, l2] = [await as('leader'), await loggedIn(t.app, t.fx.users.leader, TEST_PASSWORD)];
      const [a, b] = await Promise.all([l1.post(`/api/v1/items/${ids[0]}/approve`, {}), l2.post(`/api/v1/items/${ids[1]}/approve`, {})]);
      expect(a.statusCode, a.body).toBe(200);
      expect(b.statusCode, b.body).toBe(200);
      const na = parseAdmissionNo(a.json().admissionNo)!.seq;
      const nb = parseAdmissionNo(b.json().admissionNo)!.seq;
      expect(na).not.toBe(nb);
      expect(Math.abs(na - nb)).toBe(1);
      const twice = await Promise.all([l1.post(`/api/v1/items/${ids[2]}/approve`, {}), l2.post(`/api/v1/items/${ids[2]}/approve`, {})]);
      expect(twice.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const seqs = (await t.deps.db.selectFrom('items').select('admission_seq').where('admission_seq', 'is not', null).orderBy('admission_seq').execute()).map((r) => r.admission_seq!);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1)); // no gaps, no duplicates
    });

    it('documents and meetings are filed by the office in one step', async () => {
      const id = await submitted('document');
      const office = await as('office');
      expect((await office.post(`/api/v1/items/${id}/review`, { decision: 'pass' })).statusCode).toBe(403);
      const filed = await office.post(`/api/v1/items/${id}/file`, {});
      expect(filed.statusCode, filed.body).toBe(200);
      expect(filed.json().status).toBe('approved');
      expect(filed.json().admissionNo).toBeTruthy();
    });

    it('return needs a reason and makes the item editable again; reject and cancel record why', async () => {
      const id = await submitted('inspection');
      const office = await as('office');
      expect((await office.post(`/api/v1/items/${id}/review`, { decision: 'return' })).json().error.code).toBe('REASON_REQUIRED');
      expect((await office.post(`/api/v1/items/${id}/review`, { decision: 'return', reason: '请补充依据' })).json().status).toBe('returned');
      const section = await as('section');
      const edited = await section.patch(`/api/v1/items/${id}`, itemInput('inspection', { legalBasis: '《教育督导条例》' }));
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json().legalBasis).toBe('《教育督导条例》');
      expect((await section.post(`/api/v1/items/${id}/cancel`, { reason: '与其他检查合并开展' })).json().status).toBe('cancelled');
      const events = await t.deps.db.selectFrom('item_events').select(['action', 'reason']).where('item_id', '=', id).orderBy('id').execute();
      expect(events.map((e) => e.action)).toEqual(['create', 'submit', 'return', 'edit', 'cancel']);
      expect(events[2]!.reason).toBe('请补充依据');
    });

    it('merges an item into another, both linked', async () => {
      const a = await submitted('inspection');
      const b = await submitted('inspection');
      const office = await as('office');
      const merged = await office.post(`/api/v1/items/${a}/merge`, { intoId: b, reason: '同一周同一批学校，合并检查' });
      expect(merged.statusCode, merged.body).toBe(200);
      expect(merged.json()).toMatchObject({ status: 'merged', mergedIntoId: b });
      const target = (await office.get(`/api/v1/items/${b}`)).json();
      expect(target.events.some((e: { action: string }) => e.action === 'merged_from')).toBe(true);
      expect((await office.post(`/api/v1/items/${b}/merge`, { intoId: b, reason: 'x' })).json().error.code).toBe('MERGE_TARGET_INVALID');
    });

    it('an outsider county cannot see drafts (404); a school has no register view of drafts', async () => {
      const section = await as('section');
      const id = (await section.post('/api/v1/items', itemInput('inspection'))).json().id;
      const before = await t.deps.db.selectFrom('items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      const other = await as('otherOffice');
      expect((await other.get(`/api/v1/items/${id}`)).statusCode).toBe(404);
      expect((await other.post(`/api/v1/items/${id}/cancel`, { reason: '越权' })).statusCode).toBe(404);
      expect((await other.get('/api/v1/items')).json().items.some((i: { id: number }) => i.id === id)).toBe(false);
      const school = await as('school_admin');
      expect((await school.get(`/api/v1/items/${id}`)).statusCode).toBe(404);
      const sys = await as('sysadmin');
      expect((await sys.get('/api/v1/items')).json().error.code).toBe('SEPARATION_OF_DUTIES');
      expect(await t.deps.db.selectFrom('items').selectAll().where('id', '=', id).executeTakeFirstOrThrow()).toEqual(before);
    });

    it('planned items need an open annual plan', async () => {
      const section = await as('section');
      const res = await section.post('/api/v1/items', itemInput('inspection', { planned: true, adhoc: undefined }));
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('PLAN_NOT_OPEN');
      const office = await as('office');
      const year = Number(itemInput('inspection').windowStart.slice(0, 4));
      expect((await office.post('/api/v1/plans', { year })).statusCode).toBe(201);
      expect((await office.post('/api/v1/plans', { year })).statusCode).toBe(409);
      const ok = await section.post('/api/v1/items', itemInput('inspection', { planned: true, adhoc: undefined }));
      expect(ok.statusCode, ok.body).toBe(201);
      const plan = (await section.get(`/api/v1/plans?year=${year}`)).json() as { items: { id: number; schoolCount: number }[] };
      const planned = plan.items.find((i) => i.id === ok.json().id);
      expect(planned?.schoolCount).toBe(await t.deps.db.selectFrom('item_schools').select((eb) => eb.fn.countAll<number>().as('n')).where('item_id', '=', ok.json().id).executeTakeFirstOrThrow().then((r) => Number(r.n)));
      expect(planned?.schoolCount).toBeGreaterThan(0);
    });

    it('a section picks target schools from its whole region; an outsider county sees only its own; the 三员 none', async () => {
      const list = (await (await as('section')).get('/api/v1/register/schools')).json() as { id: number; name: string; teacherCount: number }[];
      expect(list.map((s) => s.id).sort()).toEqual([t.fx.schoolA.id, t.fx.schoolB.id].sort());
      expect(list.find((s) => s.id === t.fx.schoolA.id)?.teacherCount).toBe(t.fx.teacherIdsA.length);
      const other = (await (await as('otherOffice')).get('/api/v1/register/schools')).json() as { id: number }[];
      expect(other.some((s) => s.id === t.fx.schoolA.id)).toBe(false);
      expect((await (await as('sysadmin')).get('/api/v1/register/schools')).json().error.code).toBe('SEPARATION_OF_DUTIES');
    });

    it('rule sets are data: the office raises the notice period and the check follows', async () => {
      const office = await as('office');
      const year = Number(itemInput('inspection').windowStart.slice(0, 4));
      const saved = await office.request('PUT', `/api/v1/rulesets/${year}`, { values: { announceDaysMin: 60 }, admissionPrefix: '余教减准' });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json().values.announceDaysMin).toBe(60);
      const section = await as('section');
      expect((await section.request('PUT', `/api/v1/rulesets/${year}`, { values: { announceDaysMin: 1 } })).statusCode).toBe(403);
      const item = (await section.post('/api/v1/items', itemInput('inspection', { startInDays: 45 }))).json();
      expect(item.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('announce_ahead');
      await office.request('PUT', `/api/v1/rulesets/${year}`, { values: {} });
    });

    it('a school’s seventh social-affair activity in a school year is blocked, counted from the register', async () => {
      const office = await as('office');
      const leader = await as('leader');
      const scope = { mode: 'list' as const, schoolIds: [t.fx.schoolA.id], roles: ['teacher' as const] };
      for (const n of [4, 2]) {
        const id = await submitted('social_affair', { targetScope: scope, details: { activitiesPerSchool: n, whitelistCode: undefined } });
        expect((await office.post(`/api/v1/items/${id}/review`, { decision: 'pass' })).statusCode).toBe(200);
        const ap = await leader.post(`/api/v1/items/${id}/approve`, {});
        expect(ap.statusCode, ap.body).toBe(200);
      }
      const section = await as('section');
      const seventh = (await section.post('/api/v1/items', itemInput('social_affair', { targetScope: scope, details: { activitiesPerSchool: 1, whitelistCode: undefined } }))).json();
      const res = await section.post(`/api/v1/items/${seventh.id}/submit`);
      expect(res.statusCode).toBe(422);
      const f = res.json().error.findings.find((x: { ruleId: string }) => x.ruleId === 'social_affair_per_school');
      expect(f.schoolIds).toEqual([t.fx.schoolA.id]);
    });

    it('estimate changes are labelled; revocation is recorded with reason and date', async () => {
      const id = await submitted('training', { startInDays: 35 });
      const office = await as('office');
      await office.post(`/api/v1/items/${id}/review`, { decision: 'pass' });
      await (await as('leader')).post(`/api/v1/items/${id}/approve`, {});
      const section = await as('section');
      const est = await section.post(`/api/v1/items/${id}/estimate`, { burden: { minutesPerRespondent: 15, respondents: 5, timesPerYear: 1 }, reason: 'program_change', note: '缩短为线上15分钟' });
      expect(est.statusCode, est.body).toBe(200);
      expect(est.json().teacherHours).toBe(1.3);
      const ev = await t.deps.db.selectFrom('item_events').select('data_json').where('item_id', '=', id).where('action', '=', 'estimate').executeTakeFirstOrThrow();
      expect(JSON.parse(ev.data_json!)).toMatchObject({ reason: 'program_change', countsAsReduction: true });
      expect((await office.post(`/api/v1/items/${id}/revoke`, { reason: '', effectiveDate: chinaToday() })).json().error.code).toBe('REASON_REQUIRED');
      const rv = await office.post(`/api/v1/items/${id}/revoke`, { reason: '上级通知取消', effectiveDate: chinaToday() });
      expect(rv.json()).toMatchObject({ status: 'revoked', revokeReason: '上级通知取消', revokedAt: chinaToday() });
    });

    it('exports the list to Excel and serves the QR code and the printable notice', async () => {
      const id = await submitted('data_collection', { startInDays: 3 });
      const office = await as('office');
      await office.post(`/api/v1/items/${id}/review`, { decision: 'pass' });
      await (await as('leader')).post(`/api/v1/items/${id}/approve`, {});
      const svg = await office.get(`/api/v1/items/${id}/qr.svg`);
      expect(svg.headers['content-type']).toContain('image/svg+xml');
      expect(svg.body).toContain('<svg');
      const png = await office.get(`/api/v1/items/${id}/qr.png`);
      expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
      const notice = await office.get(`/api/v1/items/${id}/notice`);
      expect(notice.body).toContain('@page { size: A4');
      expect(notice.body).toContain('/v/');
      const xlsx = await office.get('/api/v1/items/export.xlsx?status=approved');
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      const ExcelJS = (await import('exceljs')).default;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      expect(ws.getRow(1).getCell(2).value).toBe('准入编号');
      expect(ws.rowCount).toBeGreaterThan(1);
    });
  });
}
