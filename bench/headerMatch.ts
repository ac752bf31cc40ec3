/**
 * Header matching quality and speed on the labelled set (bench/data/headers.tsv): accuracy and
 * false friends matched (targets ≥ 0.97 and 0), and the time to match a header against the time
 * to normalise one (a baseline measured in the same run).
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseHeaderSet, scoreHeaderSet } from '../src/domain/collections/headerSet';
import { matchHeader, normalizeHeader } from '../src/domain/collections/match';
import type { TBench } from './report';

const ROUNDS = 200;

export const headerMatchBench: TBench = {
  name: 'header-match',
  summary: 'catalog header matching: accuracy and false friends on the labelled set; 1,000 headers under 100 ms',
  run: async ({ log }) => {
    const cases = parseHeaderSet(fs.readFileSync(path.join(import.meta.dirname, 'data/headers.tsv'), 'utf8'));
    const s = scoreHeaderSet(cases);
    for (const w of s.wrong) log(`  wrong: ${w.c.subject} ${JSON.stringify(w.c.labels)} expected ${w.c.expected ?? 'null'} got ${w.got ?? 'null'} (${w.confidence})`);
    const time = (fn: () => void) => {
      const t0 = performance.now();
      for (let r = 0; r < ROUNDS; r++) fn();
      return ((performance.now() - t0) * 1000) / (ROUNDS * cases.length);
    };
    time(() => cases.forEach((c) => matchHeader(c.labels, c.subject)));
    const norm = time(() => cases.forEach((c) => c.labels.forEach(normalizeHeader)));
    const match = time(() => cases.forEach((c) => matchHeader(c.labels, c.subject)));
    await Promise.resolve();
    return {
      figures: [
        { label: 'accuracy on the labelled set', value: s.accuracy, unit: '', baseline: 'all headers right', ratio: s.accuracy, target: { op: '>=', limit: 0.97 } },
        { label: 'false friends matched', value: s.falseFriendsMatched.length, unit: '', baseline: 'none', ratio: s.falseFriendsMatched.length, target: { op: '<=', limit: 0, on: 'value' } },
        { label: 'normalise one header', value: norm, unit: 'µs', baseline: 'normalise one header', ratio: 1 },
        { label: 'match one header', value: match, unit: 'µs', baseline: 'normalise one header', ratio: match / norm },
        { label: 'match 1,000 headers', value: match, unit: 'ms', baseline: 'normalise one header', ratio: match / norm, target: { op: '<', limit: 100, on: 'value' } },
      ],
      notes: [`${s.total} headers (${s.total - s.falseFriendCases} to match, ${s.falseFriendCases} that must stay unmatched); ${s.correct} right`],
    };
  },
};
