import { describe, expect, it } from 'vitest';
import { chinaToday, endOfChinaDayUtc, startOfChinaDayUtc } from './time';

describe('China calendar days', () => {
  it('maps a day to its UTC bounds', () => {
    expect(startOfChinaDayUtc('2026-11-28')).toBe('2026-11-27T16:00:00.000Z');
    expect(endOfChinaDayUtc('2026-11-28')).toBe('2026-11-28T16:00:00.000Z');
    expect(endOfChinaDayUtc('2026-12-31')).toBe('2026-12-31T16:00:00.000Z');
  });
  it('knows that 20:00 UTC is already tomorrow in China', () => {
    expect(chinaToday(new Date('2026-11-28T20:00:00Z'))).toBe('2026-11-29');
    expect(chinaToday(new Date('2026-11-28T15:59:59Z'))).toBe('2026-11-28');
  });
});
