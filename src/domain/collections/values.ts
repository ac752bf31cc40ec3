/**
 * Reading a value typed into a form (or a cell of a spreadsheet) for a catalog field: dates in
 * the ways Chinese forms write them, 是/否, enumerations with their everyday spellings, ID
 * numbers, mobiles and codes checked — and derived fields (age, years of teaching) computed as of
 * a given day. Import these through `catalog.ts`.
 */
import { validateIdNumber } from '../validators/idNumber';
import { normalizeMobile } from '../validators/mobile';
import { validateRegionCode } from '../validators/regionCode';
import { validateSchoolCode } from '../validators/schoolCode';
import { validateUscc } from '../validators/uscc';
import { type TCatalogField, type TCatalogKey, getCatalogField } from './fields';

export interface TValueError {
  zh: string;
  en: string;
}
export type TValueResult = { ok: true; value: string } | { ok: false; reason: TValueError };

const fail = (zh: string, en: string): TValueResult => ({ ok: false, reason: { zh, en } });
const ok = (value: string): TValueResult => ({ ok: true, value });

/** Excel's day 1 is 1900-01-01, with the 1900 leap-year bug: serial 25569 is 1970-01-01. */
function fromExcelSerial(n: number): string | null {
  if (!Number.isFinite(n) || n < 1 || n > 2958465) return null;
  return new Date(Math.round((n - 25569) * 86_400_000)).toISOString().slice(0, 10);
}

