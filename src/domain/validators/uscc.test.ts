import { describe, it, expect } from 'vitest';
import { validateUscc, usccCheckChar, orgCodeCheckChar, makeUscc, USCC_CHARSET } from './uscc.js';

/**
 * Published codes of well-known companies, recalled from memory / public
 * sources. They are included only because they pass BOTH the GB 11714 and the
 * GB 32100 checks (a random string passes both with p ≈ 1/341), which is strong
 * evidence they are real; the company attributions are best-effort.
 */
const REAL_CODES: Array<[string, string]> = [
  ['914403001922038216', 'Huawei Technologies Co., Ltd.'],
  ['91440300708461136T', 'Shenzhen Tencent Computer Systems Co., Ltd.'],
  ['91330100799655058B', 'Alibaba (China) Co., Ltd.'],
  ['91110108551385082Q', 'Xiaomi Technology Co., Ltd.'],
  ['91110000802100433B', 'Beijing Baidu Netcom Science & Technology Co., Ltd.'],
  ['91110000710926094P', 'China Petroleum & Chemical Corporation (Sinopec)'],
];

/**
 * Post-2015 codes whose organisation part starts with 'MA' (letters in the
 * org-code body). Found in public sources; they validate only with the GB 11714
 * letter values A=10…Z=35, which is how we know that mapping is right.
 * 91310115MA1HAY5C10 also has check character '0'.
 */
const REAL_MA_CODES = [
  '91440300MA5H8REU3K',
  '91440300MA5DLQQW0F',
  '91310115MA1K4NA64C',
  '91340121MA2WT6BW65',
  '91371521MA3WEPMA83',
  '91310115MA1HAY5C10',
];

/** Generated (and independently recomputed) codes whose final check char is '0'. */
const CHECK_ZERO_CODES = ['911101080000003850', '123301060000000860', '914403000000004570'];

describe('usccCheckChar', () => {
  it('maps c == 31 to "0" (not past the end of the charset)', () => {
    expect(usccCheckChar('91110108000000385')).toBe('0');
    expect(usccCheckChar('12330106000000086')).toBe('0');
    expect(usccCheckChar('91310115MA1HAY5C1')).toBe('0');
  });

  it('matches the real codes', () => {
    for (const [code] of REAL_CODES) expect(usccCheckChar(code.slice(0, 17))).toBe(code.charAt(17));
  });

  it('only ever returns charset characters', () => {
    for (let seq = 0; seq < 2000; seq++) {
      const code = makeUscc({ regionCode: '110108', seq });
      expect(USCC_CHARSET.includes(usccCheckChar(code.slice(0, 17)))).toBe(true);
    }
  });

  it('throws on bad input', () => {
    expect(() => usccCheckChar('9111010800000038')).toThrow(RangeError);
    expect(() => usccCheckChar('9111010800000038I')).toThrow(RangeError);
  });
});

describe('orgCodeCheckChar (GB 11714)', () => {
  it('computes digits, X (10) and 0 (11)', () => {
    expect(orgCodeCheckChar('19220382')).toBe('1');
    expect(orgCodeCheckChar('70846113')).toBe('6');
    expect(orgCodeCheckChar('00000006')).toBe('X');
    expect(orgCodeCheckChar('00000000')).toBe('0');
    expect(orgCodeCheckChar('00000019')).toBe('0');
  });
  it('uses A=10 … Z=35 for letters', () => {
    expect(orgCodeCheckChar('MA5H8REU')).toBe('3');
    expect(orgCodeCheckChar('MA1HAY5C')).toBe('1');
  });
});

describe('validateUscc — valid vectors', () => {
  it.each(REAL_CODES)('%s (%s)', (code) => {
    expect(validateUscc(code)).toEqual({ ok: true });
  });
  it.each(REAL_MA_CODES)('MA code %s', (code) => {
    expect(validateUscc(code)).toEqual({ ok: true });
  });
  it.each(CHECK_ZERO_CODES)('check char 0: %s', (code) => {
    expect(code.endsWith('0')).toBe(true);
    expect(validateUscc(code)).toEqual({ ok: true });
  });
  it('accepts org check chars X and 0', () => {
    expect(validateUscc('9111010800000006X7')).toEqual({ ok: true });
    expect(validateUscc('911101080000000007')).toEqual({ ok: true });
  });
  it('accepts the central-level region 100000', () => {
    expect(validateUscc(makeUscc({ regionCode: '100000', seq: 42, kind: 'institution' }))).toEqual({ ok: true });
  });
});

