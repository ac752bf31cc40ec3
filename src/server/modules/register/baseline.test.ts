import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../domain/register/schoolYear';
import { chinaToday } from '../../../domain/time';
import { useTestApp } from '../../testing/app';
import { loggedIn, type TestClient } from '../../testing/client';
import { DIALECTS } from '../../testing/db';
import { TEST_PASSWORD } from '../../testing/fixture';
import { itemInput } from '../../testing/items';
import { BASELINE_TEMPLATE_HEADERS } from './baseline';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('全面登记');
  ws.addRow(BASELINE_TEMPLATE_HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

for (const dialect of DIALECTS) {
  describe(`baseline inventory, secondments, summary [${dialect}]`, () => {
    const t = useTestApp(dialect);
    const sessions = new Map<string, Promise<TestClient>>();
    const as = (u: keyof typeof t.fx.users) => {
      if (!sessions.has(u)) sessions.set(u, loggedIn(t.app, t.fx.users[u], TEST_PASSWORD));
      return sessions.get(u)!;
    };
    const year = Number(chinaToday().slice(0, 4));

    it('imports a baseline from Excel all-or-nothing, with a reason per bad row', async () => {
      const office = await as('office');
      const bad = await workbook([
        ['督查检查', '校园安全检查', '安全股', 60, 100, 2, '保留', ''],
        ['不存在的类别', '某事项', '某单位', 10, 10, 1, '', ''],
        ['考核', '年度考核', '人事股', 'abc', 10, 1, '', ''],
        ['评比/评选/竞赛', '某评比', '基础教育股', 30, 50, 1, '取消', ''],
      ]);
      const res = await office.request('POST', `/api/v1/baseline/import?year=${year - 1}`, bad, { headers: { 'content-type': XLSX } });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('IMPORT_ROWS_INVALID');
      expect(res.json().error.rows.map((r: { row: number }) => r.row)).toEqual([3, 4, 5]);
      expect(res.json().error.rows[0].zh).toContain('第3行');
      expect(await t.deps.db.selectFrom('baseline_items').select('id').execute()).toHaveLength(0);
      const notXlsx = await office.request('POST', `/api/v1/baseline/import?year=${year - 1}`, Buffer.from('PK not really a zip'), { headers: { 'content-type': XLSX } });
      expect(notXlsx.json().error.code).toBe('INVALID_SPREADSHEET');
      // a zip bomb (8 MB of spaces in a few KB) is refused from its directory, as every upload is
      const bomb = new JSZip();
      bomb.file('[Content_Types].xml', '<Types/>');
      bomb.file('xl/workbook.xml', '<workbook/>');
      bomb.file('xl/worksheets/sheet1.xml', Buffer.alloc(8 * 1024 * 1024, 0x20));
      const bombed = await office.request('POST', `/api/v1/baseline/import?year=${year - 1}`, await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }), {
        headers: { 'content-type': XLSX },
      });
      expect(bombed.statusCode).toBe(422);
      expect(bombed.json().error.code).toBe('SPREADSHEET_ZIP_BOMB');
      expect(await t.deps.db.selectFrom('baseline_items').select('id').execute()).toHaveLength(0);
      const good = await workbook([
        ['督查检查', '校园安全检查', '安全股', 60, 100, 2, '保留', ''],
        ['督查检查', '食堂卫生检查', '安全股', 30, 100, 2, '合并', '与校园安全检查合并'],
        ['评比/评选/竞赛', '书香校园评比', '基础教育股', 120, 40, 1, '取消', '与教学无关'],
        ['考核', '年度目标考核', '人事股', 90, 30, 1, '保留', ''],
      ]);
      const ok = await office.request('POST', `/api/v1/baseline/import?year=${year - 1}`, good, { headers: { 'content-type': XLSX } });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json().ids).toHaveLength(4);
      const section = await as('section');
      expect((await section.request('POST', `/api/v1/baseline/import?year=${year - 1}`, good, { headers: { 'content-type': XLSX } })).statusCode).toBe(403);
    });

    it('computes the reduction per kind against the baseline next to the 50% target', async () => {
      const office = await as('office');
      const entry = { year: year - 1, kind: 'inspection' as const, title: '作业检查', issuerName: '基础教育股', minutesPerRespondent: 20, respondents: 100, timesPerYear: 1 };
      const added = await office.post('/api/v1/baseline', { entries: [entry] });
      expect(added.statusCode, added.body).toBe(201);
      const id = added.json().ids[0];
      expect((await office.patch(`/api/v1/baseline/${id}`, { decision: 'cancel' })).json().error.code).toBe('REASON_REQUIRED');
      expect((await office.patch(`/api/v1/baseline/${id}`, { decision: 'cancel', reason: '以日常教研代替' })).statusCode).toBe(204);
      // one inspection approved this year
      const section = await as('section');
      const it1 = (await section.post('/api/v1/items', itemInput('inspection', { windowStart: addDays(chinaToday(), 40) }))).json();
      await section.post(`/api/v1/items/${it1.id}/submit`);
      await office.post(`/api/v1/items/${it1.id}/review`, { decision: 'pass' });
      await (await as('leader')).post(`/api/v1/items/${it1.id}/approve`, {});
      const itemYear = Number(it1.windowStart.slice(0, 4));
      const b = (await office.get(`/api/v1/baseline?baselineYear=${year - 1}&year=${itemYear}`)).json();
      expect(b.entries).toHaveLength(5);
      expect(b.decisions).toEqual({ keep: 2, merge: 1, cancel: 2, undecided: 0 });
      const insp = b.report.perKind.find((k: { kind: string }) => k.kind === 'inspection');
      expect(insp).toMatchObject({ baselineCount: 3, currentCount: 1 });
      expect(b.report.combined.baselineCount).toBe(5); // 3 inspections + 1 evaluation + 1 assessment
      expect(b.report.combined.currentCount).toBe(1);
      expect(b.report.combined.meetsTarget).toBe(true);
      expect(b.report.target).toBe(0.5);
      const other = await as('otherOffice');
      expect((await other.patch(`/api/v1/baseline/${id}`, { decision: 'keep' })).statusCode).toBe(404);
    });

    it('keeps a clearance list of seconded teachers; returns count as 清退; refused unrelated trainings as 制止', async () => {
      const section = await as('section');
      const office = await as('office');
      const s1 = (await section.post('/api/v1/items', itemInput('secondment', { startInDays: 2, details: { teacherName: '李老师', borrowingUnit: '县文旅局', from: addDays(chinaToday(), -5), to: addDays(chinaToday(), 30) } }))).json();
      await section.post(`/api/v1/items/${s1.id}/submit`);
      await office.post(`/api/v1/items/${s1.id}/review`, { decision: 'pass' });
      await (await as('leader')).post(`/api/v1/items/${s1.id}/approve`, {});
      let list = (await office.get('/api/v1/secondments')).json();
      expect(list.find((r: { id: number }) => r.id === s1.id)).toMatchObject({ teacherName: '李老师', borrowingUnit: '县文旅局', approved: true, returnedAt: null, overdue: false });
      expect((await section.post(`/api/v1/items/${s1.id}/return-teacher`, { returnedAt: chinaToday() })).statusCode).toBe(200);
      list = (await office.get('/api/v1/secondments')).json();
      expect(list.find((r: { id: number }) => r.id === s1.id).returnedAt).toBe(chinaToday());
      const tr = (await section.post('/api/v1/items', itemInput('training', { details: { relevantToTeaching: false, hours: 4 } }))).json();
      expect(tr.findings.some((f: { ruleId: string }) => f.ruleId.includes('training'))).toBe(true);
      await section.post(`/api/v1/items/${tr.id}/submit`);
      expect((await office.post(`/api/v1/items/${tr.id}/review`, { decision: 'reject', reason: '与教育教学无关' })).json().status).toBe('rejected');
      const sum = (await office.get(`/api/v1/register/summary?year=${year}`)).json();
      expect(sum.teachersReturned).toBe(1);
      expect(sum.trainingsStopped).toBe(1);
    });
  });
}
