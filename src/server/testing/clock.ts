import { vi } from 'vitest';

/**
 * `JIANFU_TEST_TODAY=2026-12-28 npm test` runs the suite as if that were the day in China (the
 * clock still moves, from 10:00 that day), to find tests and fixtures that only pass on some days
 * of the year: around New Year a window of "today + 40 days" falls in the next year's plan, a
 * fixed date in a fixture falls behind today, and so on. Unset, nothing is faked.
 */
const day = process.env.JIANFU_TEST_TODAY;
if (day) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`JIANFU_TEST_TODAY must be YYYY-MM-DD (got ${day})`);
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(`${day}T10:00:00+08:00`), shouldAdvanceTime: true, advanceTimeDelta: 1 });
}
