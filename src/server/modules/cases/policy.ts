/**
 * Who may see and do what with a case (issue 5 §6). The office handles every case of its region
 * and alone sees who reported; leaders read their region; a section or a school, once a case is
 * assigned, sees the cases about or assigned to its own org subtree (never the reporter) and the
 * responsible org verifies, rectifies and attaches evidence. Outside that, 404.
 */
import { can } from '../../../domain/abilities';
import type { TCaseStatus } from '../../../domain/cases/enums';
import { CASE_ACTIONS, OFFICE_ONLY_ACTIONS, canStep, type TCaseAction } from '../../../domain/cases/stateMachine';
import type { TActor } from '../../context';
import { AppError } from '../../http/errors';
import { authorize } from '../../policy';

export interface TCasePolicyTarget {
  status: TCaseStatus;
  regionPath: string;
  targetPath: string | null;
  assignedPath: string | null;
}

/** The office and leaders read every case of their region (their scope is the region). */
export function seesWholeRegion(actor: Pick<TActor, 'role'>): boolean {
  return actor.role === 'office' || actor.role === 'leader';
}

/** The reporter's name and phone: the office role only. */
export function seesReporter(actor: Pick<TActor, 'role'>): boolean {
  return actor.role === 'office';
}

export function canSeeCase(actor: TActor, c: TCasePolicyTarget): boolean {
  if (!can(actor.role, 'case.read')) return false;
  if (seesWholeRegion(actor)) return c.regionPath.startsWith(actor.scopePath);
  if (c.status === 'received') return false;
  return !!(c.targetPath?.startsWith(actor.scopePath) || c.assignedPath?.startsWith(actor.scopePath));
}

function isResponsible(actor: TActor, c: TCasePolicyTarget): boolean {
  return can(actor.role, 'case.rectify') && !!c.assignedPath?.startsWith(actor.orgPath);
}

export function whyNot(actor: TActor, action: TCaseAction, c: TCasePolicyTarget): 'ability' | 'status' | null {
  const office = can(actor.role, 'case.manage');
  if (OFFICE_ONLY_ACTIONS.includes(action) ? !office : !(office || isResponsible(actor, c))) return 'ability';
  if (!canStep(action, c.status)) return 'status';
  return null;
}

/** Reading a case: 404 unless visible. */
export function authorizeCaseRead(actor: TActor, c: TCasePolicyTarget | null): void {
  authorize(actor, 'case.read');
  if (!c || !canSeeCase(actor, c)) throw new AppError('NOT_FOUND');
}

/** A step on a case: 404 unless visible, then 403 for the role, 409 for the status. */
export function authorizeCase(actor: TActor, action: TCaseAction, c: TCasePolicyTarget | null): void {
  authorizeCaseRead(actor, c);
  switch (whyNot(actor, action, c!)) {
    case null:
      return;
    case 'ability':
      throw new AppError('FORBIDDEN');
    case 'status':
      throw new AppError('CASE_STATE_CONFLICT', { extra: { status: c!.status } });
  }
}

/** The steps the actor may take now (the web app shows only those buttons). */
export function caseAbilities(actor: TActor, c: TCasePolicyTarget): Record<TCaseAction, boolean> {
  const out = {} as Record<TCaseAction, boolean>;
  for (const a of CASE_ACTIONS) out[a] = canSeeCase(actor, c) && whyNot(actor, a, c) === null;
  return out;
}
