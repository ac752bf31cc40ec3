import { CompiledQuery } from 'kysely';
import { normalizeVerifyCode } from '../../../domain/register/codes';
import { chinaToday } from '../../../domain/time';
import type { TDeps } from '../../context';

export type TPublicStatus = 'valid' | 'not_yet_valid' | 'expired' | 'revoked';

/** What the public sees of an approved item on a given day. */
export function publicStatusOf(row: { status: string; valid_from: string | null; valid_to: string | null; revoked_at: string | null }, today: string): TPublicStatus | null {
  if (!row.valid_from || !row.valid_to) return null;
  if (row.status === 'merged' || row.status === 'cancelled' || row.status === 'rejected') return 'revoked';
  if (row.status === 'revoked' && (!row.revoked_at || row.revoked_at <= today)) return 'revoked';
  if (today < row.valid_from) return 'not_yet_valid';
  const until = row.status === 'revoked' && row.revoked_at && row.revoked_at <= row.valid_to ? row.revoked_at : row.valid_to;
  if (today > until) return 'expired';
  return 'valid';
}

/** The verify lookup, one round trip: the item, its issuer and its schools' names (JSON array, by org id). */
const VERIFY_SQL = {
  sqlite: `SELECT i.status, i.kind, i.title, i.admission_no, i.valid_from, i.valid_to, i.revoked_at, o.name AS issuer_name,
    (SELECT json_group_array(name) FROM (SELECT s.name FROM item_schools x JOIN orgs s ON s.id = x.school_org_id WHERE x.item_id = i.id ORDER BY s.id)) AS schools
    FROM items i JOIN orgs o ON o.id = i.issuer_org_id WHERE i.verify_code = ?`,
  postgres: `SELECT i.status, i.kind, i.title, i.admission_no, i.valid_from, i.valid_to, i.revoked_at, o.name AS issuer_name,
    (SELECT coalesce(json_agg(s.name ORDER BY s.id), '[]'::json) FROM item_schools x JOIN orgs s ON s.id = x.school_org_id WHERE x.item_id = i.id) AS schools
    FROM items i JOIN orgs o ON o.id = i.issuer_org_id WHERE i.verify_code = $1`,
} as const;

interface TVerifyRow {
  status: string;
  kind: string;
  title: string;
  admission_no: string | null;
  valid_from: string | null;
  valid_to: string | null;
  revoked_at: string | null;
  issuer_name: string;
  /** A JSON text on SQLite, already parsed on PostgreSQL. */
  schools: string | string[];
}

/** Public verification of a code: status, what, who, where, when. Unknown codes reveal nothing. */
export async function verifyCode(deps: TDeps, code: string) {
  const normal = normalizeVerifyCode(code);
  if (!normal || normal.length > 32) return null;
  const res = await deps.db.executeQuery<TVerifyRow>(CompiledQuery.raw(VERIFY_SQL[deps.dialect], [normal]));
  const row = res.rows[0];
  if (!row) return null;
  const status = publicStatusOf(row, chinaToday());
  if (!status) return null;
  return {
    status,
    admissionNo: row.admission_no,
    kind: row.kind,
    title: row.title,
    issuer: row.issuer_name,
    validFrom: row.valid_from,
    validTo: row.status === 'revoked' && row.revoked_at ? row.revoked_at : row.valid_to,
    schools: typeof row.schools === 'string' ? (JSON.parse(row.schools) as string[]) : row.schools,
  };
}

/** The published list of a region (and the regions below it) for a year: approved items, no personal data. */
export async function publishedList(deps: TDeps, opts: { regionCode: string; year: number }) {
  const region = await deps.db.selectFrom('orgs').select(['id', 'path']).where('kind', '=', 'region').where('code', '=', opts.regionCode).executeTakeFirst();
  if (!region) return null;
  const rows = await deps.db
    .selectFrom('items')
    .innerJoin('orgs as r', 'r.id', 'items.region_org_id')
    .innerJoin('orgs as issuer', 'issuer.id', 'items.issuer_org_id')
    .select(['items.verify_code', 'items.admission_no', 'items.kind', 'items.title', 'issuer.name as issuer', 'items.valid_from', 'items.valid_to', 'items.frequency_cap'])
    .where('r.path', 'like', `${region.path}%`)
    .where('items.status', 'in', ['approved', 'completed'])
    .where('items.kind', '!=', 'secondment')
    .where('items.valid_from', '<=', `${opts.year}-12-31`)
    .where('items.valid_to', '>=', `${opts.year}-01-01`)
    .orderBy('items.admission_year')
    .orderBy('items.admission_seq')
    .execute();
  return rows.map((r) => ({ code: r.verify_code!, admissionNo: r.admission_no!, kind: r.kind, title: r.title, issuer: r.issuer, validFrom: r.valid_from!, validTo: r.valid_to!, frequencyCap: r.frequency_cap }));
}
