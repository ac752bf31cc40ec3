import { CompiledQuery } from 'kysely';
import { normalizeVerifyCode } from '../../../domain/register/codes';
import { chinaToday } from '../../../domain/time';
import type { TDeps } from '../../context';
import type { TDb } from '../../db/connect';

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

const VERIFY_COLUMNS = 'i.verify_code, i.status, i.kind, i.title, i.admission_no, i.valid_from, i.valid_to, i.revoked_at, o.name AS issuer_name';

/** The verify lookup, one round trip: the item, its issuer and its schools' names (JSON array, by org id). */
const VERIFY_SQLITE = `SELECT ${VERIFY_COLUMNS},
    (SELECT json_group_array(name) FROM (SELECT s.name FROM item_schools x JOIN orgs s ON s.id = x.school_org_id WHERE x.item_id = i.id ORDER BY s.id)) AS schools
    FROM items i JOIN orgs o ON o.id = i.issuer_org_id WHERE i.verify_code = ?`;

/**
 * The same lookup for a batch of codes on PostgreSQL: one round trip answers every code asked
 * for while the previous batch was on the wire (see VerifyBatcher).
 */
const VERIFY_PG_BATCH = `SELECT ${VERIFY_COLUMNS},
    (SELECT coalesce(json_agg(s.name ORDER BY s.id), '[]'::json) FROM item_schools x JOIN orgs s ON s.id = x.school_org_id WHERE x.item_id = i.id) AS schools
    FROM items i JOIN orgs o ON o.id = i.issuer_org_id WHERE i.verify_code = ANY($1::text[])`;

interface TVerifyRow {
  verify_code: string;
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

/** Codes per batched query (a bound on the array parameter and on one answer's size). */
const BATCH_MAX = 256;
/** Batched queries on the wire at once: the rest of the pool stays free for everything else. */
const BATCH_IN_FLIGHT = 2;

/**
 * Coalesces concurrent verify lookups on PostgreSQL into `= ANY($1)` queries. A lookup asked for
 * while fewer than BATCH_IN_FLIGHT batches are running goes out at the end of the current event-loop
 * turn together with every other lookup asked for in that turn; otherwise it waits for the next
 * free slot and goes out with everything that queued meanwhile. Nothing is cached: every answer is
 * read from the database after it was asked for, so a revocation is seen by the next scan, from
 * any app process. Under load this turns N round trips (and N executor start-ups in PostgreSQL)
 * into a few; alone, a lookup costs one round trip as before.
 */
export class VerifyBatcher {
  private pending = new Map<string, { resolve: (row: TVerifyRow | null) => void; reject: (e: unknown) => void }[]>();
  private inFlight = 0;
  private scheduled = false;

  constructor(private readonly db: Pick<TDb, 'executeQuery'>) {}

