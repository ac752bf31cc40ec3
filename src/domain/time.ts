/**
 * Jianfu serves mainland China: a calendar day is a day in China Standard Time (UTC+8, no DST).
 * Timestamps are stored in UTC; these helpers turn calendar days into UTC bounds and back.
 */
export const CHINA_OFFSET_MINUTES = 8 * 60;

/** The UTC instant at which a China calendar day (`YYYY-MM-DD`) starts, as ISO text. */
export function startOfChinaDayUtc(day: string): string {
  return new Date(`${day}T00:00:00+08:00`).toISOString();
}

/** The UTC instant at which the China calendar day after `day` starts. */
export function endOfChinaDayUtc(day: string): string {
  return new Date(new Date(`${day}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();
}

/** Today's date in China (`YYYY-MM-DD`). */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}
