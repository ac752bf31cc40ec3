import type { TDb } from '../db/connect';

/**
 * A per-key fixed-window limiter for hot public endpoints. Counting happens in memory, so a
 * request costs no database write; once a second the increments are added to the shared
 * `rate_limits` table and the totals read back, so several app processes enforce one limit
 * (each sees the others' hits within about a second).
 */
export class SharedRateLimiter {
  private local = new Map<string, { window: number; pending: number; seen: number }>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly db: TDb,
    private readonly opts: { name: string; limit: number; windowSeconds: number; syncMs?: number },
  ) {}

  private windowOf(now: number): number {
    return Math.floor(now / (this.opts.windowSeconds * 1000));
  }

  /** Counts one hit; false when the key is over its limit in this window. */
  hit(key: string, now = Date.now()): boolean {
    const w = this.windowOf(now);
    let e = this.local.get(key);
    if (!e || e.window !== w) {
      e = { window: w, pending: 0, seen: 0 };
      this.local.set(key, e);
    }
    e.pending++;
    this.schedule();
    return e.seen + e.pending <= this.opts.limit;
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.opts.syncMs ?? 1000);
    this.timer.unref();
  }

  /** Adds pending hits to the shared table and learns the totals of all processes. */
  async flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    const batch = [...this.local.entries()].filter(([, e]) => e.pending > 0);
    const now = this.windowOf(Date.now());
    for (const [k, e] of this.local) if (e.window < now) this.local.delete(k);
    if (!batch.length) return;
    this.flushing = (async () => {
      for (const [key, e] of batch) {
        const n = e.pending;
        e.pending = 0;
        const windowStart = new Date(e.window * this.opts.windowSeconds * 1000).toISOString();
        const dbKey = `${this.opts.name}:${key}`;
        try {
          const row = await this.db
            .insertInto('rate_limits')
            .values({ key: dbKey, window_start: windowStart, count: n })
            .onConflict((oc) =>
              oc.column('key').doUpdateSet((eb) => ({
                count: eb.case().when('rate_limits.window_start', '=', windowStart).then(eb('rate_limits.count', '+', n)).else(n).end(),
                window_start: windowStart,
              })),
            )
            .returning('count')
            .executeTakeFirstOrThrow();
          e.seen = Number(row.count);
        } catch {
          e.pending += n; // the database was busy: keep the hits for the next flush
        }
      }
    })().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
