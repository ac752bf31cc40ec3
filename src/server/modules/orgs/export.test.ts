import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/app';
import { loggedIn } from '../../testing/client';
import { DIALECTS } from '../../testing/db';
import { firstSheet } from '../../testing/xlsx';
import { TEST_PASSWORD } from '../../testing/fixture';


for (const dialect of DIALECTS) {
  describe(`teacher list export [${dialect}]`, () => {
    const t = useTestApp(dialect);

    it('exports the list as searched on screen: same rows as its total, Chinese headers, frozen, real dates, masked, audited', async () => {
      const office = await loggedIn(t.app, t.fx.users.office, TEST_PASSWORD);
      const all = (await office.get(`/api/v1/orgs/${t.fx.bureau.id}/teachers?pageSize=200`)).json();
      expect(all.total).toBe(5);
      const q = all.items[1].name as string;
      for (const query of ['', `?q=${encodeURIComponent(q)}`]) {
        const list = (await office.get(`/api/v1/orgs/${t.fx.bureau.id}/teachers${query}`)).json();
        const res = await office.get(`/api/v1/orgs/${t.fx.bureau.id}/teachers/export.xlsx${query}`);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.headers['x-total-rows']).toBe(String(list.total));
        const ws = await firstSheet(res.rawPayload);
        expect(ws.actualRowCount - 1).toBe(list.total);
        expect(ws.getRow(1).values).toEqual([undefined, '姓名', '性别', '出生日期', '身份证号', '手机号', '任教学科', '职称']);
        expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        for (let r = 2; r <= ws.actualRowCount; r++) {
          const row = ws.getRow(r);
          expect(['男', '女']).toContain(row.getCell(2).value);
          expect(row.getCell(3).value).toBeInstanceOf(Date);
          expect(String(row.getCell(4).value)).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
          expect(String(row.getCell(5).value)).toMatch(/^\d{3}\*{4}\d{4}$/);
        }
        if (query) {
          expect(list.total).toBeLessThan(all.total);
          expect(ws.getRow(2).getCell(1).value).toBe(q);
        }
      }
      const audits = await t.deps.db.selectFrom('audit_log').select(['object_id', 'after_json']).where('action', '=', 'teacher.export').orderBy('id').execute();
      expect(audits).toHaveLength(2);
      expect(audits.map((a) => a.object_id)).toEqual([String(t.fx.bureau.id), String(t.fx.bureau.id)]);
      expect(audits[1]!.after_json).toContain(q);
    });

    it('is 404 outside the actor’s org and 403 without teacher.read, and records nothing then', async () => {
      const before = (await t.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'teacher.export').execute()).length;
      const school = await loggedIn(t.app, t.fx.users.school_admin, TEST_PASSWORD);
      expect((await school.get(`/api/v1/orgs/${t.fx.schoolA.id}/teachers/export.xlsx`)).statusCode).toBe(200);
      const outside = await school.get(`/api/v1/orgs/${t.fx.schoolB.id}/teachers/export.xlsx`);
      expect([outside.statusCode, outside.json().error.code]).toEqual([404, 'NOT_FOUND']);
      const other = await loggedIn(t.app, t.fx.users.otherOffice, TEST_PASSWORD);
      expect((await other.get(`/api/v1/orgs/${t.fx.schoolA.id}/teachers/export.xlsx`)).statusCode).toBe(404);
      const teacher = await loggedIn(t.app, t.fx.users.teacher, TEST_PASSWORD);
      expect((await teacher.get(`/api/v1/orgs/${t.fx.schoolA.id}/teachers/export.xlsx`)).statusCode).toBe(403);
      expect((await t.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'teacher.export').execute()).length).toBe(before + 1);
    });
  });
}
