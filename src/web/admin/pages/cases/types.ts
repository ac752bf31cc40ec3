/** Response shapes of docs/API.md "Cases" as the admin pages read them. */
export { CASE_CATEGORIES, type TCaseCategory } from '../../../shared/caseCategories';

export const CASE_STATUSES = ['received', 'assigned', 'verifying', 'rectifying', 'closed', 'replied', 'merged'] as const;
export type TCaseStatus = (typeof CASE_STATUSES)[number];

export { CASE_CHANNELS, CASE_SOURCES, STAFF_CHANNELS, type TCaseChannel, type TCaseSource } from '../../../../domain/cases/enums';

export const VERDICTS = ['substantiated', 'partly_substantiated', 'unsubstantiated'] as const;
export type TVerdict = (typeof VERDICTS)[number];

export const TASKLOG_CHANNELS = ['wechat_group', 'phone', 'document', 'app', 'other'] as const;
export type TTasklogChannel = (typeof TASKLOG_CHANNELS)[number];

export const STATUS_COLOR: Record<string, string> = {
  received: 'orange',
  assigned: 'blue',
  verifying: 'geekblue',
  rectifying: 'volcano',
  closed: 'green',
  replied: 'green',
  merged: 'default',
};

export interface TOrgRef {
  id: number;
  name: string;
}

export interface TCaseSummary {
  id: number;
  trackingNo: string;
  source: string;
  channel: string | null;
  category: string;
  status: string;
  summary: string;
  targetOrg: TOrgRef | null;
  /** The organisation concerned as typed, when it is not one of the register's (staff entry, leads, task logs). */
  targetText: string | null;
  assignedOrg: TOrgRef | null;
  createdAt: string;
  dueOn: string | null;
  receivedOn?: string;
  rectifyDeadline?: string | null;
  overdue: boolean;
  /** The first case of its duplicate group (itself when it is the first); null when it has no duplicates. */
  groupId: number | null;
  /** Other cases in its group. */
  duplicateCount: number;
}

export interface TCaseEvent {
  id: number;
  at: string;
  actorName: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
}

export interface TAttachment {
  id: number;
  kind?: string;
  contentType: string;
  size: number;
  createdAt: string;
  url: string;
}

export interface TCaseActions {
  assign?: boolean;
  verify?: boolean;
  rectify?: boolean;
  close?: boolean;
  reply?: boolean;
  reassign?: boolean;
  merge?: boolean;
  reopen?: boolean;
  attach?: boolean;
}

export interface TCase extends TCaseSummary {
  text: string;
  occurredOn: string | null;
  itemCode: string | null;
  codeStatus: string | null;
  measures: string | null;
  rectifyDeadline: string | null;
  verdict: TVerdict | null;
  outcome: string | null;
  reply: string | null;
  repliedAt: string | null;
  mergedInto: { id: number; trackingNo: string } | null;
  duplicates: { id: number; trackingNo: string; status: string; merged: boolean }[];
  /** Only for the office role: the API leaves it out for everyone else. */
  reporter?: { anonymous: boolean; name: string | null; phone: string | null } | null;
  attachments: TAttachment[];
  events: TCaseEvent[];
  can: TCaseActions;
}

export interface TTasklogEntry {
  id: number;
  what: string;
  issuer: string;
  date: string;
  minutes: number;
  channel: string;
  code: string | null;
  codeStatus: string | null;
  createdAt: string;
}

export interface TTasklogMine {
  items: TTasklogEntry[];
  total: number;
  term: { from: string; to: string; label?: string } | null;
  termMinutes: number;
}

export interface TTasklogStatRow {
  issuer: string;
  count: number;
  minutes: number;
  unregistered?: number;
  /** The row of issuers reported by too few teachers to be shown by name. */
  folded?: boolean;
}

export interface TTasklogStats {
  from: string;
  to: string;
  minReporters: number;
  items: TTasklogStatRow[];
  other: { issuers: number; count: number; minutes: number; unregistered: number; label: { zh: string; en: string } } | null;
  total: { count: number; minutes: number; hours: number };
}
