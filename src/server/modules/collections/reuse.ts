import type { Kysely } from 'kysely';
import { chinaToday } from '../../../domain/time';
import type { TDatabase } from '../../db/types';
import type { THeldCell, TSubjectType } from './masterRepo';
import { matchedKeys, type TColumnsDoc, type TOverlap, type TOverlapEntry, type TReuse } from './repo';

/**
 * The reuse ratio ("18 of 22 columns already held"): a column is held when it is matched to a
 * catalog key and master data (or the identity tables, or a derived key's source) holds a value
 * for at least one subject of the population. Cell counts say how much of the grid is filled in.
 */
export function computeReuse(doc: TColumnsDoc, held: Map<number, Map<string, THeldCell>>, population: number): TReuse {
  // a column is counted once even when a template repeats it on several sheets
  const perColumn = doc.columns.map((c) => {
    let heldCount = 0;
    if (c.field) for (const m of held.values()) if (m.has(c.field)) heldCount++;
    return { index: c.index, heldCount };
  });
  const matched = doc.columns.filter((c) => c.field !== null).length;
  return {
    columns: doc.columns.length,
    matched,
    held: perColumn.filter((p) => p.heldCount > 0).length,
    population,
    cellsTotal: doc.columns.length * population,
    cellsHeld: perColumn.reduce((s, p) => s + p.heldCount, 0),
    perColumn,
  };
}

/** `YYYY-MM-DD` twelve months before `day`. */
export function monthsBefore(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Overlap with the region's other collections of the last 12 months (submitted, open or closed):
 * for each, the share of this collection's matched keys it also asked (|K ∩ K'| / |K|) times the
 * share of this population's schools it also covered (|S ∩ S'| / |S|). The highest one is compared
 * with the rule set's `dataCollectionOverlapThreshold`; every collection with some overlap is named.
 */
export async function computeOverlap(
  db: Kysely<TDatabase>,
  opts: { collectionId: number; regionOrgId: number; subjectType: TSubjectType; doc: TColumnsDoc; schoolIds: readonly number[]; threshold: number; today?: string },
): Promise<TOverlap> {
  const since = monthsBefore(opts.today ?? chinaToday(), 12);
  const keys = matchedKeys(opts.doc);
  const empty: TOverlap = { max: 0, threshold: opts.threshold, requiresJustification: false, since, items: [] };
  if (!keys.length || !opts.schoolIds.length) return empty;
  const others = await db
    .selectFrom('collections as c')
    .innerJoin('orgs as r', 'r.id', 'c.requester_org_id')
    .leftJoin('items as i', 'i.id', 'c.item_id')
    .select(['c.id', 'c.title', 'c.columns_json', 'c.item_id', 'c.created_at', 'r.name as requester_name', 'i.admission_no', 'i.status as item_status'])
    .where('c.region_org_id', '=', opts.regionOrgId)
    .where('c.id', '!=', opts.collectionId)
    .where('c.subject_type', '=', opts.subjectType)
    .where('c.status', 'in', ['submitted', 'open', 'closed'])
    .where('c.created_at', '>=', `${since}T00:00:00.000Z`)
    .execute();
  const live = others.filter((o) => !['rejected', 'cancelled', 'merged', 'revoked'].includes(o.item_status ?? ''));
  if (!live.length) return empty;
  const schoolRows = await db
    .selectFrom('collection_schools')
    .select(['collection_id', 'school_org_id'])
    .where('collection_id', 'in', live.map((o) => o.id))
    .where('school_org_id', 'in', [...opts.schoolIds])
    .execute();
  const shared = new Map<number, number>();
  for (const r of schoolRows) shared.set(r.collection_id, (shared.get(r.collection_id) ?? 0) + 1);
  const mine = new Set(keys);
  const items: TOverlapEntry[] = [];
  for (const o of live) {
    const theirs = new Set(matchedKeys(JSON.parse(o.columns_json) as TColumnsDoc));
    const sharedKeys = keys.filter((k) => theirs.has(k));
    const keyShare = sharedKeys.length / mine.size;
    const populationShare = (shared.get(o.id) ?? 0) / opts.schoolIds.length;
    const overlap = round3(keyShare * populationShare);
    if (overlap <= 0) continue;
    items.push({ collectionId: o.id, title: o.title, requesterName: o.requester_name, itemId: o.item_id, admissionNo: o.admission_no, createdAt: o.created_at, sharedKeys, keyShare: round3(keyShare), populationShare: round3(populationShare), overlap });
  }
  items.sort((a, b) => b.overlap - a.overlap || b.collectionId - a.collectionId);
  const max = items[0]?.overlap ?? 0;
  return { max, threshold: opts.threshold, requiresJustification: max >= opts.threshold, since, items };
}
