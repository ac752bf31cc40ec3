import { describe, expect, it } from 'vitest';
import { periodDays, periodProblem, previousPeriod } from './period';
import { changeText, hoursText, rangeText } from './text';

describe('report periods and wording', () => {
  it('checks periods and finds the previous one of equal length', () => {
    expect(periodProblem({ from: '2026-01-01', to: '2026-06-30' })).toBeNull();
    expect(periodProblem({ from: '2026-02-30', to: '2026-06-30' })).toBe('date');
    expect(periodProblem({ from: '2026-07-01', to: '2026-06-30' })).toBe('order');
    expect(periodProblem({ from: '2020-01-01', to: '2026-06-30' })).toBe('length');
    expect(periodDays({ from: '2026-01-01', to: '2026-06-30' })).toBe(181);
    expect(previousPeriod({ from: '2026-01-01', to: '2026-06-30' })).toEqual({ from: '2025-07-04', to: '2025-12-31' });
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-01' })).toEqual({ from: '2026-02-28', to: '2026-02-28' });
  });
  it('writes dates in Arabic numerals without padding, changes and hours', () => {
    expect(rangeText('2026-01-05', '2026-11-28')).toBe('2026年1月5日至2026年11月28日');
    expect(changeText(3, 5, 'rpt.unit.piece')).toBe('减少2件');
    expect(changeText(4, 1, 'rpt.unit.times')).toBe('增加3次');
    expect(changeText(2, 2, 'rpt.unit.times')).toBe('持平');
    expect(hoursText(12)).toBe('12');
    expect(hoursText(12.46)).toBe('12.5');
  });
});
