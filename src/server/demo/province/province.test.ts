import { describe, expect, it } from 'vitest';
import { validateRegionCode } from '../../../domain/validators/regionCode';
import { validateSchoolCode } from '../../../domain/validators/schoolCode';
import type { TSchoolType } from '../../../domain/roles';
import { buildOrgTree } from './orgs';
import { SCALE_PLANS, prng } from './plan';
import { createProgress } from './progress';

describe('the synthetic province plan (seed --scale province)', () => {
  const plan = SCALE_PLANS.province;
  const tree = buildOrgTree(plan, 1, prng(20_260_101));

  it('has 16 cities, 130 counties, 20k schools and 1M teachers, as the issue asks', () => {
    expect(plan).toMatchObject({ cities: 16, counties: 130, schools: 20_000, teachers: 1_000_000, items: 500_000, cases: 200_000 });
    expect(tree.cities).toHaveLength(16);
    expect(tree.counties).toHaveLength(130);
    const schools = tree.counties.flatMap((c) => c.schools);
    expect(schools).toHaveLength(20_000);
    expect(schools.reduce((n, s) => n + s.teachers, 0)).toBe(1_000_000);
    // plausible: every school has staff, none absurdly many, and counties differ in size
    expect(Math.min(...schools.map((s) => s.teachers))).toBeGreaterThan(0);
    expect(Math.max(...schools.map((s) => s.teachers))).toBeLessThan(1_000);
    const perCounty = tree.counties.map((c) => c.schools.length);
    expect(Math.max(...perCounty)).toBeGreaterThan(Math.min(...perCounty));
  });

  it('gives every org a unique id and path under its parent, and every code is valid', () => {
    const ids = new Set(tree.orgs.map((o) => o.id));
    expect(ids.size).toBe(tree.orgs.length);
    const byId = new Map(tree.orgs.map((o) => [o.id, o]));
    for (const o of tree.orgs) {
      if (o.parent_id === null) continue;
      const parent = byId.get(o.parent_id)!;
      expect(o.path.startsWith(parent.path), o.name).toBe(true);
      expect(o.depth).toBe(parent.depth + 1);
    }
    const regionCodes = [tree.province, ...tree.cities, ...tree.counties.map((c) => c.region)].map((r) => r.code!);
    expect(new Set(regionCodes).size).toBe(regionCodes.length);
    for (const code of regionCodes) expect(validateRegionCode(code).ok, code).toBe(true);
    const schools = tree.counties.flatMap((c) => c.schools);
    const schoolCodes = new Set(schools.map((s) => s.code));
    expect(schoolCodes.size).toBe(schools.length);
    for (const s of schools.slice(0, 2_000)) expect(validateSchoolCode(s.code!, { expectedType: s.school_type as TSchoolType }).ok, s.code!).toBe(true);
  });

  it('is the same province for the same seed', () => {
    const again = buildOrgTree(SCALE_PLANS.county, 1, prng(7));
    const once = buildOrgTree(SCALE_PLANS.county, 1, prng(7));
    expect(again.orgs.map((o) => `${o.code}${o.name}`)).toEqual(once.orgs.map((o) => `${o.code}${o.name}`));
  });
});

describe('the seed progress bar', () => {
  const sink = (isTTY: boolean) => {
    const chunks: string[] = [];
    return { out: { isTTY, write: (s: string) => chunks.push(s) } as unknown as NodeJS.WriteStream, chunks };
  };

  it('redraws one line on a terminal: phase, percentage, rows, rate and ETA', () => {
    const s = sink(true);
    const p = createProgress({ total: 1_000, out: s.out });
    p.phase('teachers');
    p.add(250);
    p.done();
    expect(s.chunks.length).toBeGreaterThanOrEqual(2);
    expect(s.chunks[0]).toMatch(/^\r\[ {30}\]\s+0\.0%\s+teachers\s+0\/1,000 rows/);
    const last = s.chunks.filter((c) => c.startsWith('\r')).at(-1)!;
    expect(last).toMatch(/\[={30}\] 100\.0%\s+teachers\s+1,000\/1,000 rows\s+[\d,]+ rows\/s\s+ETA \d+:\d\d\s+elapsed \d+:\d\d/);
    expect(s.chunks.at(-1)).toBe('\n');
  });

  it('prints whole lines when not on a terminal, and nothing when quiet', () => {
    const s = sink(false);
    const p = createProgress({ total: 10, out: s.out });
    p.phase('orgs');
    p.done();
    expect(s.chunks.every((c) => c.endsWith('\n') && !c.includes('\r'))).toBe(true);
    expect(s.chunks.at(-1)).toContain('100.0%');
    const q = sink(false);
    const quiet = createProgress({ total: 10, out: q.out, quiet: true });
    quiet.phase('orgs');
    quiet.add(5);
    quiet.done();
    expect(q.chunks).toEqual([]);
  });
});
