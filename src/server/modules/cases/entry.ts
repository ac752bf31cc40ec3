/**
 * Opening a case, whatever its channel: the web form, the office typing in a call or letter, a
 * lead, a teacher's task log, a finding. One function so every case gets a tracking number, a
 * key hash, a deadline on the holiday calendar, its duplicate group, a `create` event and an
 * audit row, in the caller's transaction.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { sourceOfChannel, type TCaseCategory, type TCaseChannel, type TCodeStatus } from '../../../domain/cases/enums';
import { newCaseKey, newTrackingNo } from '../../../domain/cases/trackingNo';
import { addDays } from '../../../domain/register/schoolYear';
import { findSimilar } from '../../../domain/register/similarity';
import { normalizeVerifyCode } from '../../../domain/register/codes';
import type { TAnyCtx, TDeps } from '../../context';
import { nowIso } from '../../context';
import type { TDatabase } from '../../db/types';
import { recordAudit } from '../audit/record';
import { verifyCode } from '../register/public';
import { dueOnFor } from './calendar';
import { writeEvent } from './repo';
import { LIMITS } from './settings';

export interface TGivenCode {
  itemCode: string;
  itemId: number | null;
  status: TCodeStatus;
  /** The public verification answer when the code is known. */
  verify: Awaited<ReturnType<typeof verifyCode>>;
}

/**
 * Verifies an admission code given with a complaint or a task-log entry, as the public verify page
 * does. A code the register knows is kept in its canonical form; any other is kept as typed
 * (markup included: pages render it as text), so the office sees what the reporter wrote.
 */
export async function checkGivenCode(deps: TDeps, code: string | undefined): Promise<TGivenCode | null> {
  if (!code) return null;
  const normal = normalizeVerifyCode(code);
  const [v, item] = await Promise.all([
    verifyCode(deps, code),
    normal && normal.length <= 32 ? deps.db.selectFrom('items').select('id').where('verify_code', '=', normal).executeTakeFirst() : Promise.resolve(undefined),
  ]);
  const itemCode = (v && normal ? normal : code.trim()).slice(0, 40);
  return { itemCode, itemId: item?.id ?? null, status: v?.status ?? 'unknown', verify: v };
}

export function hashKey(key: string): string {
  return crypto.createHash('sha256').update(key, 'utf8').digest('hex');
}

export function hashIp(deps: TDeps, ip: string | null): string | null {
  return ip ? crypto.createHmac('sha256', deps.fieldCrypto.lookupHash('case-ip')).update(ip).digest('hex') : null;
}

export interface TOpenCase {
  regionOrgId: number;
  regionPath: string;
  channel: TCaseChannel;
  category: TCaseCategory;
  text: string;
  occurredOn: string | null;
  receivedOn: string;
  code: TGivenCode | null;
  targetOrgId: number | null;
  targetText: string | null;
  /** null: anonymous (or no reporter at all, as for task logs). */
  reporter: { name: string; phone: string } | null;
  ipHash: string | null;
  /** The official who typed it in; null for the public, leads and task logs. */
  createdBy: { userId: number; name: string } | null;
  /** Who the audit row names when there is no actor (`public`, `tasklog`). */
  auditName?: string;
}

/** The earlier case a new one duplicates: same target and category, similar text, within 30 days. */
async function findGroup(db: Kysely<TDatabase>, o: TOpenCase): Promise<{ id: number; groupId: number | null } | null> {
  if (!o.targetOrgId) return null;
  const candidates = await db
    .selectFrom('cases')
    .select(['id', 'text', 'group_id'])
    .where('target_org_id', '=', o.targetOrgId)
    .where('category', '=', o.category)
    .where('received_on', '>=', addDays(o.receivedOn, -LIMITS.duplicateDays))
    .where('status', '!=', 'merged')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
  const best = findSimilar({ text: o.text, candidates, limit: 1 })[0];
  if (!best) return null;
  const hit = candidates.find((c) => c.id === best.id)!;
  return { id: hit.id, groupId: hit.group_id };
}

export interface TPrepared {
  dueOn: string;
  duplicateOf: { id: number; groupId: number | null } | null;
}

/**
 * The reads a new case needs (deadline, duplicate search), done before the transaction when the
 * caller can (a shorter write transaction: SQLite has one writer). `db` may be a transaction.
 */
export async function prepareCase(db: Kysely<TDatabase>, deps: TDeps, o: TOpenCase): Promise<TPrepared> {
  const dueOn = await dueOnFor(db, { regionPath: o.regionPath, receivedOn: o.receivedOn, cacheKey: deps.db });
  return { dueOn, duplicateOf: await findGroup(db, o) };
}

async function freshTrackingNo(trx: Kysely<TDatabase>, day: string): Promise<string> {
  for (let i = 0; i < 8; i++) {
    const no = newTrackingNo(day);
    const taken = await trx.selectFrom('cases').select('id').where('tracking_no', '=', no).executeTakeFirst();
    if (!taken) return no;
  }
  throw new Error('no free tracking number');
}

/** Writes the case; `prepared` comes from `prepareCase` (computed here, inside the transaction, when absent). */
export async function openCase(trx: Kysely<TDatabase>, deps: TDeps, auditCtx: TAnyCtx, o: TOpenCase, prepared?: TPrepared) {
  const at = nowIso();
  const key = newCaseKey();
  const { dueOn, duplicateOf } = prepared ?? (await prepareCase(trx, deps, o));
  const trackingNo = await freshTrackingNo(trx, o.receivedOn);
  const groupId = duplicateOf ? (duplicateOf.groupId ?? duplicateOf.id) : null;
  if (duplicateOf && duplicateOf.groupId === null) await trx.updateTable('cases').set({ group_id: duplicateOf.id }).where('id', '=', duplicateOf.id).where('group_id', 'is', null).execute();
  const { id } = await trx
    .insertInto('cases')
    .values({
      tracking_no: trackingNo,
      key_hash: hashKey(key),
      region_org_id: o.regionOrgId,
      source: sourceOfChannel(o.channel),
      channel: o.channel,
      category: o.category,
      status: 'received',
      text: o.text,
      occurred_on: o.occurredOn,
      received_on: o.receivedOn,
      item_code: o.code?.itemCode ?? null,
      item_id: o.code?.itemId ?? null,
      code_status: o.code?.status ?? null,
      target_org_id: o.targetOrgId,
      target_text: o.targetText,
      assigned_org_id: null,
      anonymous: o.reporter ? 0 : 1,
      reporter_name_enc: o.reporter ? deps.fieldCrypto.encrypt(o.reporter.name) : null,
      reporter_phone_enc: o.reporter ? deps.fieldCrypto.encrypt(o.reporter.phone) : null,
      ip_hash: o.ipHash,
      group_id: groupId,
      merged_into_id: null,
      due_on: dueOn,
      created_by: o.createdBy?.userId ?? null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeEvent(trx, { caseId: id, at, actorUserId: o.createdBy?.userId ?? null, actorName: o.createdBy?.name ?? null, action: 'create', from: null, to: 'received', data: { channel: o.channel } });
  await recordAudit(trx, auditCtx, {
    action: 'case.create',
    objectType: 'case',
    objectId: id,
    after: { trackingNo, channel: o.channel, category: o.category, targetOrgId: o.targetOrgId, targetText: o.targetText, anonymous: !o.reporter, groupId },
    ...(o.auditName ? { actorUsername: o.auditName } : {}),
  });
  return { id, trackingNo, key, dueOn, groupId };
}
