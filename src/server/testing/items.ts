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
  const { startInDays = 40, days = 10, ...rest } = o;
  const today = chinaToday();
  const start = addDays(today, startInDays);
  return makeItem(kind, {
    planned: false,
    adhoc: { reason: '上级临时部署', urgency: 'normal' },
    announcedAt: today,
    windowStart: start,
    windowEnd: addDays(start, days),
    title: `${kind} ${Math.random().toString(36).slice(2, 8)} 专项工作`,
    ...rest,
  });
}
