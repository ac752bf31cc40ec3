/**
 * Header matching: which catalog field a column header of a requester's spreadsheet asks for.
 *
 * 1. Normalise (`normalizeHeader`): full-width → half-width (NFKC), no spaces or line breaks, no
 *    bracketed notes (units, formats, examples, 必填), no column numbering (`1.`, `二、`), no
 *    asterisks or other marks, no trailing hints (`格式:YYYY-MM`, `单位:人`, `/平方米`).
 * 2. Exact: the label is a field's name or synonym (confidence 1; 0.9 for a label several fields
 *    share, such as 学历 or 电话 — the subject decides which).
 * 3. Canonical: both sides rewritten to one vocabulary (年月/日期 → 时间, 专业技术职务 → 职称,
 *    号码/编号 → 号, 人数/总数 → 数) and harmless words dropped (本人…, 现…, …名称, …合计):
 *    `取得现职称时间`, `教师资格证书号码`, `学生总数` (0.9).
 * 4. Fuzzy: Dice coefficient of character bigrams against every name (× 0.9), kept only at or
 *    above MATCH_THRESHOLD.
 * Guards, before 3 and 4: a false-friend word (家长, 配偶, 紧急联系, 介绍人, 第一, 证书编号, 学生
 * on a teacher form …) that is not part of the field's own names vetoes the field, and a label
 * that joins two fields (`毕业院校及专业`) is not either of them.
 * Multi-row headers are read bottom-up in the context of the rows above (学历 / 最高学历;
 * 参加工作 / 时间; 专业技术职务 / 取得时间); a false friend anywhere in the stack vetoes the column,
 * and a column under a person (校长 / 联系电话) is that person's, not the school's.
 *
 * Confidence of a null: the best similarity found below the threshold, 0 when a guard refused.
 */
import { type TCatalogField, type TCatalogKey, type TSubject, catalogFieldsOf } from './catalog';

export interface THeaderMatch {
  field: TCatalogKey | null;
  confidence: number;
}

/** Below this a column is a new field (not held). */
export const MATCH_THRESHOLD = 0.75;

