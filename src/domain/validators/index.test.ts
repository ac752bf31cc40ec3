import { describe, it, expect } from 'vitest';
import * as v from './index.js';

describe('index re-exports', () => {
  it('exposes every validator', () => {
    for (const name of [
      'validateIdNumber',
      'idChecksumChar',
      'makeIdNumber',
      'maskIdNumber',
      'validateUscc',
      'usccCheckChar',
      'makeUscc',
      'validateRegionCode',
      'regionLevel',
      'parentRegionCode',
      'validateSchoolCode',
      'schoolTypePrefix',
      'makeSchoolCode',
      'normalizeMobile',
      'validateMobile',
      'maskMobile',
      'checkPasswordPolicy',
    ] as const) {
      expect(typeof v[name]).toBe('function');
    }
    expect(v.PROVINCE_NAMES['11']).toBeDefined();
  });
});
