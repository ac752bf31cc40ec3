/**
 * Header matching: which catalog field a column header of a requester's spreadsheet asks for.
 *
 * 1. Normalise: full-width → half-width (NFKC), no spaces or line breaks, no asterisks or
 *    "required" marks, no bracketed notes (units, formats, examples), no trailing colon.
 * 2. Refuse false friends: a header about someone else (家长姓名, 配偶, 紧急联系人电话) or about
 *    another instance of the field (第一学历, 入党介绍人, 毕业证书编号) is not the field, even though
 *    it contains the field's name.
 * 3. Exact label or synonym of the subject's fields (confidence 1); then the same after dropping
 *    harmless prefixes/suffixes (本人, 教师, …名称, …情况); then a label that contains a field's
 *    name plus only harmless words (…时间, …号码); then character-bigram similarity.
 * Multi-row headers are read bottom-up in the context of the rows above (学历 / 最高学历;
 * 参加工作 / 时间); a false friend anywhere in the stack vetoes the column.
 */
import { type TCatalogField, type TCatalogKey, type TSubject, catalogFieldsOf } from './catalog';

export interface THeaderMatch {
  field: TCatalogKey | null;
  confidence: number;
}

/** Below this a column is a new field (not held). */
export const MATCH_THRESHOLD = 0.75;

