/**
 * The cases list as Excel: the list's filters and scope, Chinese headers from the label table, a
 * frozen header row, real dates, the reporter for the office only, an audit row per export. And
 * the duplicate-group filter the list and the export share.
 */
import { describe, expect, it } from 'vitest';
import { label } from '../../../domain/i18n';
import { chinaToday } from '../../../domain/time';
import { useTestApp } from '../../testing/app';
import { loggedIn, type TestClient } from '../../testing/client';
import { DIALECTS } from '../../testing/db';
import { exportSheet } from '../../testing/xlsx';
import { TEST_PASSWORD } from '../../testing/fixture';
import { fileComplaint } from './testkit';

const HEADER_KEYS = ['trackingNo', 'status', 'category', 'source', 'channel', 'text', 'targetOrg', 'assignedOrg', 'receivedAt', 'dueAt', 'rectifyDeadline', 'overdue', 'duplicateCount', 'groupId'];
const HEADER = HEADER_KEYS.map((k) => label(`caseUi.${k}`, 'zh'));
const REPORTER_HEADER = [label('caseUi.reporterName', 'zh'), label('caseUi.reporterPhone', 'zh')];


for (const dialect of DIALECTS) {
  describe(`cases export and duplicate groups [${dialect}]`, () => {
    const t = useTestApp(dialect);
    const sessions = new Map<string, Promise<TestClient>>();
    const as = (u: string) => {
      if (!sessions.has(u)) sessions.set(u, loggedIn(t.app, u, TEST_PASSWORD));
      return sessions.get(u)!;
    };
    const idOf = async (trackingNo: string) => (await t.deps.db.selectFrom('cases').select('id').where('tracking_no', '=', trackingNo).executeTakeFirstOrThrow()).id;
    const exportAudits = () => t.deps.db.selectFrom('audit_log').select(['actor_username', 'after_json']).where('action', '=', 'case.export').orderBy('id').execute();

    it('exports the filtered list: its count, Chinese headers, frozen header, real dates, the reporter for the office; audited', async () => {
      const named = await fileComplaint(t.app, t.fx.schoolA.id, { category: 'fees', anonymous: false, reporterName: '李家长', reporterPhone: '13912345678', text: '学校统一收取教辅资料费每人一百二十元，未经公示。' });
      await fileComplaint(t.app, t.fx.schoolB.id, { category: 'fees', text: '乙初中要求学生购买指定的练习册和试卷，每学期三百元。' });
      await fileComplaint(t.app, t.fx.schoolA.id, { category: 'forced_app' });
      const office = await as(t.fx.users.office);
      const list = (await office.get('/api/v1/cases?category=fees&pageSize=200')).json();
      expect(list.total).toBe(2);
      const res = await office.get('/api/v1/cases/export.xlsx?category=fees');
      expect(res.headers['x-total-rows']).toBe(String(list.total));
      expect(res.headers['content-disposition']).toContain(encodeURIComponent(label('nav.cases', 'zh')));
      const { ws, header, rows } = await exportSheet(res);
      expect(header).toEqual([...HEADER, ...REPORTER_HEADER]);
      expect(header[0]).toBe('编号');
      expect(ws.name).toBe('监督举报与整改');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getColumn(6).width).toBe(60);
      expect(rows).toHaveLength(list.total);
      // newest first, as the list
      expect(rows.map((r) => r[0])).toEqual(list.items.map((i: { trackingNo: string }) => i.trackingNo));
      expect(new Set(rows.map((r) => r[2]))).toEqual(new Set([label('caseCategory.fees', 'zh')]));
      expect(rows.every((r) => r[8] instanceof Date && r[9] instanceof Date)).toBe(true);
      expect((rows[0]![8] as Date).toISOString().slice(0, 10)).toBe(chinaToday());
      const namedRow = rows.find((r) => r[0] === named.trackingNo)!;
      const n = HEADER.length;
      expect([namedRow[n], namedRow[n + 1]]).toEqual(['李家长', '13912345678']);
      const anonymousRow = rows.find((r) => r[0] !== named.trackingNo)!;
      expect([anonymousRow[n], anonymousRow[n + 1]]).toEqual([label('caseUi.anonymous', 'zh'), undefined]);
      const audits = await exportAudits();
      expect(audits).toHaveLength(1);
      expect(audits[0]!.actor_username).toBe(t.fx.users.office);
      expect(JSON.parse(audits[0]!.after_json!)).toMatchObject({ filters: { category: 'fees' }, rows: 2, reporter: true });
    });

    it('a school exports only the cases about it, never the reporter; roles without the ability get 403', async () => {
      const c = await fileComplaint(t.app, t.fx.schoolA.id, { category: 'repeated_forms', anonymous: false, reporterName: '赵老师', reporterPhone: '13712345678', text: '同一张教师信息表一周内被三个部门要求重复填报。' });
      const office = await as(t.fx.users.office);
      expect((await office.post(`/api/v1/cases/${await idOf(c.trackingNo)}/assign`, { orgId: t.fx.schoolA.id })).statusCode).toBe(200);
      const school = await as(t.fx.users.school_admin);
      const list = (await school.get('/api/v1/cases?pageSize=200')).json();
      expect(list.total).toBe(1);
      const res = await school.get('/api/v1/cases/export.xlsx');
      expect(res.headers['x-total-rows']).toBe('1');
      const { header, rows } = await exportSheet(res);
      expect(header).toEqual(HEADER);
      expect(rows.map((r) => r[0])).toEqual([c.trackingNo]);
      expect(JSON.stringify(rows)).not.toMatch(/赵老师|13712345678|李家长|13912345678/);
      // another county's office exports none of these
      const other = await exportSheet(await (await as(t.fx.users.otherOffice)).get('/api/v1/cases/export.xlsx'));
      expect(other.rows).toEqual([]);
      const before = (await exportAudits()).length;
      for (const u of [t.fx.users.teacher, t.fx.users.enterprise, t.fx.users.sysadmin]) {
        const refused = await (await as(u)).get('/api/v1/cases/export.xlsx');
        expect(refused.statusCode).toBe(403);
        expect(refused.json().error).toMatchObject({ zh: expect.any(String), en: expect.any(String) });
      }
      expect((await exportAudits()).length).toBe(before);
    });

    it('filters the list and the export by duplicate group', async () => {
      const text = '某街道要求本校教师周末参加社区创文志愿活动并拍照打卡上传群里';
      const a = await fileComplaint(t.app, t.fx.schoolB.id, { category: 'social_affair', text });
      const b = await fileComplaint(t.app, t.fx.schoolB.id, { category: 'social_affair', text: `${text}，已经连续三周` });
      await fileComplaint(t.app, t.fx.schoolB.id, { category: 'social_affair', text: '乙初中被要求组织学生参加商业演出，占用周六上课时间。' });
      const groupId = await idOf(a.trackingNo);
      const office = await as(t.fx.users.office);
      const list = (await office.get(`/api/v1/cases?groupId=${groupId}`)).json();
      expect(list.total).toBe(2);
      expect(list.items.map((i: { trackingNo: string }) => i.trackingNo).sort()).toEqual([a.trackingNo, b.trackingNo].sort());
      expect(list.items.every((i: { groupId: number; duplicateCount: number }) => i.groupId === groupId && i.duplicateCount === 1)).toBe(true);
      const { rows } = await exportSheet(await office.get(`/api/v1/cases/export.xlsx?groupId=${groupId}`));
      expect(rows.map((r) => [r[12], r[13]])).toEqual([
        [1, groupId],
        [1, groupId],
      ]);
      expect((await office.get('/api/v1/cases?groupId=abc')).statusCode).toBe(400);
    });
  });
}
