import type { TCasesPanel, TCollectionsPanel } from '../../../../domain/dashboards/types';
import { caseStats } from '../../cases/stats';
import { collectionHoursSaved } from '../../collections/open';
import type { TPanelQuery } from './common';

/**
 * Panels fed by other modules' service functions. Each returns null while its module does not
 * exist in this build, and the web app leaves the panel out.
 */

/**
 * Complaints funnel and overdue cases of the county or region: received in the period → closed in
 * it → closed on time, and open past their deadline today (`caseStats` of the cases module).
 * Cases are kept per region, not per school: null on a school dashboard.
 */
export async function casesPanel(q: TPanelQuery): Promise<TCasesPanel | null> {
  if (q.target.schoolId !== null) return null;
  const s = await caseStats({ db: q.db, orgPath: q.target.rootPath, from: q.period.from, to: q.period.to, today: q.today });
  return {
    funnel: [
      { stage: 'received', count: Number(s.received) },
      { stage: 'closed', count: Number(s.closed) },
      { stage: 'closedOnTime', count: Number(s.closedOnTime) },
    ],
    overdue: Number(s.overdue),
  };
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
