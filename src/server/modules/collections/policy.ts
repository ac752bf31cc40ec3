import { can } from '../../../domain/abilities';
import type { TActor } from '../../context';
import type { TDb } from '../../db/connect';
import { AppError } from '../../http/errors';
import { authorize, inScope } from '../../policy';

/**
 * Who may do what with roster imports and collections. Out of scope is always 404.
 * - roster import: a school admin into their own school; the office for any school of its region.
 * - a collection, requester side (read, edit the draft, submit, download the full file): `collection.read`
 *   / `collection.request` within the requester org's subtree (a section sees its own, the office and
 *   the leader their region — the reviewers see the overlap there).
 * - a collection, school side (progress, remind, corrections, the school's file): `collection.manage`
 *   for a school of the population.
 * - a response: `collection.fill`, the teacher it belongs to (or the school admin for a school row).
 */

export interface TSchoolTarget {
  id: number;
  path: string;
  kind: string;
}

/** The school a roster is imported into, or 404. */
export function authorizeRosterSchool(actor: TActor, school: TSchoolTarget | null | undefined): asserts school is TSchoolTarget {
  authorize(actor, 'roster.import', school && school.kind === 'school' ? { path: school.path } : null);
}

export type TCollectionAction = 'read' | 'edit' | 'submit' | 'download';

/** Requester-side access to a collection (by the requester org's path). */
export function authorizeCollection(actor: TActor, action: TCollectionAction, c: { requesterPath: string; createdBy: number | null } | null | undefined): void {
  if (!c || !inScope(actor, c.requesterPath)) throw new AppError('NOT_FOUND');
  switch (action) {
    case 'read':
      authorize(actor, 'collection.read');
      return;
    case 'download':
      // the personal data in the full file: only the requesting org (not the reviewers above it)
      authorize(actor, 'collection.request');
      if (!c.requesterPath.startsWith(actor.orgPath)) throw new AppError('FORBIDDEN');
      return;
    case 'edit':
    case 'submit':
      authorize(actor, 'collection.request');
      if (!c.requesterPath.startsWith(actor.orgPath)) throw new AppError('FORBIDDEN');
      return;
  }
}

/** Whether the actor may read a collection as its requester side (for listing `can` flags). */
export function canRequesterAct(actor: TActor, action: TCollectionAction, c: { requesterPath: string; createdBy: number | null }): boolean {
  try {
    authorizeCollection(actor, action, c);
    return true;
  } catch {
    return false;
  }
}

/** School-side access: the actor's own school must be in the population. */
export async function authorizeCollectionSchool(db: TDb, actor: TActor, collectionId: number): Promise<number> {
  authorize(actor, 'collection.manage');
  if (actor.orgKind !== 'school') throw new AppError('NOT_FOUND');
  const hit = await db
    .selectFrom('collection_schools')
    .select('school_org_id')
    .where('collection_id', '=', collectionId)
    .where('school_org_id', '=', actor.orgId)
    .executeTakeFirst();
  if (!hit) throw new AppError('NOT_FOUND');
  return actor.orgId;
}

/** The teacher row bound to the actor's account (teachers fill their own response), or null. */
export async function teacherIdOf(db: TDb, actor: TActor): Promise<number | null> {
  const row = await db.selectFrom('users').select('teacher_id').where('id', '=', actor.userId).executeTakeFirst();
  return row?.teacher_id ?? null;
}

/** A response the actor may fill: their own teacher row, or (school subject) their own school as its admin. */
export async function authorizeResponse(
  db: TDb,
  actor: TActor,
  r: { subject_type: string; subject_id: number; school_org_id: number } | null | undefined,
): Promise<void> {
  authorize(actor, 'collection.fill');
  if (!r) throw new AppError('NOT_FOUND');
  if (r.subject_type === 'teacher') {
    if (actor.role !== 'teacher' || (await teacherIdOf(db, actor)) !== r.subject_id) throw new AppError('NOT_FOUND');
    return;
  }
  if (!(can(actor.role, 'collection.manage') && actor.orgKind === 'school' && actor.orgId === r.school_org_id)) throw new AppError('NOT_FOUND');
}
