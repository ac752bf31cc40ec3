import { chinaToday } from '../../../domain/time';
import type { TCtx } from '../../context';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/record';
import { cellKind } from './catalogAccess';
import { loadHeld } from './heldValues';
import { closedError, closeReasonOf, syncCollection } from './close';
import { authorizeCollection, authorizeCollectionSchool } from './policy';
import { columnsDocOf, findCollectionById, subjectTypeOf, type TCollectionJoined } from './repo';
import { fillWorkbook, type TCellValue, type TFillSheet } from './workbook';

/** Subjects whose held values are in memory at once while a file is filled. */
const HELD_CHUNK = 1000;

function typed(key: string, value: string): TCellValue {
  if (cellKind(key) === 'number' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return value;
}

/**
 * The requester's template filled from master data: a row per response (teacher or school) of
 * the population, in school order; held values (decrypted only when `decrypt`), else the typed
 * answer. Sensitive values stay masked in files for anyone but the entitled requester.
 */
async function buildFile(ctx: TCtx, row: TCollectionJoined, opts: { schoolId: number | null; decrypt: boolean }): Promise<{ buf: Buffer; rows: number }> {
  const template = await ctx.db.selectFrom('collection_templates').select('content').where('collection_id', '=', row.id).executeTakeFirstOrThrow();
  const responses = await ctx.db
    .selectFrom('collection_responses')
    .select(['id', 'subject_id', 'answers_enc'])
    .where('collection_id', '=', row.id)
    .$if(opts.schoolId !== null, (qb) => qb.where('school_org_id', '=', opts.schoolId!))
    .orderBy('school_org_id')
    .orderBy('subject_id')
    .execute();
  const doc = columnsDocOf(row);
  const bySheet = doc.sheets.map((s) => ({ sheet: s, cols: doc.columns.filter((c) => c.sheet === s.name), rows: [] as TCellValue[][] }));
  // held values a chunk of subjects at a time: memory stays flat however large the population
  for (let i = 0; i < responses.length; i += HELD_CHUNK) {
    const chunk = responses.slice(i, i + HELD_CHUNK);
    const held = await loadHeld(ctx.db, ctx.fieldCrypto, { subjectType: subjectTypeOf(row), subjectIds: chunk.map((r) => r.subject_id), decrypt: opts.decrypt, asOf: chinaToday() });
    for (const r of chunk) {
      const m = held.get(r.subject_id);
      const answers = r.answers_enc ? (JSON.parse(ctx.fieldCrypto.decrypt(r.answers_enc)) as Record<string, string>) : {};
      for (const s of bySheet) {
        s.rows.push(
          s.cols.map((c) => {
            const h = c.field ? m?.get(c.field) : undefined;
            if (h && c.field) return typed(c.field, h.value);
            return answers[String(c.index)] ?? null;
          }),
        );
      }
    }
  }
  const sheets: TFillSheet[] = bySheet.map((s) => ({ name: s.sheet.name, firstDataRow: s.sheet.firstDataRow, cols: s.cols.map((c) => c.col), rows: s.rows }));
  return { buf: await fillWorkbook(Buffer.from(template.content), sheets), rows: responses.length };
}

function fileName(row: TCollectionJoined, suffix = ''): string {
  const base = row.template_name.replace(/\.xlsx$/i, '') || row.title;
  return `${base}${suffix}-${chinaToday()}.xlsx`;
}

/**
 * The file of an open or closed collection; a withdrawn one (its item revoked, merged or
 * cancelled) hands out no file any more (close.ts).
 */
async function downloadable(ctx: TCtx, found: TCollectionJoined): Promise<TCollectionJoined> {
  const row = await syncCollection(ctx, found);
  if (row.status !== 'open' && row.status !== 'closed') throw new AppError('COLLECTION_STATE_CONFLICT', { extra: { status: row.status } });
  if (closeReasonOf(row) === 'withdrawn') throw closedError('withdrawn');
  return row;
}

/** The requester downloads the whole filled file (personal data decrypted): recorded in the audit log. */
export async function requesterFile(ctx: TCtx, id: number) {
  const found = await findCollectionById(ctx.db, id);
  authorizeCollection(ctx.actor, 'download', found ? { requesterPath: found.requester_path, createdBy: found.created_by } : null);
  const row = await downloadable(ctx, found!);
  const { buf, rows } = await buildFile(ctx, row, { schoolId: null, decrypt: true });
  await recordAudit(ctx.db, ctx, { action: 'collection.export', objectType: 'collection', objectId: id, after: { scope: 'all', rows, personalData: 'decrypted' } });
  return { buf, fileName: fileName(row) };
}

/** A school downloads its own rows (personal data masked): recorded in the audit log. */
export async function schoolFile(ctx: TCtx, id: number) {
  const schoolId = await authorizeCollectionSchool(ctx.db, ctx.actor, id);
  const row = await downloadable(ctx, (await findCollectionById(ctx.db, id))!);
  const { buf, rows } = await buildFile(ctx, row, { schoolId, decrypt: false });
  await recordAudit(ctx.db, ctx, { action: 'collection.export', objectType: 'collection', objectId: id, after: { scope: 'school', schoolId, rows, personalData: 'masked' } });
  return { buf, fileName: fileName(row, `-${ctx.actor.orgName}`) };
}

/** The uploaded template as it was (requester side). */
export async function templateFile(ctx: TCtx, id: number) {
  const row = await findCollectionById(ctx.db, id);
  authorizeCollection(ctx.actor, 'read', row ? { requesterPath: row.requester_path, createdBy: row.created_by } : null);
  const t = await ctx.db.selectFrom('collection_templates').select('content').where('collection_id', '=', id).executeTakeFirstOrThrow();
  return { buf: Buffer.from(t.content), fileName: row!.template_name };
}
