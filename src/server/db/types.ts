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
  /** The case this lead became (issue 5). */
  case_id: Generated<number | null>;
}

/** A case of the supervision module (issue 5): complaint, lead, task-log lead, finding. */
export interface TCaseTable {
  id: Generated<number>;
  /** `TS20261128-4K7Q2M`: what the reporter follows the case with. */
  tracking_no: string;
  /** sha256 of the key given to the reporter; the key itself is never stored. */
  key_hash: string;
  region_org_id: number;
  source: string;
  channel: string;
  category: string;
  status: string;
  text: string;
  occurred_on: string | null;
  received_on: string;
  item_code: string | null;
  item_id: number | null;
  code_status: string | null;
  target_org_id: number | null;
  target_text: string | null;
  assigned_org_id: number | null;
  anonymous: number;
  reporter_name_enc: string | null;
  reporter_phone_enc: string | null;
  ip_hash: string | null;
  /** Duplicates (same target and category, similar text, 30 days) share the id of the first case. */
  group_id: number | null;
  merged_into_id: number | null;
  due_on: string;
  measures: string | null;
  rectify_deadline: string | null;
  verdict: string | null;
  outcome: string | null;
  reply: string | null;
  replied_at: string | null;
  closed_at: string | null;
  /** China calendar day of closing (on-time counts compare it with `due_on`). */
  closed_on: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface TCaseEventTable {
  id: Generated<number>;
  case_id: number;
  at: string;
  actor_user_id: number | null;
  actor_name: string | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  data_json: string | null;
}

export interface TCaseAttachmentTable {
  id: Generated<number>;
  case_id: number;
  /** `complaint` (sent by the reporter) or `evidence` (added by an official). */
  kind: string;
  content_type: string;
  size: number;
  width: number | null;
  height: number | null;
  sha256: string;
  data: Buffer;
  uploaded_by: number | null;
  created_at: string;
}

/** Exceptions to Monday–Friday: `off` (public holiday) or `work` (调休 make-up day). */
export interface THolidayTable {
  date: string;
  kind: string;
  name: string;
  updated_by: number | null;
  updated_at: string;
}

/** A demand a teacher logged (减负监测). Private to the teacher; only aggregates leave it. */
export interface TTaskLogTable {
  id: Generated<number>;
  user_id: number;
  school_org_id: number;
  region_org_id: number;
  what: string;
  issuer_org_id: number | null;
  issuer_text: string | null;
  /** `org:<id>` or `text:<normalised text>`: what the statistics group by. */
  issuer_key: string;
  occurred_on: string;
  minutes: number;
  channel: string;
  code: string | null;
  code_status: string | null;
  item_id: number | null;
  case_id: number | null;
  created_at: string;
}

/** Challenge nonces already spent (single use), until they expire. */
export interface TChallengeUseTable {
  nonce: string;
  expires_at: string;
}

export interface TMasterValueTable {
  id: Generated<number>;
  subject_type: string;
  subject_id: number;
  catalog_key: string;
  /** Plain value of a non-sensitive key; null for sensitive keys (ID number, phone). */
  value_text: string | null;
  value_enc: string | null;
  value_hmac: string | null;
  value_masked: string | null;
  /** `roster_import:<id>`, `collection:<id>`, `manual` or `correction`. */
  source: string;
  recorded_at: string;
  recorded_by: number | null;
}

export interface TMasterValueHistoryTable {
  id: Generated<number>;
  subject_type: string;
  subject_id: number;
  catalog_key: string;
  value_text: string | null;
  value_enc: string | null;
  value_masked: string | null;
  source: string;
  recorded_at: string;
  recorded_by: number | null;
  superseded_at: string;
  superseded_by_source: string;
}

export interface TRosterImportTable {
  id: Generated<number>;
  school_org_id: number;
  file_name: string;
  status: string;
  total_rows: number;
  valid_rows: number;
  invalid_rows: number;
  new_count: number;
  updated_count: number;
  columns_json: string;
  rows_enc: string;
  commit_mode: string | null;
  committed_rows: number | null;
  created_by: number | null;
  created_at: string;
  committed_by: number | null;
  committed_at: string | null;
}

export interface TCollectionTable {
  id: Generated<number>;
  region_org_id: number;
  requester_org_id: number;
  created_by: number | null;
  title: string;
  subject_type: string;
  status: string;
  item_id: number | null;
  template_name: string;
  template_size: number;
  columns_json: string;
  reuse_json: string;
  overlap_json: string;
  overlap_max: number;
  justification: string | null;
  commitment_text: string;
  seconds_per_cell: number | null;
  cells_prefilled: number;
  opened_at: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface TCollectionTemplateTable {
  collection_id: number;
  content: Buffer;
}

export interface TCollectionSchoolTable {
  collection_id: number;
  school_org_id: number;
}

export interface TCollectionResponseTable {
  id: Generated<number>;
  collection_id: number;
  subject_type: string;
  subject_id: number;
  school_org_id: number;
  status: string;
  answers_enc: string | null;
  prefilled_cells: number;
  typed_cells: number;
  commitment_text: string | null;
  committed_at: string | null;
  committed_ip: string | null;
  submitted_by: number | null;
  remind_count: number;
  last_reminded_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface TCollectionCorrectionTable {
  id: Generated<number>;
  collection_id: number;
  response_id: number;
  subject_type: string;
  subject_id: number;
  school_org_id: number;
  catalog_key: string;
  old_masked: string | null;
  new_value_enc: string;
  new_value_masked: string;
  note: string | null;
  status: string;
  created_by: number | null;
  created_at: string;
  decided_by: number | null;
  decided_at: string | null;
  decision_reason: string | null;
}

export interface TCollectionReminderTable {
  id: Generated<number>;
  collection_id: number;
  response_id: number;
  school_org_id: number;
  reminded_by: number | null;
  reminded_at: string;
}

export interface TLeadershipGroupTable {
  id: Generated<number>;
  org_id: number;
  /** What the group leads: `teacher_burden`, `student_burden`, `enterprise_burden`. */
  topic: string;
  name: string;
  /** Where its office sits, e.g. 办公室设在县教育局人事股. */
  office_location: string | null;
  office_director: string | null;
  updated_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface TLeadershipMemberTable {
  id: Generated<number>;
  group_id: number;
  /** `leader` 组长, `deputy` 副组长, `member` 成员. */
  role: string;
  name: string;
  /** Post or title, e.g. 县教育局局长. */
  post: string;
  sort_order: number;
}

export interface TReportIssueTable {
  id: Generated<number>;
  org_id: number;
  type: string;
  period_from: string;
  period_to: string;
  /** 代字 of the 发文字号, e.g. 青教减报. */
  prefix: string;
  year: number;
  seq: number;
  doc_no: string;
  created_by: number | null;
  created_at: string;
  last_generated_at: string;
  generations: number;
}

/** A use of an approved item at a school, recorded by the school (migration 0008). */
export interface TItemUseTable {
  id: Generated<number>;
  item_id: number;
  school_org_id: number;
  /** The calendar day it was held (`YYYY-MM-DD`). */
  used_on: string;
  recorded_by: number;
  created_at: string;
  note: string | null;
}

export interface TDatabase {
  item_uses: TItemUseTable;
  rule_sets: TRuleSetTable;
  annual_plans: TAnnualPlanTable;
  items: TItemTable;
  item_schools: TItemSchoolTable;
  item_events: TItemEventTable;
  admission_counters: TAdmissionCounterTable;
  leads: TLeadTable;
  cases: TCaseTable;
  case_events: TCaseEventTable;
  case_attachments: TCaseAttachmentTable;
  holidays: THolidayTable;
  task_logs: TTaskLogTable;
  challenge_uses: TChallengeUseTable;
  baseline_items: TBaselineItemTable;
  orgs: TOrgTable;
  users: TUserTable;
  sessions: TSessionTable;
  teachers: TTeacherTable;
  audit_log: TAuditLogTable;
  rate_limits: TRateLimitTable;
  leadership_groups: TLeadershipGroupTable;
  leadership_members: TLeadershipMemberTable;
  report_issues: TReportIssueTable;
  master_values: TMasterValueTable;
  master_value_history: TMasterValueHistoryTable;
  roster_imports: TRosterImportTable;
  collections: TCollectionTable;
  collection_templates: TCollectionTemplateTable;
  collection_schools: TCollectionSchoolTable;
  collection_responses: TCollectionResponseTable;
  collection_corrections: TCollectionCorrectionTable;
  collection_reminders: TCollectionReminderTable;
}

export type TOrgRow = Selectable<TOrgTable>;
export type TNewOrg = Insertable<TOrgTable>;
export type TOrgUpdate = Updateable<TOrgTable>;
export type TUserRow = Selectable<TUserTable>;
export type TTeacherRow = Selectable<TTeacherTable>;
export type TAuditRow = Selectable<TAuditLogTable>;
export type TItemRow = Selectable<TItemTable>;
export type TCaseRow = Selectable<TCaseTable>;
