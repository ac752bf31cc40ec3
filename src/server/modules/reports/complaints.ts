/**
 * Complaints handled in a period, for the reports' "受理投诉举报…办结…" sentence. Its source is
 * the cases module's `caseStats({ db, orgPath, from, to })`; while that module is not part of
 * the build there is no data source, so this answers null and the sentence is left out.
 */
import type { TDb } from '../../db/connect';

export interface TComplaintFacts {
  received: number;
  closed: number;
}

export function findComplaintFacts(_q: { db: TDb; orgPath: string; from: string; to: string }): Promise<TComplaintFacts | null> {
  return Promise.resolve(null);
}
