/** Reading cases (list, one, the daily overdue list) and the office's entry of calls, letters and findings. */
import { OPEN_STATUSES, type TCaseChannel, type TCaseStatus } from '../../../domain/cases/enums';
import { normalizeReporterPhone } from '../../../domain/cases/phone';
import type { TStaffCaseInput } from '../../../domain/cases/schemas';
import { normalizeTrackingNo } from '../../../domain/cases/trackingNo';
import { chinaToday } from '../../../domain/time';
import type { TCtx } from '../../context';
import { AppError } from '../../http/errors';
import { authorize } from '../../policy';
import { regionPathOf } from '../auth/sessions';
import { regionIdOf } from '../register/items';
import { findCaseOrg } from './complaints';
import { checkGivenCode, openCase } from './entry';
import { authorizeCaseRead } from './policy';
import { policyTarget, presentCase, presentOverdue, presentSummary } from './present';
import { caseQuery, findCaseById, groupSizes, scoped, textContains, type TCaseEb } from './repo';

export interface TCaseFilter {
  status?: TCaseStatus | undefined;
  category?: string | undefined;
  source?: string | undefined;
  channel?: string | undefined;
  overdue?: boolean | undefined;
  orgId?: number | undefined;
  /** One duplicate group: the cases grouped with case `groupId` (itself included). */
  groupId?: number | undefined;
  q?: string | undefined;
}

function overdueWhere(today: string) {
  return (eb: TCaseEb) =>
    eb.or([
      eb.and([eb('c.status', 'in', [...OPEN_STATUSES]), eb('c.due_on', '<', today)]),
      eb.and([eb('c.status', '=', 'rectifying'), eb('c.rectify_deadline', '<', today)]),
      eb.and([eb('c.status', '=', 'closed'), eb('c.source', 'in', ['complaint', 'lead']), eb('c.due_on', '<', today)]),
    ]);
}

/** The list's query: the actor's scope and the filters, unordered (the list and its export order it). */
export function filtered(ctx: TCtx, f: TCaseFilter) {
  const today = chinaToday();
  let q = scoped(caseQuery(ctx.db), ctx.actor);
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.category) q = q.where('c.category', '=', f.category);
  if (f.source) q = q.where('c.source', '=', f.source);
  if (f.channel) q = q.where('c.channel', '=', f.channel);
  if (f.orgId) q = q.where((eb) => eb.or([eb('c.target_org_id', '=', f.orgId!), eb('c.assigned_org_id', '=', f.orgId!)]));
  if (f.groupId) q = q.where('c.group_id', '=', f.groupId);
  if (f.q) {
    const no = normalizeTrackingNo(f.q);
    q = q.where((eb) => eb.or([eb('c.tracking_no', '=', no), textContains('c.text', f.q!)]));
  }
  if (f.overdue) q = q.where(overdueWhere(today));
  return { q, today };
}

export async function findCases(ctx: TCtx, opts: TCaseFilter & { page: number; pageSize: number }) {
  authorize(ctx.actor, 'case.read');
  const { q, today } = filtered(ctx, opts);
  const [{ n }, rows] = await Promise.all([
    q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    q.orderBy('c.id', 'desc').limit(opts.pageSize).offset((opts.page - 1) * opts.pageSize).execute(),
  ]);
  const sizes = await groupSizes(ctx.db, rows.flatMap((r) => (r.group_id ? [r.group_id] : [])));
  return { total: Number(n), items: rows.map((r) => presentSummary(r, { today, groupSize: r.group_id ? sizes.get(r.group_id) : 1 })) };
}

/** The daily overdue list of the actor's scope, most overdue first. */
export async function findOverdueCases(ctx: TCtx) {
  authorize(ctx.actor, 'case.read');
  const { q, today } = filtered(ctx, { overdue: true });
  const rows = await q.orderBy('c.due_on').orderBy('c.id').limit(2000).execute();
  const sizes = await groupSizes(ctx.db, rows.flatMap((r) => (r.group_id ? [r.group_id] : [])));
  const items = rows.map((r) => presentOverdue(r, { today, groupSize: r.group_id ? sizes.get(r.group_id) : 1 })).sort((a, b) => b.overdueDays - a.overdueDays || a.id - b.id);
  return { date: today, items };
}

export async function getCase(ctx: TCtx, id: number) {
  const row = await findCaseById(ctx.db, id);
  authorizeCaseRead(ctx.actor, row ? policyTarget(row) : null);
  return presentCase(ctx, ctx.actor, row!);
}

/** The office types in a hotline call, a letter, a visit or a finding; the caller may be told the number and key. */
export async function createStaffCase(ctx: TCtx, input: TStaffCaseInput) {
  authorize(ctx.actor, 'case.manage');
  let regionPath = await regionPathOf(ctx.db, ctx.actor.orgPath);
  let targetOrgId: number | null = null;
  if (input.targetOrgId) {
    const org = await findCaseOrg(ctx, input.targetOrgId);
    if (!org || !org.path.startsWith(ctx.actor.scopePath)) throw new AppError('NOT_FOUND');
    targetOrgId = org.id;
    regionPath = org.regionPath;
  }
  const code = await checkGivenCode(ctx, input.code);
  const reporter = input.anonymous ? null : { name: input.reporterName!, phone: normalizeReporterPhone(input.reporterPhone!)! };
  const created = await ctx.db.transaction().execute((trx) =>
    openCase(trx, ctx, ctx, {
      regionOrgId: regionIdOf(regionPath),
      regionPath,
      channel: input.channel as TCaseChannel,
      category: input.category,
      text: input.text,
      occurredOn: input.occurredOn ?? null,
      receivedOn: input.receivedOn ?? chinaToday(),
      code,
      targetOrgId,
      targetText: input.targetText ?? null,
      reporter,
      ipHash: null,
      createdBy: { userId: ctx.actor.userId, name: ctx.actor.displayName },
    }),
  );
  return { ...(await getCase(ctx, created.id)), key: created.key };
}
