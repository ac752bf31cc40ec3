import type { TAbility } from '../../../domain/abilities';
import { can } from '../../../domain/abilities';
import { isFilingOnlyKind, type TItemKind } from '../../../domain/register/kinds';
import type { TActor } from '../../context';
import { AppError } from '../../http/errors';
import { authorize, inScope } from '../../policy';

export const ITEM_STATUSES = ['draft', 'submitted', 'reviewed', 'approved', 'completed', 'returned', 'rejected', 'merged', 'cancelled', 'revoked'] as const;
export type TItemStatus = (typeof ITEM_STATUSES)[number];

export const ITEM_ACTIONS = ['edit', 'submit', 'review', 'approve', 'file', 'reject', 'merge', 'cancel', 'revoke', 'complete', 'estimate', 'returnTeacher'] as const;
export type TItemAction = (typeof ITEM_ACTIONS)[number];

/** What an item must be for each action, and the ability the action needs. */
const ACTION_RULES: Record<TItemAction, { from: readonly TItemStatus[]; ability: TAbility; issuerOnly?: boolean; notOwnSubmission?: boolean }> = {
  edit: { from: ['draft', 'returned'], ability: 'register.submit', issuerOnly: true },
  submit: { from: ['draft', 'returned'], ability: 'register.submit', issuerOnly: true },
  review: { from: ['submitted'], ability: 'register.review', notOwnSubmission: true },
  approve: { from: ['reviewed'], ability: 'register.approve', notOwnSubmission: true },
  file: { from: ['submitted'], ability: 'register.review', notOwnSubmission: true },
  reject: { from: ['submitted', 'reviewed'], ability: 'register.review', notOwnSubmission: true },
  merge: { from: ['submitted', 'reviewed', 'approved'], ability: 'register.manage' },
  cancel: { from: ['draft', 'returned', 'submitted', 'reviewed'], ability: 'register.submit', issuerOnly: true },
  revoke: { from: ['approved'], ability: 'register.review' },
  complete: { from: ['approved'], ability: 'register.submit', issuerOnly: true },
  estimate: { from: ['draft', 'returned', 'submitted', 'reviewed', 'approved', 'completed'], ability: 'register.submit', issuerOnly: true },
  // rejected, revoked or never-approved borrowings are the main 清退 targets: a return is recorded whatever the decision
  returnTeacher: { from: ['submitted', 'reviewed', 'approved', 'completed', 'rejected', 'revoked'], ability: 'register.submit', issuerOnly: true },
};

export interface TItemPolicyTarget {
  status: TItemStatus;
  kind: TItemKind;
  issuerPath: string;
  submittedBy: number | null;
  /** A secondment's recorded return: a second one is refused. */
  returnedAt?: string | null;
}

/** The leader may reject at the approval stage; the office at review. Revocation: office or leader. */
function abilityFor(action: TItemAction, actor: TActor): boolean {
  const rule = ACTION_RULES[action];
  if (action === 'reject' || action === 'revoke') return can(actor.role, 'register.review') || can(actor.role, 'register.approve');
  return can(actor.role, rule.ability);
}

/** Why an action is not possible now, or null when it is. Status and ownership only: scope is checked by `authorizeItem`. */
export function whyNot(actor: TActor, action: TItemAction, item: TItemPolicyTarget): 'ability' | 'status' | 'own' | 'issuer' | 'kind' | 'returned' | null {
  const rule = ACTION_RULES[action];
  if (!abilityFor(action, actor)) return 'ability';
  if (!rule.from.includes(item.status)) return 'status';
  // the office may cancel or edit on behalf of anyone in its region; others only their own org's items
  if (rule.issuerOnly && !item.issuerPath.startsWith(actor.orgPath) && !can(actor.role, 'register.manage')) return 'issuer';
  if (rule.notOwnSubmission && item.submittedBy === actor.userId) return 'own';
  if (action === 'file' && !isFilingOnlyKind(item.kind)) return 'kind';
  if (action === 'review' && isFilingOnlyKind(item.kind)) return 'kind';
  if (action === 'returnTeacher' && item.kind !== 'secondment') return 'kind';
  if (action === 'returnTeacher' && item.returnedAt) return 'returned';
  if (action === 'reject' && item.status === 'reviewed' && !can(actor.role, 'register.approve')) return 'ability';
  if (action === 'reject' && item.status === 'submitted' && !can(actor.role, 'register.review')) return 'ability';
  return null;
}

/** Reading an item: in scope (else 404) and `register.read`. */
export function authorizeItemRead(actor: TActor, item: { issuerPath: string } | null): void {
  authorize(actor, 'register.read', item ? { path: item.issuerPath } : null);
}

/** An action on an item: 404 outside the scope, then the precise refusal. */
export function authorizeItem(actor: TActor, action: TItemAction, item: TItemPolicyTarget | null): void {
  if (!item || !inScope(actor, item.issuerPath)) throw new AppError('NOT_FOUND');
  const why = whyNot(actor, action, item);
  switch (why) {
    case null:
      return;
    case 'ability':
    case 'issuer':
    case 'kind':
      authorize(actor, ACTION_RULES[action].ability);
      throw new AppError('FORBIDDEN');
    case 'own':
      throw new AppError('OWN_SUBMISSION');
    case 'status':
      throw new AppError('ITEM_STATE_CONFLICT', { extra: { status: item.status } });
    case 'returned':
      throw new AppError('TEACHER_ALREADY_RETURNED', { extra: { returnedAt: item.returnedAt } });
  }
}

/** Which actions the actor may take now: sent to the web app, which shows only those buttons. */
export function itemAbilities(actor: TActor, item: TItemPolicyTarget): Record<TItemAction, boolean> {
  const out = {} as Record<TItemAction, boolean>;
  for (const a of ITEM_ACTIONS) out[a] = inScope(actor, item.issuerPath) && whyNot(actor, a, item) === null;
  return out;
}

/**
 * Recording that an approved item was held at a school: the school's own administrator only
 * (teachers see the view but do not keep the school's record). Scope (the item targets the
 * actor's school) is checked by the caller, which answers 404 outside it.
 */
export function canRecordUse(actor: TActor): boolean {
  return can(actor.role, 'register.school') && actor.role === 'school_admin' && actor.orgKind === 'school';
}
