/**
 * Duplicate detection for the register: Chinese text similarity on character n-grams, and the
 * date checks that go with it (overlapping windows, meetings in the same ISO week).
 *
 * Chinese has no spaces between words, so words are not a reliable unit without a segmenter;
 * character bigrams are the standard substitute (each bigram is roughly a word or a word
 * boundary) and need no dictionary. Official boilerplate (关于…的通知, 各中小学校, 开展…工作)
 * is cut out first: notices share it whatever their subject.
 *
 * Measure: the Dice coefficient over n-gram multisets, 2·Σ min(a_g, b_g) ÷ (|A| + |B|).
 * Chosen over cosine because
 *  - it penalises a length difference: a title is not a duplicate of the notice that quotes
 *    it. On the test pairs both measures separate duplicates from different demands equally
 *    well, but `校园安全专项督查` against the full safety-inspection notice scores 0.59 under
 *    cosine (a near-duplicate) and 0.17 under Dice;
 *  - it is linear in counts: cosine multiplies counts, so a bigram repeated many times in
 *    long documents (教师, 学校) weighs quadratically;
 *  - it reads as "the share of text the two have in common", which a clerk can be told.
 * See `similarity.test.ts` for the realistic pairs the threshold was chosen on.
 */
import { toDayNumber, type TIsoDate } from './schoolYear';

/**
 * Pairs scoring at or above this are flagged as likely duplicates. On the realistic pairs in
 * `similarity.test.ts`, the same demand reworded, re-sent, re-issued by another office or sent
 * from one template to different schools scores 0.72–0.88; different demands from the same
 * bureau in the same template (two 专项督查 notices, two 进校园 titles, two 能力提升培训
 * titles) score at most 0.53. 0.6 sits in that gap, nearer the different side on purpose:
 * a false flag costs the office one look, a miss costs every school a second visit.
 */
export const SIMILARITY_THRESHOLD = 0.6;

/** Texts shorter than this (after normalising) also use single characters. */
const SHORT_TEXT_LENGTH = 4;

/**
 * Official boilerplate (公文套语) that every notice shares whatever its subject. It is cut out
 * before comparing, and n-grams never span the cut, so `关于开展防溺水教育进校园活动的通知` and
 * `关于开展禁毒教育进校园活动的通知` are compared on what differs. Only phrases that carry no
 * subject of their own in this register, where every demand is on schools: notice formulas,
 * stock verbs, and the area and school-level words every notice repeats.
 */
const BOILERPLATE = [
  ...['关于', '的通知', '通知', '有关', '事项', '工作', '活动'],
  ...['开展', '举办', '召开', '进一步', '认真', '切实', '做好'],
  ...['各中小学校', '各学校', '各单位', '各校', '全县', '全市', '全区', '中小学'],
].sort((a, b) => b.length - a.length); // longest first, so 各中小学校 wins over 中小学
const BOILERPLATE_RE = new RegExp(BOILERPLATE.join('|'), 'g');

/**
 * Normalises text for comparison: NFKC (full-width letters, digits and the ideographic space
 * become half-width), lower case, and every whitespace, punctuation (Chinese too: ，。、；：？！
 * “”《》〔〕【】…), symbol and control character dropped.
 */
export function normalizeText(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}\p{Z}\p{C}]/gu, '');
}

interface TProfile {
  counts: Map<number, number>;
  total: number;
}

/** Code points (astral CJK characters count as one). */
function codePoints(s: string): number[] {
  return Array.from(s, (ch) => ch.codePointAt(0) ?? 0);
}

/**
 * N-gram multiset as numeric keys (faster than string keys on 100k-character documents):
 * a bigram is `c1 × 0x110000 + c2` (< 2^42, exact in a double); a unigram is `−(c + 1)`.
 * Bigrams stay inside a segment.
 */
function profileOf(segments: readonly (readonly number[])[], withUnigrams: boolean): TProfile {
  const counts = new Map<number, number>();
  let total = 0;
  const add = (key: number) => {
    counts.set(key, (counts.get(key) ?? 0) + 1);
    total += 1;
  };
  for (const cps of segments) {
    for (let i = 0; i + 1 < cps.length; i++) add((cps[i] as number) * 0x110000 + (cps[i + 1] as number));
    if (withUnigrams) for (const c of cps) add(-(c + 1));
  }
  return { counts, total };
}

function dice(a: TProfile, b: TProfile): number {
  if (a.total === 0 || b.total === 0) return 0;
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [key, n] of small.counts) {
    const m = large.counts.get(key);
    if (m !== undefined) shared += Math.min(n, m);
  }
  return (2 * shared) / (a.total + b.total);
}

