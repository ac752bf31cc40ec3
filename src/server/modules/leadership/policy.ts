import type { TActor } from '../../context';
import { AppError } from '../../http/errors';
import { authorize, inScope } from '../../policy';
import { can } from '../../../domain/abilities';

/**
 * Who may edit a leadership group: `leadership.manage` (the office, a school's administrator),
 * and only for the actor's own organisation or one above it inside the scope — the office edits
 * the group of its bureau and county, a school its own. Outside the scope the org is 404.
 */
export function authorizeLeadershipEdit(actor: TActor, org: { path: string } | null): void {
  authorize(actor, 'leadership.manage', org);
  if (!actor.orgPath.startsWith(org!.path)) throw new AppError('LEADERSHIP_EDIT_FORBIDDEN');
}

/** Whether the edit button shows (same rule, no throwing). */
export function canEditLeadership(actor: TActor, org: { path: string }): boolean {
  return can(actor.role, 'leadership.manage') && inScope(actor, org.path) && actor.orgPath.startsWith(org.path);
}

/** Reading follows the org: in scope and `org.read`. */
export function authorizeLeadershipRead(actor: TActor, org: { path: string } | null): void {
  authorize(actor, 'org.read', org);
}
