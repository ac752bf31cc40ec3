/**
 * The one rectification workflow (issue 5 §4): received → assigned → verifying → rectifying →
 * closed → replied, with reassign, merge and reopen. Pure: which step is allowed from which
 * status and where it leads. Who may take a step is the server's policy.
 */
import type { TCaseStatus } from './enums';

export const CASE_ACTIONS = ['assign', 'verify', 'rectify', 'close', 'reply', 'reassign', 'merge', 'reopen', 'attach'] as const;
export type TCaseAction = (typeof CASE_ACTIONS)[number];

/** Steps only the office takes; the others the responsible org may take too. */
export const OFFICE_ONLY_ACTIONS: readonly TCaseAction[] = ['assign', 'close', 'reply', 'reassign', 'merge', 'reopen'];

const FROM: Record<TCaseAction, readonly TCaseStatus[]> = {
  assign: ['received'],
  verify: ['assigned'],
  rectify: ['verifying'],
  close: ['verifying', 'rectifying'],
  reply: ['closed'],
  reassign: ['assigned', 'verifying', 'rectifying'],
  merge: ['received', 'assigned', 'verifying', 'rectifying'],
  reopen: ['closed', 'replied'],
  attach: ['received', 'assigned', 'verifying', 'rectifying', 'closed', 'replied'],
};

export function canStep(action: TCaseAction, status: TCaseStatus): boolean {
  return FROM[action].includes(status);
}

/** The status a step leads to (`attach` stays; `reopen` goes back to `assigned`, or `received` when no org was ever assigned). */
export function nextStatus(action: TCaseAction, status: TCaseStatus, opts: { hasAssignedOrg: boolean }): TCaseStatus {
  switch (action) {
    case 'assign':
    case 'reassign':
      return 'assigned';
    case 'verify':
      return 'verifying';
    case 'rectify':
      return 'rectifying';
    case 'close':
      return 'closed';
    case 'reply':
      return 'replied';
    case 'merge':
      return 'merged';
    case 'reopen':
      return opts.hasAssignedOrg ? 'assigned' : 'received';
    case 'attach':
      return status;
  }
}

/** Event types shown on the public tracking page (internal ones such as evidence uploads are not). */
export const PUBLIC_EVENT_TYPES = ['create', 'assign', 'reassign', 'verify', 'rectify', 'close', 'reply', 'merge', 'reopen'] as const;
export type TPublicEventType = (typeof PUBLIC_EVENT_TYPES)[number];

export function isPublicEvent(type: string): type is TPublicEventType {
  return (PUBLIC_EVENT_TYPES as readonly string[]).includes(type);
}
