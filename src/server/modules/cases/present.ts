/**
 * Cases as the API shows them. The reporter's name and phone leave the server for the office
 * role only; a task-log case never had a reporter stored. Nothing here returns who logged a task.
 */
import type { Kysely } from 'kysely';
import { overdueDays, overdueKind, type TDeadlineFacts } from '../../../domain/cases/deadlines';
import type { TCaseSource, TCaseStatus } from '../../../domain/cases/enums';
import { chinaToday } from '../../../domain/time';
import type { TActor, TDeps } from '../../context';
import type { TDatabase } from '../../db/types';
import { caseAbilities, seesReporter, type TCasePolicyTarget } from './policy';
import type { TCaseJoined } from './repo';

export function policyTarget(row: TCaseJoined): TCasePolicyTarget {
  return { status: row.status as TCaseStatus, regionPath: row.region_path, targetPath: row.target_path, assignedPath: row.assigned_path };
}

export function deadlineFacts(row: Pick<TCaseJoined, 'status' | 'source' | 'due_on' | 'rectify_deadline'>): TDeadlineFacts {
  return { status: row.status as TCaseStatus, source: row.source as TCaseSource, dueOn: row.due_on, rectifyDeadline: row.rectify_deadline };
}

function summaryOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 80)}…` : flat;
}

export function presentSummary(row: TCaseJoined, opts: { today: string; groupSize?: number }) {
  return {
    id: row.id,
    trackingNo: row.tracking_no,
    source: row.source,
    channel: row.channel,
    category: row.category,
    status: row.status,
    summary: summaryOf(row.text),
    targetOrg: row.target_org_id ? { id: row.target_org_id, name: row.target_name ?? '' } : null,
    targetText: row.target_text,
    assignedOrg: row.assigned_org_id ? { id: row.assigned_org_id, name: row.assigned_name ?? '' } : null,
    receivedOn: row.received_on,
    createdAt: row.created_at,
    dueOn: row.due_on,
    rectifyDeadline: row.rectify_deadline,
    overdue: overdueKind(deadlineFacts(row), opts.today) !== null,
    groupId: row.group_id,
    duplicateCount: row.group_id ? Math.max(0, (opts.groupSize ?? 1) - 1) : 0,
  };
}

export function presentOverdue(row: TCaseJoined, opts: { today: string; groupSize?: number }) {
  const facts = deadlineFacts(row);
  return { ...presentSummary(row, opts), overdueDays: overdueDays(facts, opts.today), overdueKind: overdueKind(facts, opts.today)! };
}

/** The reporter, decrypted: callers hand it to the office role only (`seesReporter`). */
export function reporterOf(deps: TDeps, row: TCaseJoined) {
  if (row.anonymous === 1) return { anonymous: true, name: null, phone: null };
  const dec = (v: string | null) => (v ? deps.fieldCrypto.decrypt(v) : null);
  return { anonymous: false, name: dec(row.reporter_name_enc), phone: dec(row.reporter_phone_enc) };
}

/** One case with its steps, files, duplicates and what the actor may do now. */
export async function presentCase(deps: TDeps & { db: Kysely<TDatabase> }, actor: TActor, row: TCaseJoined) {
  const db = deps.db;
  const [events, attachments, group, mergedInto] = await Promise.all([
    db.selectFrom('case_events').select(['id', 'at', 'actor_name', 'action', 'from_status', 'to_status', 'note']).where('case_id', '=', row.id).orderBy('id').execute(),
    db.selectFrom('case_attachments').select(['id', 'kind', 'content_type', 'size', 'width', 'height', 'created_at']).where('case_id', '=', row.id).orderBy('id').execute(),
    db
      .selectFrom('cases')
      .select(['id', 'tracking_no', 'status', 'merged_into_id', 'group_id'])
      .where((eb) => eb.or([...(row.group_id ? [eb('group_id', '=', row.group_id)] : []), eb('merged_into_id', '=', row.id)]))
      .where('id', '!=', row.id)
      .orderBy('id')
      .execute(),
    row.merged_into_id ? db.selectFrom('cases').select(['id', 'tracking_no']).where('id', '=', row.merged_into_id).executeTakeFirst() : Promise.resolve(undefined),
  ]);
  const today = chinaToday();
  return {
    ...presentSummary(row, { today, groupSize: row.group_id ? group.filter((g) => g.group_id === row.group_id).length + 1 : 1 }),
    text: row.text,
    occurredOn: row.occurred_on,
    itemCode: row.item_code,
    codeStatus: row.code_status,
    measures: row.measures,
    verdict: row.verdict,
    outcome: row.outcome,
    reply: row.reply,
    repliedAt: row.replied_at,
    closedAt: row.closed_at,
    mergedInto: mergedInto ? { id: mergedInto.id, trackingNo: mergedInto.tracking_no } : null,
    duplicates: group.map((g) => ({ id: g.id, trackingNo: g.tracking_no, status: g.status, merged: g.merged_into_id === row.id })),
    ...(seesReporter(actor) ? { reporter: reporterOf(deps, row) } : {}),
    attachments: attachments.map((a) => ({
      id: a.id,
      kind: a.kind,
      contentType: a.content_type,
      size: Number(a.size),
      width: a.width,
      height: a.height,
      createdAt: a.created_at,
      url: `/api/v1/cases/${row.id}/attachments/${a.id}`,
    })),
    events: events.map((e) => ({ id: e.id, at: e.at, actorName: e.actor_name, action: e.action, fromStatus: e.from_status, toStatus: e.to_status, note: e.note })),
    can: caseAbilities(actor, policyTarget(row)),
  };
}

export type TCaseView = Awaited<ReturnType<typeof presentCase>>;
