import { chinaToday } from '../../../domain/time';
import type { TCtx } from '../../context';
import { authorize, scopePattern } from '../../policy';
import { whyNot } from './policy';
import { itemQuery, policyTarget } from './repo';

/** Filters of the clearance list: past the deadline and not back, back, or still away. */
export const SECONDMENT_STATES = ['overdue', 'returned', 'away'] as const;
export type TSecondmentState = (typeof SECONDMENT_STATES)[number];

/**
 * The clearance list of seconded teachers (借用/抽调): who, to which unit, since when, until when
 * (the deadline), approved or not, returned or not, overdue when past the deadline and not back.
 */
export async function findSecondments(ctx: TCtx, opts: { state?: TSecondmentState | undefined } = {}) {
  authorize(ctx.actor, 'register.read');
  const rows = await itemQuery(ctx.db)
    .where('issuer.path', 'like', scopePattern(ctx.actor))
    .where('items.kind', '=', 'secondment')
    .where('items.status', 'not in', ['draft', 'cancelled', 'merged'])
    .orderBy('items.window_start')
    .execute();
  const today = chinaToday();
  const list = rows.map((r) => {
    const d = JSON.parse(r.details_json) as { teacherName: string; borrowingUnit: string; from: string; to?: string; approvedBy?: string };
    const deadline = d.to ?? r.window_end;
    return {
      id: r.id,
      teacherName: d.teacherName,
      borrowingUnit: d.borrowingUnit,
      from: d.from,
      deadline,
      status: r.status,
      approved: r.status === 'approved' || r.status === 'completed',
      admissionNo: r.admission_no,
      returnedAt: r.returned_at,
      overdue: !r.returned_at && deadline < today && r.status !== 'rejected',
      /** The actor may record the return now (the button the page shows). */
      canReturn: whyNot(ctx.actor, 'returnTeacher', policyTarget(r)) === null,
    };
  });
  switch (opts.state) {
    case undefined:
      return list;
    case 'overdue':
      return list.filter((r) => r.overdue);
    case 'returned':
      return list.filter((r) => r.returnedAt !== null);
    case 'away':
      return list.filter((r) => r.returnedAt === null);
  }
}

/** Figures the reports use: teachers returned (清退), trainings stopped (制止), items by status. */
export async function getRegisterSummary(ctx: TCtx, opts: { year: number }) {
  authorize(ctx.actor, 'register.read');
  const scope = scopePattern(ctx.actor);
  const from = `${opts.year}-01-01`;
  const to = `${opts.year}-12-31T23:59:59`;
  const base = itemQuery(ctx.db).where('issuer.path', 'like', scope);
  const [returned, trainings, byStatus] = await Promise.all([
    base.where('items.kind', '=', 'secondment').where('items.returned_at', '>=', from).where('items.returned_at', '<=', to).execute(),
    base.where('items.kind', '=', 'training').where('items.status', '=', 'rejected').where('items.updated_at', '>=', from).where('items.updated_at', '<=', to).execute(),
    ctx.db
      .selectFrom('items')
      .innerJoin('orgs as issuer', 'issuer.id', 'items.issuer_org_id')
      .select(['items.status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('issuer.path', 'like', scope)
      .where('items.created_at', '>=', from)
      .where('items.created_at', '<=', to)
      .groupBy('items.status')
      .execute(),
  ]);
  return {
    year: opts.year,
    teachersReturned: returned.length,
    // a training request refused because it is unrelated to teaching counts as stopped (制止)
    trainingsStopped: trainings.filter((r) => (JSON.parse(r.details_json) as { relevantToTeaching?: boolean }).relevantToTeaching === false).length,
    byStatus: Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)])),
  };
}
