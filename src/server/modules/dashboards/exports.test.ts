import { beforeAll, describe, expect, it } from 'vitest';
import { chinaToday } from '../../../domain/time';
import { seedProvince, type TProvinceSummary } from '../../demo/province';
import { useTestApp } from '../../testing/app';
import { loggedIn, type TestClient } from '../../testing/client';
import { DIALECTS } from '../../testing/db';
import { exportSheet } from '../../testing/xlsx';
import { TEST_PASSWORD } from '../../testing/fixture';

const year = Number(chinaToday().slice(0, 4));


/** Every list exports what is on screen: the same filters, Chinese headers, frozen header row, widths, real dates. */
for (const dialect of DIALECTS) {
  describe(`list exports [${dialect}]`, () => {
    const t = useTestApp(dialect);
    let s: TProvinceSummary;
    const clients = new Map<string, TestClient>();
    const as = async (u: string) => {
      if (!clients.has(u)) clients.set(u, await loggedIn(t.app, u, TEST_PASSWORD));
      return clients.get(u)!;
    };
    beforeAll(async () => {
      s = await seedProvince(t.deps, { scale: 'county', password: TEST_PASSWORD, quiet: true, log: () => undefined });
    });

    it('items: the filtered list, with x-total-rows, real dates and the list’s count', async () => {
      const office = await as('county.office');
      const list = (await office.get('/api/v1/items?kind=secondment&status=approved&pageSize=1')).json<{ total: number }>();
      expect(list.total).toBeGreaterThan(0);
      const res = await office.get('/api/v1/items/export.xlsx?kind=secondment&status=approved');
      expect(res.headers['x-total-rows']).toBe(String(list.total));
      expect(Number(res.headers['x-row-bytes'])).toBeGreaterThan(0);
      const { ws, header, rows } = await exportSheet(res);
      expect(header).toEqual(['编号', '准入编号', '类别', '事项名称', '发起单位', '状态', '开始日期', '结束日期', '计划内', '涉及学校数', '教师负担（小时/年）']);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getColumn(4).width).toBe(40);
      expect(rows).toHaveLength(list.total);
      expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(['借用/抽调教师']));
      expect(new Set(rows.map((r) => r[5]))).toEqual(new Set(['已准入']));
      expect(rows.every((r) => r[6] instanceof Date && r[7] instanceof Date)).toBe(true);
      // school counts as the list shows them
      const first = rows[0]!;
      const links = await t.deps.db.selectFrom('item_schools').select((eb) => eb.fn.countAll<number>().as('n')).where('item_id', '=', first[0] as number).executeTakeFirstOrThrow();
      expect(first[9]).toBe(Number(links.n));
      // newest first, no row twice
      const ids = rows.map((r) => r[0] as number);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
    });

    it('baseline and secondments: the inventory of a year and the clearance list', async () => {
      const office = await as('county.office');
      const base = (await office.get(`/api/v1/baseline?baselineYear=${year - 2}&year=${year}`)).json<{ entries: unknown[] }>();
      const b = await exportSheet(await office.get(`/api/v1/baseline/export.xlsx?baselineYear=${year - 2}&year=${year}`));
      expect(b.header.slice(0, 3)).toEqual(['编号', '类别', '事项名称']);
      expect(b.rows).toHaveLength(base.entries.length);
      expect(base.entries.length).toBeGreaterThan(0);
      const list = (await office.get('/api/v1/secondments')).json<{ id: number; returnedAt: string | null; overdue: boolean }[]>();
      const x = await exportSheet(await office.get('/api/v1/secondments/export.xlsx'));
      expect(x.header).toEqual(['编号', '教师', '借用单位', '借用开始', '清退期限', '状态', '是否经批准', '准入编号', '返岗日期', '是否逾期']);
      expect(x.rows.map((r) => r[0])).toEqual(list.map((r) => r.id));
      expect(x.rows.every((r) => r[3] instanceof Date)).toBe(true);
      expect(x.rows.filter((r) => r[8] instanceof Date)).toHaveLength(list.filter((r) => r.returnedAt).length);
      const bad = await office.get('/api/v1/baseline/export.xlsx?baselineYear=abc&year=2026');
      expect(bad.statusCode).toBe(400);
    });

    it('users: the filtered list, no secrets; an org outside the scope is 404', async () => {
      const admin = await as(t.fx.users.sysadmin);
      const list = (await admin.get('/api/v1/users?role=teacher')).json<{ total: number; items: { username: string }[] }>();
      const res = await admin.get('/api/v1/users/export.xlsx?role=teacher');
      expect(res.headers['x-total-rows']).toBe(String(list.total));
      const { header, rows } = await exportSheet(res);
      expect(header).toEqual(['用户名', '姓名', '角色', '所属机构', '状态', '是否锁定', '须修改密码', '最近登录']);
      expect(rows.map((r) => r[0])).toEqual(list.items.map((u) => u.username));
      expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(['教师']));
      expect(res.body).not.toMatch(/scrypt|password_hash/);
      const outside = await admin.get(`/api/v1/users/export.xlsx?orgId=${s.firstCountyId}`);
      expect(outside.statusCode).toBe(404);
    });

    it('audit: the filtered log with its count; a role without the ability is refused', async () => {
      const aa = await as(t.fx.users.auditadmin);
      // the county's own sign-ins (the province seed's row has no org: no county auditor sees it)
      const res = await aa.get('/api/v1/audit/export.xlsx?action=auth.');
      const { rows } = await exportSheet(res);
      expect(Number(res.headers['x-total-rows'])).toBe(rows.length);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.map((r) => r[6])).toContain('auth.login');
      expect(rows.map((r) => r[6])).not.toContain('seed.province');
      expect(rows[0]![1]).toBeInstanceOf(Date);
      const teacher = await as(t.fx.users.teacher);
      expect((await teacher.get('/api/v1/items/export.xlsx')).statusCode).toBe(403);
      expect((await teacher.get('/api/v1/users/export.xlsx')).statusCode).toBe(403);
    });
  });
}
