import type { TDashboard, TPeriod } from '../../../domain/dashboards/types';
import { chinaToday } from '../../../domain/time';
import type { TCtx } from '../../context';
import { nowIso } from '../../context';
import type { TPanelQuery } from './panels/common';
import { countiesPanel } from './panels/counties';
import { casesPanel, collectionsPanel } from './panels/external';
import { hoursTrendPanel } from './panels/hours';
import { loadFacts } from './panels/facts';
import { itemsByKindPanel, reductionPanel } from './panels/items';
import { secondmentsPanel } from './panels/secondments';
import { whitelistPanel } from './panels/whitelist';
import { drillOf, resolveTarget } from './scope';

/**
 * Every panel of the dashboard of `orgId` for a period, in the actor's scope (404 outside it).
 * Panels run one after another: on SQLite there is one connection anyway, and on PostgreSQL a
 * dashboard should not take the whole pool from other requests.
 */
export async function getDashboard(ctx: TCtx, opts: { orgId: number; period: TPeriod; today?: string }): Promise<TDashboard> {
  const target = await resolveTarget(ctx, opts.orgId);
  const q: TPanelQuery = { db: ctx.db, dialect: ctx.dialect, target, period: opts.period, today: opts.today ?? chinaToday() };
  const facts = await loadFacts(q);
  const panels = {
    itemsByKind: itemsByKindPanel(facts),
    reduction: await reductionPanel(q, facts),
    hoursTrend: await hoursTrendPanel(q),
    whitelist: await whitelistPanel(q),
    cases: await casesPanel(q),
    secondments: await secondmentsPanel(q, facts),
    collections: await collectionsPanel(q),
    counties: await countiesPanel(q, facts),
  };
  return {
    org: { id: target.org.id, name: target.org.name, kind: target.org.kind, code: target.org.code, level: target.level },
    region: { id: target.region.id, name: target.region.name, code: target.region.code },
    period: opts.period,
    generatedAt: nowIso(),
    panels,
    drill: await drillOf(ctx, target),
  };
}
