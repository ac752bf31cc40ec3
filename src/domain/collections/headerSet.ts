/**
 * The labelled header set (bench/data/headers.tsv) and its scoring, shared by the benchmark and
 * the test that holds matching to ≥ 97 % accuracy with no false friend matched.
 */
import type { TSubject } from './catalog';
import { matchHeader } from './match';

export interface THeaderCase {
  subject: TSubject;
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
    out.push({ subject, labels: header.split(' | ').map((h) => h.replace(/\\r/g, '\r').replace(/\\n/g, '\n')), expected: expected.trim() || null });
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

export function scoreHeaderSet(cases: readonly THeaderCase[]): THeaderScore {
  const wrong: THeaderScore['wrong'] = [];
  const falseFriendsMatched: THeaderCase[] = [];
  for (const c of cases) {
    const m = matchHeader(c.labels, c.subject);
    if (m.field !== c.expected) {
      wrong.push({ c, got: m.field, confidence: m.confidence });
      if (c.expected === null) falseFriendsMatched.push(c);
    }
  }
  const correct = cases.length - wrong.length;
  return { total: cases.length, correct, accuracy: correct / cases.length, falseFriendsMatched, falseFriendCases: cases.filter((c) => c.expected === null).length, wrong };
}
