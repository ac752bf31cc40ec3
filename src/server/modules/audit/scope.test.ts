import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { chinaToday, startOfChinaDayUtc } from '../../../domain/time';
import { makeUser } from '../../demo/factories';
import { useTestApp } from '../../testing/app';
import { TestClient, loggedIn } from '../../testing/client';
import { DIALECTS } from '../../testing/db';
import { TEST_PASSWORD } from '../../testing/fixture';

for (const dialect of DIALECTS) {
  describe(`audit log scope [${dialect}]`, () => {
    const t = useTestApp(dialect);
    /** audit row ids by where their actor's org sits: this county, the other county, no org. */
    const rowsOf = async () => {
      const all = await t.deps.db
        .selectFrom('audit_log')
        .leftJoin('orgs', 'orgs.id', 'audit_log.actor_org_id')
        .select(['audit_log.id', 'audit_log.at', 'orgs.path'])
        .execute();
      const where = (p: (path: string | null) => boolean) => new Set(all.filter((r) => p(r.path)).map((r) => r.id));
      const today = (ids: Set<number>) => all.filter((r) => ids.has(r.id) && r.at >= startOfChinaDayUtc(chinaToday())).length;
      return {
        county: where((p) => !!p?.startsWith(t.fx.county.path)),
        other: where((p) => !!p?.startsWith(t.fx.otherCounty.path)),
        orgless: where((p) => p === null),
        all: new Set(all.map((r) => r.id)),
        today,
      };
    };
    const listIds = async (c: TestClient) => {
      const body = (await c.get('/api/v1/audit?pageSize=200')).json() as { total: number; items: { id: number }[] };
      expect(body.items.length).toBe(body.total);
      return new Set(body.items.map((i) => i.id));
    };
    const exportIds = async (c: TestClient) => {
      const res = await c.get('/api/v1/audit/export.xlsx');
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ids = new Set<number>();
      wb.worksheets[0]!.eachRow((row, n) => {
        if (n > 1) ids.add(Number(row.getCell(1).value));
      });
      return { ids, total: Number(res.headers['x-total-rows']) };
    };
    let here: TestClient;
    let there: TestClient;
    let top: TestClient;

    beforeAll(async () => {
      const province = await t.deps.db.selectFrom('orgs').selectAll().where('parent_id', 'is', null).executeTakeFirstOrThrow();
      await makeUser(t.deps, { org: t.fx.otherCounty, role: 'auditadmin', username: 'auditadminthere', password: TEST_PASSWORD });
      await makeUser(t.deps, { org: province, role: 'auditadmin', username: 'auditadmintop', password: TEST_PASSWORD });
      // rows of both counties, and one without an org: a failed login for a username nobody has
      await loggedIn(t.app, t.fx.users.leader, TEST_PASSWORD);
      await loggedIn(t.app, t.fx.users.otherOffice, TEST_PASSWORD);
      expect((await new TestClient(t.app).login('no-such-user', 'Wrong#pass1')).statusCode).toBe(401);
      here = await loggedIn(t.app, t.fx.users.auditadmin, TEST_PASSWORD);
      there = await loggedIn(t.app, 'auditadminthere', TEST_PASSWORD);
      top = await loggedIn(t.app, 'auditadmintop', TEST_PASSWORD);
    });

    it("lists only rows of actors in the reader's county; rows without an org only at the top of the tree", async () => {
      const [fromThere, fromHere, fromTop] = [await listIds(there), await listIds(here), await listIds(top)];
      const r = await rowsOf();
      expect(r.county.size).toBeGreaterThan(0);
      expect(fromThere).toEqual(r.other);
      expect(fromHere).toEqual(r.county);
      expect([...fromThere].filter((id) => r.county.has(id))).toEqual([]);
      expect([...fromHere].filter((id) => r.other.has(id) || r.orgless.has(id))).toEqual([]);
      // the top of the tree sees every row, the org-less ones (the unknown username) included
      expect(fromTop).toEqual(r.all);
      const unknown = await t.deps.db.selectFrom('audit_log').select('id').where('actor_username', '=', 'no-such-user').executeTakeFirstOrThrow();
      expect(r.orgless.has(unknown.id)).toBe(true);
      // a filter narrows within the scope, never beyond it
      const leader = (await there.get(`/api/v1/audit?actor=${t.fx.users.leader}`)).json();
      expect(leader.total).toBe(0);
    });

    it("exports only the reader's county (its own export row included)", async () => {
      const { ids, total } = await exportIds(there);
      const r = await rowsOf();
      expect(ids).toEqual(r.other);
      expect(total).toBe(r.other.size);
      expect([...ids].filter((id) => r.county.has(id) || r.orgless.has(id))).toEqual([]);
      const fromHere = await exportIds(here);
      const after = await rowsOf();
      expect(fromHere.ids).toEqual(after.county);
      expect([...fromHere.ids].filter((id) => after.other.has(id))).toEqual([]);
    });

    it("counts today's rows of the reader's county on the home page", async () => {
      const [a, b, c] = [(await there.get('/api/v1/home/stats')).json(), (await here.get('/api/v1/home/stats')).json(), (await top.get('/api/v1/home/stats')).json()];
      const r = await rowsOf();
      expect(a.auditToday).toBe(r.today(r.other));
      expect(b.auditToday).toBe(r.today(r.county));
      expect(c.auditToday).toBe(r.today(r.all));
      expect(a.auditToday).toBeLessThan(c.auditToday);
    });
  });
}
