import type { Kysely } from 'kysely';
import type { TRegisterFinding } from '../../../domain/register/rules';
import type { TItemInput } from '../../../domain/register/schemas';
import type { TDatabase, TItemRow } from '../../db/types';
import type { TItemPolicyTarget, TItemStatus } from './policy';

export type TItemJoined = TItemRow & { issuer_name: string; issuer_path: string };

export function itemQuery(db: Kysely<TDatabase>) {
  return db.selectFrom('items').innerJoin('orgs as issuer', 'issuer.id', 'items.issuer_org_id').selectAll('items').select(['issuer.name as issuer_name', 'issuer.path as issuer_path']);
}

export async function findItemById(db: Kysely<TDatabase>, id: number): Promise<TItemJoined | undefined> {
  return itemQuery(db).where('items.id', '=', id).executeTakeFirst();
}

export function policyTarget(row: TItemJoined): TItemPolicyTarget {
  return { status: row.status as TItemStatus, kind: row.kind as TItemPolicyTarget['kind'], issuerPath: row.issuer_path, submittedBy: row.submitted_by, returnedAt: row.returned_at };
}

/** The stored item as the rule engine and the form see it. */
export function inputOf(row: TItemRow): TItemInput {
  return {
    title: row.title,
    kind: row.kind as TItemInput['kind'],
    details: JSON.parse(row.details_json) as TItemInput['details'],
    legalBasis: row.legal_basis,
    targetScope: JSON.parse(row.target_scope_json) as TItemInput['targetScope'],
    windowStart: row.window_start,
    windowEnd: row.window_end,
    announcedAt: row.announced_at,
    planned: row.planned === 1,
    ...(row.planned === 1 ? {} : { adhoc: { reason: row.adhoc_reason ?? '', urgency: (row.adhoc_urgency ?? 'normal') as 'normal' } }),
    evaluationMethods: JSON.parse(row.evaluation_methods_json) as TItemInput['evaluationMethods'],
    burden: { minutesPerRespondent: row.minutes_per_respondent, respondents: row.respondents, timesPerYear: row.times_per_year },
    ...(row.frequency_cap == null ? {} : { frequencyCap: row.frequency_cap }),
  };
}

/** Columns written from an input (create and edit). */
export function columnsOf(input: TItemInput, teacherHours: number) {
  return {
    kind: input.kind,
    title: input.title,
    legal_basis: input.legalBasis,
    target_scope_json: JSON.stringify(input.targetScope),
    window_start: input.windowStart,
    window_end: input.windowEnd,
    announced_at: input.announcedAt,
    planned: input.planned ? 1 : 0,
    adhoc_reason: input.adhoc?.reason ?? null,
    adhoc_urgency: input.adhoc?.urgency ?? null,
    evaluation_methods_json: JSON.stringify(input.evaluationMethods),
    minutes_per_respondent: input.burden.minutesPerRespondent,
    respondents: input.burden.respondents,
    times_per_year: input.burden.timesPerYear,
    teacher_hours: teacherHours,
    frequency_cap: input.frequencyCap ?? null,
    details_json: JSON.stringify(input.details),
  };
}

export function findingsOf(row: TItemRow): TRegisterFinding[] {
  return JSON.parse(row.findings_json) as TRegisterFinding[];
}

export async function writeEvent(
  trx: Kysely<TDatabase>,
  e: { itemId: number; at: string; actorUserId: number | null; actorName: string | null; action: string; from: string | null; to: string | null; reason?: string | null; data?: unknown },
): Promise<void> {
  await trx
    .insertInto('item_events')
    .values({
      item_id: e.itemId,
      at: e.at,
      actor_user_id: e.actorUserId,
      actor_name: e.actorName,
      action: e.action,
      from_status: e.from,
      to_status: e.to,
      reason: e.reason ?? null,
      data_json: e.data === undefined ? null : JSON.stringify(e.data),
    })
    .execute();
}

export async function replaceItemSchools(trx: Kysely<TDatabase>, itemId: number, schoolIds: readonly number[]): Promise<void> {
  await trx.deleteFrom('item_schools').where('item_id', '=', itemId).execute();
  for (let i = 0; i < schoolIds.length; i += 200) {
    const chunk = schoolIds.slice(i, i + 200);
    await trx
      .insertInto('item_schools')
      .values(chunk.map((s) => ({ item_id: itemId, school_org_id: s })))
      .execute();
  }
}
