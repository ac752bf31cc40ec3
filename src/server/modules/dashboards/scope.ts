import type { TDashboardLevel } from '../../../domain/dashboards/types';
import type { TCtx } from '../../context';
import type { TDb } from '../../db/connect';
import type { TOrgRow } from '../../db/types';
import { AppError } from '../../http/errors';
import { authorize, inScope } from '../../policy';
import { regionPathOf } from '../auth/sessions';
import { findOrgById } from '../orgs/repo';

/**
 * Whose figures a dashboard shows. A school shows itself; a region shows its own items and every
 * region below it (a city aggregates its counties); an agency or section (the county bureau)
 * shows the region it sits in.
 */
export interface TDashboardTarget {
  org: TOrgRow;
  level: TDashboardLevel;
  /** The region whose data is shown (for a school: the region it sits in). */
  region: TOrgRow;
  /** The region and every region below it: items are counted by `items.region_org_id`. */
  regionIds: number[];
  /** The school of a school dashboard. */
  schoolId: number | null;
  /** Materialised path that bounds the data (schools counted, secondments…). */
  rootPath: string;
}

async function regionsUnder(db: TDb, path: string) {
  return db.selectFrom('orgs').select(['id', 'parent_id', 'path', 'name', 'code', 'depth']).where('kind', '=', 'region').where('path', 'like', `${path}%`).execute();
}

/** Resolves the dashboard of `orgId` for the actor: 404 outside the actor's scope, 403 without the ability. */
export async function resolveTarget(ctx: TCtx, orgId: number): Promise<TDashboardTarget> {
  const org = await findOrgById(ctx.db, orgId);
  if (!org || !inScope(ctx.actor, org.path)) throw new AppError('NOT_FOUND');
  authorize(ctx.actor, 'dashboard.read');
  if (org.kind === 'enterprise') throw new AppError('NOT_FOUND');
  const regionPath = org.kind === 'region' ? org.path : await regionPathOf(ctx.db, org.path);
  const regionId = Number(regionPath.split('/').filter(Boolean).pop());
  const region = regionId === org.id ? org : await findOrgById(ctx.db, regionId);
  if (!region || region.kind !== 'region') throw new AppError('NOT_FOUND');
  if (org.kind === 'school') {
    return { org, level: 'school', region, regionIds: [region.id], schoolId: org.id, rootPath: org.path };
  }
  // a bureau's dashboard shows its county: the actor must see the whole county
  if (!inScope(ctx.actor, region.path)) throw new AppError('NOT_FOUND');
  const regions = await regionsUnder(ctx.db, region.path);
  const level: TDashboardLevel = regions.some((r) => r.parent_id === region.id) ? 'region' : 'county';
  return { org, level, region, regionIds: regions.map((r) => r.id), schoolId: null, rootPath: region.path };
}

/** The counties (regions without regions below them) of a region dashboard. */
export async function countiesOf(db: TDb, region: TOrgRow) {
  const regions = await regionsUnder(db, region.path);
  const parents = new Set(regions.map((r) => r.parent_id));
  return regions.filter((r) => r.id !== region.id && !parents.has(r.id)).sort((a, b) => (a.code ?? '').localeCompare(b.code ?? ''));
}

/** Where one can go from a dashboard: the level above (in scope) and the levels below. */
export async function drillOf(ctx: TCtx, t: TDashboardTarget) {
  let parent: { id: number; name: string } | null = null;
  const upId = t.level === 'school' ? t.region.id : t.region.parent_id;
  if (upId) {
    const up = await findOrgById(ctx.db, upId);
    if (up && inScope(ctx.actor, up.path)) parent = { id: up.id, name: up.name };
  }
  let children: { id: number; name: string; kind: string }[] = [];
  if (t.level === 'region') {
    children = (await ctx.db.selectFrom('orgs').select(['id', 'name', 'kind', 'code']).where('kind', '=', 'region').where('parent_id', '=', t.region.id).orderBy('code').execute()).map((r) => ({ id: r.id, name: r.name, kind: r.kind }));
  } else if (t.level === 'county') {
    const rows = await ctx.db
      .selectFrom('orgs')
      .select(['id', 'name', 'kind'])
      .where('kind', '=', 'school')
      .where('status', '=', 'active')
      .where('path', 'like', `${t.region.path}%`)
      .orderBy('code')
      .limit(1000)
      .execute();
    children = rows;
  }
  return { parent, children };
}
