/**
 * Images sent with a complaint and evidence added by officials. Stored in the database (one
 * place every app process reads; at most 5 × 5 MB per complaint). The type is read from the
 * bytes; images are stored re-assembled without their metadata (location included).
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { TCtx, TDeps, TSystemCtx } from '../../context';
import { nowIso } from '../../context';
import type { TDatabase } from '../../db/types';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/record';
import { findByKey } from './complaints';
import { cleanImage, ImageError, isPdf } from './images';
import { authorizeCase, authorizeCaseRead } from './policy';
import { policyTarget } from './present';
import { findCaseById, writeEvent } from './repo';
import { LIMITS } from './settings';

interface TStored {
  type: string;
  data: Buffer;
  width: number | null;
  height: number | null;
  removed: string[];
}

function readImage(body: Buffer, opts: { pdf: boolean; maxBytes: number }): TStored {
  if (body.length > opts.maxBytes) throw new AppError('IMAGE_TOO_LARGE');
  if (opts.pdf && isPdf(body)) return { type: 'application/pdf', data: body, width: null, height: null, removed: [] };
  try {
    const img = cleanImage(body);
    return { type: img.type, data: img.data, width: img.width, height: img.height, removed: img.removed };
  } catch (err) {
    if (err instanceof ImageError) throw new AppError(err.reason === 'unsupported' ? 'IMAGE_TYPE_UNSUPPORTED' : 'IMAGE_INVALID');
    throw err;
  }
}

async function insertAttachment(trx: Kysely<TDatabase>, o: { caseId: number; kind: 'complaint' | 'evidence'; file: TStored; userId: number | null; at: string }) {
  const { id } = await trx
    .insertInto('case_attachments')
    .values({
      case_id: o.caseId,
      kind: o.kind,
      content_type: o.file.type,
      size: o.file.data.length,
      width: o.file.width,
      height: o.file.height,
      sha256: crypto.createHash('sha256').update(o.file.data).digest('hex'),
      data: o.file.data,
      uploaded_by: o.userId,
      created_at: o.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, contentType: o.file.type, size: o.file.data.length, width: o.file.width, height: o.file.height };
}

const OPEN_FOR_IMAGES = new Set(['received', 'assigned', 'verifying', 'rectifying']);

/** An image sent by the reporter, authorised by the key (a wrong key is the unknown-number 404). */
export async function addComplaintImage(deps: TDeps, opts: { trackingNo: string; key: string | undefined; body: Buffer; ip: string | null; requestId: string | null }) {
  const c = await findByKey(deps, opts.trackingNo, opts.key);
  if (!c) throw new AppError('NOT_FOUND');
  if (!OPEN_FOR_IMAGES.has(c.status)) throw new AppError('CASE_STATE_CONFLICT');
  const file = readImage(opts.body, { pdf: false, maxBytes: LIMITS.imageBytes });
  const ctx: TSystemCtx = { ...deps, actor: null, ip: opts.ip, requestId: opts.requestId };
  return deps.db.transaction().execute(async (trx) => {
    // the count is taken inside the transaction after touching the case row, so two uploads cannot both be the fifth
    await trx.updateTable('cases').set({ updated_at: c.updated_at }).where('id', '=', c.id).execute();
    const { n } = await trx.selectFrom('case_attachments').select((eb) => eb.fn.countAll<number>().as('n')).where('case_id', '=', c.id).where('kind', '=', 'complaint').executeTakeFirstOrThrow();
    if (Number(n) >= LIMITS.imagesPerComplaint) throw new AppError('ATTACHMENT_LIMIT');
    const at = nowIso();
    const saved = await insertAttachment(trx, { caseId: c.id, kind: 'complaint', file, userId: null, at });
    await writeEvent(trx, { caseId: c.id, at, actorUserId: null, actorName: null, action: 'attach', from: c.status, to: c.status, data: { attachmentId: saved.id, kind: 'complaint' } });
    await recordAudit(trx, ctx, { action: 'case.attach', objectType: 'case', objectId: c.id, actorUsername: 'public', after: { attachmentId: saved.id, type: file.type, size: saved.size, removed: file.removed } });
    return saved;
  });
}

/** Evidence attached by the office or the responsible org: an image (metadata stripped) or a PDF. */
export async function addEvidence(ctx: TCtx, caseId: number, body: Buffer) {
  const c = await findCaseById(ctx.db, caseId);
  authorizeCase(ctx.actor, 'attach', c ? policyTarget(c) : null);
  const file = readImage(body, { pdf: true, maxBytes: LIMITS.evidenceBytes });
  return ctx.db.transaction().execute(async (trx) => {
    const at = nowIso();
    const saved = await insertAttachment(trx, { caseId, kind: 'evidence', file, userId: ctx.actor.userId, at });
    await writeEvent(trx, { caseId, at, actorUserId: ctx.actor.userId, actorName: ctx.actor.displayName, action: 'attach', from: c!.status, to: c!.status, data: { attachmentId: saved.id, kind: 'evidence' } });
    await recordAudit(trx, ctx, { action: 'case.attach', objectType: 'case', objectId: caseId, after: { attachmentId: saved.id, type: file.type, size: saved.size, removed: file.removed } });
    return { ...saved, kind: 'evidence', createdAt: at, url: `/api/v1/cases/${caseId}/attachments/${saved.id}` };
  });
}

/** A file of a case the actor may read. */
export async function getAttachment(ctx: TCtx, caseId: number, attachmentId: number) {
  const c = await findCaseById(ctx.db, caseId);
  authorizeCaseRead(ctx.actor, c ? policyTarget(c) : null);
  const a = await ctx.db.selectFrom('case_attachments').select(['content_type', 'data']).where('id', '=', attachmentId).where('case_id', '=', caseId).executeTakeFirst();
  if (!a) throw new AppError('NOT_FOUND');
  return { contentType: a.content_type, data: Buffer.from(a.data) };
}
