import type { TItemsByKindPanel, TKindRow, TReductionPanel } from '../../../../domain/dashboards/types';
import { reductionAgainstBaseline, type TKindTally } from '../../../../domain/register/burden';
import { ITEM_KINDS, type TItemKind } from '../../../../domain/register/kinds';
import { loadRuleValues } from '../../register/ruleContext';
import { tenth, type TPanelQuery } from './common';
import type { TFacts, TRegionKindFact } from './facts';

/** Region-and-kind facts summed over the regions (optionally only some of them), by kind. */
export function tallies(facts: readonly TRegionKindFact[], regions?: ReadonlySet<number>): TKindTally[] {
  const m = new Map<TItemKind, TKindTally>();
  for (const f of facts) {
    if (regions && !regions.has(f.region)) continue;
    const kind = f.kind as TItemKind;
    const t = m.get(kind) ?? { kind, count: 0, hours: 0 };
    t.count += f.n;
    t.hours += f.h;
    m.set(kind, t);
  }
  return [...m.values()];
}

/** Items by kind this period against the baseline (bars). */
export function itemsByKindPanel(facts: TFacts): TItemsByKindPanel {
  const current = tallies(facts.current);
  const baseline = facts.baseline ? tallies(facts.baseline) : null;
  const rows: TKindRow[] = ITEM_KINDS.map((kind) => {
    const c = current.find((t) => t.kind === kind) ?? { count: 0, hours: 0 };
    const b = baseline ? (baseline.find((t) => t.kind === kind) ?? { count: 0, hours: 0 }) : null;
    return { kind, baselineCount: b ? b.count : null, baselineHours: b ? tenth(b.hours) : null, currentCount: c.count, currentHours: tenth(c.hours) };
  });
  return { rows, baselineYears: [...new Set((facts.baseline ?? []).map((b) => b.year))].sort() };
}

/** Reduction of the target kinds (督查检查评比考核) against the baseline, next to the target (progress). */
export async function reductionPanel(q: TPanelQuery, facts: TFacts): Promise<TReductionPanel | null> {
  if (!facts.baseline) return null;
  const values = await loadRuleValues(q.db, { regionPath: q.target.region.path, year: Number(q.period.to.slice(0, 4)) });
  const r = reductionAgainstBaseline({ baseline: tallies(facts.baseline), current: tallies(facts.current), target: values.reductionTarget });
  return {
    target: r.target,
    baselineCount: r.combined.baselineCount,
    currentCount: r.combined.currentCount,
    countReduction: r.combined.countReduction,
    hoursReduction: r.combined.hoursReduction,
    meetsTarget: r.combined.meetsTarget,
  };
}
