/**
 * Excel exports of the baseline inventory, the secondment clearance list, the annual plan and the
 * leads: Chinese headers, real dates, the page's filters, an audit row per export, refused to roles
 * without the register.
 * Also the clean-up figure (`planned`) the baseline page shows next to the target.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../domain/register/schoolYear';
import { chinaToday } from '../../../domain/time';
import { useTestApp } from '../../testing/app';
import { loggedIn, type TestClient } from '../../testing/client';
import { DIALECTS } from '../../testing/db';
import { firstSheet, rowValues } from '../../testing/xlsx';
import { TEST_PASSWORD } from '../../testing/fixture';
import { itemInput } from '../../testing/items';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';



for (const dialect of DIALECTS) {
  describe(`register exports: baseline and secondments [${dialect}]`, () => {
    const t = useTestApp(dialect);
    const sessions = new Map<string, Promise<TestClient>>();
    const as = (u: keyof typeof t.fx.users) => {
      if (!sessions.has(u)) sessions.set(u, loggedIn(t.app, t.fx.users[u], TEST_PASSWORD));
      return sessions.get(u)!;
    };
    const year = Number(chinaToday().slice(0, 4));
    const audits = async (action: string) => t.deps.db.selectFrom('audit_log').select(['actor_username', 'after_json']).where('action', '=', action).orderBy('id').execute();

    it('exports the baseline with Chinese headers, filtered by kind and decision, audited; the clean-up figure follows the decisions', async () => {
      const office = await as('office');
      const base = { year: year - 1, issuerName: '基础教育股', minutesPerRespondent: 30, respondents: 120, timesPerYear: 2 };
      const added = await office.post('/api/v1/baseline', {
        entries: [
          { ...base, kind: 'inspection', title: '作业常规检查', decision: 'keep' },
          { ...base, kind: 'inspection', title: '教案检查', decision: 'merge', reason: '并入作业常规检查' },
          { ...base, kind: 'evaluation', title: '书香校园评比' },
          { ...base, kind: 'meeting', title: '月度例会' },
        ],
      });
      expect(added.statusCode, added.body).toBe(201);
      const ids = added.json().ids as number[];

      let b = (await office.get(`/api/v1/baseline?baselineYear=${year - 1}&year=${year}`)).json();
      // 3 entries of the target kinds; the merged one leaves: 1 of 3
      expect(b.planned.combined).toMatchObject({ baselineCount: 3, currentCount: 2, meetsTarget: false });
      expect(b.planned.combined.baselineHours).toBe(360);
      expect(b.planned.combined.currentHours).toBe(240);
      expect((await office.patch(`/api/v1/baseline/${ids[2]}`, { decision: 'cancel', reason: '与教育教学无关' })).statusCode).toBe(204);
      b = (await office.get(`/api/v1/baseline?baselineYear=${year - 1}&year=${year}`)).json();
      expect(b.planned.combined).toMatchObject({ baselineCount: 3, currentCount: 1, meetsTarget: true });
      expect(b.planned.perKind.find((k: { kind: string }) => k.kind === 'meeting')).toMatchObject({ baselineCount: 1, currentCount: 1, countReduction: 0 });

      const all = await office.get(`/api/v1/baseline/export.xlsx?baselineYear=${year - 1}&year=${year}`);
      expect(all.statusCode, all.body).toBe(200);
      expect(all.headers['content-type']).toContain(XLSX);
      expect(all.headers['x-total-rows']).toBe('4');
      expect(decodeURIComponent(String(all.headers['content-disposition']))).toContain(`全面登记-${year - 1}年`);
      let ws = await firstSheet(all.rawPayload);
      expect(rowValues(ws, 1)).toEqual(['编号', '类别', '事项名称', '发起单位', '每人每次用时（分钟）', '涉及教师人数', '每年次数', '教师负担（小时/年）', '处理意见', '理由']);
      expect(ws.rowCount).toBe(5);

      const cancelled = await office.get(`/api/v1/baseline/export.xlsx?baselineYear=${year - 1}&year=${year}&decision=cancel`);
      ws = await firstSheet(cancelled.rawPayload);
      expect(ws.rowCount).toBe(2);
      expect(rowValues(ws, 2)).toEqual([ids[2], '评比/评选/竞赛', '书香校园评比', '基础教育股', 30, 120, 2, 120, '取消', '与教育教学无关']);
      const undecided = await office.get(`/api/v1/baseline/export.xlsx?baselineYear=${year - 1}&year=${year}&decision=undecided&kind=meeting`);
      ws = await firstSheet(undecided.rawPayload);
      expect(ws.rowCount).toBe(2);
      expect(rowValues(ws, 2).slice(1, 3)).toEqual(['会议', '月度例会']);
      expect(rowValues(ws, 2)[8]).toBe('未处理');

      const logged = await audits('baseline.export');
      expect(logged).toHaveLength(3);
      expect(logged.every((a) => a.actor_username === t.fx.users.office)).toBe(true);
      expect(JSON.parse(String(logged[1]!.after_json))).toMatchObject({ filters: { decision: 'cancel' }, rows: 1 });

      // a bad filter is refused with a clear code; the server stays up
      const bad = await office.get(`/api/v1/baseline/export.xlsx?baselineYear=${year - 1}&year=${year}&decision=maybe`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('VALIDATION_FAILED');
      // roles without the register: refused, nothing exported, nothing audited
      for (const u of ['teacher', 'school_admin'] as const) {
        const res = await (await as(u)).get(`/api/v1/baseline/export.xlsx?baselineYear=${year - 1}&year=${year}`);
        expect(res.statusCode, u).toBe(403);
      }
      // another county's office sees its own (empty) inventory, never this one
      const other = await (await as('otherOffice')).get(`/api/v1/baseline/export.xlsx?baselineYear=${year - 1}&year=${year}`);
      expect(other.statusCode).toBe(200);
      expect((await firstSheet(other.rawPayload)).rowCount).toBe(1);
      expect(await audits('baseline.export')).toHaveLength(4);
    });

    it('exports the clearance list with real dates, filtered by state, audited; refused outside the register', async () => {
      const section = await as('section');
      const office = await as('office');
      const leader = await as('leader');
      const today = chinaToday();
      const approve = async (details: Record<string, unknown>, startInDays: number) => {
        const it = (await section.post('/api/v1/items', itemInput('secondment', { startInDays, days: 60, details }))).json();
        await section.post(`/api/v1/items/${it.id}/submit`);
        await office.post(`/api/v1/items/${it.id}/review`, { decision: 'pass' });
        const res = await leader.post(`/api/v1/items/${it.id}/approve`, {});
        expect(res.statusCode, res.body).toBe(200);
        return it.id as number;
      };
      const overdueId = await approve({ teacherName: '王老师', borrowingUnit: '县文旅局', from: addDays(today, -60), to: addDays(today, -5) }, -60);
      const backId = await approve({ teacherName: '赵老师', borrowingUnit: '县志办', from: addDays(today, -30), to: addDays(today, 30) }, -30);
      expect((await office.post(`/api/v1/items/${backId}/return-teacher`, { returnedAt: today })).statusCode).toBe(200);

      const overdue = (await office.get('/api/v1/secondments?state=overdue')).json() as { id: number; overdue: boolean }[];
      expect(overdue.map((r) => r.id)).toEqual([overdueId]);
      expect(((await office.get('/api/v1/secondments?state=returned')).json() as { id: number }[]).map((r) => r.id)).toEqual([backId]);
      expect(((await office.get('/api/v1/secondments?state=away')).json() as { id: number }[]).map((r) => r.id)).toEqual([overdueId]);
      expect((await office.get('/api/v1/secondments?state=gone')).statusCode).toBe(400);

      const all = await office.get('/api/v1/secondments/export.xlsx');
      expect(all.statusCode, all.body).toBe(200);
      expect(all.headers['x-total-rows']).toBe('2');
      let ws = await firstSheet(all.rawPayload);
      expect(rowValues(ws, 1)).toEqual(['编号', '教师', '借用单位', '借用开始', '清退期限', '状态', '是否经批准', '准入编号', '返岗日期', '是否逾期']);
      const od = await office.get('/api/v1/secondments/export.xlsx?state=overdue');
      ws = await firstSheet(od.rawPayload);
      expect(ws.rowCount).toBe(2);
      const row = rowValues(ws, 2);
      expect(row.slice(0, 3)).toEqual([overdueId, '王老师', '县文旅局']);
      expect(row[3]).toBeInstanceOf(Date);
      expect((row[3] as Date).toISOString().slice(0, 10)).toBe(addDays(today, -60));
      expect((row[4] as Date).toISOString().slice(0, 10)).toBe(addDays(today, -5));
      expect(row.slice(5, 7)).toEqual(['已准入', '是']);
      expect(String(row[7])).toMatch(/〔\d{4}〕[1-9]\d*号$/);
      expect(row[9]).toBe('逾期');
      const back = rowValues(await firstSheet((await office.get('/api/v1/secondments/export.xlsx?state=returned')).rawPayload), 2);
      expect(((back[8] as Date).toISOString()).slice(0, 10)).toBe(today);

      const logged = await audits('secondment.export');
      expect(logged).toHaveLength(3);
      expect(JSON.parse(String(logged[1]!.after_json))).toMatchObject({ filters: { state: 'overdue' }, rows: 1 });
      for (const u of ['teacher', 'school_admin'] as const) expect((await (await as(u)).get('/api/v1/secondments/export.xlsx')).statusCode, u).toBe(403);
      // another county: its list is empty, this county's teachers never appear
      const other = await (await as('otherOffice')).get('/api/v1/secondments/export.xlsx');
      expect((await firstSheet(other.rawPayload)).rowCount).toBe(1);
      expect(await audits('secondment.export')).toHaveLength(4);
    });

    it('exports the annual plan of a year: the items the page lists, Chinese headers, real dates, audited, scoped', async () => {
      const office = await as('office');
      const section = await as('section');
      const planned = itemInput('inspection', { planned: true, adhoc: undefined });
      const year = Number(planned.windowStart.slice(0, 4));
      // no plan yet: an empty sheet, not an error
      let ws = await firstSheet((await office.get(`/api/v1/plans/export.xlsx?year=${year}`)).rawPayload);
      expect(ws.rowCount).toBe(1);
      expect((await office.post('/api/v1/plans', { year })).statusCode).toBe(201);
      const a = (await section.post('/api/v1/items', planned)).json();
      const b = (await section.post('/api/v1/items', itemInput('assessment', { planned: true, adhoc: undefined, startInDays: 50 }))).json();
      await section.post('/api/v1/items', itemInput('inspection')); // ad hoc: not in the plan
      const res = await office.get(`/api/v1/plans/export.xlsx?year=${year}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['x-total-rows']).toBe('2');
      expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(`年度计划-${year}年`);
      ws = await firstSheet(res.rawPayload);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(rowValues(ws, 1)).toEqual(['编号', '准入编号', '类别', '事项名称', '发起单位', '状态', '开始日期', '结束日期', '计划内', '涉及学校数', '教师负担（小时/年）']);
      expect(ws.getColumn(4).width).toBe(40);
      expect(ws.rowCount).toBe(3);
      const first = rowValues(ws, 2); // by start date, as the page lists them
      expect(first.slice(0, 1)).toEqual([a.id]);
      expect(first.slice(2, 4)).toEqual(['督查检查', a.title]);
      expect(first[5]).toBe('草稿');
      expect((first[6] as Date).toISOString().slice(0, 10)).toBe(a.windowStart);
      expect(first[8]).toBe('是');
      expect(first[9]).toBe(2);
      expect(rowValues(ws, 3)[0]).toBe(b.id);
      const logged = await audits('plan.export');
      expect(logged).toHaveLength(2);
      expect(JSON.parse(String(logged[1]!.after_json))).toMatchObject({ filters: { year }, rows: 2 });
      expect((await (await as('teacher')).get(`/api/v1/plans/export.xlsx?year=${year}`)).statusCode).toBe(403);
      expect((await office.get('/api/v1/plans/export.xlsx')).statusCode).toBe(400);
      // another county has no plan of its own and never sees this one
      expect((await firstSheet((await (await as('otherOffice')).get(`/api/v1/plans/export.xlsx?year=${year}`)).rawPayload)).rowCount).toBe(1);
    });

    it('exports the leads: every lead of the region, newest first, China-time date-times, audited; refused to sections', async () => {
      const school = await as('school_admin');
      expect((await school.post('/api/v1/school/refuse', { what: '要求全体教师为某评选拉票', from: '某协会', date: chinaToday() })).statusCode).toBe(201);
      // a lead from the public check page (the public route sits behind a challenge: written directly)
      await t.deps.db
        .insertInto('leads')
        .values({ region_org_id: t.fx.county.id, source: 'verify_page', item_code: 'ACDEFGHJKM', item_id: null, school_org_id: null, reported_by: null, text: '要求下载某APP并截图', ip_hash: null, status: 'new', created_at: new Date().toISOString() })
        .execute();
      const office = await as('office');
      const list = (await office.get('/api/v1/leads')).json() as { total: number; items: { id: number; source: string; createdAt: string }[] };
      const res = await office.get('/api/v1/leads/export.xlsx');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['x-total-rows']).toBe(String(list.total));
      const ws = await firstSheet(res.rawPayload);
      expect(rowValues(ws, 1)).toEqual(['编号', '时间', '来源', '学校', '相关编号', '内容', '状态']);
      expect(ws.rowCount).toBe(list.total + 1);
      const rows = Array.from({ length: list.total }, (_, i) => rowValues(ws, i + 2));
      expect(rows.map((r) => r[0])).toEqual(list.items.map((l) => l.id));
      const refusal = rows.find((r) => r[2] === '学校拒绝登记')!;
      expect(refusal[3]).toBe('甲小学');
      expect(String(refusal[5])).toContain('要求全体教师为某评选拉票');
      expect(refusal[6]).toBe('待处理');
      // the cell shows the China clock: UTC + 8 hours
      const created = list.items.find((l) => l.id === refusal[0])!.createdAt;
      expect((refusal[1] as Date).getTime()).toBe(Date.parse(created) + 8 * 3600_000);
      expect(rows.some((r) => r[2] === '公众反映（核验页）')).toBe(true);
      expect(await audits('lead.export')).toHaveLength(1);
      for (const u of ['section', 'teacher', 'school_admin'] as const) expect((await (await as(u)).get('/api/v1/leads/export.xlsx')).statusCode, u).toBe(403);
      expect((await firstSheet((await (await as('otherOffice')).get('/api/v1/leads/export.xlsx')).rawPayload)).rowCount).toBe(1);
      expect(await audits('lead.export')).toHaveLength(2);
    });
  });
}
