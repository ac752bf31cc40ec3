import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table types. Timestamps are ISO-8601 UTC strings on both dialects (sortable as text);
 * booleans are 0/1 integers on both.
 */
export interface TOrgTable {
  id: Generated<number>;
  parent_id: number | null;
  kind: string;
  code: string | null;
  name: string;
  /** Materialised path of ids, e.g. `/1/4/9/`: the subtree of org X is `path LIKE X.path || '%'`. */
  path: string;
  depth: number;
  region_code: string | null;
  school_type: string | null;
  hotline: string | null;
  mailbox: string | null;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface TUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  org_id: number;
  role: string;
  password_hash: string;
  must_change_password: number;
  status: string;
  failed_attempts: number;
  locked_until: string | null;
  password_changed_at: string | null;
  last_login_at: string | null;
  teacher_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface TSessionTable {
  /** sha256 of the cookie token; the token itself is never stored. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface TTeacherTable {
  id: Generated<number>;
  org_id: number;
  name: string;
  gender: string;
  birth_date: string;
  id_number_enc: string;
  /** HMAC of the normalised ID number, for uniqueness and lookup without decrypting. */
  id_number_hmac: string;
  id_number_masked: string;
  mobile_enc: string | null;
  mobile_masked: string | null;
  subject: string | null;
  title: string | null;
  work_start_date: string | null;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface TAuditLogTable {
  id: Generated<number>;
  at: string;
  actor_user_id: number | null;
  actor_username: string | null;
  actor_role: string | null;
  actor_org_id: number | null;
  actor_org_name: string | null;
  ip: string | null;
  request_id: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  before_json: string | null;
  after_json: string | null;
}

export interface TRateLimitTable {
  key: string;
  window_start: string;
  count: number;
}

export interface TRuleSetTable {
  id: Generated<number>;
  region_org_id: number;
  year: number;
  values_json: string;
  admission_prefix: string | null;
  updated_by: number | null;
  updated_at: string;
}

export interface TAnnualPlanTable {
  id: Generated<number>;
  region_org_id: number;
  year: number;
  status: string;
  opened_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface TItemTable {
  id: Generated<number>;
  region_org_id: number;
  issuer_org_id: number;
  created_by: number | null;
  kind: string;
  title: string;
  legal_basis: string;
  target_scope_json: string;
  window_start: string;
  window_end: string;
  announced_at: string;
  planned: number;
  plan_id: number | null;
  adhoc_reason: string | null;
  adhoc_urgency: string | null;
  evaluation_methods_json: string;
  minutes_per_respondent: number;
  respondents: number;
  times_per_year: number;
  teacher_hours: number;
  frequency_cap: number | null;
  details_json: string;
  status: string;
  findings_json: string;
  admission_no: string | null;
  admission_year: number | null;
  admission_seq: number | null;
  verify_code: string | null;
  valid_from: string | null;
  valid_to: string | null;
  revoked_at: string | null;
  revoke_reason: string | null;
  merged_into_id: number | null;
  returned_at: string | null;
  submitted_at: string | null;
  submitted_by: number | null;
  approved_at: string | null;
  approved_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface TItemSchoolTable {
  item_id: number;
  school_org_id: number;
}

export interface TItemEventTable {
  id: Generated<number>;
  item_id: number;
  at: string;
  actor_user_id: number | null;
  actor_name: string | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  reason: string | null;
  data_json: string | null;
}

export interface TAdmissionCounterTable {
  region_org_id: number;
  year: number;
  last_seq: number;
}

export interface TBaselineItemTable {
  id: Generated<number>;
  region_org_id: number;
  year: number;
  kind: string;
  title: string;
  issuer_name: string;
  minutes_per_respondent: number;
  respondents: number;
  times_per_year: number;
  teacher_hours: number;
  decision: string | null;
  decision_reason: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface TLeadTable {
  id: Generated<number>;
  region_org_id: number | null;
  source: string;
  item_code: string | null;
  item_id: number | null;
  school_org_id: number | null;
  reported_by: number | null;
  text: string;
  ip_hash: string | null;
  status: string;
  created_at: string;
}

export interface TDatabase {
  rule_sets: TRuleSetTable;
  annual_plans: TAnnualPlanTable;
  items: TItemTable;
  item_schools: TItemSchoolTable;
  item_events: TItemEventTable;
  admission_counters: TAdmissionCounterTable;
  leads: TLeadTable;
  baseline_items: TBaselineItemTable;
  orgs: TOrgTable;
  users: TUserTable;
  sessions: TSessionTable;
  teachers: TTeacherTable;
  audit_log: TAuditLogTable;
  rate_limits: TRateLimitTable;
}

export type TOrgRow = Selectable<TOrgTable>;
export type TNewOrg = Insertable<TOrgTable>;
export type TOrgUpdate = Updateable<TOrgTable>;
export type TUserRow = Selectable<TUserTable>;
export type TTeacherRow = Selectable<TTeacherTable>;
export type TAuditRow = Selectable<TAuditLogTable>;
export type TItemRow = Selectable<TItemTable>;