/** A text prepared once for many comparisons; profiles are built on first use. */
class Prepared {
  readonly normalized: string;
  /** The text cut at boilerplate; `length` counts its characters. */
  readonly segments: number[][];
  readonly length: number;
  /** Characters of the whole normalised text. */
  readonly wholeLength: number;
  private readonly cache = new Map<string, TProfile>();
  constructor(text: string) {
    this.normalized = normalizeText(text);
    this.segments = this.normalized
      .split(BOILERPLATE_RE)
      .filter((seg) => seg.length > 0)
      .map(codePoints);
    this.length = this.segments.reduce((n, seg) => n + seg.length, 0);
    this.wholeLength = codePoints(this.normalized).length;
  }
  profile(opts: { keepBoilerplate: boolean; unigrams: boolean }): TProfile {
    const key = `${opts.keepBoilerplate}/${opts.unigrams}`;
    let p = this.cache.get(key);
    if (!p) {
      p = profileOf(opts.keepBoilerplate ? [codePoints(this.normalized)] : this.segments, opts.unigrams);
      this.cache.set(key, p);
    }
    return p;
  }
}

function similarityOf(a: Prepared, b: Prepared): number {
  if (a.normalized.length === 0 || b.normalized.length === 0) return 0;
  if (a.normalized === b.normalized) return 1;
  // a text that is nothing but boilerplate (`通知`) is compared as it is
  const keepBoilerplate = a.length === 0 || b.length === 0;
  const shortest = keepBoilerplate ? Math.min(a.wholeLength, b.wholeLength) : Math.min(a.length, b.length);
  // very short texts have one or two bigrams: single characters keep one typo from zeroing them
  const unigrams = shortest < SHORT_TEXT_LENGTH;
  return dice(a.profile({ keepBoilerplate, unigrams }), b.profile({ keepBoilerplate, unigrams }));
}

/**
 * Similarity of two texts in [0, 1]: 1 for texts equal after normalising, 0 when either is
 * empty (nothing to compare) or they share no n-gram. Symmetric.
 */
export function textSimilarity(a: string, b: string): number {
  return similarityOf(new Prepared(a), new Prepared(b));
}

/** Whether two texts are likely the same demand (`textSimilarity ≥ threshold`). */
export function isDuplicate(a: string, b: string, threshold: number = SIMILARITY_THRESHOLD): boolean {
  return textSimilarity(a, b) >= threshold;
}

/**
 * Candidates at least `threshold` similar to `text` (never one scoring 0, even with threshold
 * 0), most similar first; ties keep the candidates' order. `text` is prepared once.
 */
export function findSimilar<TId>(opts: {
  text: string;
  candidates: readonly { id: TId; text: string }[];
  threshold?: number;
  limit?: number;
}): { id: TId; score: number }[] {
  const threshold = opts.threshold ?? SIMILARITY_THRESHOLD;
  const query = new Prepared(opts.text);
  const hits = opts.candidates
    .map((c) => ({ id: c.id, score: similarityOf(query, new Prepared(c.text)) }))
    .filter((h) => h.score > 0 && h.score >= threshold)
    .sort((x, y) => y.score - x.score);
  return opts.limit === undefined ? hits : hits.slice(0, opts.limit);
}

/** An inclusive range of calendar dates. */
export interface TDateWindow {
  start: TIsoDate;
  end: TIsoDate;
}

/** Whether two inclusive date ranges share at least one day. Throws if a range ends before it starts. */
export function overlapsWindow(a: TDateWindow, b: TDateWindow): boolean {
  const [as, ae, bs, be] = [toDayNumber(a.start), toDayNumber(a.end), toDayNumber(b.start), toDayNumber(b.end)];
  if (ae < as || be < bs) throw new RangeError('a date window must not end before it starts');
  return as <= be && bs <= ae;
}

/** Monday = 0 … Sunday = 6 (1970-01-01, day 0, was a Thursday). */
function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** ISO 8601 week of a date: weeks run Monday–Sunday; week 1 holds the year's first Thursday. */
export function isoWeekOf(date: TIsoDate): { year: number; week: number } {
  const day = toDayNumber(date);
  const thursday = day - weekdayOf(day) + 3;
  const year = new Date(thursday * 86_400_000).getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1) / 86_400_000;
  return { year, week: Math.floor((thursday - jan1) / 7) + 1 };
}

/** Whether two dates fall in the same ISO week (Monday–Sunday), across year ends too. */
export function sameWeek(dateA: TIsoDate, dateB: TIsoDate): boolean {
  const a = toDayNumber(dateA);
  const b = toDayNumber(dateB);
  return a - weekdayOf(a) === b - weekdayOf(b);
}