function realDay(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date as `yyyy-mm-dd`, or `yyyy-mm` for a month (`month: true`: a full date is cut to its
 * month too): 1985-03-01, 1985/3/1, 1985.3.1, 1985年3月1日, 19850301, 1985-03-01T00:00:00Z,
 * 1985.03, 1985.3, 1985年3月, 198503, Excel serials (31107). Null when it is none of them or no
 * real day.
 */
export function parseChineseDate(raw: string, opts: { month: boolean }): string | null {
  const s = raw.normalize('NFKC').trim().replace(/\s+/g, '').replace(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, '');
  let day: string | null = null;
  if (/^\d{5}(\.\d+)?$/.test(s)) day = fromExcelSerial(Number(s));
  else {
    const m = /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
    if (m) {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      day = realDay(y, mo, d) ? `${m[1]}-${pad(mo)}-${pad(d)}` : null;
    } else {
      const mm = /^(\d{4})[-./年](\d{1,2})月?$/.exec(s) ?? /^(\d{4})(\d{2})$/.exec(s);
      if (!mm || !opts.month) return null;
      const mo = Number(mm[2]);
      return mo >= 1 && mo <= 12 ? `${mm[1]}-${pad(mo)}` : null;
    }
  }
  if (!day || day < '1900-01-01' || day > '2100-12-31') return null;
  return opts.month ? day.slice(0, 7) : day;
}

const YES = new Set(['是', '有', '在编', 'y', 'yes', 'true', '1', '√', '✓', '✔']);
const NO = new Set(['否', '无', '不是', '没有', '非在编', '不在编', 'n', 'no', 'false', '0', '×', '✗', '✘']);

/** Everyday spellings of enumerated values. */
const ENUM_ALIASES: Partial<Record<TCatalogKey, Record<string, string>>> = {
  'teacher.gender': { 男性: '男', 女性: '女', m: '男', f: '女', male: '男', female: '女', 1: '男', 2: '女' },
  'teacher.idType': { 身份证: '居民身份证', 二代身份证: '居民身份证', 居民身份证号: '居民身份证', 台胞证: '台湾居民来往大陆通行证', 回乡证: '港澳居民来往内地通行证' },
  'teacher.politicalStatus': {
    党员: '中共党员', 共产党员: '中共党员', 中国共产党党员: '中共党员', 中共正式党员: '中共党员', 预备党员: '中共预备党员',
    团员: '共青团员', 共青团团员: '共青团员', 中国共产主义青年团团员: '共青团员', 无党派: '无党派人士', 无党派民主人士: '无党派人士',
  },
  'teacher.maritalStatus': { 初婚: '已婚', 再婚: '已婚', 复婚: '已婚', 离异: '离婚' },
  'teacher.highestEducation': {
    博士: '博士研究生', 研究生: '硕士研究生', 硕士: '硕士研究生', 本科: '大学本科', 大学: '大学本科', 专科: '大学专科', 大专: '大学专科',
    中专: '中等专业学校', 中师: '中等专业学校', 中等师范: '中等专业学校', 职高: '高中', 普通高中: '高中', 初中: '初中及以下', 小学: '初中及以下',
  },
  'teacher.highestDegree': { 学士学位: '学士', 硕士学位: '硕士', 博士学位: '博士', 无学位: '无', 没有: '无' },
  'teacher.teachingStage': { 学前: '幼儿园', 学前教育: '幼儿园', 幼儿教育: '幼儿园', 初级中学: '初中', 高级中学: '高中', 普通高中: '高中', 中等职业学校: '中职', 中等职业教育: '中职', 特教: '特殊教育' },
};

function enumValue(field: TCatalogField, s: string): string | null {
  const values = field.enumValues ?? [];
  const aliases = ENUM_ALIASES[field.key] ?? {};
  const tries = [s, s.toLowerCase(), s.replace(/(学历|毕业|文化程度)$/, ''), s.replace(/学位$/, '')];
  for (const t of tries) {
    if (values.includes(t)) return t;
    const a = aliases[t];
    if (a) return a;
  }
  // 56 民族 written without 族 (蒙古, 维吾尔)
  if (field.key === 'teacher.ethnicity' && values.includes(`${s}族`)) return `${s}族`;
  return null;
}

/** A number with thousands separators and a trailing unit (1,234人, 3500平方米); 万 is refused, it changes the number. */
function numberOf(s: string): number | null {
  const t = s.replace(/[,，]/g, '').replace(/(人|名|个|节|课时|年|岁|所|间|台|册|平方米|平米|m2|㎡)$/i, '');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

/** Plausible ranges of whole numbers, where a typo is likely (周课时 300). */
const INT_RANGES: Partial<Record<TCatalogKey, [number, number]>> = {
  'teacher.age': [15, 100],
  'teacher.teachingYears': [0, 60],
  'teacher.weeklyLessons': [0, 60],
  'school.foundedYear': [1800, 2100],
};

const ID_REASONS = {
  format: ['应为18位，最后一位可为X', 'It has 18 characters; the last may be X'],
  region: ['前两位不是有效的省级代码', 'The first two digits are not a province code'],
  birthDate: ['其中的出生日期不存在或晚于今天', 'The date of birth in it does not exist or is in the future'],
  checksum: ['校验位不符，请逐位核对', 'The check digit does not agree: check each digit'],
} as const;

/** Checks that depend on the field rather than its type; undefined: go on by type. */
function byKey(field: TCatalogField, s: string): TValueResult | undefined {
  const compact = s.replace(/[\s-]/g, '').toUpperCase();
  switch (field.key) {
    case 'teacher.idNumber': {
      const r = validateIdNumber(compact);
      if (r.ok) return ok(compact);
      const [zh, en] = ID_REASONS[r.reason];
      return fail(`身份证件号有误：${zh}`, `Wrong ID number: ${en}`);
    }
    case 'teacher.mobile': {
      const m = normalizeMobile(s);
      return m ? ok(m) : fail('手机号码应为11位数字，以1开头', 'A mobile number has 11 digits starting with 1');
    }
    case 'teacher.email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s) ? ok(s.toLowerCase()) : fail('电子邮箱格式不正确，例如 name@example.com', 'Not an email address, such as name@example.com');
    case 'school.code':
      return validateSchoolCode(compact).ok ? ok(compact) : fail('学校标识码应为10位数字，请按教育部下发的标识码填写', 'A school code has 10 digits, as issued by the Ministry of Education');
    case 'school.uscc':
      return validateUscc(compact).ok ? ok(compact) : fail('统一社会信用代码应为18位且校验正确，请对照证书填写', 'A unified social credit code has 18 characters and a valid check: copy it from the certificate');
    case 'school.divisionCode':
      return validateRegionCode(compact).ok ? ok(compact) : fail('行政区划代码应为6位数字（GB/T 2260）', 'A division code has 6 digits (GB/T 2260)');
    case 'school.postalCode':
      return /^\d{6}$/.test(compact) ? ok(compact) : fail('邮政编码应为6位数字', 'A postal code has 6 digits');
    case 'school.phone': {
      const digits = s.replace(/[\s\-()+]|转|分机/g, '');
      return /^\d{7,16}$/.test(digits) ? ok(s.replace(/\s+/g, '')) : fail('电话号码应为7至16位数字，可含区号和“-”', 'A phone number has 7 to 16 digits, with the area code and "-" if needed');
    }
    case 'school.foundedYear': {
      const y = /^(\d{4})(?:[年\-./].*)?$/.exec(s);
      return y ? byType(field, y[1]!) : undefined;
    }
    default:
      return undefined;
  }
}

function byType(field: TCatalogField, s: string): TValueResult {
  switch (field.type) {
    case 'date':
    case 'month': {
      const d = parseChineseDate(s, { month: field.type === 'month' });
      if (d) return ok(d);
      return field.type === 'month'
        ? fail('年月格式不正确，请写成 2005-09 或 2005年9月', 'Not a month: write 2005-09 or 2005年9月')
        : fail('日期格式不正确，请写成 1985-03-01 或 1985年3月1日', 'Not a date: write 1985-03-01 or 1985年3月1日');
    }
    case 'int': {
      const n = numberOf(s);
      if (n === null || !Number.isInteger(n) || n < 0) return fail('应为非负整数', 'A whole number is expected');
      const range = INT_RANGES[field.key];
      if (range && (n < range[0] || n > range[1])) return fail(`应在 ${range[0]} 到 ${range[1]} 之间，请核对`, `Expected between ${range[0]} and ${range[1]}: check it`);
      return ok(String(n));
    }
    case 'decimal': {
      const n = numberOf(s);
      return n !== null && n >= 0 ? ok(String(n)) : fail('应为不小于0的数字', 'A number of at least 0 is expected');
    }
    case 'bool': {
      const b = s.toLowerCase();
      if (YES.has(b)) return ok('是');
      if (NO.has(b)) return ok('否');
      return fail('请填写“是”或“否”', 'Write 是 (yes) or 否 (no)');
    }
    case 'enum': {
      const v = enumValue(field, s);
      const all = field.enumValues ?? [];
      const shown = all.length > 12 ? `${all.slice(0, 12).join('、')}等` : all.join('、');
      return v ? ok(v) : fail(`不是可选的取值，可填：${shown}`, `Not an allowed value. Allowed: ${all.slice(0, 12).join(', ')}${all.length > 12 ? ', …' : ''}`);
    }
    case 'text':
      return ok(s);
  }
}

/**
 * Normalises a raw value for `field`, or says in zh/en why it cannot be taken. Empty input is
 * refused (a form decides elsewhere whether a column may stay blank).
 */
export function validateValue(field: TCatalogField, raw: string): TValueResult {
  const s = (field.type === 'text' ? raw : raw.normalize('NFKC')).trim();
  if (!s) return fail('不能为空', 'Empty');
  if (s.length > 500) return fail('内容过长（最多500字）', 'Too long (500 characters at most)');
  return byKey(field, field.type === 'text' ? s.normalize('NFKC') : s) ?? byType(field, s);
}

/**
 * Full years from `from` (yyyy-mm-dd, or yyyy-mm read as the 1st) to `asOf` (yyyy-mm-dd): the
 * anniversary must have been reached, so someone born on 29 February turns a year older on
 * 1 March in common years.
 */
function fullYears(from: string, asOf: string): number {
  const [fy, fm, fd] = [Number(from.slice(0, 4)), Number(from.slice(5, 7)), from.length >= 10 ? Number(from.slice(8, 10)) : 1];
  const [ay, am, ad] = [Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7)), Number(asOf.slice(8, 10))];
  let years = ay - fy;
  if (am < fm || (am === fm && ad < fd)) years -= 1;
  return years;
}

/**
 * A derived field's value as of `asOf` (yyyy-mm-dd): `teacher.age` in full years from the date
 * of birth, `teacher.teachingYears` in full years from the start of work. Null when the source is
 * missing, malformed or after `asOf`, or when `key` is not derived.
 */
export function deriveValue(key: TCatalogKey, values: Partial<Record<TCatalogKey, string>>, asOf: string): string | null {
  const from = getCatalogField(key).derived?.from;
  if (!from || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return null;
  const src = values[from];
  if (!src || !/^\d{4}-\d{2}(-\d{2})?$/.test(src) || src.slice(0, 10) > asOf) return null;
  return String(fullYears(src, asOf));
}
