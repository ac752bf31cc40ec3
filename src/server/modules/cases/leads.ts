/**
 * Leads become cases. The register's "report this" (public, from `/v/<code>`) and a school's
 * refusal of an unregistered demand still write their `leads` row, and now open a case (channel
 * `lead`) linked from it, in the same transaction.
 */
import type { Kysely } from 'kysely';
import type { TLeadInput } from '../../../domain/cases/schemas';
import { chinaToday } from '../../../domain/time';
import type { TCtx, TDeps, TSystemCtx } from '../../context';
import { nowIso } from '../../context';
import type { TDatabase } from '../../db/types';
import { recordAudit } from '../audit/record';
import { regionPathOf } from '../auth/sessions';
import { regionIdOf } from '../register/items';
import { checkChallenge, spendChallenge } from './challenge';
import { checkGivenCode, hashIp, openCase, type TGivenCode } from './entry';

/** The region a public lead belongs to: its item's, else the named school's, else the top region. */
async function leadRegion(deps: TDeps, opts: { itemId: number | null; schoolName?: string | undefined }): Promise<{ path: string; id: number; issuerOrgId: number | null } | null> {
  if (opts.itemId) {
    const item = await deps.db.selectFrom('items').innerJoin('orgs as r', 'r.id', 'items.region_org_id').select(['r.path', 'items.issuer_org_id']).where('items.id', '=', opts.itemId).executeTakeFirstOrThrow();
    return { path: item.path, id: regionIdOf(item.path), issuerOrgId: item.issuer_org_id };
  }
  if (opts.schoolName) {
    const schools = await deps.db.selectFrom('orgs').select('path').where('kind', '=', 'school').where('status', '=', 'active').where('name', '=', opts.schoolName).limit(2).execute();
    if (schools.length === 1) {
      const path = await regionPathOf(deps.db, schools[0]!.path);
      return { path, id: regionIdOf(path), issuerOrgId: null };
    }
  }
  const top = await deps.db.selectFrom('orgs').select(['id', 'path']).where('kind', '=', 'region').orderBy('depth').orderBy('id').executeTakeFirst();
  return top ? { path: top.path, id: top.id, issuerOrgId: null } : null;
}

/**
 * "Report this" from the public verify page: a lead row and its case. Returns the tracking number
 * and key. Behind the same challenge as a complaint: checked before any work, spent in the transaction.
 */
export async function recordLeadCase(deps: TDeps, opts: { input: TLeadInput; ip: string | null; requestId: string | null; minDifficulty: number }) {
  const { input } = opts;
  checkChallenge(deps, input.challenge, { minDifficulty: opts.minDifficulty });
  const code = await checkGivenCode(deps, input.code);
  const region = await leadRegion(deps, { itemId: code?.itemId ?? null, schoolName: input.schoolName });
  if (!region) throw new Error('no region to file the lead in');
  const text = [input.schoolName ? `【${input.schoolName}】` : '', input.text].join('');
  const ctx: TSystemCtx = { ...deps, actor: null, ip: opts.ip, requestId: opts.requestId };
  const ipHash = hashIp(deps, opts.ip);
  return deps.db.transaction().execute(async (trx) => {
    await spendChallenge(trx, deps, input.challenge, { minDifficulty: opts.minDifficulty });
    const created = await openCase(trx, deps, ctx, {
      regionOrgId: region.id,
      regionPath: region.path,
      channel: 'lead',
      category: 'other',
      text,
      occurredOn: null,
      receivedOn: chinaToday(),
      code,
      targetOrgId: region.issuerOrgId,
      targetText: input.schoolName ?? null,
      reporter: null,
      ipHash,
      createdBy: null,
      auditName: 'public',
    });
    const { id } = await trx
      .insertInto('leads')
      .values({ region_org_id: region.id, source: 'verify_page', item_code: code?.itemCode ?? null, item_id: code?.itemId ?? null, school_org_id: null, reported_by: null, text, ip_hash: ipHash, status: 'new', created_at: nowIso(), case_id: created.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'lead.create', objectType: 'lead', objectId: id, actorUsername: 'public', after: { caseId: created.id } });
    return { trackingNo: created.trackingNo, key: created.key };
  });
}

/**
 * A school's refusal (register `POST /school/refuse`) opens a case for the office, inside the
 * register's transaction. The demand's issuer is free text; the school is the reporter's org, not a target.
 */
export async function openRefusalCase(trx: Kysely<TDatabase>, ctx: TCtx, opts: { regionOrgId: number; regionPath: string; text: string; from: string; date: string; code: TGivenCode | null }) {
  return openCase(trx, ctx, ctx, {
    regionOrgId: opts.regionOrgId,
    regionPath: opts.regionPath,
    channel: 'lead',
    category: 'other',
    text: opts.text,
    occurredOn: opts.date,
    receivedOn: chinaToday(),
    code: opts.code,
    targetOrgId: null,
    targetText: opts.from,
    reporter: null,
    ipHash: null,
    createdBy: { userId: ctx.actor.userId, name: ctx.actor.orgName },
  });
}
