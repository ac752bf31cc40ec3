import type { Kysely } from 'kysely';
import type { TDatabase, TOrgRow } from '../../db/types';
import { nowIso } from '../../context';

export interface TOrgInsert {
  parentId: number | null;
  kind: string;
  name: string;
  code?: string | null;
  schoolType?: string | null;
  regionCode?: string | null;
  hotline?: string | null;
  mailbox?: string | null;
}

/** Inserts an org and sets its materialised path from the parent's. */
export async function insertOrg(db: Kysely<TDatabase>, input: TOrgInsert): Promise<TOrgRow> {
  const parent = input.parentId == null ? null : await db.selectFrom('orgs').select(['path', 'depth']).where('id', '=', input.parentId).executeTakeFirstOrThrow();
  const at = nowIso();
  const { id } = await db
    .insertInto('orgs')
    .values({
      parent_id: input.parentId,
      kind: input.kind,
      code: input.code ?? null,
      name: input.name,
      path: '/',
      depth: parent ? parent.depth + 1 : 0,
      region_code: input.regionCode ?? null,
      school_type: input.schoolType ?? null,
      hotline: input.hotline ?? null,
      mailbox: input.mailbox ?? null,
      status: 'active',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const path = `${parent?.path ?? '/'}${id}/`;
  return db.updateTable('orgs').set({ path }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export function findOrgById(db: Kysely<TDatabase>, id: number): Promise<TOrgRow | undefined> {
  return db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();
}

export function presentOrg(row: TOrgRow) {
  return {
    id: row.id,
    parentId: row.parent_id,
    kind: row.kind,
    code: row.code,
    name: row.name,
    schoolType: row.school_type,
    regionCode: row.region_code,
    hotline: row.hotline,
    mailbox: row.mailbox,
    status: row.status,
  };
}
