/**
 * The public complaint API as the light pages use it (docs/API.md "Complaints"): the challenge,
 * creating a complaint, uploading its images, tracking it, the public statistics.
 */
import { callJson, postFile } from './api';
import type { TCaseCategory as TCategory } from '../shared/caseCategories';
import { solveChallenge } from './pow';

export { CASE_CATEGORIES as CATEGORIES, type TCaseCategory as TCategory } from '../shared/caseCategories';

export interface TPublicOrg {
  id: number;
  name: string;
  kind?: string;
  parentName?: string | null;
}

export interface TComplaintInput {
  category: TCategory;
  targetOrgId: number;
  text: string;
  occurredOn: string;
  code?: string;
  anonymous: boolean;
  reporterName?: string;
  reporterPhone?: string;
}

export interface TCreated {
  trackingNo: string;
  key: string;
}

export interface TTrackEvent {
  at: string;
  type: string;
  label: { zh: string; en: string };
}

export interface TTracked {
  trackingNo?: string;
  status: string;
  category?: string;
  createdAt?: string;
  dueOn?: string | null;
  events: TTrackEvent[];
  reply: string | null;
  repliedAt?: string | null;
}

export type TAnswer<T> = { status: number; body: T | null };

interface TChallenge {
  token: string;
  prefix?: string;
  difficulty: number;
}

/** Fetch a challenge and solve it in the page: the proof sent along with the complaint. */
export async function proveWork(): Promise<{ token: string; nonce: string } | TAnswer<unknown>> {
  const ch = await callJson<TChallenge>('/challenge');
  if (ch.status !== 200 && ch.status !== 201) return ch;
  const c = ch.body!;
  const nonce = await solveChallenge(c.prefix ?? c.token, c.difficulty);
  return { token: c.token, nonce };
}

export function createComplaint(input: TComplaintInput, proof: { token: string; nonce: string }): Promise<TAnswer<TCreated>> {
  return callJson<TCreated>('/complaints', { method: 'POST', body: { ...input, challenge: proof } });
}

export function uploadImage(created: TCreated, file: Blob, type: string): Promise<TAnswer<unknown>> {
  return postFile(`/complaints/${encodeURIComponent(created.trackingNo)}/attachments?key=${encodeURIComponent(created.key)}`, file, type);
}

export function trackComplaint(no: string, key: string): Promise<TAnswer<TTracked>> {
  return callJson<TTracked>(`/complaints/${encodeURIComponent(no)}?key=${encodeURIComponent(key)}`);
}

export interface TStats {
  months: { month: string; counts: Partial<Record<TCategory, number>>; total?: number }[];
  closed: number;
  closedOnTime: number;
  onTimeShare: number | null;
  medianDays: number | null;
}

export function fetchStats(): Promise<TAnswer<TStats>> {
  return callJson<TStats>('/complaints/stats');
}
