import type { Kysely } from 'kysely';
import type { TDatabase } from '../../db/types';
import type { TSubjectType } from './masterRepo';

/** A template column and its match: the matcher's suggestion and what is in effect after the requester's edits. */
export interface TCollectionColumn {
  index: number;
  sheet: string;
  col: number;
  header: string;
  labels: string[];
  suggested: string | null;
  confidence: number;
  field: string | null;
  mode: 'auto' | 'manual' | 'new';
}

export interface TTemplateSheetInfo {
  name: string;
  headerStartRow: number;
  headerEndRow: number;
  firstDataRow: number;
}

export interface TColumnsDoc {
  sheets: TTemplateSheetInfo[];
  columns: TCollectionColumn[];
}

export interface TReuse {
  columns: number;
  matched: number;
  /** Matched columns with a value held for at least one subject of the population. */
  held: number;
  population: number;
  cellsTotal: number;
  /** Cells of matched columns with a value held: what Jianfu fills in. */
  cellsHeld: number;
  perColumn: { index: number; heldCount: number }[];
}

export interface TOverlapEntry {
  collectionId: number;
  title: string;
  requesterName: string;
  itemId: number | null;
  admissionNo: string | null;
  createdAt: string;
  sharedKeys: string[];
  keyShare: number;
  populationShare: number;
  overlap: number;
}

export interface TOverlap {
  max: number;
  threshold: number;
  requiresJustification: boolean;
  since: string;
  items: TOverlapEntry[];
}

export type TCollectionStatus = 'draft' | 'submitted' | 'open' | 'closed';

export function collectionQuery(db: Kysely<TDatabase>) {
  return db
    .selectFrom('collections as c')
    .innerJoin('orgs as r', 'r.id', 'c.requester_org_id')
    .leftJoin('items as i', 'i.id', 'c.item_id')
    .selectAll('c')
    .select(['r.name as requester_name', 'r.path as requester_path', 'i.status as item_status', 'i.admission_no', 'i.verify_code', 'i.window_end', 'i.revoked_at']);
}

export type TCollectionJoined = NonNullable<Awaited<ReturnType<ReturnType<typeof collectionQuery>['executeTakeFirst']>>>;

export async function findCollectionById(db: Kysely<TDatabase>, id: number): Promise<TCollectionJoined | undefined> {
  return collectionQuery(db).where('c.id', '=', id).executeTakeFirst();
}

export function columnsDocOf(row: { columns_json: string }): TColumnsDoc {
  return JSON.parse(row.columns_json) as TColumnsDoc;
}

export function subjectTypeOf(row: { subject_type: string }): TSubjectType {
  return row.subject_type === 'school' ? 'school' : 'teacher';
}

export async function schoolIdsOf(db: Kysely<TDatabase>, collectionId: number): Promise<number[]> {
  const rows = await db.selectFrom('collection_schools').select('school_org_id').where('collection_id', '=', collectionId).orderBy('school_org_id').execute();
  return rows.map((r) => r.school_org_id);
}

export async function replaceCollectionSchools(trx: Kysely<TDatabase>, collectionId: number, schoolIds: readonly number[]): Promise<void> {
  await trx.deleteFrom('collection_schools').where('collection_id', '=', collectionId).execute();
  for (let i = 0; i < schoolIds.length; i += 200) {
    await trx
      .insertInto('collection_schools')
      .values(schoolIds.slice(i, i + 200).map((s) => ({ collection_id: collectionId, school_org_id: s })))
      .execute();
  }
}

/** The catalog keys a collection asks for (matched columns, each once). */
export function matchedKeys(doc: TColumnsDoc): string[] {
  return [...new Set(doc.columns.map((c) => c.field).filter((f): f is string => f !== null))];
}
