import type { TDb } from '../db/connect';

/**
 * Fixed-window counter kept in the database so that several app processes share it.
 * Returns the count in the current window including this hit.
 */
export async function hitRateLimit(db: TDb, opts: { key: string; windowSeconds: number; now?: Date }): Promise<number> {
  const now = opts.now ?? new Date();
  const windowStart = new Date(Math.floor(now.getTime() / (opts.windowSeconds * 1000)) * opts.windowSeconds * 1000).toISOString();
  const row = await db
    .insertInto('rate_limits')
    .values({ key: opts.key, window_start: windowStart, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        count: eb.case().when('rate_limits.window_start', '=', windowStart).then(eb('rate_limits.count', '+', 1)).else(1).end(),
        window_start: windowStart,
      })),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
