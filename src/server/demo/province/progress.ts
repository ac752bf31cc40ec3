/**
 * A progress bar on stderr: percentage of all rows to write, the phase, rows/s and ETA. On a
 * terminal it redraws one line at most 5 times a second; otherwise it prints a line every 5 s.
 */
export interface TProgress {
  phase: (name: string) => void;
  add: (rows: number) => void;
  done: () => void;
}

function clock(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '--:--';
  const m = Math.floor(s / 60);
  return `${m}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
}

export function createProgress(opts: { total: number; out?: NodeJS.WriteStream; quiet?: boolean }): TProgress {
  const out = opts.out ?? process.stderr;
  const tty = !!out.isTTY;
  const started = Date.now();
  let written = 0;
  let phase = '';
  let last = 0;
  const render = (force: boolean) => {
    if (opts.quiet) return;
    const now = Date.now();
    if (!force && now - last < (tty ? 200 : 5000)) return;
    last = now;
    const pct = Math.min(1, written / Math.max(1, opts.total));
    const secs = (now - started) / 1000;
    const rate = secs > 0 ? written / secs : 0;
    const eta = rate > 0 ? (opts.total - written) / rate : Infinity;
    const width = 30;
    const bar = '='.repeat(Math.round(pct * width)).padEnd(width, ' ');
    const line = `[${bar}] ${(pct * 100).toFixed(1).padStart(5)}%  ${phase.padEnd(12)} ${written.toLocaleString('en')}/${opts.total.toLocaleString('en')} rows  ${Math.round(rate).toLocaleString('en')} rows/s  ETA ${clock(eta)}  elapsed ${clock(secs)}`;
    out.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
  };
  return {
    phase(name) {
      if (name === phase) return;
      phase = name;
      render(true);
    },
    add(rows) {
      written += rows;
      render(false);
    },
    done() {
      written = Math.max(written, opts.total);
      render(true);
      if (tty && !opts.quiet) out.write('\n');
    },
  };
}