  lookup(code: string): Promise<TVerifyRow | null> {
    return new Promise((resolve, reject) => {
      const waiters = this.pending.get(code);
      if (waiters) waiters.push({ resolve, reject });
      else this.pending.set(code, [{ resolve, reject }]);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= BATCH_IN_FLIGHT || this.pending.size === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    if (this.inFlight >= BATCH_IN_FLIGHT || this.pending.size === 0) return;
    const batch = new Map<string, { resolve: (row: TVerifyRow | null) => void; reject: (e: unknown) => void }[]>();
    for (const [code, waiters] of this.pending) {
      if (batch.size >= BATCH_MAX) break;
      batch.set(code, waiters);
      this.pending.delete(code);
    }
    this.inFlight++;
    this.db
      .executeQuery<TVerifyRow>(CompiledQuery.raw(VERIFY_PG_BATCH, [[...batch.keys()]]))
      .then(
        (res) => {
          const byCode = new Map(res.rows.map((r) => [r.verify_code, r]));
          for (const [code, waiters] of batch) for (const w of waiters) w.resolve(byCode.get(code) ?? null);
        },
        (e: unknown) => {
          for (const waiters of batch.values()) for (const w of waiters) w.reject(e);
        },
      )
      .finally(() => {
        this.inFlight--;
        this.schedule();
      });
  }
}

const batchers = new WeakMap<TDb, VerifyBatcher>();

/** Rows a process keeps (about 0.5 KB each); when full the cache starts again empty. */
const CACHE_MAX = 20_000;

/**
 * SQLite: the rows of recently verified codes (and the codes found to be unknown), valid while the
 * database's verify epoch (migration 0007) is unchanged. Triggers bump the epoch in the same
 * transaction as any write that could change an answer, from any process, so a hit is exactly what
 * the database would answer now: a revocation shows on the very next scan. The epoch is read
 * before the row, so a write committed between the two reads makes the next request start over
 * rather than keep a stale row. The status (valid, expired, …) is computed at each request from the
 * row and today's date, never cached. A hit costs one read of a one-row table instead of the item
 * lookup with its issuer and schools.
 */
export class VerifyCache {
  private epoch: number | null = null;
  private rows = new Map<string, TVerifyRow | null>();
  /** Lookups answered from the cache, and read from the items (for the benchmark's report). */
  hits = 0;
  misses = 0;

  constructor(private readonly db: Pick<TDb, 'executeQuery'>) {}

  async lookup(code: string): Promise<TVerifyRow | null> {
    const e = await this.db.executeQuery<{ n: number }>(CompiledQuery.raw('SELECT n FROM verify_epoch WHERE id = 1', []));
    const epoch = e.rows[0]?.n ?? null;
    if (epoch === null || epoch !== this.epoch) {
      this.rows.clear();
      this.epoch = epoch;
    }
    const hit = this.rows.get(code);
    if (hit !== undefined) {
      this.hits++;
      return hit;
    }
    this.misses++;
    const res = await this.db.executeQuery<TVerifyRow>(CompiledQuery.raw(VERIFY_SQLITE, [code]));
    const row = res.rows[0] ?? null;
    if (epoch !== null && this.epoch === epoch) {
      if (this.rows.size >= CACHE_MAX) this.rows.clear();
      this.rows.set(code, row);
    }
    return row;
  }

  /** Rows held now. */
  get size(): number {
    return this.rows.size;
  }
}

const caches = new WeakMap<TDb, VerifyCache>();

/** The verify cache of a SQLite database (created on first use). */
export function verifyCacheOf(db: TDb): VerifyCache {
  let c = caches.get(db);
  if (!c) {
    c = new VerifyCache(db);
    caches.set(db, c);
  }
  return c;
}

async function lookupVerifyRow(deps: TDeps, code: string): Promise<TVerifyRow | null> {
  // better-sqlite3 answers synchronously, in-process: nothing to coalesce, but a hit skips the lookup
  if (deps.dialect === 'sqlite') return verifyCacheOf(deps.db).lookup(code);
  let b = batchers.get(deps.db);
  if (!b) {
    b = new VerifyBatcher(deps.db);
    batchers.set(deps.db, b);
  }
  return b.lookup(code);
}

/** Public verification of a code: status, what, who, where, when. Unknown codes reveal nothing. */
export async function verifyCode(deps: TDeps, code: string) {
  const normal = normalizeVerifyCode(code);
  if (!normal || normal.length > 32) return null;
  const row = await lookupVerifyRow(deps, normal);
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
    validTo: lastValidDay(row),
    schools: typeof row.schools === 'string' ? (JSON.parse(row.schools) as string[]) : row.schools,
  };
}

/**
 * The published list of a region (and the regions below it) for a year: approved items, no
 * personal data. As on the verification page, an item revoked from a future date stays listed
 * until that date, valid until then.
 */
export async function publishedList(deps: TDeps, opts: { regionCode: string; year: number }) {
  const region = await deps.db.selectFrom('orgs').select(['id', 'path']).where('kind', '=', 'region').where('code', '=', opts.regionCode).executeTakeFirst();
  if (!region) return null;
  const today = chinaToday();
  const rows = await deps.db
    .selectFrom('items')
    .innerJoin('orgs as r', 'r.id', 'items.region_org_id')
    .innerJoin('orgs as issuer', 'issuer.id', 'items.issuer_org_id')
    .select(['items.verify_code', 'items.admission_no', 'items.kind', 'items.title', 'issuer.name as issuer', 'items.status', 'items.valid_from', 'items.valid_to', 'items.revoked_at', 'items.frequency_cap'])
    .where('r.path', 'like', `${region.path}%`)
    .where((eb) => eb.or([eb('items.status', 'in', ['approved', 'completed']), eb.and([eb('items.status', '=', 'revoked'), eb('items.revoked_at', '>', today)])]))
    .where('items.kind', '!=', 'secondment')
    .where('items.valid_from', '<=', `${opts.year}-12-31`)
    .where('items.valid_to', '>=', `${opts.year}-01-01`)
    .orderBy('items.admission_year')
    .orderBy('items.admission_seq')
    .execute();
  return rows
    .filter((r) => publicStatusOf(r, today) !== 'revoked')
    .map((r) => ({ code: r.verify_code!, admissionNo: r.admission_no!, kind: r.kind, title: r.title, issuer: r.issuer, validFrom: r.valid_from!, validTo: lastValidDay(r), frequencyCap: r.frequency_cap }));
}

/** The end of an item's validity as the public pages show it: a revocation's effective date when it comes first. */
export function lastValidDay(r: { status: string; valid_to: string | null; revoked_at: string | null }): string {
  return r.status === 'revoked' && r.revoked_at && r.revoked_at < r.valid_to! ? r.revoked_at : r.valid_to!;
}
