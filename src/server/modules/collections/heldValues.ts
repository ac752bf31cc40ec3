import type { Kysely } from 'kysely';
import { label } from '../../../domain/i18n';
import type { TDatabase } from '../../db/types';
import type { TFieldCrypto } from '../../security/fieldCrypto';
import { catalogKeys, deriveHeld, derivedSources, isDerivedKey } from './catalogAccess';
import { readMasterValues, type THeldCell, type TSubjectType } from './masterRepo';

export interface TSubject {
  id: number;
  schoolId: number;
  schoolName: string;
  name: string;
}

const CHUNK = 400;

/** The population of a collection: active teachers of the schools (by school, then id), or the schools themselves. */
export async function loadSubjects(db: Kysely<TDatabase>, opts: { subjectType: TSubjectType; schoolIds: readonly number[] }): Promise<TSubject[]> {
  const out: TSubject[] = [];
  for (let i = 0; i < opts.schoolIds.length; i += CHUNK) {
    const ids = opts.schoolIds.slice(i, i + CHUNK);
    if (opts.subjectType === 'school') {
      const rows = await db.selectFrom('orgs').select(['id', 'name']).where('id', 'in', ids).where('kind', '=', 'school').execute();
      out.push(...rows.map((r) => ({ id: r.id, schoolId: r.id, schoolName: r.name, name: r.name })));
    } else {
      const rows = await db
        .selectFrom('teachers as t')
        .innerJoin('orgs as o', 'o.id', 't.org_id')
        .select(['t.id', 't.name', 't.org_id', 'o.name as school_name'])
        .where('t.org_id', 'in', ids)
        .where('t.status', '=', 'active')
        .execute();
      out.push(...rows.map((r) => ({ id: r.id, schoolId: r.org_id, schoolName: r.school_name, name: r.name })));
    }
  }
  const order = new Map(opts.schoolIds.map((id, k) => [id, k]));
  return out.sort((a, b) => (order.get(a.schoolId) ?? 0) - (order.get(b.schoolId) ?? 0) || a.id - b.id);
}

const GENDER: Record<string, string> = { male: '男', female: '女' };

/** The core columns of the identity tables, as catalog values (master data overrides them). */
async function baseValues(db: Kysely<TDatabase>, fc: TFieldCrypto, subjectType: TSubjectType, ids: readonly number[], decrypt: boolean) {
  const out = new Map<number, Map<string, THeldCell>>();
  const put = (id: number, key: string, value: string | null | undefined, at: string, sensitive = false) => {
    if (value == null || value === '') return;
    let m = out.get(id);
    if (!m) out.set(id, (m = new Map()));
    m.set(key, { value, sensitive, source: 'base', recordedAt: at });
  };
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    if (subjectType === 'teacher') {
      const rows = await db
        .selectFrom('teachers as t')
        .innerJoin('orgs as o', 'o.id', 't.org_id')
        .select(['t.id', 't.name', 't.gender', 't.birth_date', 't.id_number_enc', 't.id_number_masked', 't.mobile_enc', 't.mobile_masked', 't.subject', 't.title', 't.work_start_date', 't.updated_at', 'o.name as school_name'])
        .where('t.id', 'in', chunk)
        .execute();
      for (const r of rows) {
        put(r.id, 'teacher.name', r.name, r.updated_at);
        put(r.id, 'teacher.gender', GENDER[r.gender] ?? r.gender, r.updated_at);
        put(r.id, 'teacher.birthDate', r.birth_date, r.updated_at);
        put(r.id, 'teacher.idType', '居民身份证', r.updated_at);
        put(r.id, 'teacher.idNumber', decrypt ? fc.decrypt(r.id_number_enc) : r.id_number_masked, r.updated_at, true);
        put(r.id, 'teacher.mobile', decrypt && r.mobile_enc ? fc.decrypt(r.mobile_enc) : r.mobile_masked, r.updated_at, true);
        put(r.id, 'teacher.teachingSubject', r.subject, r.updated_at);
        put(r.id, 'teacher.professionalTitle', r.title, r.updated_at);
        put(r.id, 'teacher.workStartDate', r.work_start_date, r.updated_at);
        put(r.id, 'teacher.school', r.school_name, r.updated_at);
      }
    } else {
      const rows = await db.selectFrom('orgs').select(['id', 'name', 'code', 'school_type', 'region_code', 'updated_at']).where('id', 'in', chunk).execute();
      for (const r of rows) {
        put(r.id, 'school.name', r.name, r.updated_at);
        put(r.id, 'school.code', r.code, r.updated_at);
        put(r.id, 'school.type', r.school_type ? label(`schoolType.${r.school_type}`) : null, r.updated_at);
        put(r.id, 'school.divisionCode', r.region_code, r.updated_at);
      }
    }
  }
  return out;
}

/**
 * What is held for each subject: the identity table's core columns, overridden by master data,
 * plus the derived keys (age, teaching years) computed as of `asOf`. Sensitive values are masked
 * unless `decrypt` (only for files going to an entitled requester).
 */
export async function loadHeld(
  db: Kysely<TDatabase>,
  fc: TFieldCrypto,
  opts: { subjectType: TSubjectType; subjectIds: readonly number[]; decrypt: boolean; asOf: string },
): Promise<Map<number, Map<string, THeldCell>>> {
  const [base, master] = await Promise.all([
    baseValues(db, fc, opts.subjectType, opts.subjectIds, opts.decrypt),
    readMasterValues(db, fc, { subjectType: opts.subjectType, subjectIds: opts.subjectIds, decrypt: opts.decrypt }),
  ]);
  const derived = catalogKeys(opts.subjectType).filter(isDerivedKey);
  for (const [id, values] of master) {
    const m = base.get(id) ?? new Map<string, THeldCell>();
    for (const [k, v] of values) m.set(k, v);
    base.set(id, m);
  }
  for (const [, m] of base) {
    const plain: Record<string, string> = {};
    for (const [k, v] of m) if (!v.sensitive) plain[k] = v.value;
    for (const key of derived) {
      if (m.has(key)) continue;
      const value = deriveHeld(key, plain, opts.asOf);
      const src = m.get(derivedSources(key)[0] ?? '');
      if (value != null && src) m.set(key, { value, sensitive: false, source: src.source, recordedAt: src.recordedAt });
    }
  }
  return base;
}
