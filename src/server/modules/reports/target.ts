import type { TDb } from '../../db/connect';
import type { TOrgRow } from '../../db/types';
import { AppError } from '../../http/errors';
import { findLeadershipGroup } from '../leadership/service';

/** Ids on an org's materialised path, root first. */
function pathIds(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}

/** The nearest region at or above an org. */
async function regionOf(db: TDb, org: TOrgRow): Promise<TOrgRow> {
  if (org.kind === 'region') return org;
  const region = await db.selectFrom('orgs').selectAll().where('id', 'in', pathIds(org.path)).where('kind', '=', 'region').orderBy('depth', 'desc').executeTakeFirst();
  if (!region) throw new AppError('REPORT_ORG_INVALID');
  return region;
}

/** Region ids of a region's subtree (a county is usually just itself). */
async function regionIdsUnder(db: TDb, region: TOrgRow): Promise<number[]> {
  const rows = await db.selectFrom('orgs').select('id').where('kind', '=', 'region').where('path', 'like', `${region.path}%`).execute();
  return rows.map((r) => r.id);
}

export interface TCountyTarget {
  region: TOrgRow;
  regionIds: number[];
  /** The education bureau that issues the report (or the region when it has none). */
  issuer: TOrgRow;
}

/**
 * What a county stage report is about. For a region: the agency right under it that holds the
 * teacher-burden leadership group, else the one with most schools under it (the education
 * bureau). For an agency: itself, in its region.
 */
export async function resolveCountyTarget(db: TDb, org: TOrgRow): Promise<TCountyTarget> {
  if (org.kind !== 'region' && org.kind !== 'agency') throw new AppError('REPORT_ORG_INVALID');
  const region = await regionOf(db, org);
  const regionIds = await regionIdsUnder(db, region);
  if (org.kind === 'agency') return { region, regionIds, issuer: org };
  const agencies = await db
    .selectFrom('orgs as a')
    .leftJoin('orgs as s', (j) => j.onRef('s.parent_id', '=', 'a.id').on('s.kind', '=', 'school'))
    .select(['a.id', (eb) => eb.fn.count<number>('s.id').as('schools')])
    .where('a.parent_id', '=', region.id)
    .where('a.kind', '=', 'agency')
    .where('a.status', '=', 'active')
    .groupBy('a.id')
    .execute();
  const withGroup = await findLeadershipGroup({ db, orgIds: agencies.map((a) => a.id), topic: 'teacher_burden' });
  const best = withGroup?.orgId ?? [...agencies].sort((a, b) => Number(b.schools) - Number(a.schools) || a.id - b.id).find((a) => Number(a.schools) > 0)?.id;
  const issuer = best ? await db.selectFrom('orgs').selectAll().where('id', '=', best).executeTakeFirstOrThrow() : region;
  return { region, regionIds, issuer };
}

export interface TSchoolTarget {
  school: TOrgRow;
  region: TOrgRow;
}

export async function resolveSchoolTarget(db: TDb, org: TOrgRow): Promise<TSchoolTarget> {
  if (org.kind !== 'school') throw new AppError('REPORT_ORG_INVALID');
  return { school: org, region: await regionOf(db, org) };
}
