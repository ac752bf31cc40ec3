import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { chinaToday } from '../../../domain/time';
import type { TRole } from '../../../domain/roles';
import type { TDeps } from '../../context';
import { recordAudit } from '../../modules/audit/record';
import { makeUser, systemCtx } from '../factories';
import { nextId, syncSequence, writeBatches } from './batch';
import { casesTableExists, seedCases } from './cases';
import { estimateItemRows, writeItems, type TItemTotals } from './items';
import { buildOrgTree, orgRows, type TSynProvince } from './orgs';
import { PROVINCE_CODE, SCALE_PLANS, prng, type TScale } from './plan';
import { createProgress } from './progress';
import { teacherRows } from './teachers';

export { SCALES, SCALE_PLANS, PROVINCE_CODE, type TScale } from './plan';

/** Accounts of the synthetic province, one per level (password: the demo password). */
export const PROVINCE_ACCOUNTS: readonly { username: string; role: TRole; where: 'province' | 'city' | 'countyBureau' | 'countyOffice' | 'school' }[] = [
  { username: 'prov.leader', role: 'leader', where: 'province' },
  { username: 'city.leader', role: 'leader', where: 'city' },
  { username: 'county.leader', role: 'leader', where: 'countyBureau' },
  { username: 'county.office', role: 'office', where: 'countyOffice' },
  { username: 'school.admin', role: 'school_admin', where: 'school' },
];

export interface TProvinceSummary {
  scale: TScale;
  provinceId: number;
  firstCityId: number;
  firstCountyId: number;
  firstBureauId: number;
  firstSchoolId: number;
  orgs: number;
  teachers: number;
  items: TItemTotals;
  cases: number | null;
  seconds: number;
  phases: Record<string, number>;
}

const TEACHER_BATCH = 1000;

/**
 * Builds the synthetic province (`province`: 16 cities, 130 counties, 20k schools, 1M teachers,
 * 500k items, 200k cases; `county`: a small one for tests) with multi-row INSERTs in
 * transactions, on either database, with a progress bar on stderr. Refuses when a region with
 * the province's code exists already.
 */
export async function seedProvince(deps: TDeps, opts: { scale: TScale; password: string; seed?: number; quiet?: boolean; log?: (line: string) => void }): Promise<TProvinceSummary> {
  const log = opts.log ?? ((l: string) => console.error(l));
  const plan = SCALE_PLANS[opts.scale];
  const exists = await deps.db.selectFrom('orgs').select('id').where('kind', '=', 'region').where('code', '=', PROVINCE_CODE).executeTakeFirst();
  if (exists) throw new Error(`region ${PROVINCE_CODE} exists already: the synthetic province is seeded once per database`);
  const rand = prng(opts.seed ?? 20_260_101);
  const today = chinaToday();
  const at = new Date().toISOString();
  const t0 = performance.now();
  const phases: Record<string, number> = {};
  const timed = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const s = performance.now();
    const r = await fn();
    phases[name] = Math.round(performance.now() - s) / 1000;
    return r;
  };

  const tree: TSynProvince = buildOrgTree(plan, await nextId(deps.db, 'orgs'), rand);
  const withCases = await casesTableExists(deps);
  const total = tree.orgs.length + plan.teachers + estimateItemRows(plan.items) + (withCases ? plan.cases : 0);
  const progress = createProgress({ total, quiet: !!opts.quiet });
  log(`seeding the synthetic ${opts.scale} ${tree.province.name} (${PROVINCE_CODE}) on ${deps.dialect}: ${tree.cities.length} cities, ${tree.counties.length} counties, ${plan.schools} schools, ${plan.teachers} teachers, ${plan.items} items, ${withCases ? `${plan.cases} cases` : 'no cases (the cases table does not exist yet: migration 0004 missing)'}`);

  if (deps.dialect === 'sqlite') {
    // the unique HMAC index of 1M teachers takes random inserts: give SQLite a page cache that holds it (256 MB)
    await sql`PRAGMA cache_size = -262144`.execute(deps.db);
  }
  progress.phase('orgs');
  await timed('orgs', () => writeBatches(deps.db, 'orgs', orgRows(tree, at), { batch: 1000, perTx: 50_000, progress }));
  await syncSequence(deps.db, deps.dialect, 'orgs');

  progress.phase('teachers');
  const teachers = await timed('teachers', async () => {
    let n = 0;
    for (const county of tree.counties) n += await writeBatches(deps.db, 'teachers', teacherRows(county, deps.fieldCrypto, rand, at), { batch: TEACHER_BATCH, perTx: 20_000, progress });
    return n;
  });

  const ids = { item: await nextId(deps.db, 'items'), event: await nextId(deps.db, 'item_events'), baseline: await nextId(deps.db, 'baseline_items') };
  const items = await timed('items', () => writeItems(deps.db, { counties: tree.counties, itemsTotal: plan.items, rand, today, at, ids, progress }));
  for (const t of ['items', 'item_events', 'baseline_items']) await syncSequence(deps.db, deps.dialect, t);

  let cases: number | null = null;
  if (withCases) {
    progress.phase('cases');
    cases = await timed('cases', () => seedCases(deps, { tree, total: plan.cases, rand, today, progress }));
  }
  progress.done();

  await timed('accounts', async () => {
    const c0 = tree.counties[0]!;
    const orgOf = { province: tree.province, city: tree.cities[0]!, countyBureau: c0.bureau, countyOffice: c0.office, school: c0.schools[0]! } as const;
    for (const a of PROVINCE_ACCOUNTS) {
      const org = await deps.db.selectFrom('orgs').selectAll().where('id', '=', orgOf[a.where].id).executeTakeFirstOrThrow();
      const taken = await deps.db.selectFrom('users').select('id').where('username', '=', a.username).executeTakeFirst();
      if (!taken) await makeUser(deps, { org, role: a.role, username: a.username, displayName: `${org.name}（${a.role}）`, password: opts.password, mustChangePassword: false });
    }
  });

  // statistics for the planner, and on PostgreSQL the visibility map, without which the
  // dashboards' index-only scans would visit the heap for every freshly written row
  await timed('analyze', async () => {
    const tables = sql.raw(`orgs, teachers, items, item_schools, item_events, baseline_items${withCases ? ', cases' : ''}`);
    await (deps.dialect === 'postgres' ? sql`VACUUM ANALYZE ${tables}` : sql`ANALYZE`).execute(deps.db);
  });
  const seconds = Math.round(performance.now() - t0) / 1000;
  await recordAudit(deps.db, systemCtx(deps), { action: 'seed.province', objectType: 'org', objectId: tree.province.id, after: { scale: opts.scale, orgs: tree.orgs.length, teachers, items, cases, seconds } });
  const c0 = tree.counties[0]!;
  return { scale: opts.scale, provinceId: tree.province.id, firstCityId: tree.cities[0]!.id, firstCountyId: c0.region.id, firstBureauId: c0.bureau.id, firstSchoolId: c0.schools[0]!.id, orgs: tree.orgs.length, teachers, items, cases, seconds, phases };
}
