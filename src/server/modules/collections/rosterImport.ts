import type { Kysely } from 'kysely';
import { maskIdNumber, validateIdNumber } from '../../../domain/validators/idNumber';
import { maskMobile } from '../../../domain/validators/mobile';
import type { TCtx } from '../../context';
import { nowIso } from '../../context';
import type { TDatabase } from '../../db/types';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/record';
import { findOrgById } from '../orgs/repo';
import { writeMasterValues, type TValueWrite } from './masterRepo';
import { fullDate } from './coreSync';
import { authorizeRosterSchool } from './policy';
import { parseRoster, type TRosterColumn, type TRosterRow } from './rosterParse';

const CHUNK = 400;
/** New teachers per INSERT (14 columns: well under SQLite's and PostgreSQL's parameter limits). */
const INSERT_BATCH = 500;

/** Teachers already on file with these ID numbers (by HMAC): hmac → {id, org}. */
async function teachersByHmac(db: Kysely<TDatabase>, hmacs: readonly string[]) {
  const out = new Map<string, { id: number; orgId: number }>();
  for (let i = 0; i < hmacs.length; i += CHUNK) {
    const rows = await db.selectFrom('teachers').select(['id', 'org_id', 'id_number_hmac']).where('id_number_hmac', 'in', hmacs.slice(i, i + CHUNK)).execute();
    for (const r of rows) out.set(r.id_number_hmac, { id: r.id, orgId: r.org_id });
  }
  return out;
}

const AT_OTHER_SCHOOL = { zh: '该教师已在其他学校登记，请先办理调动', en: 'This teacher is on file at another school; transfer them first' };

/** New or update, by the ID number's HMAC; a teacher on file at another school is refused. */
async function classify(ctx: TCtx, schoolId: number, rows: TRosterRow[]): Promise<void> {
  const hm = (r: TRosterRow) => ctx.fieldCrypto.lookupHash(r.idNumber!);
  const known = await teachersByHmac(ctx.db, rows.filter((r) => r.idNumber).map(hm));
  for (const r of rows) {
    if (!r.idNumber) continue;
    const t = known.get(hm(r));
    if (t && t.orgId !== schoolId) r.reasons.push(AT_OTHER_SCHOOL);
    r.action = t ? 'update' : 'new';
    r.teacherId = t?.id ?? null;
  }
}

async function loadSchool(ctx: TCtx, schoolId: number) {
  const school = await findOrgById(ctx.db, schoolId);
  authorizeRosterSchool(ctx.actor, school ?? null);
  return school!;
}

/** Step 1: upload → validated preview, stored server-side as an import job (nothing else is written). */
export async function previewRosterImport(ctx: TCtx, opts: { schoolId: number; fileName: string; content: Buffer }) {
  const school = await loadSchool(ctx, opts.schoolId);
  const { columns, rows } = await parseRoster(opts.content);
  await classify(ctx, school.id, rows);
  const valid = rows.filter((r) => !r.reasons.length);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('roster_imports')
      .values({
        school_org_id: school.id,
        file_name: opts.fileName.slice(0, 200),
        status: 'preview',
        total_rows: rows.length,
        valid_rows: valid.length,
        invalid_rows: rows.length - valid.length,
        new_count: valid.filter((r) => r.action === 'new').length,
        updated_count: valid.filter((r) => r.action === 'update').length,
        columns_json: JSON.stringify(columns),
        rows_enc: ctx.fieldCrypto.encrypt(JSON.stringify(rows)),
        created_by: ctx.actor.userId,
        created_at: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'roster.preview', objectType: 'roster_import', objectId: id, after: { schoolId: school.id, fileName: opts.fileName, rows: rows.length, invalid: rows.length - valid.length } });
    return id;
  });
  return getRosterImport(ctx, id, { page: 1, pageSize: 50, filter: 'all' });
}

async function loadJob(ctx: TCtx, id: number) {
  const job = await ctx.db
    .selectFrom('roster_imports as j')
    .innerJoin('orgs as o', 'o.id', 'j.school_org_id')
    .selectAll('j')
    .select(['o.path as school_path', 'o.name as school_name', 'o.kind as school_kind'])
    .where('j.id', '=', id)
    .executeTakeFirst();
  authorizeRosterSchool(ctx.actor, job ? { id: job.school_org_id, path: job.school_path, kind: job.school_kind } : null);
  return job!;
}

function rowsOf(ctx: TCtx, job: { rows_enc: string }): TRosterRow[] {
  return JSON.parse(ctx.fieldCrypto.decrypt(job.rows_enc)) as TRosterRow[];
}

