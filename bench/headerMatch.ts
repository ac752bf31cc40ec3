/**
 * Header matching quality and speed on the labelled set (bench/data/headers.tsv), each header read
 * through the CLI's own line reading (`matchHeaderLine`: ` | ` between the rows of a multi-row
 * header, `\n` a line break in a cell), so the figures are what `jianfu catalog match` gives: accuracy and
 * false friends matched (targets ≥ 0.97 and 0) against a plain synonym lookup measured in the same
 * run, and the time to match a header against the time to normalise one.
 *
 *   npm run bench -- header-match
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CATALOG } from '../src/domain/collections/catalog';
import { type THeaderCase, matchHeaderLine, parseHeaderSet, scoreHeaderSet } from '../src/domain/collections/headerSet';
import { normalizeHeader } from '../src/domain/collections/match';
import type { TBench } from './report';

const ROUNDS = 30;

/** The baseline: the bottom label, normalised, looked up among the subject's names and synonyms. */
function lookupAccuracy(cases: readonly THeaderCase[]): number {
  const byName = new Map<string, string>();
  for (const f of CATALOG) for (const n of [f.zh, ...f.synonyms]) if (!byName.has(`${f.subject}:${normalizeHeader(n)}`)) byName.set(`${f.subject}:${normalizeHeader(n)}`, f.key);
  const right = cases.filter((c) => (byName.get(`${c.subject}:${normalizeHeader(c.labels[c.labels.length - 1] ?? '')}`) ?? null) === c.expected).length;
  return right / cases.length;
}

export const headerMatchBench: TBench = {
  name: 'header-match',
  summary: 'catalog header matching: accuracy and false friends on the labelled set; 1,000 headers under 100 ms',
  run: async ({ log }) => {
    const cases = parseHeaderSet(fs.readFileSync(path.join(import.meta.dirname, 'data/headers.tsv'), 'utf8'));
    const s = scoreHeaderSet(cases);
    for (const w of s.wrong) log(`  wrong: ${w.c.subject} ${JSON.stringify(w.c.line)} expected ${w.c.expected ?? 'null'} got ${w.got ?? 'null'} (${w.confidence})`);
    const lookup = lookupAccuracy(cases);
    const bySubject = (['teacher', 'school'] as const).map((subj) => {
      const sub = scoreHeaderSet(cases.filter((c) => c.subject === subj));
      return `${subj} ${sub.correct}/${sub.total}`;
    });
    const time = (fn: () => void) => {
      const t0 = performance.now();
      for (let r = 0; r < ROUNDS; r++) fn();
      return ((performance.now() - t0) * 1000) / (ROUNDS * cases.length);
    };
    time(() => cases.forEach((c) => matchHeaderLine(c.line, c.subject)));
    const norm = time(() => cases.forEach((c) => c.labels.forEach(normalizeHeader)));
    const match = time(() => cases.forEach((c) => matchHeaderLine(c.line, c.subject)));
    await Promise.resolve();
    return {
      figures: [
        { label: 'accuracy, synonym lookup only', value: lookup * 100, unit: '%', baseline: 'synonym lookup', ratio: 1 },
        { label: 'accuracy on the labelled set', value: s.accuracy * 100, unit: '%', baseline: 'all headers right', ratio: s.accuracy, target: { op: '>=', limit: 0.97 } },
        { label: 'accuracy vs synonym lookup', value: s.accuracy * 100, unit: '%', baseline: 'synonym lookup', ratio: s.accuracy / lookup },
        { label: 'false friends matched', value: s.falseFriendsMatched.length, unit: '', baseline: 'none', ratio: s.falseFriendsMatched.length, target: { op: '<=', limit: 0, on: 'value' } },
        { label: 'normalise one header', value: norm, unit: 'µs', baseline: 'normalise one header', ratio: 1 },
        { label: 'match one header', value: match, unit: 'µs', baseline: 'normalise one header', ratio: match / norm },
        { label: 'match 1,000 headers', value: match, unit: 'ms', baseline: 'normalise one header', ratio: match / norm, target: { op: '<', limit: 100, on: 'value' } },
      ],
      notes: [
        `${s.total} headers (${s.total - s.falseFriendCases} to match, ${s.falseFriendCases} that must stay unmatched); ${s.correct} right (${bySubject.join(', ')})`,
        'reproduce: npm run bench -- header-match; per header: printf "姓 名\\n第一学历\\n学历 | 最高学历\\n" | npm run --silent jianfu -- catalog match --subject teacher',
      ],
    };
  },
};
