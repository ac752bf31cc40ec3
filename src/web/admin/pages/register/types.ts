/** Response shapes of the register API (docs/API.md "Register"), as the admin app reads them. */
import type { TEvaluationMethod, TItemKind } from '../../../../domain/register/kinds';
import type { TRuleSetValues } from '../../../../domain/register/ruleset';
import type { TAdhoc, TBurdenEstimate, TItemDetails, TTargetScope } from '../../../../domain/register/schemas';

export const ITEM_STATUSES = ['draft', 'submitted', 'reviewed', 'approved', 'completed', 'returned', 'rejected', 'merged', 'cancelled', 'revoked'] as const;
export type TItemStatus = (typeof ITEM_STATUSES)[number];

/** antd Tag colours of the statuses: waiting blue, passed green, sent back orange, stopped red/grey. */
export const STATUS_COLOR: Record<TItemStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  reviewed: 'geekblue',
  approved: 'green',
  completed: 'cyan',
  returned: 'orange',
  rejected: 'red',
  merged: 'purple',
  cancelled: 'default',
  revoked: 'volcano',
};

export const ITEM_ACTIONS = ['edit', 'submit', 'review', 'approve', 'file', 'reject', 'merge', 'cancel', 'revoke', 'complete', 'estimate', 'returnTeacher'] as const;
export type TItemAction = (typeof ITEM_ACTIONS)[number];

export interface TFinding {
  ruleId: string;
  severity: 'blocking' | 'warning';
  zh: string;
  en: string;
  field?: string;
  schoolIds?: number[];
}

export interface TItemEvent {
  id: number;
  at: string;
  actorName: string | null;
  action: string;
  fromStatus: TItemStatus | null;
  toStatus: TItemStatus | null;
  reason: string | null;
  /** What the step carried (e.g. `{"fromId"}` of a merge, the estimate before and after). */
  data?: unknown;
}

export interface TItem {
  id: number;
  kind: TItemKind;
  title: string;
  status: TItemStatus;
  issuer: { id: number; name: string };
  legalBasis: string;
  targetScope: TTargetScope;
  schools: { id: number; name: string }[];
  windowStart: string;
  windowEnd: string;
  announcedAt: string;
  planned: boolean;
  adhoc: TAdhoc | null;
  evaluationMethods: TEvaluationMethod[];
  burden: TBurdenEstimate;
  teacherHours: number;
  frequencyCap: number | null;
  details: TItemDetails;
  findings: TFinding[];
  admissionNo: string | null;
  verifyCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  revokedAt: string | null;
  revokeReason: string | null;
  mergedIntoId: number | null;
  /** Items merged into this one (the other side of the link). */
  mergedFrom: { id: number; title: string }[];
  returnedAt: string | null;
  createdAt: string;
  submittedAt: string | null;
  approvedAt: string | null;
  events: TItemEvent[];
  can: Partial<Record<TItemAction, boolean>>;
}

export interface TItemSummary {
  id: number;
  kind: TItemKind;
  title: string;
  status: TItemStatus;
  issuerName: string;
  windowStart: string;
  windowEnd: string;
  teacherHours: number;
  admissionNo: string | null;
  planned: boolean;
  schoolCount: number;
  findingCount: number;
  blocking: boolean;
}

export interface TSimilarItem {
  id: number;
  title: string;
  kind: TItemKind;
  status: TItemStatus;
  score: number;
  reason: string;
}

export interface TPlanResponse {
  plan: { id: number; year: number; status: string; closedAt: string | null } | null;
  items: TItemSummary[];
  /** The actor may close the plan now. */
  canClose: boolean;
}

export type TRuleKey = keyof TRuleSetValues;

export interface TRuleSetResponse {
  year: number;
  values: TRuleSetValues;
  own: Partial<TRuleSetValues>;
  inherited: TRuleSetValues;
  admissionPrefix: string;
  /** After a save: the keys that are looser than the level above. */
  looser?: TRuleKey[];
}

export interface TSchoolItem {
  id: number;
  kind: TItemKind;
  title: string;
  admissionNo: string | null;
  verifyCode: string | null;
  windowStart: string;
  windowEnd: string;
  /** Effective date of a revocation still to come (the item is valid until then). */
  revokedAt: string | null;
  frequencyCap: number | null;
  /** Uses the school recorded in `usesYear`. */
  uses: number;
}

export interface TSchoolItems {
  school: { id: number; name: string };
  term: { schoolYear: number; term: 'autumn' | 'spring' };
  usesYear: number;
  /** The actor may record uses (the school's administrator). */
  canRecordUse: boolean;
  items: TSchoolItem[];
}

export interface TLead {
  id: number;
  source: string;
  itemCode: string | null;
  text: string;
  schoolName: string | null;
  createdAt: string;
  status: string;
}

/** GET /public/verify/<code> (200, or 404 with status unknown). */
export interface TVerifyResult {
  status: 'valid' | 'not_yet_valid' | 'expired' | 'revoked' | 'unknown';
  admissionNo?: string;
  kind?: TItemKind;
  title?: string;
  issuer?: string;
  validFrom?: string;
  validTo?: string;
  schools?: string[];
}
