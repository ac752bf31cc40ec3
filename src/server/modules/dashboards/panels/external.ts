import type { TCasesPanel, TCollectionsPanel } from '../../../../domain/dashboards/types';
import { collectionHoursSaved } from '../../collections/open';
import type { TPanelQuery } from './common';

/**
 * Panels fed by other modules' service functions. Each returns null while its module does not
 * exist in this build, and the web app leaves the panel out.
 */

/** Complaints funnel and overdue cases: `caseStats` of the cases module. */
export function casesPanel(_q: TPanelQuery): Promise<TCasesPanel | null> {
  return Promise.resolve(null);
}

/**
 * Collections (collect once, use many) requested inside the county or region and opened in the
 * period, and the teacher-hours they saved (cells pre-filled × seconds per cell):
 * `collectionHoursSaved` of the collections module. A school requests none: null there.
 */
export async function collectionsPanel(q: TPanelQuery): Promise<TCollectionsPanel | null> {
  if (q.target.schoolId !== null) return null;
  const r = await collectionHoursSaved({ db: q.db, orgPath: q.target.rootPath, from: q.period.from, to: q.period.to });
  return { collections: Number(r.collections), hoursSaved: Number(r.hours), cellsPrefilled: Number(r.cellsPrefilled) };
}
