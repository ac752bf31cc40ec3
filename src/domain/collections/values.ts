/**
 * Reading a value typed into a form (or a cell of a spreadsheet) for a catalog field: dates in
 * the ways Chinese forms write them, 是/否, enumerations, ID numbers and mobiles checked — and
 * derived fields (age, years of teaching) computed as of a given day.
 */
import { validateIdNumber } from '../validators/idNumber';
import { normalizeMobile } from '../validators/mobile';
import { type TCatalogField, type TCatalogKey, getCatalogField } from './catalog';

export interface TValueError {
  zh: string;
  en: string;
}
export type TValueResult = { ok: true; value: string } | { ok: false; reason: TValueError };

const fail = (zh: string, en: string): TValueResult => ({ ok: false, reason: { zh, en } });

/** Excel's day 1 is 1900-01-01, with the 1900 leap-year bug: serial 25569 is 1970-01-01. */
function fromExcelSerial(n: number): string | null {
  if (!Number.isFinite(n) || n < 1 || n > 2958465) return null;
  return new Date(Math.round((n - 25569) * 86_400_000)).toISOString().slice(0, 10);
}

function realDay(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * A date as `yyyy-mm-dd` (or `yyyy-mm` when only a month is given and `month` is allowed):
 * 1985-03-01, 1985/3/1, 1985.3.1, 1985年3月1日, 19850301, 1985.03, 1985年3月, 198503, Excel serials.
 */
export function parseChineseDate(raw: string, opts: { month: boolean }): string | null {
  const s = raw.trim().replace(/\s+/g, '');
  if (/^\d{5}(\.\d+)?$/.test(s)) return fromExcelSerial(Number(s));
  let m = /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return realDay(y, mo, d) ? `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` : null;
  }
  m = /^(\d{4})[-./年](\d{1,2})月?$/.exec(s) ?? /^(\d{4})(\d{2})$/.exec(s);
  if (m && opts.month) {
    const mo = Number(m[2]);
    return mo >= 1 && mo <= 12 ? `${m[1]}-${String(mo).padStart(2, '0')}` : null;
  }
  return null;
}

const YES = new Set(['是', '有', 'Y', 'y', 'yes', 'Yes', 'TRUE', 'true', '1', '√', '✓']);
const NO = new Set(['否', '无', '不是', 'N', 'n', 'no', 'No', 'FALSE', 'false', '0', '×']);

const ENUM_ALIASES: Partial<Record<TCatalogKey, Record<string, string>>> = {
  'teacher.politicalStatus': { 党员: '中共党员', 共产党员: '中共党员', 预备党员: '中共预备党员', 团员: '共青团员', 无党派: '无党派人士' },
  'teacher.highestEducation': { 博士: '博士研究生', 研究生: '硕士研究生', 硕士: '硕士研究生', 本科: '大学本科', 专科: '大学专科', 大专: '大学专科', 中专: '中等专业学校' },
  'teacher.idType': { 身份证: '居民身份证', 居民身份证号: '居民身份证' },
  'teacher.ethnicity': { 汉: '汉族' },
  'teacher.highestDegree': { 学士学位: '学士', 硕士学位: '硕士', 博士学位: '博士' },
};

/** Normalises a raw value for `field`, or says in zh/en why it cannot be taken. Empty input is refused. */
export function validateValue(field: TCatalogField, raw: string): TValueResult {
  const s = raw.trim();
  if (!s) return fail('不能为空', 'Empty');
  if (s.length > 500) return fail('内容过长（最多500字）', 'Too long (500 characters at most)');
  switch (field.key) {
    case 'teacher.idNumber': {
      const v = s.toUpperCase();
      const r = validateIdNumber(v);
      return r.ok ? { ok: true, value: v } : fail('身份证件号校验未通过，请核对', 'The ID number fails its check: please correct it');
    }
    case 'teacher.mobile': {
      const m = normalizeMobile(s);
      return m ? { ok: true, value: m } : fail('手机号码应为11位数字，以1开头', 'A mobile number has 11 digits starting with 1');
    }
    case 'teacher.email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s) ? { ok: true, value: s } : fail('电子邮箱格式不正确', 'Not an email address');
    case 'school.code':
      return /^\d{10}$/.test(s) ? { ok: true, value: s } : fail('学校标识码应为10位数字', 'A school code has 10 digits');
    case 'school.postalCode':
      return /^\d{6}$/.test(s) ? { ok: true, value: s } : fail('邮政编码应为6位数字', 'A postal code has 6 digits');
    default:
      break;
  }
  switch (field.type) {
    case 'date':
    case 'month': {
      const d = parseChineseDate(s, { month: field.type === 'month' });
      return d ? { ok: true, value: d } : fail('日期格式不正确，请写成 1985-03-01 或 1985年3月', 'Not a date: write 1985-03-01 or 1985年3月');
    }
    case 'int': {
      const n = Number(s.replace(/[,，]/g, ''));
      return Number.isInteger(n) && n >= 0 ? { ok: true, value: String(n) } : fail('应为非负整数', 'A whole number is expected');
    }
    case 'decimal': {
      const n = Number(s.replace(/[,，]/g, ''));
      return Number.isFinite(n) && n >= 0 ? { ok: true, value: String(n) } : fail('应为数字', 'A number is expected');
    }
    case 'bool':
      if (YES.has(s)) return { ok: true, value: '是' };
      if (NO.has(s)) return { ok: true, value: '否' };
      return fail('请填写“是”或“否”', 'Write 是 (yes) or 否 (no)');
    case 'enum': {
      const v = ENUM_ALIASES[field.key]?.[s] ?? s;
      return field.enumValues?.includes(v) ? { ok: true, value: v } : fail(`可填：${(field.enumValues ?? []).slice(0, 12).join('、')}`, `Allowed: ${(field.enumValues ?? []).slice(0, 12).join(', ')}`);
    }
    case 'text':
      return { ok: true, value: s };
  }
}

/** Full years from `from` (yyyy-mm-dd or yyyy-mm) to `asOf` (yyyy-mm-dd). */
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
 * missing or after `asOf`, or when `key` is not derived.
 */
export function deriveValue(key: TCatalogKey, values: Partial<Record<TCatalogKey, string>>, asOf: string): string | null {
  const from = getCatalogField(key).derived?.from;
  if (!from) return null;
  const src = values[from];
  if (!src || !/^\d{4}-\d{2}(-\d{2})?$/.test(src) || src.slice(0, 10) > asOf) return null;
  return String(fullYears(src, asOf));
}