describe('validateUscc — invalid vectors', () => {
  const invalid: Array<[string, string, string]> = [
    ['I in org part', '9111010855I385082Q', 'format'],
    ['O in org part', '91110108551385O82Q', 'format'],
    ['I as check char', '91110108551385082I', 'format'],
    ['O as registration authority', 'O1110108551385082Q', 'format'],
    ['Z', '91110108551385082Z', 'format'],
    ['S', '9111010855S385082Q', 'format'],
    ['V', '9111010855V385082Q', 'format'],
    ['lowercase', '91330100799655058b', 'format'],
    ['letter in region part', '9144A3001922038216', 'format'],
    ['17 chars', '91440300192203821', 'format'],
    ['19 chars', '9144030019220382160', 'format'],
    ['leading space', ' 91440300192203821', 'format'],
    ['empty', '', 'format'],
    ['unknown province 99', '919900001922038216', 'region'],
    ['province 00', '910000001922038216', 'region'],
    ['wrong org-code check', '914403001922038226', 'orgCode'],
    ['wrong final check', '91330100799655058C', 'checksum'],
    ['wrong final check (0 expected)', '911101080000003851', 'checksum'],
    ['transposed digits', '914403001922083216', 'orgCode'],
  ];
  it.each(invalid)('%s: %s → %s', (_label, code, reason) => {
    expect(validateUscc(code)).toEqual({ ok: false, reason });
  });

  it('rejects an org check computed with USCC-charset letter values', () => {
    // M is 21 in the USCC charset but 22 in GB 11714; the wrong mapping gives '6'.
    const first17 = '91440300MA5H8REU6';
    const code = first17 + usccCheckChar(first17);
    expect(validateUscc(code)).toEqual({ ok: false, reason: 'orgCode' });
  });

  it('detects every single-character substitution in a real code', () => {
    const base = '91330100799655058B';
    for (let pos = 8; pos < 18; pos++) {
      for (const ch of USCC_CHARSET) {
        if (ch === base.charAt(pos)) continue;
        const mutated = base.slice(0, pos) + ch + base.slice(pos + 1);
        expect(validateUscc(mutated).ok).toBe(false);
      }
    }
  });
});

describe('makeUscc', () => {
  it('round-trips over many seeds, regions and kinds', () => {
    const regions = ['110108', '310115', '440300', '500112', '650102', '330106', '100000'];
    for (let i = 0; i < 1000; i++) {
      const regionCode = regions[i % regions.length] ?? '110108';
      const kind = i % 3 === 0 ? 'institution' : 'enterprise';
      const seq = (i * 7_919_993) % 100_000_000;
      const code = makeUscc({ regionCode, seq, kind });
      expect(code).toHaveLength(18);
      expect(code.startsWith(kind === 'enterprise' ? '91' : '12')).toBe(true);
      expect(code.slice(2, 8)).toBe(regionCode);
      expect(validateUscc(code)).toEqual({ ok: true });
    }
  });

  it('defaults to enterprise and is deterministic', () => {
    expect(makeUscc({ regionCode: '110108', seq: 38 })).toBe('911101080000003850');
    expect(makeUscc({ regionCode: '330106', seq: 8, kind: 'institution' })).toBe('123301060000000860');
  });

  it('rejects bad input', () => {
    expect(() => makeUscc({ regionCode: '990000', seq: 1 })).toThrow(RangeError);
    expect(() => makeUscc({ regionCode: '11010', seq: 1 })).toThrow(RangeError);
    expect(() => makeUscc({ regionCode: '110108', seq: -1 })).toThrow(RangeError);
    expect(() => makeUscc({ regionCode: '110108', seq: 100_000_000 })).toThrow(RangeError);
    expect(() => makeUscc({ regionCode: '110108', seq: 0.5 })).toThrow(RangeError);
  });
});
