import type { Kysely } from 'kysely';
import type { TActor } from '../../context';
import type { TDatabase } from '../../db/types';
import { itemAbilities } from './policy';
import { findingsOf, inputOf, policyTarget, type TItemJoined } from './repo';

/** An item as the API shows it, with what the actor may do now (`can`). */
export async function presentItem(db: Kysely<TDatabase>, actor: TActor, row: TItemJoined) {
  const [schools, events, mergedFrom] = await Promise.all([
    db.selectFrom('item_schools as s').innerJoin('orgs as o', 'o.id', 's.school_org_id').select(['o.id', 'o.name']).where('s.item_id', '=', row.id).orderBy('o.id').execute(),
    db.selectFrom('item_events').selectAll().where('item_id', '=', row.id).orderBy('id').execute(),
    // the other side of the merge link: the items merged into this one that the reader may see
    db
      .selectFrom('items')
      .innerJoin('orgs as issuer', 'issuer.id', 'items.issuer_org_id')
      .select(['items.id', 'items.title'])
      .where('items.merged_into_id', '=', row.id)
      .where('issuer.path', 'like', `${actor.scopePath}%`)
      .orderBy('items.id')
      .execute(),
  ]);
  const input = inputOf(row);
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    status: row.status,
    issuer: { id: row.issuer_org_id, name: row.issuer_name },
    legalBasis: row.legal_basis,
    targetScope: input.targetScope,
    schools,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    announcedAt: row.announced_at,
    planned: row.planned === 1,
    adhoc: row.planned === 1 ? null : { reason: row.adhoc_reason ?? '', urgency: row.adhoc_urgency ?? 'normal' },
    evaluationMethods: input.evaluationMethods,
    burden: input.burden,
    teacherHours: row.teacher_hours,
    frequencyCap: row.frequency_cap,
    details: input.details,
    findings: findingsOf(row),
    admissionNo: row.admission_no,
    verifyCode: row.verify_code,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    revokedAt: row.revoked_at,
    revokeReason: row.revoke_reason,
    mergedIntoId: row.merged_into_id,
    mergedFrom,
    returnedAt: row.returned_at,
    createdAt: row.created_at,
    submittedAt: row.submitted_at,
    approvedAt: row.approved_at,
    events: events.map((e) => ({ id: e.id, at: e.at, actorName: e.actor_name, action: e.action, fromStatus: e.from_status, toStatus: e.to_status, reason: e.reason, data: e.data_json === null ? null : (JSON.parse(e.data_json) as unknown) })),
    can: itemAbilities(actor, policyTarget(row)),
  };
}

export type TItemView = Awaited<ReturnType<typeof presentItem>>;

export function presentSummary(row: TItemJoined & { school_count?: number | null }) {
  const findings = findingsOf(row);
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    status: row.status,
    issuerName: row.issuer_name,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    teacherHours: row.teacher_hours,
    admissionNo: row.admission_no,
    planned: row.planned === 1,
    schoolCount: Number(row.school_count ?? 0),
    findingCount: findings.length,
    blocking: findings.some((f) => f.severity === 'blocking'),
  };
}