/** A row as lists show it: the ID number and phone masked, never the full values. */
function presentRow(r: TRosterRow) {
  return {
    row: r.row,
    name: r.name,
    idNumberMasked: r.idNumber ? maskIdNumber(r.idNumber) : null,
    mobileMasked: r.values['teacher.mobile'] ? maskMobile(r.values['teacher.mobile']) : null,
    valid: r.reasons.length === 0,
    action: r.action,
    reasons: r.reasons,
  };
}

export async function getRosterImport(ctx: TCtx, id: number, opts: { page: number; pageSize: number; filter: 'all' | 'valid' | 'invalid' }) {
  const job = await loadJob(ctx, id);
  const rows = rowsOf(ctx, job).filter((r) => (opts.filter === 'all' ? true : opts.filter === 'valid' ? !r.reasons.length : r.reasons.length > 0));
  return {
    id: job.id,
    school: { id: job.school_org_id, name: job.school_name },
    fileName: job.file_name,
    status: job.status,
    createdAt: job.created_at,
    committedAt: job.committed_at,
    commitMode: job.commit_mode,
    committedRows: job.committed_rows,
    summary: { total: job.total_rows, valid: job.valid_rows, invalid: job.invalid_rows, new: job.new_count, updated: job.updated_count },
    columns: JSON.parse(job.columns_json) as TRosterColumn[],
    rows: { total: rows.length, items: rows.slice((opts.page - 1) * opts.pageSize, opts.page * opts.pageSize).map(presentRow) },
  };
}

export async function findRosterImports(ctx: TCtx, opts: { schoolId: number }) {
  const school = await loadSchool(ctx, opts.schoolId);
  const rows = await ctx.db
    .selectFrom('roster_imports')
    .select(['id', 'file_name', 'status', 'total_rows', 'valid_rows', 'invalid_rows', 'new_count', 'updated_count', 'created_at', 'committed_at', 'commit_mode'])
    .where('school_org_id', '=', school.id)
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
  return rows.map((r) => ({ id: r.id, fileName: r.file_name, status: r.status, total: r.total_rows, valid: r.valid_rows, invalid: r.invalid_rows, new: r.new_count, updated: r.updated_count, createdAt: r.created_at, committedAt: r.committed_at, commitMode: r.commit_mode }));
}

/** The teachers columns a row sets (only those the file has: an absent column never blanks a value). */
function teacherColumns(ctx: TCtx, r: TRosterRow) {
  const id = validateIdNumber(r.idNumber!);
  if (!id.ok) throw new AppError('IMPORT_ROWS_INVALID', { extra: { rows: [{ row: r.row, zh: '身份证件号校验未通过', en: 'ID number fails its check' }] } });
  const v = r.values;
  const mobile = v['teacher.mobile'];
  return {
    name: r.name,
    gender: id.gender,
    birth_date: id.birthDate,
    id_number_enc: ctx.fieldCrypto.encrypt(r.idNumber!),
    id_number_hmac: ctx.fieldCrypto.lookupHash(r.idNumber!),
    id_number_masked: maskIdNumber(r.idNumber!),
    ...(mobile ? { mobile_enc: ctx.fieldCrypto.encrypt(mobile), mobile_masked: maskMobile(mobile) } : {}),
    ...(v['teacher.teachingSubject'] ? { subject: v['teacher.teachingSubject'] } : {}),
    ...(v['teacher.professionalTitle'] ? { title: v['teacher.professionalTitle'] } : {}),
    ...(v['teacher.workStartDate'] ? { work_start_date: fullDate(v['teacher.workStartDate']) } : {}),
  };
}

/**
 * Step 2: commit all rows (refused when any row is invalid) or only the valid ones — in one
 * transaction with its audit row: teachers inserted or updated (identity by the ID number's HMAC,
 * core columns kept in sync), their values written to master data with source `roster_import:<id>`
 * (a changed value moves to the history). Anything failing on the way rolls all of it back.
 */
