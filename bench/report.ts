import type { TDialect } from '../src/server/config';

/**
 * One measured figure. Every figure carries a ratio against a baseline measured in the same run
 * (the machines are noisy, so absolute numbers alone mean little); the baseline itself shows 1.00.
 * A figure with a target is judged on its ratio, unless the target says `on: 'value'` (an
 * absolute budget such as "p99 < 25 ms", judged on the value in the figure's unit).
 */
export interface TFigure {
  label: string;
  value: number;
  unit: string;
  /** Label of the baseline figure the ratio is taken against. */
  baseline: string;
  ratio: number;
  target?: { op: '>=' | '<=' | '<'; limit: number; on?: 'ratio' | 'value' };
}

export interface TBenchResult {
  figures: TFigure[];
  notes: string[];
}

export interface TBenchOpts {
  dialect: TDialect;
  log: (line: string) => void;
}

export interface TBench {
  name: string;
  summary: string;
  run: (opts: TBenchOpts) => Promise<TBenchResult>;
}

export function passes(f: TFigure): boolean | null {
  if (!f.target) return null;
  const x = f.target.on === 'value' ? f.value : f.ratio;
  switch (f.target.op) {
    case '>=':
      return x >= f.target.limit;
    case '<=':
      return x <= f.target.limit;
    case '<':
      return x < f.target.limit;
  }
}

const OP_SIGN = { '>=': '≥', '<=': '≤', '<': '<' } as const;

function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Math.abs(v) >= 1000) return v.toFixed(0);
  if (Math.abs(v) >= 100) return v.toFixed(1);
  return v.toFixed(2);
}

/** Prints the figures as a table; returns the number of failed targets. */
export function printResult(name: string, dialect: TDialect, r: TBenchResult, log: (line: string) => void): number {
  const rows = r.figures.map((f) => {
    const ok = passes(f);
    const limit = f.target?.on === 'value' ? `${fmt(f.target.limit)} ${f.unit}` : f.target?.limit.toFixed(2);
    const judged = f.target ? `target ${OP_SIGN[f.target.op]} ${limit}  ${ok ? 'PASS' : 'FAIL'}` : '';
    return [f.label, `${fmt(f.value)} ${f.unit}`, `×${f.ratio.toFixed(3)} of ${f.baseline}`, judged];
  });
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  log('');
  log(`== ${name} [${dialect}] ==`);
  for (const row of rows) {
    log(`  ${row[0]!.padEnd(widths[0]!)}  ${row[1]!.padStart(widths[1]!)}  ${row[2]!.padEnd(widths[2]!)}  ${row[3]}`.trimEnd());
  }
  for (const n of r.notes) log(`  note: ${n}`);
  const failed = r.figures.filter((f) => passes(f) === false).length;
  const judged = r.figures.filter((f) => f.target).length;
  log(`  => ${failed === 0 ? 'PASS' : 'FAIL'} (${judged - failed}/${judged} targets met)`);
  return failed;
}
