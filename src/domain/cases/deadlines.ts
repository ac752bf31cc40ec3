/**
 * When a case is late (issue 5 §4). The close deadline (`dueOn`, working days from receipt) runs
 * while the case is handled; once closed, a reply is still owed to a complaint or a lead by the
 * same day; a rectification runs to its own deadline. Dates are China calendar days.
 */
import { daysBetween } from '../register/schoolYear';
import { OPEN_STATUSES, replyOwed, type TCaseSource, type TCaseStatus } from './enums';

export type TOverdueKind = 'close' | 'reply' | 'rectify';

export interface TDeadlineFacts {
  status: TCaseStatus;
  source: TCaseSource;
  dueOn: string;
  rectifyDeadline: string | null;
}

export function overdueKind(c: TDeadlineFacts, today: string): TOverdueKind | null {
  if (c.status === 'rectifying' && c.rectifyDeadline && today > c.rectifyDeadline) return 'rectify';
  if (OPEN_STATUSES.includes(c.status) && today > c.dueOn) return 'close';
  if (c.status === 'closed' && replyOwed(c.source) && today > c.dueOn) return 'reply';
  return null;
}

/** Days past the deadline that was missed (0 when not overdue). */
export function overdueDays(c: TDeadlineFacts, today: string): number {
  const kind = overdueKind(c, today);
  if (!kind) return 0;
  return daysBetween(kind === 'rectify' ? c.rectifyDeadline! : c.dueOn, today);
}

/** Closed on time: the China day of closing is on or before the deadline. */
export function closedOnTime(c: { dueOn: string; closedOn: string | null }): boolean | null {
  return c.closedOn ? c.closedOn <= c.dueOn : null;
}

/** The median of a list of numbers (null when empty). */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
