/**
 * Complaints handled in a period, for the reports' "受理投诉举报…办结…" sentence, from the cases
 * module's `caseStats` (complaints, leads, task-log leads and findings of the region). A period
 * with none received and none closed has no sentence: null.
 */
import type { TDb } from '../../db/connect';
import { caseStats } from '../cases/stats';

export interface TComplaintFacts {
  received: number;
  closed: number;
  closedOnTime: number;
}

export async function findComplaintFacts(q: { db: TDb; orgPath: string; from: string; to: string }): Promise<TComplaintFacts | null> {
  const s = await caseStats({ db: q.db, orgPath: q.orgPath, from: q.from, to: q.to });
  if (!s.received && !s.closed) return null;
  return { received: s.received, closed: s.closed, closedOnTime: s.closedOnTime };
}
