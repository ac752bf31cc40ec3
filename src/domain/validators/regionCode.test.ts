import { describe, it, expect } from 'vitest';
import {
  validateRegionCode,
  regionLevel,
  parentRegionCode,
  isProvinceCode,
  PROVINCE_CODES,
  PROVINCE_NAMES,
} from './regionCode.js';

describe('validateRegionCode — valid', () => {
  it.each([
    ['110000', 'province', '11', null],
    ['440000', 'province', '44', null],
    ['820000', 'province', '82', null],
    ['110100', 'city', '11', '110100'],
    ['500200', 'city', '50', '500200'],
    ['440300', 'city', '44', '440300'],
    ['320500', 'city', '32', '320500'],
    ['110101', 'county', '11', '110100'],
    ['310115', 'county', '31', '310100'],
    ['500230', 'county', '50', '500200'],
    ['440305', 'county', '44', '440300'],
    ['429004', 'county', '42', '429000'], // 省直辖县级 (仙桃)
    ['659001', 'county', '65', '659000'],
  ] as const)('%s → %s', (code, level, provinceCode, cityCode) => {
    expect(validateRegionCode(code)).toEqual({ ok: true, level, provinceCode, cityCode });
  });
});

describe('validateRegionCode — invalid', () => {
  it.each([
    ['11010', 'format'],
    ['1101011', 'format'],
    ['11010a', 'format'],
    ['', 'format'],
    [' 110101', 'format'],
    ['990000', 'province'],
    ['000000', 'province'],
    ['700000', 'province'],
    ['830000', 'province'],
    ['110001', 'structure'], // city 00 but county non-zero
    ['440012', 'structure'],
    ['110300', 'structure'], // municipality city part must be 01/02
    ['310301', 'structure'],
    ['509900', 'structure'],
  ] as const)('%s → %s', (code, reason) => {
    expect(validateRegionCode(code)).toEqual({ ok: false, reason });
  });
});

describe('regionLevel / parentRegionCode', () => {
  it('regionLevel', () => {
    expect(regionLevel('110000')).toBe('province');
    expect(regionLevel('440300')).toBe('city');
    expect(regionLevel('440305')).toBe('county');
    expect(regionLevel('990000')).toBeNull();
  });
  it('walks county → city → province → null', () => {
    expect(parentRegionCode('440305')).toBe('440300');
    expect(parentRegionCode('440300')).toBe('440000');
    expect(parentRegionCode('440000')).toBeNull();
    expect(parentRegionCode('110101')).toBe('110100');
    expect(parentRegionCode('110100')).toBe('110000');
  });
  it('returns null for invalid codes', () => {
    expect(parentRegionCode('abc')).toBeNull();
    expect(parentRegionCode('110001')).toBeNull();
  });
});

describe('province table', () => {
  it('has 34 province-level codes, each named', () => {
    expect(PROVINCE_CODES).toHaveLength(34);
    for (const p of PROVINCE_CODES) {
      expect(isProvinceCode(p)).toBe(true);
      expect(PROVINCE_NAMES[p].length).toBeGreaterThan(1);
    }
    expect(Object.keys(PROVINCE_NAMES).sort()).toEqual([...PROVINCE_CODES].sort());
  });
  it('isProvinceCode rejects others', () => {
    expect(isProvinceCode('10')).toBe(false);
    expect(isProvinceCode('1')).toBe(false);
    expect(isProvinceCode('110')).toBe(false);
  });
});
