import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/app';
import { loggedIn } from '../../testing/client';
import { DIALECTS } from '../../testing/db';
import { TEST_PASSWORD } from '../../testing/fixture';
import { chinaToday } from '../../../domain/time';
import { maskForAudit } from './record';

describe('maskForAudit', () => {
  it('masks ID numbers and phones, drops secrets, keeps the rest', () => {
    const out = maskForAudit({ name: '张三', idNumber: '110101199003071234', mobile: '13812345678', password: 'x', nested: { phone: '13900001111' } });
    expect(out).toEqual({ name: '张三', idNumber: '110***********1234', mobile: '138****5678', password: '***', nested: { phone: '139****1111' } });
  });
});

for (const dialect of DIALECTS) {
  describe(`audit log [${dialect}]`, () => {
    const t = useTestApp(dialect);

    it('is append-only in the database itself', async () => {
      const c = await loggedIn(t.app, t.fx.users.leader, TEST_PASSWORD);
      await c.post('/api/v1/auth/logout');
      const n = (await t.deps.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
      expect(typeof n).toBe('number');
      await expect(sql`UPDATE audit_log SET action = 'x'`.execute(t.deps.db)).rejects.toThrow(/append-only/);
      await expect(sql`DELETE FROM audit_log`.execute(t.deps.db)).rejects.toThrow(/append-only/);
      const after = (await t.deps.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
      expect(after).toBe(n);
    });

    it('is readable by auditadmin only, with filters; no API edits it', async () => {
      const sys = await loggedIn(t.app, t.fx.users.sysadmin, TEST_PASSWORD);
      await sys.post('/api/v1/orgs', { parentId: t.fx.bureau.id, kind: 'section', name: '安全股' });
      const aa = await loggedIn(t.app, t.fx.users.auditadmin, TEST_PASSWORD);
      const list = await aa.get(`/api/v1/audit?actor=${t.fx.users.sysadmin}&action=org.`);
      expect(list.statusCode).toBe(200);
      const body = list.json();
      expect(body.total).toBeGreaterThanOrEqual(1);
      expect(body.items.every((i: { actorUsername: string; action: string }) => i.actorUsername === t.fx.users.sysadmin && i.action.startsWith('org.'))).toBe(true);
      expect(body.items[0]).toMatchObject({ actorRole: 'sysadmin', actorOrgName: '余杭区', ip: '127.0.0.1' });
      const today = chinaToday();
      expect((await aa.get(`/api/v1/audit?from=${today}&to=${today}`)).json().total).toBeGreaterThan(0);
      expect((await aa.get('/api/v1/audit?from=2000-01-01&to=2000-01-02')).json().total).toBe(0);
      expect((await aa.get('/api/v1/audit?from=not-a-date')).statusCode).toBe(400);
      expect((await sys.get('/api/v1/audit')).statusCode).toBe(403);
      expect((await aa.request('DELETE', '/api/v1/audit/1')).statusCode).toBe(404);
      expect((await aa.patch('/api/v1/audit/1', { action: 'x' })).statusCode).toBe(404);
    });

    it('exports the filtered log to Excel with Chinese headers and a frozen header row; the export is audited', async () => {
      const aa = await loggedIn(t.app, t.fx.users.auditadmin, TEST_PASSWORD);
      const res = await aa.get('/api/v1/audit/export.xlsx?action=auth.');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      expect(ws.getRow(1).getCell(1).value).toBe('序号');
      expect(ws.getRow(1).getCell(7).value).toBe('操作');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.rowCount).toBeGreaterThan(1);
      for (let r = 2; r <= ws.rowCount; r++) expect(String(ws.getRow(r).getCell(7).value)).toMatch(/^auth\./);
      expect(ws.getRow(2).getCell(2).value).toBeInstanceOf(Date);
      const logged = await t.deps.db.selectFrom('audit_log').select('action').where('action', '=', 'audit.export').execute();
      expect(logged.length).toBe(1);
    });
  });
}
