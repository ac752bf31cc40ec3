import { describe, it, expect } from 'vitest';
import {
  validateIdNumber,
  idChecksumChar,
  makeIdNumber,
  maskIdNumber,
  isLeapYear,
  daysInMonth,
} from './idNumber.js';

const TODAY = '2024-06-15';

describe('idChecksumChar', () => {
  it('matches the GB 11643-1999 worked examples', () => {
    expect(idChecksumChar('11010519491231002')).toBe('X');
    expect(idChecksumChar('44052418800101001')).toBe('4');
  });

  it('produces every possible check char over a range of inputs', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) seen.add(idChecksumChar(`1101011990030${String(i).padStart(4, '0')}`));
    expect([...seen].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']);
  });

  it('rejects non-17-digit input', () => {
    expect(() => idChecksumChar('1101051949123100')).toThrow(RangeError);
    expect(() => idChecksumChar('1101051949123100X')).toThrow(RangeError);
  });
});

describe('validateIdNumber — valid vectors', () => {
  const valid: Array<[string, string, string, 'male' | 'female']> = [
    ['11010519491231002X', '110105', '1949-12-31', 'female'],
    ['110101200002290018', '110101', '2000-02-29', 'male'], // 2000 is a leap year
    ['510108201201011230', '510108', '2012-01-01', 'male'],
    ['310115198808088885', '310115', '1988-08-08', 'female'],
    ['330106197511110503', '330106', '1975-11-11', 'female'],
    ['650102199901010012', '650102', '1999-01-01', 'male'],
    ['110101199003074565', '110101', '1990-03-07', 'female'],
    ['110101190001010014', '110101', '1900-01-01', 'male'], // lower year bound
    ['110101190002280024', '110101', '1900-02-28', 'female'],
  ];
  it.each(valid)('%s', (id, regionCode, birthDate, gender) => {
    expect(validateIdNumber(id, TODAY)).toEqual({ ok: true, regionCode, birthDate, gender });
  });

  it('accepts a lowercase x check character', () => {
    expect(validateIdNumber('11010519491231002x', TODAY)).toMatchObject({ ok: true, gender: 'female' });
  });

  it('accepts a birth date equal to today', () => {
    expect(validateIdNumber('530102202312310014', '2023-12-31').ok).toBe(true);
    expect(validateIdNumber('530102202312310014', new Date(2023, 11, 31, 12)).ok).toBe(true);
  });

  it('defaults `today` to now', () => {
    expect(validateIdNumber('11010519491231002X').ok).toBe(true);
  });
});

describe('validateIdNumber — invalid vectors', () => {
  const invalid: Array<[string, string, string]> = [
    ['wrong checksum', '110105194912310021', 'checksum'],
    ['wrong checksum (X expected, 0 given)', '110105194912310020', 'checksum'],
    ['digit typo changes checksum', '110105194912310120', 'checksum'],
    ['Feb 29 on a non-leap year (2019)', '110101201902290034', 'birthDate'],
    ['1900-02-29 (1900 is not a leap year)', '11010119000229002X', 'birthDate'],
    ['April 31st', '110101200104310040', 'birthDate'],
    ['month 13', '110101200113010058', 'birthDate'],
    ['day 00', '110101200100100062', 'birthDate'],
    ['year before 1900 (GB example 1880)', '440524188001010014', 'birthDate'],
    ['1899-12-31', '11010118991231001X', 'birthDate'],
    ['province 99', '990101199003071237', 'region'],
    ['province 00', '000101199003071238', 'region'],
    ['province 72', '720101199003071237', 'region'],
    ['17 characters', '11010519491231002', 'format'],
    ['19 characters', '11010519491231002X1', 'format'],
    ['letter inside', '1101051949123A002X', 'format'],
    ['Y as check char', '11010519491231002Y', 'format'],
    ['surrounding spaces', ' 11010519491231002X', 'format'],
    ['full-width digits', '１１０１０５１９４９１２３１００２X', 'format'],
    ['empty', '', 'format'],
  ];
  it.each(invalid)('%s: %s → %s', (_label, id, reason) => {
    expect(validateIdNumber(id, TODAY)).toEqual({ ok: false, reason });
  });

  it('rejects a future birth date', () => {
    expect(validateIdNumber('530102202312310014', '2023-12-30')).toEqual({ ok: false, reason: 'birthDate' });
    expect(validateIdNumber('530102202312310014', new Date(2023, 11, 30, 23, 59))).toEqual({
      ok: false,
      reason: 'birthDate',
    });
    const future = makeIdNumber({ regionCode: '110101', birthDate: '2099-01-01', seq: 1 });
    expect(validateIdNumber(future)).toEqual({ ok: false, reason: 'birthDate' });
  });

  it('reports the earliest failing check (region before birthDate before checksum)', () => {
    expect(validateIdNumber('990101201902290030', TODAY)).toEqual({ ok: false, reason: 'region' });
    expect(validateIdNumber('110101201902290030', TODAY)).toEqual({ ok: false, reason: 'birthDate' });
  });
});

describe('makeIdNumber', () => {
  it('round-trips over many seeds', () => {
    const regions = ['110101', '310115', '440305', '500112', '650102', '820000'];
    let count = 0;
    for (let i = 0; i < 600; i++) {
      const regionCode = regions[i % regions.length] ?? '110101';
      const year = 1900 + ((i * 7) % 124);
      const month = (i % 12) + 1;
      const day = (i % daysInMonth(year, month)) + 1;
      const birthDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const seq = (i * 37) % 1000;
      const id = makeIdNumber({ regionCode, birthDate, seq });
      expect(id).toHaveLength(18);
      expect(validateIdNumber(id, TODAY)).toEqual({
        ok: true,
        regionCode,
        birthDate,
        gender: seq % 2 === 1 ? 'male' : 'female',
      });
      count++;
    }
    expect(count).toBe(600);
  });

  it('reproduces the GB worked example', () => {
    expect(makeIdNumber({ regionCode: '110105', birthDate: '1949-12-31', seq: 2 })).toBe('11010519491231002X');
  });

  it('rejects bad input', () => {
    expect(() => makeIdNumber({ regionCode: '11010', birthDate: '2000-01-01', seq: 1 })).toThrow(RangeError);
    expect(() => makeIdNumber({ regionCode: '110101', birthDate: '2019-02-29', seq: 1 })).toThrow(RangeError);
    expect(() => makeIdNumber({ regionCode: '110101', birthDate: '20000101', seq: 1 })).toThrow(RangeError);
    expect(() => makeIdNumber({ regionCode: '110101', birthDate: '2000-01-01', seq: 1000 })).toThrow(RangeError);
    expect(() => makeIdNumber({ regionCode: '110101', birthDate: '2000-01-01', seq: -1 })).toThrow(RangeError);
    expect(() => makeIdNumber({ regionCode: '110101', birthDate: '2000-01-01', seq: 1.5 })).toThrow(RangeError);
  });
});

describe('maskIdNumber', () => {
  it('keeps first 3 and last 4', () => {
    expect(maskIdNumber('110101199003071234')).toBe('110***********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
  });
  it('fully masks very short strings', () => {
    expect(maskIdNumber('123456')).toBe('******');
    expect(maskIdNumber('')).toBe('');
  });
});

describe('calendar helpers', () => {
  it('isLeapYear', () => {
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2023)).toBe(false);
  });
  it('daysInMonth', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2023, 4)).toBe(30);
    expect(daysInMonth(2023, 12)).toBe(31);
  });
});
