import { describe, expect, it } from 'vitest';
import {
  formatAdmissionNo,
  formatVerifyCode,
  generateVerifyCode,
  isWellFormedVerifyCode,
  normalizeVerifyCode,
  parseAdmissionNo,
  VERIFY_ALPHABET,
} from './codes';

describe('formatAdmissionNo', () => {
  it('writes the official style with full-width brackets and no leading zeros', () => {
    expect(formatAdmissionNo({ prefix: '青教减准', year: 2026, seq: 7 })).toBe('青教减准〔2026〕7号');
    expect(formatAdmissionNo({ prefix: 'X教减准', year: 2027, seq: 120 })).toBe('X教减准〔2027〕120号');
  });
  it.each([
    [{ prefix: '青教减准', year: 2026, seq: 0 }],
    [{ prefix: '青教减准', year: 2026, seq: -1 }],
    [{ prefix: '青教减准', year: 2026, seq: 1.5 }],
    [{ prefix: '青教减准', year: 26, seq: 1 }],
    [{ prefix: '青教减准', year: 2026.5, seq: 1 }],
    [{ prefix: '', year: 2026, seq: 1 }],
    [{ prefix: '青教 减准', year: 2026, seq: 1 }],
    [{ prefix: '青教〔减准', year: 2026, seq: 1 }],
    [{ prefix: '青教2减准', year: 2026, seq: 1 }],
    [{ prefix: '一二三四五六七八九十一二三四五六七八九十一', year: 2026, seq: 1 }],
  ])('rejects %o', (parts) => {
    expect(() => formatAdmissionNo(parts)).toThrow(RangeError);
  });
});

describe('parseAdmissionNo', () => {
  it('round-trips formatAdmissionNo', () => {
    for (const parts of [
      { prefix: '青教减准', year: 2026, seq: 7 },
      { prefix: 'X教减准', year: 2030, seq: 1 },
      { prefix: '浙教减准', year: 2026, seq: 123456 },
    ]) {
      expect(parseAdmissionNo(formatAdmissionNo(parts))).toEqual(parts);
    }
  });
  it.each([
    '青教减准[2026]7号',
    '青教减准(2026)7号',
    '青教减准（2026）7号',
    '青教减准［2026］7号',
    '青教减准【2026】7号',
    '青教减准〔２０２６〕７号',
    ' 青教减准 〔2026〕 7 号 ',
    '青教减准〔2026〕第7号',
    '青教减准〔2026〕007号',
  ])('tolerates how people type it: %s', (s) => {
    expect(parseAdmissionNo(s)).toEqual({ prefix: '青教减准', year: 2026, seq: 7 });
  });
  it.each(['', '青教减准', '青教减准〔2026〕', '青教减准〔2026〕0号', '青教减准〔26〕7号', '〔2026〕7号', '青教减准〔2026〕7', '青教减准〔2026〕七号', '青教减准〔2026〕7号附件'])(
    'returns null for %j',
    (s) => {
      expect(parseAdmissionNo(s)).toBeNull();
    },
  );
});

describe('VERIFY_ALPHABET', () => {
  it('has no look-alike characters and no duplicates', () => {
    for (const ch of '0O1IL2Z5S8BUV') expect(VERIFY_ALPHABET).not.toContain(ch);
    expect(new Set(VERIFY_ALPHABET).size).toBe(VERIFY_ALPHABET.length);
    expect(VERIFY_ALPHABET).toMatch(/^[0-9A-Z]+$/);
  });
  it('gives at least 40 bits in 9 characters and 45 in the default 10', () => {
    const bits = Math.log2(VERIFY_ALPHABET.length);
    expect(9 * bits).toBeGreaterThanOrEqual(40);
    expect(10 * bits).toBeGreaterThanOrEqual(45);
  });
});

describe('generateVerifyCode', () => {
  it('makes well-formed codes of the asked length', () => {
    expect(generateVerifyCode()).toHaveLength(10);
    expect(generateVerifyCode(16)).toHaveLength(16);
    for (let i = 0; i < 200; i++) expect(isWellFormedVerifyCode(generateVerifyCode())).toBe(true);
  });
  it('does not repeat and uses the whole alphabet', () => {
    const codes = Array.from({ length: 2000 }, () => generateVerifyCode());
    expect(new Set(codes).size).toBe(codes.length);
    const seen = new Set(codes.join(''));
    expect(seen.size).toBe(VERIFY_ALPHABET.length);
  });
  it.each([8, 0, -1, 33, 10.5, Number.NaN])('refuses length %s (under 40 bits or absurd)', (n) => {
    expect(() => generateVerifyCode(n)).toThrow(RangeError);
  });
});

describe('normalizeVerifyCode', () => {
  it('trims, upper-cases and strips separators', () => {
    expect(normalizeVerifyCode('  acd3e-4fghj ')).toBe('ACD3E4FGHJ');
    expect(normalizeVerifyCode('ACD3E 4FGHJ')).toBe('ACD3E4FGHJ');
    expect(normalizeVerifyCode('acd3e_4fg.hj')).toBe('ACD3E4FGHJ');
    expect(normalizeVerifyCode('ACD3E—4FGHJ')).toBe('ACD3E4FGHJ');
  });
  it('turns full-width input from Chinese input methods into ASCII', () => {
    expect(normalizeVerifyCode('ＡＣＤ３Ｅ－４ＦＧＨＪ')).toBe('ACD3E4FGHJ');
    expect(normalizeVerifyCode('ACD3E\u30004FGHJ')).toBe('ACD3E4FGHJ');
  });
  it('does not map look-alikes, so the code is reported malformed instead of mistaken', () => {
    const typed = normalizeVerifyCode('ACD3E4FGH0');
    expect(typed).toBe('ACD3E4FGH0');
    expect(isWellFormedVerifyCode(typed)).toBe(false);
    expect(isWellFormedVerifyCode(normalizeVerifyCode('acd3e4fghO'))).toBe(false);
  });
  it('is idempotent', () => {
    const code = generateVerifyCode();
    expect(normalizeVerifyCode(normalizeVerifyCode(formatVerifyCode(code)))).toBe(code);
  });
});

describe('isWellFormedVerifyCode', () => {
  it('accepts canonical codes within length', () => {
    expect(isWellFormedVerifyCode('ACD3E4FGHJ')).toBe(true);
    expect(isWellFormedVerifyCode('ACD3E4FGH')).toBe(true);
    expect(isWellFormedVerifyCode('ACD3E4FGHJ', { length: 10 })).toBe(true);
  });
  it.each(['', 'ACD3E4FG', 'acd3e4fghj', 'ACD3E-4FGHJ', 'ACD3E4FGHB', 'ACD3E4FGH1', 'A'.repeat(33), 'ACD3E4FGH😀'])('rejects %j', (code) => {
    expect(isWellFormedVerifyCode(code)).toBe(false);
  });
  it('checks an exact length when asked', () => {
    expect(isWellFormedVerifyCode('ACD3E4FGHJK', { length: 10 })).toBe(false);
  });
});

describe('formatVerifyCode', () => {
  it('groups for print and speech', () => {
    expect(formatVerifyCode('ACD3E4FGHJ')).toBe('ACD3E-4FGHJ');
    expect(formatVerifyCode('ACD3E4FGHJK', 4)).toBe('ACD3-E4FG-HJK');
    expect(formatVerifyCode('')).toBe('');
    expect(() => formatVerifyCode('ACD', 0)).toThrow(RangeError);
  });
});
