/** Shapes of the collections API (docs/API.md, "Collections"). */
export interface TZhEn {
  zh: string;
  en: string;
}

export interface TRosterRow {
  row: number;
  name: string;
  idNumberMasked: string | null;
  mobileMasked: string | null;
  valid: boolean;
  action: 'new' | 'update' | null;
  reasons: TZhEn[];
}

export interface TRosterJob {
  id: number;
  school: { id: number; name: string };
  fileName: string;
  status: 'preview' | 'committed' | 'discarded';
  createdAt: string;
  committedAt: string | null;
  summary: { total: number; valid: number; invalid: number; new: number; updated: number };
  columns: { col: number; header: string; field: string | null; confidence: number }[];
  rows: { total: number; items: TRosterRow[] };
  result?: { created: number; updated: number; skipped: number };
}

export interface TRosterJobSummary {
  id: number;
  fileName: string;
  status: TRosterJob['status'];
  total: number;
  valid: number;
  invalid: number;
  new: number;
  updated: number;
  createdAt: string;
  committedAt: string | null;
}

export interface TReuse {
  columns: number;
  matched: number;
  held: number;
  population: number;
  cellsTotal: number;
  cellsHeld: number;
}

export interface TOverlapEntry {
  collectionId: number;
  title: string;
  requesterName: string;
  admissionNo: string | null;
  sharedKeys: string[];
  keyShare: number;
  populationShare: number;
  overlap: number;
}

export interface TOverlap {
  max: number;
  threshold: number;
  requiresJustification: boolean;
  since: string;
  items: TOverlapEntry[];
}

export interface TColumn {
  index: number;
  sheet: string;
  header: string;
  suggested: string | null;
  confidence: number;
  field: string | null;
  fieldLabel: TZhEn | null;
  mode: 'auto' | 'manual' | 'new';
  heldCount: number;
}

export type TCollectionStatus = 'draft' | 'submitted' | 'returned' | 'withdrawn' | 'open' | 'closed';

export interface TCollection {
  id: number;
  title: string;
  status: TCollectionStatus;
  /** Why it closed: the final file stays for `completed` and `expired`, not for `withdrawn` (revoked, merged, cancelled). */
  closeReason: 'completed' | 'expired' | 'withdrawn' | null;
  requester: { id: number; name: string };
  subjectType: 'teacher' | 'school';
  templateName: string;
  item: { id: number; status: string; admissionNo: string | null; verifyCode: string | null; windowEnd: string } | null;
  columns: TColumn[];
  reuse: TReuse;
  overlap: TOverlap;
  justification: string | null;
  commitmentText: string;
  schools: { id: number; name: string }[];
  progress: { done: number; total: number; bySchool: { schoolId: number; name: string; done: number; total: number }[] };
  hoursSaved: { cellsPrefilled: number; secondsPerCell: number | null; hours: number };
  createdAt: string;
  openedAt: string | null;
  can: { edit: boolean; submit: boolean; download: boolean };
}

export interface TCollectionSummary {
  id: number;
  title: string;
  status: TCollectionStatus;
  requesterName: string;
  subjectType: string;
  admissionNo: string | null;
  reuse: { held: number; columns: number };
  overlapMax: number;
  progress: { done: number; total: number };
  hoursSaved: number;
  createdAt: string;
}

export interface TSchoolCollection {
  id: number;
  title: string;
  status: string;
  requesterName: string;
  admissionNo: string | null;
  windowEnd: string | null;
  progress: { done: number; total: number };
  pendingCorrections: number;
}

export interface TSchoolProgress {
  collection: { id: number; title: string; status: string; admissionNo: string | null; windowEnd: string | null; requesterName: string };
  progress: { done: number; total: number };
  responses: { id: number; name: string; status: 'pending' | 'submitted'; submittedAt: string | null; remindCount: number; lastRemindedAt: string | null }[];
  corrections: { id: number; teacherName: string | null; key: string; keyLabel: TZhEn; oldValue: string | null; newValue: string; note: string | null; status: 'pending' | 'confirmed' | 'rejected'; createdAt: string }[];
}

export interface TTask {
  responseId: number;
  collectionId: number;
  title: string;
  admissionNo: string | null;
  windowEnd: string | null;
  status: 'pending' | 'submitted';
  open: boolean;
  remindCount: number;
  lastRemindedAt: string | null;
  submittedAt: string | null;
}

export interface TFillField {
  index: number;
  header: string;
  field: string | null;
  fieldLabel: TZhEn | null;
  held: { value: string; sensitive: boolean; source: string; recordedAt: string } | null;
  toType: boolean;
  correctable: boolean;
  answer: string | null;
  pendingCorrection: { id: number; value: string; note: string | null } | null;
}

export interface TFillPage {
  id: number;
  status: 'pending' | 'submitted';
  open: boolean;
  collection: { id: number; title: string; admissionNo: string | null; windowEnd: string | null; requesterName: string; commitmentText: string };
  subject: { type: string; name: string };
  fields: TFillField[];
  committedAt: string | null;
  remindCount: number;
}

export interface TCatalogOption {
  key: string;
  zh: string;
  en: string;
}
