import { describe, it, expect } from 'vitest';
import { normalizeMobile, validateMobile, maskMobile } from './mobile.js';

describe('normalizeMobile', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['19912345678', '19912345678'],
    ['+8613812345678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    [' 138 1234 5678 ', '13812345678'],
    ['+86-138-1234-5678', '13812345678'],
  ])('%s → %s', (input, out) => {
    expect(normalizeMobile(input)).toBe(out);
  });
  it.each([
    '12812345678',
    '10812345678',
    '23812345678',
    '1381234567',
    '138123456789',
    '+85213812345678',
    '+861381234567',
    '13812345a78',
    '(138)12345678',
    '',
  ])('%s → null', (input) => {
    expect(normalizeMobile(input)).toBeNull();
  });
});

describe('validateMobile', () => {
  it('accepts and normalises', () => {
    expect(validateMobile('+86 159-0000-1111')).toEqual({ ok: true, mobile: '15900001111' });
  });
  it('format vs prefix', () => {
    expect(validateMobile('1381234567')).toEqual({ ok: false, reason: 'format' });
    expect(validateMobile('abc')).toEqual({ ok: false, reason: 'format' });
    expect(validateMobile('12812345678')).toEqual({ ok: false, reason: 'prefix' });
    expect(validateMobile('+86 02812345678')).toEqual({ ok: false, reason: 'prefix' });
  });
});

describe('maskMobile', () => {
  it('masks the middle four digits', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskMobile('+86 138-1234-5678')).toBe('138****5678');
  });
  it('fully masks invalid input', () => {
    expect(maskMobile('12345')).toBe('*****');
  });
});
