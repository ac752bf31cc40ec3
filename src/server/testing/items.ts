import { makeItem } from '../../domain/register/fixtures';
import type { TItemKind } from '../../domain/register/kinds';
import type { TItemInput } from '../../domain/register/schemas';
import { addDays } from '../../domain/register/schoolYear';
import { chinaToday } from '../../domain/time';

/**
 * A valid item of `kind` dated relative to today: announced today for a window starting in
 * `startInDays` (default 40, past the 30-day notice) and lasting `days` days. Ad hoc unless
 * `planned` is given (the plan must then be open).
 */
export function itemInput<K extends TItemKind>(kind: K, o: Parameters<typeof makeItem<K>>[1] & { startInDays?: number; days?: number } = {}): TItemInput {
  const { startInDays = 40, days = 10, details, ...rest } = o;
  const today = chinaToday();
  const start = addDays(today, startInDays);
  const end = addDays(start, days);
  // the kinds whose details carry dates get them relative to the window too (the fixtures' own are fixed)
  const dated: Record<string, unknown> =
    kind === 'data_collection' ? { validUntil: addDays(end, 30) } : kind === 'secondment' ? { from: start, to: end } : {};
  return makeItem(kind, {
    details: { ...dated, ...details } as typeof details,
    planned: false,
    adhoc: { reason: '上级临时部署', urgency: 'normal' },
    announcedAt: today,
    windowStart: start,
    windowEnd: end,
    title: `${kind} ${Math.random().toString(36).slice(2, 8)} 专项工作`,
    ...rest,
  });
}
