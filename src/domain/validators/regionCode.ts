/**
 * GB/T 2260 administrative division codes (行政区划代码), six digits: PP CC DD
 *   PP = province-level unit, CC = prefecture (city) level, DD = county level.
 *
 * Structural validation only: we do not ship the full (yearly changing) code
 * table, so a structurally valid code is not guaranteed to exist.
 *
 * Rules applied:
 *   - exactly six ASCII digits                        → otherwise 'format'
 *   - PP in PROVINCE_CODES                            → otherwise 'province'
 *   - CC = '00' requires DD = '00'                    → otherwise 'structure'
 *   - municipalities (11, 12, 31, 50): CC ∈ {00,01,02} → otherwise 'structure'
 *     (01 = 市辖区, 02 = 县; e.g. 110101, 500230)
 *
 * Other provinces may legitimately use CC = 90 (省直辖县级行政区划, e.g. 429004),
 * so no further restriction on CC is made.
 */

export const PROVINCE_CODES = [
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82',
] as const;

export type ProvinceCode = (typeof PROVINCE_CODES)[number];

/** Direct-administered municipalities (直辖市). */
export const MUNICIPALITY_CODES: readonly ProvinceCode[] = ['11', '12', '31', '50'];

export const PROVINCE_NAMES: Readonly<Record<ProvinceCode, string>> = {
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
  '71': '台湾省',
  '81': '香港特别行政区',
  '82': '澳门特别行政区',
};

const PROVINCE_SET: ReadonlySet<string> = new Set<string>(PROVINCE_CODES);

export function isProvinceCode(s: string): s is ProvinceCode {
  return PROVINCE_SET.has(s);
}

export type RegionLevel = 'province' | 'city' | 'county';

export type RegionCodeResult =
  | { ok: true; level: RegionLevel; provinceCode: ProvinceCode; cityCode: string | null }
  | { ok: false; reason: 'format' | 'province' | 'structure' };

const SIX_DIGITS = /^\d{6}$/;

export function validateRegionCode(s: string): RegionCodeResult {
  if (!SIX_DIGITS.test(s)) return { ok: false, reason: 'format' };
  const pp = s.slice(0, 2);
  const cc = s.slice(2, 4);
  const dd = s.slice(4, 6);
  if (!isProvinceCode(pp)) return { ok: false, reason: 'province' };
  if (cc === '00') {
    if (dd !== '00') return { ok: false, reason: 'structure' };
    return { ok: true, level: 'province', provinceCode: pp, cityCode: null };
  }
  if (MUNICIPALITY_CODES.includes(pp) && cc !== '01' && cc !== '02') {
    return { ok: false, reason: 'structure' };
  }
  const cityCode = `${pp}${cc}00`;
  if (dd === '00') return { ok: true, level: 'city', provinceCode: pp, cityCode };
  return { ok: true, level: 'county', provinceCode: pp, cityCode };
}

/** Level of a valid code, or null if the code is invalid. */
export function regionLevel(code: string): RegionLevel | null {
  const r = validateRegionCode(code);
  return r.ok ? r.level : null;
}

/**
 * county → its city code, city → its province code, province → null.
 * Invalid codes also yield null.
 */
export function parentRegionCode(code: string): string | null {
  const r = validateRegionCode(code);
  if (!r.ok) return null;
  switch (r.level) {
    case 'province':
      return null;
    case 'city':
      return `${r.provinceCode}0000`;
    case 'county':
      return r.cityCode;
  }
}