const NOTE_BRACKETS = /[(（[【<《{][^)）\]】>》}]*[)）\]】>》}]/g;
const MARKS = /[*＊★☆※#＃:：;；,，.。、!！?？'"“”‘’`\-—_~～|/\\]/g;
const HINTS = /(必填|选填|必填项|选填项|请填写|请选择|请如实填写|填写|格式[^，,]*|如\d.*|例[:：]?.*|下拉选择|下拉框选择|单位[:：].*)$/;

export function normalizeHeader(raw: string): string {
  let s = raw.normalize('NFKC').replace(/\s+/g, '');
  s = s.replace(NOTE_BRACKETS, '');
  s = s.replace(/[(（[【].*$/, ''); // an unclosed note
  s = s.replace(MARKS, '');
  for (let i = 0; i < 2; i++) s = s.replace(HINTS, '');
  return s.toLowerCase();
}

/** Words that make a header about someone or something else than the field it contains. */
const FALSE_FRIENDS = [
  '家长', '父亲', '母亲', '父母', '监护人', '配偶', '爱人', '丈夫', '妻子', '子女', '儿子', '女儿', '家庭成员', '成员', '社会关系', '亲属',
  '紧急联系', '联系人', '介绍人', '推荐人', '证明人', '审核人', '填表人', '填报人', '经办人', '负责人电话',
  '第一', '初始', '入职前', '原学历', '原职称', '原单位', '原学校', '拟', '申报', '申请',
  '证书编号', '证书号', '毕业证', '学位证', '学籍', '档案', '银行', '账号', '卡号', '社保', '医保', '公积金', '车牌',
  '学生', '幼儿', '班级', '班主任姓名', '校长姓名', '微信', 'qq',
];

/** The false-friend words each field's own names hold (学生 in 在校学生数). */
const ownWords = new Map<string, Set<string>>();
function ownFalseFriends(field: TCatalogField): Set<string> {
  let w = ownWords.get(field.key);
  if (!w) {
    w = new Set(FALSE_FRIENDS.filter((x) => names(field).some((n) => n.includes(x))));
    ownWords.set(field.key, w);
  }
  return w;
}

/** A false friend may still be part of a field's own label (学生数 is a school field; 第一 is never). */
function hasFalseFriend(label: string, field: TCatalogField | null): boolean {
  const present = FALSE_FRIENDS.filter((w) => label.includes(w));
  if (!present.length) return false;
  if (!field) return true;
  const own = ownFalseFriends(field);
  return present.some((w) => !own.has(w));
}

const HARMLESS_PREFIXES = ['本人', '个人', '教师', '教职工', '职工', '人员', '现', '目前', '当前', '所在'];
const HARMLESS_SUFFIXES = ['名称', '全称', '情况', '信息', '号码', '号', '时间', '年月', '日期', '年月日', '内容', '类别', '类型', '合计', '总计', '总数'];

/** Fields that are people: a column under one of them (校长 / 联系电话) is about that person, not the org. */
const PERSON_FIELDS: readonly TCatalogKey[] = ['school.principal'];

const namesCache = new Map<string, string[]>();
function names(field: TCatalogField): string[] {
  let n = namesCache.get(field.key);
  if (!n) {
    n = [...new Set([field.zh, ...field.synonyms].map(normalizeHeader).filter(Boolean))];
    namesCache.set(field.key, n);
  }
  return n;
}

/** Labels that several fields of one subject share are weaker evidence. */
const AMBIGUOUS = new Set(['学历', '电话', '联系方式', '学校', '单位', '地址', '职务', '学科', '专业', '学位']);

function exact(label: string, fields: readonly TCatalogField[]): THeaderMatch | null {
  for (const f of fields) if (names(f).includes(label)) return { field: f.key, confidence: AMBIGUOUS.has(label) ? 0.9 : 1 };
  return null;
}

function stripHarmless(label: string): string {
  let s = label;
  for (const p of HARMLESS_PREFIXES) if (s.startsWith(p) && s.length > p.length + 1) s = s.slice(p.length);
  return s;
}

function bigramCounts(s: string): { counts: Map<string, number>; size: number } {
  const counts = new Map<string, number>();
  const n = Math.max(1, s.length - 1);
  if (s.length < 2) counts.set(s, 1);
  else for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return { counts, size: n };
}

/** Dice coefficient of character bigrams; the name's side is precomputed. */
function dice(a: { counts: Map<string, number>; size: number }, b: { counts: Map<string, number>; size: number }): number {
  let common = 0;
  for (const [g, c] of a.counts) {
    const d = b.counts.get(g);
    if (d) common += Math.min(c, d);
  }
  return (2 * common) / (a.size + b.size);
}

const gramsCache = new Map<string, { counts: Map<string, number>; size: number }>();
function gramsOf(name: string) {
  let g = gramsCache.get(name);
  if (!g) {
    g = bigramCounts(name);
    gramsCache.set(name, g);
  }
  return g;
}

/** One normalised label against the subject's fields. */
function matchOne(label: string, fields: readonly TCatalogField[]): THeaderMatch {
  if (!label) return { field: null, confidence: 0 };
  const hit = exact(label, fields);
  if (hit) return hit;
  const bare = stripHarmless(label);
  const hit2 = exact(bare, fields);
  if (hit2) return { field: hit2.field, confidence: Math.min(hit2.confidence, 0.95) };
  // a field's name plus only harmless words: 参加工作时间 → 参加工作年月's synonym, 身份证号码 …
  let best: THeaderMatch = { field: null, confidence: 0 };
  const forms = bare === label ? [label] : [label, bare];
  for (const f of fields) {
    for (const n of names(f)) {
      const form = forms.find((x) => x.includes(n));
      if (n.length < 2 || !form) continue;
      const rest = form.replace(n, '');
      if (rest && !HARMLESS_SUFFIXES.includes(rest) && !HARMLESS_PREFIXES.includes(rest)) continue;
      if (hasFalseFriend(label, f)) continue;
      const conf = AMBIGUOUS.has(n) ? 0.8 : 0.9;
      if (conf > best.confidence || (conf === best.confidence && n.length > (best.field ? 0 : -1))) best = { field: f.key, confidence: conf };
    }
  }
  if (best.field) return best;
  const formGrams = forms.map(bigramCounts);
  const present = FALSE_FRIENDS.filter((w) => label.includes(w));
  for (const f of fields) {
    // a false friend vetoes the fuzzy match unless the field's own name holds the word (教师资格证书编号)
    if (present.length && present.some((w) => !ownFalseFriends(f).has(w))) continue;
    for (const n of names(f)) {
      const score = Math.max(...formGrams.map((x) => dice(x, gramsOf(n))));
      if (score > best.confidence) best = { field: f.key, confidence: score };
    }
  }
  const conf = Math.round(best.confidence * 0.9 * 100) / 100;
  return conf >= MATCH_THRESHOLD ? { field: best.field, confidence: conf } : { field: null, confidence: conf };
}

/**
 * The catalog field a header asks for, or null (a new field). `labels` is one header, or a
 * multi-row header from top to bottom (merged cells repeated).
 */
export function matchHeader(labels: string | readonly string[], subject: TSubject): THeaderMatch {
  const fields = catalogFieldsOf(subject);
  const stack = (typeof labels === 'string' ? [labels] : [...labels]).map(normalizeHeader).filter((l, i, a) => l && a.indexOf(l) === i);
  if (!stack.length) return { field: null, confidence: 0 };
  const bottom = stack[stack.length - 1]!;
  const own = matchOne(bottom, fields);
  const joined = stack.length > 1 ? matchOne(stack.join(''), fields) : null;
  const pair = stack.length > 1 ? matchOne(stack.slice(-2).join(''), fields) : null;
  const candidates = [own, pair, joined].filter((m): m is THeaderMatch => !!m?.field);
  if (!candidates.length) return { field: null, confidence: own.confidence };
  const best = candidates.sort((a, b) => b.confidence - a.confidence)[0]!;
  const field = fields.find((f) => f.key === best.field)!;
  // a false friend anywhere in the stack (学历 / 第一学历, 配偶 / 姓名) vetoes, unless the field's own name holds it
  if (stack.some((l) => hasFalseFriend(l, field) && exact(l, fields)?.field !== best.field)) return { field: null, confidence: 0 };
  // a column under a person (校长 / 联系电话) is that person's, not the org's
  const above = stack.slice(0, -1).map((l) => exact(l, fields)?.field).find((k) => k && PERSON_FIELDS.includes(k));
  if (above && above !== best.field) return { field: null, confidence: 0 };
  return best;
}

export function matchHeaders(headers: readonly (string | readonly string[])[], subject: TSubject): THeaderMatch[] {
  return headers.map((h) => matchHeader(h, subject));
}