export async function commitRosterImport(ctx: TCtx, id: number, opts: { mode: 'all' | 'valid' }) {
  const job = await loadJob(ctx, id);
  if (job.status !== 'preview') throw new AppError('IMPORT_STATE_CONFLICT');
  const rows = rowsOf(ctx, job);
  const invalid = rows.filter((r) => r.reasons.length);
  if (opts.mode === 'all' && invalid.length) {
    throw new AppError('IMPORT_ROWS_INVALID', { extra: { rows: invalid.slice(0, 200).map((r) => ({ row: r.row, zh: r.reasons.map((x) => x.zh).join('；'), en: r.reasons.map((x) => x.en).join('; ') })) } });
  }
  const valid = rows.filter((r) => !r.reasons.length);
  const source = `roster_import:${id}`;
  const result = await ctx.db.transaction().execute(async (trx) => {
    const at = nowIso();
    // the compare-and-swap first: a second commit of the same job waits here and then gets 409
    const moved = await trx
      .updateTable('roster_imports')
      .set({ status: 'committed', commit_mode: opts.mode, committed_rows: valid.length, committed_by: ctx.actor.userId, committed_at: at })
      .where('id', '=', id)
      .where('status', '=', 'preview')
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw new AppError('IMPORT_STATE_CONFLICT');
    const known = await teachersByHmac(trx, valid.map((r) => ctx.fieldCrypto.lookupHash(r.idNumber!)));
    const writes: TValueWrite[] = [];
    let created = 0;
    let updated = 0;
    const fresh: { r: TRosterRow; cols: ReturnType<typeof teacherColumns> }[] = [];
    const newSubjectIds = new Set<number>();
    for (const r of valid) {
      const cols = teacherColumns(ctx, r);
      const t = known.get(cols.id_number_hmac);
      if (t && t.orgId !== job.school_org_id) throw new AppError('IMPORT_ROWS_INVALID', { extra: { rows: [{ row: r.row, ...AT_OTHER_SCHOOL }] } });
      if (!t) {
        // validation refused the same ID twice in one file, so a new HMAC here is new to the table
        fresh.push({ r, cols });
        continue;
      }
      await trx.updateTable('teachers').set({ ...cols, status: 'active', updated_at: at }).where('id', '=', t.id).execute();
      updated++;
      for (const [key, value] of Object.entries(r.values)) writes.push({ subjectType: 'teacher', subjectId: t.id, key, value });
    }
    // new teachers in batches; their ids come back with their ID numbers' HMACs
    for (let i = 0; i < fresh.length; i += INSERT_BATCH) {
      const batch = fresh.slice(i, i + INSERT_BATCH);
      const ids = await trx
        .insertInto('teachers')
        .values(batch.map(({ cols }) => ({ org_id: job.school_org_id, status: 'active', created_at: at, updated_at: at, mobile_enc: null, mobile_masked: null, subject: null, title: null, work_start_date: null, ...cols })))
        .returning(['id', 'id_number_hmac'])
        .execute();
      const idOf = new Map(ids.map((x) => [x.id_number_hmac, x.id]));
      for (const { r, cols } of batch) {
        const teacherId = idOf.get(cols.id_number_hmac)!;
        newSubjectIds.add(teacherId);
        created++;
        for (const [key, value] of Object.entries(r.values)) writes.push({ subjectType: 'teacher', subjectId: teacherId, key, value });
      }
    }
    const stats = await writeMasterValues(trx, ctx.fieldCrypto, writes, { source, actorUserId: ctx.actor.userId, at, newSubjectIds });
    await recordAudit(trx, ctx, {
      action: 'roster.commit',
      objectType: 'roster_import',
      objectId: id,
      before: { status: 'preview' },
      after: { status: 'committed', mode: opts.mode, schoolId: job.school_org_id, rows: valid.length, skipped: invalid.length, created, updated, values: stats },
    });
    return { created, updated, skipped: invalid.length, values: stats };
  });
  return { ...(await getRosterImport(ctx, id, { page: 1, pageSize: 50, filter: 'all' })), result };
}

/** Discards a preview (nothing was written but the job). */
export async function discardRosterImport(ctx: TCtx, id: number) {
  await loadJob(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    const moved = await trx.updateTable('roster_imports').set({ status: 'discarded' }).where('id', '=', id).where('status', '=', 'preview').executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw new AppError('IMPORT_STATE_CONFLICT');
    await recordAudit(trx, ctx, { action: 'roster.discard', objectType: 'roster_import', objectId: id, before: { status: 'preview' }, after: { status: 'discarded' } });
  });
}

/** The rejected rows for the Excel error report (masked), the export recorded in the audit log. */
export async function rosterErrorRows(ctx: TCtx, id: number) {
  const job = await loadJob(ctx, id);
  const rows = rowsOf(ctx, job).filter((r) => r.reasons.length).map(presentRow);
  await recordAudit(ctx.db, ctx, { action: 'roster.error_report', objectType: 'roster_import', objectId: id, after: { rows: rows.length } });
  return { fileName: job.file_name, rows };
}
