import type { Kysely } from 'kysely';
import { maskIdNumber } from '../../../domain/validators/idNumber';
import { maskMobile } from '../../../domain/validators/mobile';
import type { TDatabase } from '../../db/types';
import type { TFieldCrypto } from '../../security/fieldCrypto';
import { isSensitiveKey } from './catalogAccess';

export type TSubjectType = 'teacher' | 'school';

export interface TValueWrite {
  subjectType: TSubjectType;
  subjectId: number;
  key: string;
  /** Normalised text (the catalog's validator output). */
  value: string;
}

/** How a sensitive value is shown: ID numbers as `110***********1234`, phones as `138****5678`. */
export function maskValue(key: string, value: string): string {
  if (/idNumber|certificateNumber/.test(key)) return maskIdNumber(value);
  if (/mobile|phone/i.test(key)) return /^1\d{10}$/.test(value) ? maskMobile(value) : value.length > 4 ? `${'*'.repeat(value.length - 4)}${value.slice(-4)}` : '****';
  return value.length > 4 ? `${value.slice(0, 1)}${'*'.repeat(value.length - 2)}${value.slice(-1)}` : '****';
}

/** The stored columns of a value: plain for ordinary keys; SM4 + HMAC + masked for sensitive ones. */
export function valueColumns(fc: TFieldCrypto, key: string, value: string) {
  if (!isSensitiveKey(key)) return { value_text: value, value_enc: null, value_hmac: null, value_masked: null };
  return { value_text: null, value_enc: fc.encrypt(value), value_hmac: fc.lookupHash(value), value_masked: maskValue(key, value) };
}

const CHUNK = 400;

export interface TWriteStats {
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * Writes values (a new one, or a change that moves the old value to the history); an identical
 * value is left as it was, with its original source and time. Call inside the transaction of the
 * change it belongs to. Batched: one read per chunk of subjects, inserts in batches.
 */
export async function writeMasterValues(
  trx: Kysely<TDatabase>,
  fc: TFieldCrypto,
  writes: readonly TValueWrite[],
  opts: { source: string; actorUserId: number | null; at: string; newSubjectIds?: ReadonlySet<number> },
): Promise<TWriteStats> {
  const stats: TWriteStats = { inserted: 0, updated: 0, unchanged: 0 };
  for (const subjectType of ['teacher', 'school'] as const) {
    // writes grouped by subject, so that each chunk of subjects visits only its own writes
    const bySubject = new Map<number, TValueWrite[]>();
    for (const w of writes) {
      if (w.subjectType !== subjectType) continue;
      const list = bySubject.get(w.subjectId);
      if (list) list.push(w);
      else bySubject.set(w.subjectId, [w]);
    }
    const subjects = [...bySubject.keys()];
    for (let i = 0; i < subjects.length; i += CHUNK) {
      const ids = subjects.slice(i, i + CHUNK);
      // subjects created in this transaction hold nothing yet: no need to look (on PostgreSQL a
      // long import would otherwise look up a table growing faster than its statistics)
      const lookup = opts.newSubjectIds ? ids.filter((id) => subjectType !== 'teacher' || !opts.newSubjectIds!.has(id)) : ids;
      const existing = lookup.length
        ? await trx.selectFrom('master_values').selectAll().where('subject_type', '=', subjectType).where('subject_id', 'in', lookup).execute()
        : [];
      const byKey = new Map(existing.map((r) => [`${r.subject_id}|${r.catalog_key}`, r]));
      const inserts = [];
      for (const w of ids.flatMap((id) => bySubject.get(id)!)) {
        const old = byKey.get(`${w.subjectId}|${w.key}`);
        const cols = valueColumns(fc, w.key, w.value);
        if (!old) {
          inserts.push({ subject_type: subjectType, subject_id: w.subjectId, catalog_key: w.key, ...cols, source: opts.source, recorded_at: opts.at, recorded_by: opts.actorUserId });
          continue;
        }
        const same = cols.value_hmac ? old.value_hmac === cols.value_hmac : old.value_text === cols.value_text;
        if (same) {
          stats.unchanged++;
          continue;
        }
        await trx
          .insertInto('master_value_history')
          .values({
            subject_type: subjectType,
            subject_id: w.subjectId,
            catalog_key: w.key,
            value_text: old.value_text,
            value_enc: old.value_enc,
            value_masked: old.value_masked,
            source: old.source,
            recorded_at: old.recorded_at,
            recorded_by: old.recorded_by,
            superseded_at: opts.at,
            superseded_by_source: opts.source,
          })
          .execute();
        await trx.updateTable('master_values').set({ ...cols, source: opts.source, recorded_at: opts.at, recorded_by: opts.actorUserId }).where('id', '=', old.id).execute();
        stats.updated++;
      }
      for (let k = 0; k < inserts.length; k += 1000) await trx.insertInto('master_values').values(inserts.slice(k, k + 1000)).execute();
      stats.inserted += inserts.length;
    }
  }
  return stats;
}

export interface THeldCell {
  /** Plain text (decrypted only when asked for), or the masked form of a sensitive value. */
  value: string;
  sensitive: boolean;
  source: string;
  recordedAt: string;
}

/** Master values of some subjects: subject id → key → cell. Sensitive values masked unless `decrypt`. */
export async function readMasterValues(
  db: Kysely<TDatabase>,
  fc: TFieldCrypto,
  opts: { subjectType: TSubjectType; subjectIds: readonly number[]; decrypt: boolean },
): Promise<Map<number, Map<string, THeldCell>>> {
  const out = new Map<number, Map<string, THeldCell>>();
  for (let i = 0; i < opts.subjectIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('master_values')
      .select(['subject_id', 'catalog_key', 'value_text', 'value_enc', 'value_masked', 'source', 'recorded_at'])
      .where('subject_type', '=', opts.subjectType)
      .where('subject_id', 'in', opts.subjectIds.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) {
      let m = out.get(r.subject_id);
      if (!m) out.set(r.subject_id, (m = new Map()));
      const sensitive = r.value_text === null;
      const value = sensitive ? (opts.decrypt && r.value_enc ? fc.decrypt(r.value_enc) : (r.value_masked ?? '')) : (r.value_text ?? '');
      m.set(r.catalog_key, { value, sensitive, source: r.source, recordedAt: r.recorded_at });
    }
  }
  return out;
}

/** The history of one subject's values (newest first), masked. */
export async function readValueHistory(db: Kysely<TDatabase>, opts: { subjectType: TSubjectType; subjectId: number }) {
  const rows = await db
    .selectFrom('master_value_history')
    .selectAll()
    .where('subject_type', '=', opts.subjectType)
    .where('subject_id', '=', opts.subjectId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    key: r.catalog_key,
    value: r.value_text ?? r.value_masked ?? '',
    source: r.source,
    recordedAt: r.recorded_at,
    supersededAt: r.superseded_at,
    supersededBySource: r.superseded_by_source,
  }));
}
