/**
 * The one-line header notation of the `catalog match` CLI and of the labelled header set
 * (bench/data/headers.tsv), and the set's scoring, shared by the CLI, the benchmark and the test
 * that holds matching to ≥ 97 % accuracy with no false friend matched.
 */
import type { TSubject } from './catalog';
import { type THeaderMatch, matchHeader } from './match';

/**
 * One line → the header's labels, top row first: ` | ` separates the rows of a multi-row header
 * (`学历 | 最高学历`), and `\n` (backslash, n) stands for a line break inside a cell.
 */
export function parseHeaderLine(line: string): string[] {
  return line.split(/[ \t]+\|[ \t]+/).map((h) => h.replace(/\\r/g, '\r').replace(/\\n/g, '\n'));
}

/** A `/` outside brackets: where Jianfu joins the rows of a multi-row header (`学历/最高学历`, template.ts). */
const SLASH_OUTSIDE_NOTES = /\/(?![^(（[【]*[)）\]】])/;

/**
 * Matches one line of the notation the way the server matches a template column (`matchHeader`
 * on its labels, top row first). A single label that matches nothing and holds a `/` outside
 * brackets is also read as Jianfu's own joined form of a multi-row header (`学历/最高学历`, the
 * `header` of a template column), but only when the top row alone names the field the rows name
 * together: two fields in one cell (`民族/政治面貌`, `籍贯/出生地`) stay unmatched.
 */
export function matchHeaderLine(line: string, subject: TSubject): THeaderMatch {
  const labels = parseHeaderLine(line);
  const m = matchHeader(labels, subject);
  if (m.field || labels.length !== 1 || !SLASH_OUTSIDE_NOTES.test(labels[0]!)) return m;
  const rows = labels[0]!.split(SLASH_OUTSIDE_NOTES).map((l) => l.trim());
  if (rows.length < 2 || rows.some((l) => !l)) return m;
  const stacked = matchHeader(rows, subject);
  return stacked.field && matchHeader(rows[0]!, subject).field === stacked.field ? stacked : m;
}

export interface THeaderCase {
  subject: TSubject;
  /** The header as written in the set, in the CLI's one-line notation. */
  line: string;
  /** One header, or a multi-row header top to bottom. */
  labels: string[];
  expected: string | null;
}

export function parseHeaderSet(tsv: string): THeaderCase[] {
  const out: THeaderCase[] = [];
  for (const line of tsv.split('\n')) {
    if (!line.trim() || line.startsWith('#') || line.startsWith('subject\t')) continue;
    const [subject, header = '', expected = ''] = line.split('\t');
    if (subject !== 'teacher' && subject !== 'school') throw new Error(`bad subject in line: ${line}`);
    out.push({ subject, line: header, labels: parseHeaderLine(header), expected: expected.trim() || null });
  }
  return out;
}

export interface THeaderScore {
  total: number;
  correct: number;
  accuracy: number;
  /** Headers that must not match (expected null) but did. */
  falseFriendsMatched: THeaderCase[];
  falseFriendCases: number;
  wrong: { c: THeaderCase; got: string | null; confidence: number }[];
}

/** Scores the set through the CLI's own line reading (`matchHeaderLine`), so the figures are the CLI's. */
export function scoreHeaderSet(cases: readonly THeaderCase[]): THeaderScore {
  const wrong: THeaderScore['wrong'] = [];
  const falseFriendsMatched: THeaderCase[] = [];
  for (const c of cases) {
    const m = matchHeaderLine(c.line, c.subject);
    if (m.field !== c.expected) {
      wrong.push({ c, got: m.field, confidence: m.confidence });
      if (c.expected === null) falseFriendsMatched.push(c);
    }
  }
  const correct = cases.length - wrong.length;
  return { total: cases.length, correct, accuracy: correct / cases.length, falseFriendsMatched, falseFriendCases: cases.filter((c) => c.expected === null).length, wrong };
}
