import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TDashboard } from '../../../domain/dashboards/types';
import { isTrackingNo } from '../../../domain/cases/trackingNo';
import { REDUCTION_TARGET_KINDS } from '../../../domain/register/kinds';
import { schoolYearOf, schoolYearRange } from '../../../domain/register/schoolYear';
import { chinaToday, endOfChinaDayUtc, startOfChinaDayUtc } from '../../../domain/time';
import { seedProvince, type TProvinceSummary } from '../../demo/province';
import { useTestApp } from '../../testing/app';
import { loggedIn, type TestClient } from '../../testing/client';
import { DIALECTS } from '../../testing/db';
import { TEST_PASSWORD } from '../../testing/fixture';
import { itemInput } from '../../testing/items';

const year = Number(chinaToday().slice(0, 4));
const from = `${year}-01-01`;
const to = `${year}-12-31`;
const LIVE = ['approved', 'completed'];

interface TItemFacts {
  id: number;
  region_org_id: number;
  kind: string;
  status: string;
  valid_from: string | null;
  valid_to: string | null;
  teacher_hours: number;
  approved_at: string | null;
  window_start: string;
  returned_at: string | null;
  details_json: string;
}

for (const dialect of DIALECTS) {
  describe(`dashboards [${dialect}]`, () => {
    const t = useTestApp(dialect);
    let s: TProvinceSummary;
    let items: TItemFacts[];
    const clients = new Map<string, TestClient>();
    const as = async (u: string) => {
      if (!clients.has(u)) clients.set(u, await loggedIn(t.app, u, TEST_PASSWORD));
      return clients.get(u)!;
    };
    const dash = async (u: string, orgId: number, query = `from=${from}&to=${to}`) => {
      const res = await (await as(u)).get(`/api/v1/dashboards/${orgId}?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<TDashboard>();
    };
    const valid = (i: TItemFacts) => LIVE.includes(i.status) && i.valid_from! <= to && i.valid_to! >= from;

    beforeAll(async () => {
      s = await seedProvince(t.deps, { scale: 'county', password: TEST_PASSWORD, quiet: true, log: () => undefined });
      items = (await t.deps.db.selectFrom('items').select(['id', 'region_org_id', 'kind', 'status', 'valid_from', 'valid_to', 'teacher_hours', 'approved_at', 'window_start', 'returned_at', 'details_json']).execute()).map((r) => ({ ...r, teacher_hours: Number(r.teacher_hours) }));
    });

    it('a county bureau dashboard equals the database counts, as numbers', async () => {
      const d = await dash('county.leader', s.firstBureauId);
      expect(d.org).toMatchObject({ id: s.firstBureauId, level: 'county' });
      expect(d.region.id).toBe(s.firstCountyId);
      const mine = items.filter((i) => i.region_org_id === s.firstCountyId);
      for (const row of d.panels.itemsByKind!.rows) {
        expect(typeof row.currentCount).toBe('number');
        expect(row.currentCount, row.kind).toBe(mine.filter((i) => i.kind === row.kind && valid(i)).length);
      }
      const baseline = await t.deps.db.selectFrom('baseline_items').select(['kind', 'year']).where('region_org_id', '=', s.firstCountyId).execute();
      const baseYear = Math.min(...baseline.map((b) => b.year));
      for (const row of d.panels.itemsByKind!.rows) expect(row.baselineCount).toBe(baseline.filter((b) => b.kind === row.kind && b.year === baseYear).length);
      expect(d.panels.itemsByKind!.baselineYears).toEqual([baseYear]);
      const r = d.panels.reduction!;
      const baseTarget = baseline.filter((b) => (REDUCTION_TARGET_KINDS as readonly string[]).includes(b.kind)).length;
      const curTarget = mine.filter((i) => (REDUCTION_TARGET_KINDS as readonly string[]).includes(i.kind) && valid(i)).length;
      expect(r).toMatchObject({ target: 0.5, baselineCount: baseTarget, currentCount: curTarget });
      expect(r.countReduction).toBeCloseTo((baseTarget - curTarget) / baseTarget, 10);
      expect(r.meetsTarget).toBe(baseTarget - curTarget >= 0.5 * baseTarget);

      // hours imposed: items approved in the period (China days), by yearly burden
      const lo = startOfChinaDayUtc(from);
      const hi = endOfChinaDayUtc(to);
      const imposed = mine.filter((i) => i.approved_at && i.approved_at >= lo && i.approved_at < hi).reduce((a, i) => a + i.teacher_hours, 0);
      expect(d.panels.hoursTrend!.months).toHaveLength(12);
      expect(d.panels.hoursTrend!.totals.imposed).toBeCloseTo(imposed, -1);
      expect(d.panels.hoursTrend!.totals.returned).toBeGreaterThan(0);

      const sec = mine.filter((i) => i.kind === 'secondment' && LIVE.includes(i.status));
      expect(d.panels.secondments!.out).toBe(sec.filter((i) => i.window_start >= from && i.window_start <= to).length);
      expect(d.panels.secondments!.returned).toBe(sec.filter((i) => i.returned_at && i.returned_at >= from && i.returned_at <= to).length);

      // whitelist: every school of the county in a bucket; uses per school from the items
      const w = d.panels.whitelist!;
      const schools = await t.deps.db.selectFrom('orgs').select('id').where('kind', '=', 'school').where('region_code', '=', d.region.code).execute();
      expect(w.schools).toBe(schools.length);
      expect(w.buckets.reduce((a, b) => a + b.schools, 0)).toBe(schools.length);
      const sy = schoolYearRange(schoolYearOf(to));
      const links = await t.deps.db.selectFrom('item_schools').select(['item_id', 'school_org_id']).where('school_org_id', 'in', schools.map((x) => x.id)).execute();
      const byId = new Map(mine.map((i) => [i.id, i]));
      const uses = new Map<number, number>();
      for (const l of links) {
        const i = byId.get(l.item_id);
        if (!i || i.kind !== 'social_affair' || !LIVE.includes(i.status) || i.window_start < sy.start || i.window_start > sy.end) continue;
        uses.set(l.school_org_id, (uses.get(l.school_org_id) ?? 0) + ((JSON.parse(i.details_json) as { activitiesPerSchool?: number }).activitiesPerSchool ?? 1));
      }
      for (const top of w.top) expect(top.uses, top.name).toBe(uses.get(top.schoolId));
      expect(w.top.length).toBe(uses.size);

      expect(d.panels.counties).toBeNull();
      expect(d.drill.children.length).toBe(schools.length);
      // the synthetic county's cases: as many as planned, valid tracking numbers, deadlines after receipt
      expect(s.cases).toBe(300);
      const cases = await t.deps.db.selectFrom('cases').select(['tracking_no', 'received_on', 'due_on', 'status', 'closed_on']).execute();
      expect(cases).toHaveLength(300);
      expect(cases.every((c) => isTrackingNo(c.tracking_no) && c.due_on > c.received_on)).toBe(true);
      expect(cases.filter((c) => c.status === 'replied' || c.status === 'closed').every((c) => c.closed_on && c.closed_on >= c.received_on)).toBe(true);
      // the complaints funnel of the county: received → closed → closed on time in the period
      const mineCases = await t.deps.db.selectFrom('cases').select(['received_on', 'closed_on', 'due_on']).where('region_org_id', '=', s.firstCountyId).execute();
      const inPeriod = (day: string | null) => !!day && day >= from && day <= to;
      expect(d.panels.cases!.funnel).toEqual([
        { stage: 'received', count: mineCases.filter((c) => inPeriod(c.received_on)).length },
        { stage: 'closed', count: mineCases.filter((c) => inPeriod(c.closed_on)).length },
        { stage: 'closedOnTime', count: mineCases.filter((c) => inPeriod(c.closed_on) && c.closed_on! <= c.due_on).length },
      ]);
      expect(typeof d.panels.cases!.overdue).toBe('number');
      // collections requested in the county (none in the synthetic one yet): zeros, as numbers
      expect(d.panels.collections).toEqual({ collections: 0, cellsPrefilled: 0, hoursSaved: 0 });
    });

    it('a region aggregates its counties', async () => {
      const city = await dash('city.leader', s.firstCityId);
      expect(city.org.level).toBe('region');
      const counties = city.panels.counties!;
      expect(counties).toHaveLength(3);
      const perCounty = await Promise.all(counties.map((c) => dash('city.leader', c.orgId)));
      for (const [k, row] of city.panels.itemsByKind!.rows.entries()) {
        expect(row.currentCount).toBe(perCounty.reduce((a, d) => a + d.panels.itemsByKind!.rows[k]!.currentCount, 0));
        expect(row.baselineCount).toBe(perCounty.reduce((a, d) => a + d.panels.itemsByKind!.rows[k]!.baselineCount!, 0));
      }
      expect(city.panels.reduction!.currentCount).toBe(counties.reduce((a, c) => a + c.currentCount, 0));
      expect(city.panels.reduction!.baselineCount).toBe(counties.reduce((a, c) => a + c.baselineCount, 0));
      counties.forEach((c, i) => {
        expect(c.currentCount).toBe(perCounty[i]!.panels.reduction!.currentCount);
        expect(c.meetsTarget).toBe(perCounty[i]!.panels.reduction!.meetsTarget);
        expect(c.secondmentsOut).toBe(perCounty[i]!.panels.secondments!.out);
        expect(c.schools).toBe(perCounty[i]!.panels.whitelist!.schools);
      });
      expect(city.panels.secondments!.out).toBe(counties.reduce((a, c) => a + c.secondmentsOut, 0));
      expect(city.panels.whitelist!.schools).toBe(counties.reduce((a, c) => a + c.schools, 0));
      expect(city.panels.cases!.funnel[0]!.count).toBe(perCounty.reduce((a, d) => a + d.panels.cases!.funnel[0]!.count, 0));
      // the province is the same sum one level up
      const prov = await dash('prov.leader', s.provinceId);
      expect(prov.panels.reduction!.currentCount).toBe(city.panels.reduction!.currentCount);
    });

    it('a school sees the items that reach it, with no baseline', async () => {
      const d = await dash('school.admin', s.firstSchoolId);
      expect(d.org.level).toBe('school');
      expect(d.panels.reduction).toBeNull();
      const links = new Set((await t.deps.db.selectFrom('item_schools').select('item_id').where('school_org_id', '=', s.firstSchoolId).execute()).map((l) => l.item_id));
      for (const row of d.panels.itemsByKind!.rows) {
        expect(row.baselineCount).toBeNull();
        expect(row.currentCount).toBe(items.filter((i) => links.has(i.id) && i.kind === row.kind && valid(i)).length);
      }
      expect(d.panels.hoursTrend!.unit).toBe('hoursPerTeacher');
      expect(d.panels.collections).toBeNull();
      expect(d.panels.cases).toBeNull();
      expect(d.panels.whitelist!.schools).toBe(1);
      expect(d.drill.parent).toBeNull();
    });

    it('is 404 outside the scope, 403 for the 三员 and roles without the ability, 400 for a bad period', async () => {
      const nf = async (u: string, id: number) => {
        const res = await (await as(u)).get(`/api/v1/dashboards/${id}`);
        expect(res.statusCode, `${u} → ${id}`).toBe(404);
        expect(res.json<{ error: { code: string } }>().error.code).toBe('NOT_FOUND');
      };
      await nf('school.admin', s.firstBureauId);
      await nf('school.admin', s.firstCountyId);
      await nf('county.leader', s.firstCityId);
      await nf('county.office', s.provinceId);
      await nf(t.fx.users.leader, s.firstCountyId);
      await nf(t.fx.users.otherOffice, t.fx.county.id);
      await nf('city.leader', 99_999_999);
      // the school of another county is not the county leader's
      const other = await t.deps.db.selectFrom('orgs').select('id').where('kind', '=', 'school').where('region_code', '!=', (await dash('county.leader', s.firstBureauId)).region.code).where('path', 'like', `%/${s.provinceId}/%`).executeTakeFirstOrThrow();
      await nf('county.leader', other.id);
      const sys = await (await as(t.fx.users.sysadmin)).get(`/api/v1/dashboards/${t.fx.county.id}`);
      expect(sys.statusCode).toBe(403);
      expect(sys.json<{ error: { code: string } }>().error.code).toBe('SEPARATION_OF_DUTIES');
      const section = await (await as(t.fx.users.section)).get(`/api/v1/dashboards/${t.fx.section.id}`);
      expect(section.statusCode).toBe(403);
      expect(section.json<{ error: { code: string } }>().error.code).toBe('FORBIDDEN');
      // 2020-01-01..2025-12-31 is six calendar years: past the five years (5 × 366 days) of the reports
      for (const q of [`from=${from}`, `from=${to}&to=${from}`, 'from=2020-01-01&to=2029-12-31', 'from=2020-01-01&to=2025-12-31', 'from=2026-13-01&to=2026-12-31']) {
        const res = await (await as('county.leader')).get(`/api/v1/dashboards/${s.firstBureauId}?${q}`);
        expect(res.statusCode, q).toBe(400);
        expect(res.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
      }
    });

    it('counts an item approved through the register in the fixture county', async () => {
      const before = await dash(t.fx.users.leader, t.fx.bureau.id, '');
      const section = await as(t.fx.users.section);
      const id = section && (await section.post('/api/v1/items', itemInput('inspection', { startInDays: 40 }))).json<{ id: number }>().id;
      expect((await section.post(`/api/v1/items/${id}/submit`)).statusCode).toBe(200);
      expect((await (await as(t.fx.users.office)).post(`/api/v1/items/${id}/review`, { decision: 'pass' })).statusCode).toBe(200);
      expect((await (await as(t.fx.users.leader)).post(`/api/v1/items/${id}/approve`, {})).statusCode).toBe(200);
      const after = await dash(t.fx.users.leader, t.fx.bureau.id, '');
      const inspections = (d: TDashboard) => d.panels.itemsByKind!.rows.find((r) => r.kind === 'inspection')!;
      const startYear = Number(after.period.from.slice(0, 4));
      const row = await t.deps.db.selectFrom('items').select(['valid_from', 'teacher_hours']).where('id', '=', id).executeTakeFirstOrThrow();
      // counted when its window falls in this year
      expect(inspections(after).currentCount - inspections(before).currentCount).toBe(Number(row.valid_from!.slice(0, 4)) === startYear ? 1 : 0);
      expect(after.panels.hoursTrend!.totals.imposed - before.panels.hoursTrend!.totals.imposed).toBeCloseTo(Number(row.teacher_hours), 1);
      expect(after.panels.reduction!.baselineCount).toBe(0);
      expect(after.panels.reduction!.countReduction).toBeNull();
    });

    it("exports a panel's table as Excel: Chinese headers, frozen header row, widths, numbers", async () => {
      const d = await dash('county.leader', s.firstBureauId);
      const res = await (await as('county.leader')).get(`/api/v1/dashboards/${s.firstBureauId}/export.xlsx?panel=itemsByKind&from=${from}&to=${to}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['事项类别', '基线数量', '本期数量', '基线工时（小时/年）', '本期工时（小时/年）']);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(20);
      expect(ws.rowCount).toBe(1 + d.panels.itemsByKind!.rows.length);
      expect(ws.getRow(2).getCell(1).value).toBe('督查检查');
      expect(ws.getRow(2).getCell(3).value).toBe(d.panels.itemsByKind!.rows[0]!.currentCount);
      const bad = await (await as('county.leader')).get(`/api/v1/dashboards/${s.firstBureauId}/export.xlsx?panel=nope`);
      expect(bad.statusCode).toBe(400);
      const outside = await (await as('school.admin')).get(`/api/v1/dashboards/${s.firstBureauId}/export.xlsx?panel=itemsByKind`);
      expect(outside.statusCode).toBe(404);
    });
  });
}
