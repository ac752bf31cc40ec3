import { describe, it, expect } from 'vitest';
import {
  validateSchoolCode,
  schoolTypePrefix,
  makeSchoolCode,
  isCategoryCompatible,
  type SchoolType,
} from './schoolCode.js';

const ALL_TYPES: SchoolType[] = [
  'primary',
  'junior',
  'complete_middle',
  'senior',
  'nine_year',
  'kindergarten',
  'special',
  'vocational',
];

describe('validateSchoolCode — valid', () => {
  it('Peking University (4111010001): higher education, Beijing', () => {
    expect(validateSchoolCode('4111010001')).toEqual({
      ok: true,
      categoryCode: '41',
      category: 'higher',
      provinceCode: '11',
    });
  });
  it.each([
    ['1144000123', 'kindergarten', '44'],
    ['2133001234', 'primary', '33'],
    ['3151000001', 'junior', '51'],
    ['3437999999', 'senior', '37'],
    ['3650000007', 'secondary_vocational', '50'],
    ['5132000010', 'special', '32'],
    ['2211000001', 'adult_primary', '11'],
    ['9311000001', 'vocational_training', '11'],
  ] as const)('%s → %s', (code, category, provinceCode) => {
    expect(validateSchoolCode(code)).toMatchObject({ ok: true, category, provinceCode });
  });
  it.each([
    ['2133001234', 'primary'],
    ['3133001234', 'junior'],
    ['3133001234', 'nine_year'],
    ['3433001234', 'senior'],
    ['3433001234', 'complete_middle'],
    ['1133001234', 'kindergarten'],
    ['5133001234', 'special'],
    ['3633001234', 'vocational'],
    ['3233001234', 'vocational'],
  ] as const)('%s matches expected type %s', (code, expectedType) => {
    expect(validateSchoolCode(code, { expectedType }).ok).toBe(true);
  });
});

describe('validateSchoolCode — invalid', () => {
  it.each([
    ['411101000', 'format'],
    ['41110100011', 'format'],
    ['41110100O1', 'format'],
    ['', 'format'],
    ['0111000001', 'prefix'],
    ['1211000001', 'prefix'],
    ['6111000001', 'prefix'],
    ['2911000001', 'prefix'],
    ['2199000001', 'province'],
    ['2100000001', 'province'],
    ['2183000001', 'province'],
  ] as const)('%s → %s', (code, reason) => {
    expect(validateSchoolCode(code)).toEqual({ ok: false, reason });
  });
  it.each([
    ['3133001234', 'primary'],
    ['2133001234', 'junior'],
    ['2133001234', 'nine_year'],
    ['3433001234', 'junior'],
    ['3133001234', 'senior'],
    ['2133001234', 'kindergarten'],
    ['4111010001', 'senior'],
    ['3633001234', 'special'],
    ['3433001234', 'vocational'],
  ] as const)('%s is a type mismatch for %s', (code, expectedType) => {
    expect(validateSchoolCode(code, { expectedType })).toEqual({ ok: false, reason: 'typeMismatch' });
  });
  it('reports format/prefix/province before typeMismatch', () => {
    expect(validateSchoolCode('2199000001', { expectedType: 'junior' })).toEqual({ ok: false, reason: 'province' });
    expect(validateSchoolCode('0111000001', { expectedType: 'junior' })).toEqual({ ok: false, reason: 'prefix' });
  });
});

describe('schoolTypePrefix', () => {
  it('returns the canonical category code', () => {
    expect(schoolTypePrefix('kindergarten')).toBe('11');
    expect(schoolTypePrefix('primary')).toBe('21');
    expect(schoolTypePrefix('junior')).toBe('31');
    expect(schoolTypePrefix('nine_year')).toBe('31');
    expect(schoolTypePrefix('senior')).toBe('34');
    expect(schoolTypePrefix('complete_middle')).toBe('34');
    expect(schoolTypePrefix('vocational')).toBe('36');
    expect(schoolTypePrefix('special')).toBe('51');
  });
  it('is compatible with its own type', () => {
    for (const t of ALL_TYPES) expect(isCategoryCompatible(t, schoolTypePrefix(t))).toBe(true);
  });
});

describe('makeSchoolCode', () => {
  it('round-trips over many seeds and all types', () => {
    const provinces = ['11', '31', '44', '50', '65', '33'];
    for (let i = 0; i < 480; i++) {
      const type = ALL_TYPES[i % ALL_TYPES.length] ?? 'primary';
      const provinceCode = provinces[i % provinces.length] ?? '11';
      const seq = (i * 104_729) % 1_000_000;
      const code = makeSchoolCode({ type, provinceCode, seq });
      expect(code).toMatch(/^\d{10}$/);
      expect(validateSchoolCode(code, { expectedType: type })).toMatchObject({ ok: true, provinceCode });
      expect(Number(code.slice(4))).toBe(seq);
    }
  });
  it('pads the sequence', () => {
    expect(makeSchoolCode({ type: 'primary', provinceCode: '33', seq: 7 })).toBe('2133000007');
  });
  it('rejects bad input', () => {
    expect(() => makeSchoolCode({ type: 'primary', provinceCode: '99', seq: 1 })).toThrow(RangeError);
    expect(() => makeSchoolCode({ type: 'primary', provinceCode: '33', seq: 1_000_000 })).toThrow(RangeError);
    expect(() => makeSchoolCode({ type: 'primary', provinceCode: '33', seq: -1 })).toThrow(RangeError);
  });
});
