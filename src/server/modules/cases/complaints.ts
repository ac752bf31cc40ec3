/**
 * The public side of complaints (no login): searching the organisation concerned, filing a
 * complaint behind the challenge, following it with the tracking number and key. A wrong key
 * and an unknown number are the same answer, reached in the same time.
 */
import crypto from 'node:crypto';
import { CASE_ORG_KINDS, type TCaseCategory } from '../../../domain/cases/enums';
import { normalizeReporterPhone } from '../../../domain/cases/phone';
import type { TComplaintInput } from '../../../domain/cases/schemas';
import { isPublicEvent } from '../../../domain/cases/stateMachine';
import { isTrackingNo, normalizeTrackingNo } from '../../../domain/cases/trackingNo';
import { label } from '../../../domain/i18n';
import { FIELD_MESSAGES } from '../../../domain/errors';
import { chinaToday } from '../../../domain/time';
import type { TDeps, TSystemCtx } from '../../context';
import { AppError } from '../../http/errors';
import { regionPathOf } from '../auth/sessions';
import { regionIdOf } from '../register/items';
import { checkChallenge, spendChallenge } from './challenge';
import { checkGivenCode, hashIp, hashKey, openCase, prepareCase, type TOpenCase } from './entry';
import { caseQuery, findCaseById, textContains, type TCaseJoined } from './repo';

function invalidField(path: string): AppError {
  const m = FIELD_MESSAGES.invalid_value!;
  return new AppError('VALIDATION_FAILED', { fields: [{ path, zh: m.zh, en: m.en }] });
}

/** An org the public may name: active, and a region, office, section or school. Its region too. */
export async function findCaseOrg(deps: TDeps, orgId: number) {
  const org = await deps.db.selectFrom('orgs').select(['id', 'path', 'kind', 'status', 'name']).where('id', '=', orgId).executeTakeFirst();
  if (!org || org.status !== 'active' || !(CASE_ORG_KINDS as readonly string[]).includes(org.kind)) return null;
  const regionPath = await regionPathOf(deps.db, org.path);
  return { ...org, regionPath, regionOrgId: regionIdOf(regionPath) };
}

/** Organisations by part of their name, for the complaint form: names and kinds only. */
export async function findPublicOrgs(deps: TDeps, opts: { q: string; region?: string | undefined }) {
  let q = deps.db
    .selectFrom('orgs as o')
    .leftJoin('orgs as p', 'p.id', 'o.parent_id')
    .select(['o.id', 'o.name', 'o.kind', 'o.path', 'p.name as parent_name'])
    .where('o.status', '=', 'active')
    .where('o.kind', 'in', [...CASE_ORG_KINDS])
    .where(textContains('o.name', opts.q));
  if (opts.region) {
    const region = await deps.db.selectFrom('orgs').select('path').where('kind', '=', 'region').where('code', '=', opts.region).executeTakeFirst();
    if (!region) return [];
    q = q.where('o.path', 'like', `${region.path}%`);
  }
  const rows = await q.orderBy((eb) => eb.fn('length', ['o.name'])).orderBy('o.id').limit(20).execute();
  const ids = [...new Set(rows.flatMap((r) => r.path.split('/').filter(Boolean).map(Number)))];
  const regions = ids.length ? await deps.db.selectFrom('orgs').select(['id', 'name', 'depth']).where('id', 'in', ids).where('kind', '=', 'region').execute() : [];
  const regionById = new Map(regions.map((r) => [r.id, r]));
  return rows.map((r) => {
    const own = r.path.split('/').filter(Boolean).map(Number).filter((id) => regionById.has(id) && id !== r.id);
    const region = own.length ? regionById.get(own[own.length - 1]!)!.name : null;
    return { id: r.id, name: r.name, kind: r.kind, region, parentName: r.parent_name };
  });
}

export async function createComplaint(deps: TDeps, opts: { input: TComplaintInput; ip: string | null; requestId: string | null; minDifficulty: number }) {
  const input = opts.input;
  checkChallenge(deps, input.challenge, { minDifficulty: opts.minDifficulty });
  const org = await findCaseOrg(deps, input.targetOrgId);
  if (!org) throw invalidField('targetOrgId');
  const code = await checkGivenCode(deps, input.code);
  const reporter = input.anonymous ? null : { name: input.reporterName!, phone: normalizeReporterPhone(input.reporterPhone!)! };
  const ctx: TSystemCtx = { ...deps, actor: null, ip: opts.ip, requestId: opts.requestId };
  const o: TOpenCase = {
    regionOrgId: org.regionOrgId,
    regionPath: org.regionPath,
    channel: 'web',
    category: input.category,
    text: input.text,
    occurredOn: input.occurredOn,
    receivedOn: chinaToday(),
    code,
    targetOrgId: org.id,
    targetText: null,
    reporter,
    ipHash: hashIp(deps, opts.ip),
    createdBy: null,
    auditName: 'public',
  };
  const prepared = await prepareCase(deps.db, deps, o);
  const created = await deps.db.transaction().execute(async (trx) => {
    await spendChallenge(trx, deps, input.challenge, { minDifficulty: opts.minDifficulty });
    return openCase(trx, deps, ctx, o, prepared);
  });
  return { trackingNo: created.trackingNo, key: created.key, dueOn: created.dueOn, codeStatus: code?.status ?? null };
}

const DUMMY_HASH = hashKey('no key was ever issued for this number');

/** The case behind a tracking number and key, or null: same work whether the number exists or not. */
export async function findByKey(deps: TDeps, trackingNo: string, key: string | undefined): Promise<TCaseJoined | null> {
  const no = normalizeTrackingNo(trackingNo);
  const row = isTrackingNo(no) ? await caseQuery(deps.db).where('c.tracking_no', '=', no).executeTakeFirst() : undefined;
  const expected = Buffer.from(row?.key_hash ?? DUMMY_HASH, 'hex');
  const given = Buffer.from(hashKey((key ?? '').trim().toUpperCase()), 'hex');
  const match = crypto.timingSafeEqual(expected, given);
  return row && match ? row : null;
}

function publicEvents(events: { at: string; action: string }[]) {
  return events.filter((e) => isPublicEvent(e.action)).map((e) => ({ at: e.at, type: e.action, label: { zh: label(`caseEvent.${e.action}`, 'zh'), en: label(`caseEvent.${e.action}`, 'en') } }));
}

/** What the reporter sees: status, steps (no names, no notes), the reply. A merged complaint follows its main case. */
export async function trackComplaint(deps: TDeps, opts: { trackingNo: string; key: string | undefined }) {
  const own = await findByKey(deps, opts.trackingNo, opts.key);
  if (!own) return null;
  const main = own.merged_into_id ? ((await findCaseById(deps.db, own.merged_into_id)) ?? own) : own;
  const ownEvents = await deps.db.selectFrom('case_events').select(['at', 'action']).where('case_id', '=', own.id).orderBy('id').execute();
  const mergedAt = ownEvents.find((e) => e.action === 'merge')?.at;
  const mainEvents = main === own || !mergedAt ? [] : await deps.db.selectFrom('case_events').select(['at', 'action']).where('case_id', '=', main.id).where('at', '>', mergedAt).where('action', '!=', 'create').orderBy('id').execute();
  return {
    trackingNo: own.tracking_no,
    status: main.status,
    category: own.category as TCaseCategory,
    createdAt: own.created_at,
    dueOn: main.due_on,
    events: publicEvents([...ownEvents, ...mainEvents]),
    reply: main.status === 'replied' ? main.reply : null,
    repliedAt: main.status === 'replied' ? main.replied_at : null,
  };
}
