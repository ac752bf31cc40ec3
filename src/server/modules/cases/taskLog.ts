/**
 * Teachers' task log (减负监测): a teacher records a demand received; its code is verified at
 * once; an unregistered demand becomes a case for the office with no trace of the teacher in
 * anything an API returns (the case has no reporter; only `task_logs.case_id` links them).
 */
import { CASE_ORG_KINDS, type TCaseCategory, type TTasklogChannel } from '../../../domain/cases/enums';
import type { TTasklogInput } from '../../../domain/cases/schemas';
import { label } from '../../../domain/i18n';
import { termOf } from '../../../domain/register/schoolYear';
import { chinaToday } from '../../../domain/time';
import type { TCtx, TSystemCtx } from '../../context';
import { nowIso } from '../../context';
import { AppError } from '../../http/errors';
import { authorize } from '../../policy';
import { FIELD_MESSAGES } from '../../../domain/errors';
import { recordAudit } from '../audit/record';
import { regionPathOf } from '../auth/sessions';
import { regionIdOf } from '../register/items';
import { checkGivenCode, openCase } from './entry';

/** The term a day falls in, as dates: autumn 1 Sep – 31 Jan, spring 1 Feb – 31 Aug. */
export function termRangeOf(date: string) {
  const t = termOf(date);
  const range = t.term === 'autumn' ? { from: `${t.schoolYear}-09-01`, to: `${t.schoolYear + 1}-01-31` } : { from: `${t.schoolYear + 1}-02-01`, to: `${t.schoolYear + 1}-08-31` };
  return { schoolYear: t.schoolYear, term: t.term, ...range };
}

export function issuerKeyOf(o: { issuerOrgId?: number | null | undefined; issuerText?: string | null | undefined }): string {
  return o.issuerOrgId ? `org:${o.issuerOrgId}` : `text:${(o.issuerText ?? '').replace(/\s+/g, ' ').trim()}`;
}

const CATEGORY_OF_CHANNEL: Record<TTasklogChannel, TCaseCategory> = { app: 'forced_app', wechat_group: 'other', phone: 'other', document: 'other', other: 'other' };

type TEntryRow = { id: number; what: string; issuer_org_id: number | null; issuer_text: string | null; issuer_name: string | null; occurred_on: string; minutes: number; channel: string; code: string | null; code_status: string | null; case_id: number | null; created_at: string };

function presentEntry(r: TEntryRow) {
  return {
    id: r.id,
    what: r.what,
    issuer: r.issuer_name ?? r.issuer_text ?? '',
    issuerOrgId: r.issuer_org_id,
    date: r.occurred_on,
    minutes: Number(r.minutes),
    channel: r.channel,
    code: r.code,
    codeStatus: r.code_status,
    lead: r.case_id !== null,
    createdAt: r.created_at,
  };
}

export async function createTaskLog(ctx: TCtx, input: TTasklogInput) {
  authorize(ctx.actor, 'tasklog.write');
  if (ctx.actor.orgKind !== 'school') throw new AppError('FORBIDDEN');
  let issuerName: string | null = null;
  if (input.issuerOrgId) {
    const org = await ctx.db.selectFrom('orgs').select(['name', 'kind', 'status']).where('id', '=', input.issuerOrgId).executeTakeFirst();
    if (!org || org.status !== 'active' || !(CASE_ORG_KINDS as readonly string[]).includes(org.kind)) {
      const m = FIELD_MESSAGES.invalid_value!;
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'issuerOrgId', zh: m.zh, en: m.en }] });
    }
    issuerName = org.name;
  }
  const code = await checkGivenCode(ctx, input.code);
  const unregistered = code?.status !== 'valid';
  const regionPath = await regionPathOf(ctx.db, ctx.actor.orgPath);
  // the case is opened by "the task log", not by the teacher: no actor, no address, no reporter
  const anonymousCtx: TSystemCtx = { ...ctx, actor: null, ip: null, requestId: null };
  const row = await ctx.db.transaction().execute(async (trx) => {
    const opened = unregistered
      ? await openCase(trx, ctx, anonymousCtx, {
          regionOrgId: regionIdOf(regionPath),
          regionPath,
          channel: 'task_log',
          category: CATEGORY_OF_CHANNEL[input.channel],
          text: `${input.what}（${label(`tasklogChannel.${input.channel}`)}，${input.minutes}分钟）`,
          occurredOn: input.date,
          receivedOn: chinaToday(),
          code,
          targetOrgId: input.issuerOrgId ?? null,
          targetText: input.issuerOrgId ? null : (input.issuerText ?? null),
          reporter: null,
          ipHash: null,
          createdBy: null,
          auditName: 'tasklog',
        })
      : null;
    const at = nowIso();
    const { id } = await trx
      .insertInto('task_logs')
      .values({
        user_id: ctx.actor.userId,
        school_org_id: ctx.actor.orgId,
        region_org_id: regionIdOf(regionPath),
        what: input.what,
        issuer_org_id: input.issuerOrgId ?? null,
        issuer_text: input.issuerOrgId ? null : (input.issuerText ?? null),
        issuer_key: issuerKeyOf(input),
        occurred_on: input.date,
        minutes: input.minutes,
        channel: input.channel,
        code: code?.itemCode ?? null,
        code_status: code?.status ?? null,
        item_id: code?.itemId ?? null,
        case_id: opened?.id ?? null,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'tasklog.create', objectType: 'task_log', objectId: id, after: { minutes: input.minutes, channel: input.channel, codeStatus: code?.status ?? null } });
    return { id, case_id: opened?.id ?? null, created_at: at };
  });
  return {
    ...presentEntry({
      id: row.id,
      what: input.what,
      issuer_org_id: input.issuerOrgId ?? null,
      issuer_text: input.issuerOrgId ? null : (input.issuerText ?? null),
      issuer_name: issuerName,
      occurred_on: input.date,
      minutes: input.minutes,
      channel: input.channel,
      code: code?.itemCode ?? null,
      code_status: code?.status ?? null,
      case_id: row.case_id,
      created_at: row.created_at,
    }),
    verify: code?.verify ?? null,
  };
}

/** The teacher's own entries, newest first, and the time they took this term. */
export async function findMyTaskLogs(ctx: TCtx, opts: { page: number; pageSize: number }) {
  authorize(ctx.actor, 'tasklog.write');
  const term = termRangeOf(chinaToday());
  const mine = ctx.db.selectFrom('task_logs as t').where('t.user_id', '=', ctx.actor.userId);
  const [{ n }, sums, rows] = await Promise.all([
    mine.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    mine
      .select((eb) => [eb.fn.countAll<number>().as('c'), eb.fn.sum<number>('t.minutes').as('m')])
      .where('t.occurred_on', '>=', term.from)
      .where('t.occurred_on', '<=', term.to)
      .executeTakeFirstOrThrow(),
    mine
      .leftJoin('orgs as o', 'o.id', 't.issuer_org_id')
      .select(['t.id', 't.what', 't.issuer_org_id', 't.issuer_text', 'o.name as issuer_name', 't.occurred_on', 't.minutes', 't.channel', 't.code', 't.code_status', 't.case_id', 't.created_at'])
      .orderBy('t.occurred_on', 'desc')
      .orderBy('t.id', 'desc')
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize)
      .execute(),
  ]);
  return { items: rows.map(presentEntry), total: Number(n), term, termMinutes: Number(sums.m ?? 0), termCount: Number(sums.c) };
}
