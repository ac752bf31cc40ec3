/**
 * 学校(机构)标识码 — Ministry of Education school identification code.
 *
 * Structure (10 digits): AA BB CCCCCC
 *   AA      学校类别码 (school category, 2 digits)
 *   BB      province code (GB/T 2260 first two digits, 学校驻地地域码)
 *   CCCCCC  sequence assigned by the province; for higher-education
 *           institutions it is '0' + the legacy 5-digit 学校代码
 *           (e.g. Peking University: 41 11 0 10001 → 4111010001).
 *
 * Category codes (AA):
 *   11 幼儿园 | 21 普通小学 | 22 成人小学 | 31 普通初中 | 32 职业初中 |
 *   33 成人初中 | 34 普通高中 | 35 成人高中 | 36 中等职业学校 | 37 工读学校 |
 *   41 普通高等学校 | 42 成人高等学校 | 51 特殊教育学校 |
 *   91 培养研究生的科研机构 | 92 民办的其他高等教育机构 | 93 中等职业培训机构
 *
 * Sources (public, secondary): zh.wikipedia "学校标识码" (citing 教育部《学校(机构)
 * 代码管理办法》, 2011-07-20) and several re-published copies of 《各级各类学校
 * (机构)代码编制规则》. AA is the 2-digit level of the three-digit 办学类型代码,
 * whose published hierarchy puts 312 九年一贯制学校 under 31 普通初中 and
 * 341 完全中学 / 345 十二年一贯制学校 under 34 普通高中 — hence nine_year → 31
 * and complete_middle → 34 below.
 *
 * Uncertainty:
 *   - The primary MoE document was not read directly; the table above is
 *     consistent across every copy found, so confidence is fairly high for the
 *     AA/BB/CCCCCC split and the category list.
 *   - The one-/twelve-year school mapping (31 / 34) is inferred from the 办学类型
 *     hierarchy. The rules say a school must be re-coded when its category changes,
 *     but legacy data may still hold e.g. a 21-prefixed code for a school that later
 *     became 九年一贯制; callers importing legacy data may want to skip `expectedType`.
 *   - 'vocational' accepts 36 (中等职业学校) and 32 (职业初中).
 *   - No check digit exists; the sequence part is not validated.
 */
import { isProvinceCode, type ProvinceCode } from './regionCode.js';

export type SchoolType =
  | 'primary'
  | 'junior'
  | 'complete_middle'
  | 'senior'
  | 'nine_year'
  | 'kindergarten'
  | 'special'
  | 'vocational';

export type SchoolCategory =
  | 'kindergarten'
  | 'primary'
  | 'adult_primary'
  | 'junior'
  | 'vocational_junior'
  | 'adult_junior'
  | 'senior'
  | 'adult_senior'
  | 'secondary_vocational'
  | 'work_study'
  | 'higher'
  | 'adult_higher'
  | 'special'
  | 'graduate_research_institute'
  | 'private_other_higher'
  | 'vocational_training';

export const SCHOOL_CATEGORY_CODES: Readonly<Record<string, SchoolCategory>> = {
  '11': 'kindergarten',
  '21': 'primary',
  '22': 'adult_primary',
  '31': 'junior',
  '32': 'vocational_junior',
  '33': 'adult_junior',
  '34': 'senior',
  '35': 'adult_senior',
  '36': 'secondary_vocational',
  '37': 'work_study',
  '41': 'higher',
  '42': 'adult_higher',
  '51': 'special',
  '91': 'graduate_research_institute',
  '92': 'private_other_higher',
  '93': 'vocational_training',
};

/** Category codes a school of the given type may carry; the first is canonical. */
const TYPE_CATEGORY_CODES: Readonly<Record<SchoolType, readonly [string, ...string[]]>> = {
  kindergarten: ['11'],
  primary: ['21'],
  junior: ['31'],
  nine_year: ['31'],
  senior: ['34'],
  complete_middle: ['34'],
  special: ['51'],
  vocational: ['36', '32'],
};

export type SchoolCodeResult =
  | { ok: true; categoryCode: string; category: SchoolCategory; provinceCode: ProvinceCode }
  | { ok: false; reason: 'format' | 'prefix' | 'province' | 'typeMismatch' };

/** Canonical two-digit category prefix for a school type (e.g. 'primary' → '21'). */
export function schoolTypePrefix(type: SchoolType): string {
  return TYPE_CATEGORY_CODES[type][0];
}

/** Whether a category code is acceptable for the given school type. */
export function isCategoryCompatible(type: SchoolType, categoryCode: string): boolean {
  return TYPE_CATEGORY_CODES[type].includes(categoryCode);
}

/**
 * Validates a 10-digit 学校标识码. Order: format → prefix (known category)
 * → province → typeMismatch (only when `expectedType` is given).
 */
export function validateSchoolCode(s: string, opts?: { expectedType?: SchoolType }): SchoolCodeResult {
  if (!/^\d{10}$/.test(s)) return { ok: false, reason: 'format' };
  const categoryCode = s.slice(0, 2);
  const category = SCHOOL_CATEGORY_CODES[categoryCode];
  if (category === undefined) return { ok: false, reason: 'prefix' };
  const provinceCode = s.slice(2, 4);
  if (!isProvinceCode(provinceCode)) return { ok: false, reason: 'province' };
  const expected = opts?.expectedType;
  if (expected !== undefined && !isCategoryCompatible(expected, categoryCode)) {
    return { ok: false, reason: 'typeMismatch' };
  }
  return { ok: true, categoryCode, category, provinceCode };
}

/** Builds a structurally valid code (fixtures/demo). seq: integer 0..999999. */
export function makeSchoolCode(opts: { type: SchoolType; provinceCode: string; seq: number }): string {
  const { type, provinceCode, seq } = opts;
  if (!isProvinceCode(provinceCode)) throw new RangeError('provinceCode must be a valid two-digit province code');
  if (!Number.isInteger(seq) || seq < 0 || seq > 999_999) throw new RangeError('seq must be an integer 0..999999');
  return schoolTypePrefix(type) + provinceCode + String(seq).padStart(6, '0');
}
