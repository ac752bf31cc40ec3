import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { validateIdNumber } from '../../domain/validators/idNumber';
import { validateSchoolCode } from '../../domain/validators/schoolCode';
import { validateUscc } from '../../domain/validators/uscc';
import type { TSchoolType } from '../../domain/roles';
import { buildApp } from '../http/app';
import { TestClient } from '../testing/client';
import { DIALECTS, createTestDeps, type TTestDeps } from '../testing/db';
import { chinaToday } from '../../domain/time';
import { publicStatusOf } from '../modules/register/public';
import { DEMO_ACCOUNTS, isDatabaseEmpty, seedDemoCounty } from './demoCounty';

for (const dialect of DIALECTS) {
  describe(`demo county [${dialect}]`, () => {
    let deps: TTestDeps;
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
    });
    afterAll(() => deps.close());

    it('builds the county with its bureau, sections, departments, ~30 schools and ~1,200 teachers, all codes valid', async () => {
      expect(await isDatabaseEmpty(deps)).toBe(true);
      const s = await seedDemoCounty(deps, { password: 'Demo#Pass2026' });
      expect(s.county.code).toBe('530529');
      expect(s.schools).toBe(30);
      expect(s.teachers).toBeGreaterThanOrEqual(1100);
      expect(s.teachers).toBeLessThanOrEqual(1300);
      const names = (await deps.db.selectFrom('orgs').select('name').execute()).map((r) => r.name);
      for (const n of ['青禾县教育体育局', '办公室', '人事股', '基础教育股', '安全股', '督导室', '青禾县统计局', '青禾县审计局', '青禾县财政局']) expect(names).toContain(n);
      const schools = await deps.db.selectFrom('orgs').select(['code', 'school_type']).where('kind', '=', 'school').execute();
      const types = new Set(schools.map((r) => r.school_type));
      expect([...types].sort()).toEqual(['complete_middle', 'junior', 'primary']);
      for (const r of schools) expect(validateSchoolCode(r.code!, { expectedType: r.school_type as TSchoolType }).ok).toBe(true);
      for (const r of await deps.db.selectFrom('orgs').select('code').where('kind', '=', 'enterprise').execute()) expect(validateUscc(r.code!).ok).toBe(true);
      const teachers = await deps.db.selectFrom('teachers').select(['id_number_enc', 'birth_date', 'gender']).execute();
      const seen = new Set<string>();
      for (const t of teachers) {
        const id = deps.fieldCrypto.decrypt(t.id_number_enc);
        const v = validateIdNumber(id);
        expect(v.ok).toBe(true);
        if (v.ok) {
          expect(v.birthDate).toBe(t.birth_date);
          expect(v.gender).toBe(t.gender);
        }
        expect(t.id_number_enc).not.toContain(id.slice(6, 14));
        seen.add(id);
      }
      expect(seen.size).toBe(teachers.length);
      // master data: every teacher's roster values, sensitive ones encrypted (collections issue)
      const mv = await deps.db.selectFrom('master_values').select(['catalog_key', 'value_text', 'value_enc', 'source']).execute();
      expect(mv.length).toBeGreaterThanOrEqual(teachers.length * 12);
      expect(mv.filter((v) => v.catalog_key === 'teacher.idNumber').every((v) => v.value_text === null && v.value_enc)).toBe(true);
      expect(mv.every((v) => v.source.startsWith('roster_import:'))).toBe(true);
      // the register: approved, expired, not yet valid and revoked items of several kinds, a draft and one awaiting review
      const items = await deps.db.selectFrom('items').select(['kind', 'status', 'valid_from', 'valid_to', 'revoked_at']).execute();
      const statuses = new Set(items.map((i) => i.status));
      for (const st of ['approved', 'revoked', 'draft', 'submitted']) expect(statuses).toContain(st);
      expect(new Set(items.filter((i) => i.status === 'approved').map((i) => i.kind)).size).toBeGreaterThanOrEqual(5);
      const today = chinaToday();
      const pub = new Set(items.map((i) => publicStatusOf(i, today)).filter(Boolean));
      for (const st of ['valid', 'expired', 'not_yet_valid', 'revoked']) expect(pub).toContain(st);
    });

    it('has one account per role that signs in with the demo password', async () => {
      const app = await buildApp({ deps });
      try {
        for (const a of DEMO_ACCOUNTS) {
          const c = new TestClient(app);
          const r = await c.login(a.username, 'Demo#Pass2026');
          expect(r.statusCode, a.username).toBe(200);
          expect(r.json().user.role).toBe(a.role);
        }
        const office = new TestClient(app);
        await office.login('office', 'Demo#Pass2026');
        const stats = (await office.get('/api/v1/home/stats')).json();
        expect(stats.schools).toBe(30);
        expect(stats.teachers).toBeGreaterThanOrEqual(1100);
      } finally {
        await app.close();
      }
      expect(await isDatabaseEmpty(deps)).toBe(false);
    });
  });
}

/**
 * The demo county is built relative to today: it must load on any day of the year, including the
 * turn of the year, when its items' windows cross into the next or the previous year.
 */
describe('demo county on awkward days [sqlite]', () => {
  for (const day of ['2027-01-02', '2027-01-20', '2026-02-05', '2026-11-10', '2026-12-20', '2026-12-31']) {
    it(`loads on ${day}, with valid, expired, not yet valid and revoked items`, async () => {
      vi.useFakeTimers({ toFake: ['Date'], now: new Date(`${day}T02:00:00Z`) });
      const deps = await createTestDeps('sqlite');
      try {
        expect(chinaToday()).toBe(day);
        await seedDemoCounty(deps, { password: 'Demo#Pass2026', teachersPerSchool: 3 });
        const items = await deps.db.selectFrom('items').select(['kind', 'status', 'valid_from', 'valid_to', 'revoked_at']).execute();
        const pub = new Set(items.map((i) => publicStatusOf(i, day)).filter(Boolean));
        for (const st of ['valid', 'expired', 'not_yet_valid', 'revoked']) expect(pub, day).toContain(st);
        // the expired item lies in the current year whenever the year is old enough to hold one
        if (day.slice(5) >= '01-20') {
          expect(items.some((i) => publicStatusOf(i, day) === 'expired' && i.valid_from!.slice(0, 4) === day.slice(0, 4))).toBe(true);
        }
      } finally {
        await deps.close();
        vi.useRealTimers();
      }
    });
  }
});
