import { monthsBetween, type TSecondmentsPanel } from '../../../../domain/dashboards/types';
import { LIVE_STATUSES, num, scopedItems, type TPanelQuery } from './common';
import type { TFacts } from './facts';

/**
 * Teachers seconded out (借用/抽调) and returned (清退): approved secondments starting in the
 * period, returns in the period, those still out at its end, and those out past their deadline
 * today (the deadline is the secondment's own end date when given, else the item's window end).
 */
export async function secondmentsPanel(q: TPanelQuery, facts: TFacts): Promise<TSecondmentsPanel> {
  const { to } = q.period;
  const base = scopedItems(q).where('items.kind', '=', 'secondment').where('items.status', 'in', LIVE_STATUSES);
  // still out at the end of the period: counted in the index
  const out = await base
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('items.window_start', '<=', to)
    .where((eb) => eb.or([eb('items.returned_at', 'is', null), eb('items.returned_at', '>', `${to}T23:59:59`)]))
    .executeTakeFirst();
  // out today and not back: past the deadline (the secondment's own end date when given)?
  const open = await base.select(['items.window_end', 'items.details_json']).where('items.window_start', '<=', q.today).where('items.returned_at', 'is', null).execute();
  const stillOut = num(out?.n);
  let overdue = 0;
  for (const r of open) {
    const d = JSON.parse(r.details_json) as { to?: string };
    if ((d.to ?? r.window_end) < q.today) overdue++;
  }
  const sum = (list: TFacts['secondmentsOut'], m: string) => list.filter((f) => f.month === m).reduce((a, f) => a + f.n, 0);
  const months = monthsBetween(q.period.from, to).map((m) => ({ month: m, out: sum(facts.secondmentsOut, m), returned: sum(facts.secondmentsBack, m) }));
  return { out: months.reduce((a, m) => a + m.out, 0), returned: months.reduce((a, m) => a + m.returned, 0), stillOut, overdue, months };
}