const OPEN = '(\\[<《{〔「『〈【';
const CLOSE = ')\\]>》}〕」』〉】';
const NOTE = new RegExp(`[${OPEN}][^${OPEN}${CLOSE}]*[${CLOSE}]`, 'g');
const UNCLOSED = new RegExp(`[${OPEN}].*$`);
const NUMBERING = /^(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})[.、)]|\d{4}年度?)/;
const UNIT_AFTER_SLASH = /\/(?:人|个|名|所|元|万元|千元|平方米|平米|m2|亩|年|岁|节|课时|次|间|册|台|周|月|天|小时|%)$/i;
const COLON_HINT = /(?:单位|格式|示例|例如|如|例|注|说明|填写说明|要求)[:：].*$/;
const MARKS = /[*★☆※#▲△▼▽►◄●○■□◆◇√:;,.。、!?'"“”‘’`\-—_~|/\\]/g;
const HINTS = /(?:必填项?|选填项?|请如实填写|请填写|如实填写|填写|请选择|下拉选择|下拉框选择|可多选|格式.*|(?:y{2,4})(?:m{1,2})?(?:d{1,2})?)$/i;

/** An English gloss beside the Chinese label (姓名 Name, Date of birth/出生日期), unless it is the point (联系方式 QQ). */
const GLOSS_AFTER = /(?<=[\u3400-\u9fff)）])[\s/]+([A-Za-z][A-Za-z .,'&()-]*)$/;
const GLOSS_BEFORE = /^([A-Za-z][A-Za-z .,'&()-]*?)[\s/]+(?=[\u3400-\u9fff])/;
const NOT_A_GLOSS = /^(qq|wechat|weixin)$/i;
function dropGloss(s: string): string {
  const cut = (re: RegExp, t: string) => t.replace(re, (all: string, word: string) => (NOT_A_GLOSS.test(word.trim()) ? all : ''));
  return cut(GLOSS_BEFORE, cut(GLOSS_AFTER, s.trim()));
}

export function normalizeHeader(raw: string): string {
  let s = dropGloss(raw.normalize('NFKC')).replace(/\s+/g, '');
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(NOTE, '');
  }
  s = s.replace(UNCLOSED, '').replace(NUMBERING, '').replace(UNIT_AFTER_SLASH, '').replace(COLON_HINT, '');
  s = s.replace(MARKS, '');
  for (let i = 0; i < 2; i++) s = s.replace(HINTS, '');
  return s.toLowerCase();
}

/** Words that make a header about someone or something else than the field it contains. */
const FALSE_FRIENDS = [
  // another person
  '家长', '父亲', '母亲', '父母', '监护人', '配偶', '爱人', '丈夫', '妻子', '子女', '儿子', '女儿', '家庭成员', '成员', '社会关系', '亲属', '称谓',
  '紧急联系', '联系人', '介绍人', '推荐人', '证明人', '审核人', '填表人', '填报人', '经办人', '负责人电话', '负责人手机', '与本人关系',
  // another instance of the field
  '第一', '初始', '入职前', '原学历', '原职称', '原单位', '原学校', '拟', '申报', '申请', '入团', '党内', '全日制', '在职',
  // another document or account
  '证书编号', '证书号', '毕业证', '学位证', '学历证', '普通话', '学籍', '档案', '银行', '账号', '卡号', '社保', '医保', '公积金', '车牌',
  '复印件', '扫描件', '照片', '有效期', '签发', '发证', '户籍', '户口',
  // pupils and classes, parts and kinds of a count, other areas
  '学生', '幼儿', '班级', '班主任姓名', '班主任年限', '校长姓名', '微信', 'qq', '女', '男', '寄宿', '留守', '随迁', '毕业生', '招生',
  '代课', '兼任', '建筑', '运动场', '绿化', '生均', '网址', '学位名称', '代码',
];

const fieldNames = new Map<string, string[]>();
function names(field: TCatalogField): string[] {
  let n = fieldNames.get(field.key);
  if (!n) {
    n = [...new Set([field.zh, ...field.synonyms].map(normalizeHeader).filter(Boolean))];
    fieldNames.set(field.key, n);
  }
  return n;
}

/** The false-friend words a field's own names hold (学生 in 在校学生数, 男女 in 性别男女). */
const ownWords = new Map<string, Set<string>>();
function ownFalseFriends(field: TCatalogField): Set<string> {
  let w = ownWords.get(field.key);
  if (!w) {
    w = new Set(FALSE_FRIENDS.filter((x) => names(field).some((n) => n.includes(x))));
    ownWords.set(field.key, w);
  }
  return w;
}

/** Whether `label` holds a false friend of `field` (with no field: any false friend). */
export function hasFalseFriend(label: string, field: TCatalogField | null): boolean {
  return vetoes(FALSE_FRIENDS.filter((w) => label.includes(w)), field);
}
function vetoes(present: readonly string[], field: TCatalogField | null): boolean {
  if (!present.length || !field) return present.length > 0;
  const own = ownFalseFriends(field);
  return present.some((w) => !own.has(w));
}

/** One vocabulary for both sides: the words forms use interchangeably. Longest first. */
const REWRITES: readonly [RegExp, string][] = [
  [/专业技术职务|专业技术职称|专技职务|专技职称|技术职务|技术职称/g, '职称'],
  [/年月日|年月|日期|时间|年份/g, '时间'],
  [/证书/g, '证'],
  [/号码|编号/g, '号'],
  [/总人数|人数|总数/g, '数'],
  [/电子信箱|电子邮箱|电子邮件|邮箱地址|e-?mail地址|e-?mail/g, '邮箱'],
  [/是否为/g, '是否'],
  [/移动电话|手机号/g, '手机'],
  [/通信/g, '通讯'],
];
function canon(s: string): string {
  return REWRITES.reduce((acc, [re, to]) => acc.replace(re, to), s);
}

/** Words that add nothing to the field a label names (checked after canon). */
const HARMLESS_PREFIX: Record<TSubject, readonly string[]> = {
  teacher: ['本人', '个人', '教师', '教职工', '职工', '人员', '现任', '现', '目前', '当前', '所在', '实际', '真实', '有效', '详细', '最高学历'],
  school: ['学校', '本校', '本单位', '单位', '现', '目前', '当前', '实际', '详细', '其中'],
};
const HARMLESS_SUFFIX = ['名称', '全称', '情况', '信息', '层次', '合计', '总计', '小计', '栏'];
const COMPOUND = /[及和与并]/;

/** Labels that several fields of one subject share are weaker evidence. */
const AMBIGUOUS = new Set(['学历', '电话', '联系方式', '学校', '单位', '地址', '职务', '学科', '专业', '学位', '名称', '负责人']);

function exact(label: string, fields: readonly TCatalogField[]): THeaderMatch | null {
  for (const f of fields) if (names(f).includes(label)) return { field: f.key, confidence: AMBIGUOUS.has(label) ? 0.9 : 1 };
  return null;
}

/** The label with harmless words dropped, every way (at most two from each end). */
function variants(label: string, subject: TSubject): string[] {
  const out = new Set([label]);
  const prefixes = [...HARMLESS_PREFIX[subject], ...(subject === 'teacher' ? ['其中'] : [])];
  for (let round = 0; round < 2; round++) {
    for (const v of [...out]) {
      for (const p of prefixes) if (v.startsWith(p) && v.length > p.length + 1) out.add(v.slice(p.length));
      for (const x of HARMLESS_SUFFIX) if (v.endsWith(x) && v.length > x.length + 1) out.add(v.slice(0, -x.length));
    }
  }
  return [...out];
}

interface TGrams {
  counts: Map<string, number>;
  size: number;
}
function bigrams(s: string): TGrams {
  const counts = new Map<string, number>();
  if (s.length < 2) counts.set(s, 1);
  else for (let i = 0; i < s.length - 1; i++) counts.set(s.slice(i, i + 2), (counts.get(s.slice(i, i + 2)) ?? 0) + 1);
  return { counts, size: Math.max(1, s.length - 1) };
}
/** Dice coefficient of character bigrams. */
function dice(a: TGrams, b: TGrams): number {
  let common = 0;
  for (const [g, c] of a.counts) common += Math.min(c, b.counts.get(g) ?? 0);
  return (2 * common) / (a.size + b.size);
}

interface TCanonName {
  field: TCatalogField;
  name: string;
  canon: string;
  grams: TGrams;
}
const canonNames = new Map<TSubject, TCanonName[]>();
function canonNamesOf(subject: TSubject): TCanonName[] {
  let list = canonNames.get(subject);
  if (!list) {
    list = catalogFieldsOf(subject).flatMap((field) => names(field).map((name) => ({ field, name, canon: canon(name), grams: bigrams(canon(name)) })));
    canonNames.set(subject, list);
  }
  return list;
}

/** Two or more fields joined in one label (毕业院校及专业, 姓名和身份证号): it is none of them. */
function isCompound(label: string, subject: TSubject): boolean {
  const parts = label.split(COMPOUND).filter(Boolean);
  const canons = new Set(canonNamesOf(subject).map((n) => n.canon));
  return parts.length >= 2 && parts.some((p) => variants(canon(p), subject).some((v) => canons.has(v)));
}

/** One normalised label against the subject's fields. */
function matchOne(label: string, subject: TSubject): THeaderMatch {
  if (!label) return { field: null, confidence: 0 };
  const fields = catalogFieldsOf(subject);
  const hit = exact(label, fields);
  if (hit) return hit;
  if (COMPOUND.test(label) && isCompound(label, subject)) return { field: null, confidence: 0 };
  const present = FALSE_FRIENDS.filter((w) => label.includes(w));
  const allowed = present.length ? canonNamesOf(subject).filter((n) => !vetoes(present, n.field)) : canonNamesOf(subject);
  if (!allowed.length) return { field: null, confidence: 0 };
  const forms = variants(canon(label), subject);
  // canonical: the same words once rewritten and stripped of harmless ones
  let best: THeaderMatch & { name: string } = { field: null, confidence: 0, name: '' };
  for (const n of allowed) {
    const i = forms.indexOf(n.canon);
    if (i < 0) continue;
    const conf = AMBIGUOUS.has(n.name) ? 0.8 : i === 0 ? 0.95 : 0.9;
    if (conf > best.confidence || (conf === best.confidence && n.name.length > best.name.length)) best = { field: n.field.key, confidence: conf, name: n.name };
  }
  if (best.field) return { field: best.field, confidence: best.confidence };
  // fuzzy: character bigrams
  const grams = forms.map(bigrams);
  let score = 0;
  let field: TCatalogKey | null = null;
  for (const n of allowed) {
    for (const g of grams) {
      const d = dice(g, n.grams);
      if (d > score) [score, field] = [d, n.field.key];
    }
  }
  const conf = Math.round(score * 0.9 * 100) / 100;
  return conf >= MATCH_THRESHOLD ? { field, confidence: conf } : { field: null, confidence: conf };
}

/** Fields that are people: a column under one of them (校长 / 联系电话) is about that person, not the org. */
const PERSON_FIELDS: readonly TCatalogKey[] = ['school.principal'];

/** A false friend no field of the subject owns (配偶, 第一 …; 学生 is a school's own word, not a teacher's). */
const subjectWords = new Map<TSubject, Set<string>>();
function hasForeignFalseFriend(label: string, subject: TSubject): boolean {
  let own = subjectWords.get(subject);
  if (!own) {
    own = new Set(catalogFieldsOf(subject).flatMap((f) => [...ownFalseFriends(f)]));
    subjectWords.set(subject, own);
  }
  return FALSE_FRIENDS.some((w) => label.includes(w) && !own.has(w));
}

/** `bottom` without the runs of 2+ characters it shares with `upper` (职务名称 under 专业技术职务 → 名称). */
function minusShared(bottom: string, upper: string): string {
  let s = bottom;
  for (let len = Math.min(s.length, upper.length); len >= 2; len--) {
    for (let i = 0; i + len <= s.length; i++) {
      if (upper.includes(s.slice(i, i + len))) {
        s = s.slice(0, i) + s.slice(i + len);
        i = -1;
        len = Math.min(len, s.length + 1);
      }
    }
  }
  return s;
}

/** Words that, inside a bracketed note, make the column someone else's or another instance: 手机号码（家长）, 联系电话（办公）, 学历（第一学历）. */
const NOTE_FALSE_FRIENDS = [
  '家长', '父亲', '母亲', '父母', '监护人', '配偶', '爱人', '丈夫', '妻子', '子女', '紧急联系', '联系人', '介绍人',
  '第一', '第二', '初始', '签字', '签名', '办公', '家庭', '住宅', '学生',
];
function noteVetoes(raw: readonly string[], field: TCatalogField): boolean {
  const notes = raw.flatMap((l) => l.normalize('NFKC').match(NOTE) ?? []).join('');
  return NOTE_FALSE_FRIENDS.some((w) => notes.includes(w) && !names(field).some((n) => n.includes(w)));
}

/** Units a field is not held in: 占地面积（亩） asks for another number than the square metres held. */
const OTHER_UNITS: Partial<Record<TCatalogKey, RegExp>> = { 'school.area': /亩|公顷|万平方米|万㎡|万m2|km2/i };

/**
 * The catalog field a header asks for, or null (a new field). `labels` is one header, or a
 * multi-row header from top to bottom (merged cells repeated).
 */
export function matchHeader(labels: string | readonly string[], subject: TSubject): THeaderMatch {
  const raw = typeof labels === 'string' ? [labels] : [...labels];
  const m = matchStack(raw.map(normalizeHeader).filter((l, i, a) => l && a.indexOf(l) === i), subject);
  if (!m.field) return m;
  const units = OTHER_UNITS[m.field];
  if (units && raw.some((l) => units.test(l.normalize('NFKC')))) return { field: null, confidence: 0 };
  return noteVetoes(raw, catalogFieldsOf(subject).find((f) => f.key === m.field)!) ? { field: null, confidence: 0 } : m;
}

function matchStack(stack: string[], subject: TSubject): THeaderMatch {
  const fields = catalogFieldsOf(subject);
  if (!stack.length) return { field: null, confidence: 0 };
  const bottom = stack[stack.length - 1]!;
  if (stack.length === 1) return matchOne(bottom, subject);
  const uppers = stack.slice(0, -1);
  // a row above about someone or something else (家庭成员 / 姓名, 第一学历 / 毕业院校) vetoes the column
  if (uppers.some((l) => hasForeignFalseFriend(l, subject))) return { field: null, confidence: 0 };
  const parent = uppers[uppers.length - 1]!;
  const own = matchOne(bottom, subject);
  const candidates: THeaderMatch[] = [own];
  // the bottom read in the context of the row above (参加工作 / 时间, 职称情况 / 评定时间)
  for (const p of variants(parent, subject)) candidates.push(matchOne(p + bottom, subject));
  if (uppers.length > 1) candidates.push(matchOne(stack.join(''), subject));
  // the bottom only restates the field above (专业技术职务 / 职务名称, 在校生数 / 合计)
  const above = exact(parent, fields)?.field;
  if (above) {
    const rest = minusShared(bottom, parent);
    const field = fields.find((f) => f.key === above)!;
    if ((!rest || HARMLESS_SUFFIX.includes(rest)) && !hasFalseFriend(bottom, field)) candidates.push({ field: above, confidence: 0.9 });
  }
  const found = candidates.filter((m) => m.field);
  if (!found.length) return { field: null, confidence: own.confidence };
  const best = found.sort((a, b) => b.confidence - a.confidence)[0]!;
  // a column under a person (校长 / 联系电话) is that person's, not the org's
  const person = uppers.map((l) => exact(l, fields)?.field).find((k) => k && PERSON_FIELDS.includes(k));
  if (person && person !== best.field) return { field: null, confidence: 0 };
  return best;
}

export function matchHeaders(headers: readonly (string | readonly string[])[], subject: TSubject): THeaderMatch[] {
  return headers.map((h) => matchHeader(h, subject));
}
