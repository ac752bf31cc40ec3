import { describe, expect, it } from 'vitest';
import {
  classifyEstimateChange,
  estimateRespondents,
  reductionAgainstBaseline,
  teacherHoursPerYear,
  type TSchoolHeadcount,
} from './burden';

describe('teacherHoursPerYear', () => {
  it('multiplies minutes, respondents and times, in hours', () => {
    expect(teacherHoursPerYear({ minutesPerRespondent: 10, respondents: 300, timesPerYear: 4 })).toBe(200);
    expect(teacherHoursPerYear({ minutesPerRespondent: 30, respondents: 1, timesPerYear: 1 })).toBe(0.5);
  });
  it('rounds to 0.1 without float noise', () => {
    expect(teacherHoursPerYear({ minutesPerRespondent: 1, respondents: 1, timesPerYear: 1 })).toBe(0);
    expect(teacherHoursPerYear({ minutesPerRespondent: 3, respondents: 1, timesPerYear: 1 })).toBe(0.1);
    expect(teacherHoursPerYear({ minutesPerRespondent: 7, respondents: 3, timesPerYear: 1 })).toBe(0.4);
    expect(teacherHoursPerYear({ minutesPerRespondent: 2.5, respondents: 7, timesPerYear: 3 })).toBe(0.9);
  });
  it('is 0 when any factor is 0, and handles fractional frequency', () => {
    expect(teacherHoursPerYear({ minutesPerRespondent: 0, respondents: 500, timesPerYear: 12 })).toBe(0);
    expect(teacherHoursPerYear({ minutesPerRespondent: 60, respondents: 0, timesPerYear: 12 })).toBe(0);
    expect(teacherHoursPerYear({ minutesPerRespondent: 60, respondents: 10, timesPerYear: 0.5 })).toBe(5);
  });
  it('handles a county-scale estimate', () => {
    expect(teacherHoursPerYear({ minutesPerRespondent: 45, respondents: 3200, timesPerYear: 2 })).toBe(4800);
  });
});

const SCHOOLS: TSchoolHeadcount[] = [
  { id: 3, stage: 'junior', teacherCount: 60, classTeacherCount: 18 },
  { id: 1, stage: 'primary', teacherCount: 40, classTeacherCount: 12 },
  { id: 2, stage: ['primary', 'junior'], teacherCount: 80, classTeacherCount: 27 },
  { id: 4, stage: 'senior', teacherCount: 120, classTeacherCount: 30 },
  { id: 5, stage: null, teacherCount: 15, classTeacherCount: 6 },
];

describe('estimateRespondents', () => {
  it('all schools, teachers', () => {
    const r = estimateRespondents({ scope: { mode: 'all', roles: ['teacher'] }, schools: SCHOOLS });
    expect(r.schoolIds).toEqual([1, 2, 3, 4, 5]);
    expect(r.respondents).toBe(315);
    expect(r.unknownSchoolIds).toEqual([]);
    expect(r.uncountedRoles).toEqual([]);
  });
  it('by stage, counting a nine-year school once when either stage matches', () => {
    const r = estimateRespondents({ scope: { mode: 'stages', stages: ['junior'], roles: ['teacher'] }, schools: SCHOOLS });
    expect(r.schoolIds).toEqual([2, 3]);
    expect(r.respondents).toBe(140);
    const both = estimateRespondents({ scope: { mode: 'stages', stages: ['primary', 'junior'], roles: ['teacher'] }, schools: SCHOOLS });
    expect(both.schoolIds).toEqual([1, 2, 3]);
    expect(both.respondents).toBe(180);
  });
  it('a list, reporting ids not among the schools', () => {
    const r = estimateRespondents({ scope: { mode: 'list', schoolIds: [4, 99, 1, 42], roles: ['class_teacher'] }, schools: SCHOOLS });
    expect(r.schoolIds).toEqual([1, 4]);
    expect(r.respondents).toBe(42);
    expect(r.unknownSchoolIds).toEqual([42, 99]);
    expect(r.bySchool).toEqual([
      { schoolId: 1, respondents: 12 },
      { schoolId: 4, respondents: 30 },
    ]);
  });
  it('does not count class teachers twice when teachers are targeted too', () => {
    const r = estimateRespondents({ scope: { mode: 'list', schoolIds: [1], roles: ['teacher', 'class_teacher'] }, schools: SCHOOLS });
    expect(r.respondents).toBe(40);
  });
  it('counts the school office once per school', () => {
    const r = estimateRespondents({ scope: { mode: 'all', roles: ['school_admin'] }, schools: SCHOOLS });
    expect(r.respondents).toBe(5);
    const withTeachers = estimateRespondents({ scope: { mode: 'list', schoolIds: [1], roles: ['school_admin', 'teacher'] }, schools: SCHOOLS });
    expect(withTeachers.respondents).toBe(41);
  });
  it('leaves students and parents out of teacher burden but says so', () => {
    const r = estimateRespondents({ scope: { mode: 'all', roles: ['student', 'parent'] }, schools: SCHOOLS });
    expect(r.respondents).toBe(0);
    expect(r.schoolIds).toHaveLength(5);
    expect(r.uncountedRoles).toEqual(['student', 'parent']);
  });
  it('handles no schools and no match', () => {
    expect(estimateRespondents({ scope: { mode: 'all', roles: ['teacher'] }, schools: [] })).toMatchObject({ schoolIds: [], respondents: 0 });
    expect(estimateRespondents({ scope: { mode: 'stages', stages: ['senior'], roles: ['teacher'] }, schools: SCHOOLS.slice(0, 3) }).respondents).toBe(0);
  });
  it('does not reorder the caller’s array', () => {
    const copy = [...SCHOOLS];
    estimateRespondents({ scope: { mode: 'all', roles: ['teacher'] }, schools: copy });
    expect(copy.map((s) => s.id)).toEqual([3, 1, 2, 4, 5]);
  });
});

describe('classifyEstimateChange', () => {
  const before = { minutesPerRespondent: 30, respondents: 400, timesPerYear: 4 }; // 800 h
  const after = { minutesPerRespondent: 10, respondents: 400, timesPerYear: 4 }; // 266.7 h
  it('credits a programme change that lowers the burden', () => {
    expect(classifyEstimateChange(before, after, 'program_change')).toEqual({
      beforeHours: 800,
      afterHours: 266.7,
      deltaHours: -533.3,
      countsAsReduction: true,
      reductionHours: 533.3,
    });
  });
  it('does not credit a re-estimate, even downward', () => {
    const r = classifyEstimateChange(before, after, 're_estimate');
    expect(r.deltaHours).toBe(-533.3);
    expect(r.countsAsReduction).toBe(false);
    expect(r.reductionHours).toBe(0);
  });
  it('an increase is never a reduction', () => {
    const r = classifyEstimateChange(after, before, 'program_change');
    expect(r.deltaHours).toBe(533.3);
    expect(r.countsAsReduction).toBe(false);
    expect(r.reductionHours).toBe(0);
  });
  it('no change is not a reduction', () => {
    expect(classifyEstimateChange(before, before, 'program_change')).toMatchObject({ deltaHours: 0, countsAsReduction: false });
  });
  it('keeps deltas free of float noise', () => {
    const r = classifyEstimateChange(
      { minutesPerRespondent: 18, respondents: 1, timesPerYear: 1 }, // 0.3 h
      { minutesPerRespondent: 6, respondents: 1, timesPerYear: 1 }, // 0.1 h
      'program_change',
    );
    expect(r.deltaHours).toBe(-0.2);
    expect(r.reductionHours).toBe(0.2);
  });
});

describe('reductionAgainstBaseline', () => {
  // seed part 1: 已整改督查检查事项5项、评比考核事项3项…
  const baseline = [
    { kind: 'inspection' as const, count: 10, hours: 1200 },
    { kind: 'assessment' as const, count: 4, hours: 300 },
    { kind: 'evaluation' as const, count: 4, hours: 200 },
    { kind: 'supervision' as const, count: 2, hours: 300 },
    { kind: 'data_collection' as const, count: 30, hours: 900 },
  ];
  it('meets the 50% target on the combined count', () => {
    const current = [
      { kind: 'inspection' as const, count: 5, hours: 500 },
      { kind: 'assessment' as const, count: 2, hours: 150 },
      { kind: 'evaluation' as const, count: 1, hours: 40 },
      { kind: 'supervision' as const, count: 2, hours: 310 },
      { kind: 'data_collection' as const, count: 20, hours: 400 },
    ];
    const r = reductionAgainstBaseline({ baseline, current });
    expect(r.target).toBe(0.5);
    expect(r.combined).toMatchObject({ baselineCount: 20, currentCount: 10, countReduction: 0.5, baselineHours: 2000, currentHours: 1000, hoursReduction: 0.5, meetsTarget: true });
    expect(r.combined.kinds).toEqual(['inspection', 'assessment', 'evaluation', 'supervision']);
    expect(r.perKind.map((k) => k.kind)).toEqual(['inspection', 'assessment', 'evaluation', 'supervision', 'data_collection']);
    expect(r.perKind.find((k) => k.kind === 'evaluation')?.countReduction).toBe(0.75);
    expect(r.perKind.find((k) => k.kind === 'supervision')?.countReduction).toBe(0);
    expect(r.perKind.find((k) => k.kind === 'supervision')?.hoursReduction).toBeCloseTo(-0.0333, 3);
    expect(r.perKind.find((k) => k.kind === 'data_collection')?.countReduction).toBeCloseTo(1 / 3, 10);
  });
  it('misses the target by one item, and data collections do not help', () => {
    const current = [
      { kind: 'inspection' as const, count: 6, hours: 600 },
      { kind: 'assessment' as const, count: 2, hours: 150 },
      { kind: 'evaluation' as const, count: 1, hours: 40 },
      { kind: 'supervision' as const, count: 2, hours: 300 },
      { kind: 'data_collection' as const, count: 0, hours: 0 },
    ];
    const r = reductionAgainstBaseline({ baseline, current });
    expect(r.combined.countReduction).toBeCloseTo(0.45, 10);
    expect(r.combined.meetsTarget).toBe(false);
  });
  it('takes another target and sums repeated kinds', () => {
    const r = reductionAgainstBaseline({
      baseline: [
        { kind: 'inspection', count: 3, hours: 30 },
        { kind: 'inspection', count: 7, hours: 70 },
      ],
      current: [{ kind: 'inspection', count: 7, hours: 70 }],
      target: 0.3,
    });
    expect(r.perKind).toHaveLength(1);
    expect(r.combined).toMatchObject({ baselineCount: 10, currentCount: 7, meetsTarget: true });
    expect(r.combined.countReduction).toBeCloseTo(0.3, 10);
  });
  it('reports growth as a negative reduction', () => {
    const r = reductionAgainstBaseline({ baseline: [{ kind: 'inspection', count: 4, hours: 40 }], current: [{ kind: 'inspection', count: 6, hours: 80 }] });
    expect(r.combined.countReduction).toBe(-0.5);
    expect(r.combined.hoursReduction).toBe(-1);
    expect(r.combined.meetsTarget).toBe(false);
  });
  it('has no ratio and no success without a baseline', () => {
    const r = reductionAgainstBaseline({ baseline: [], current: [{ kind: 'meeting', count: 3, hours: 10 }] });
    expect(r.combined).toMatchObject({ baselineCount: 0, countReduction: null, hoursReduction: null, meetsTarget: false });
    expect(r.perKind).toEqual([{ kind: 'meeting', baselineCount: 0, currentCount: 3, countReduction: null, baselineHours: 0, currentHours: 10, hoursReduction: null }]);
    expect(reductionAgainstBaseline({ baseline: [], current: [] }).perKind).toEqual([]);
  });
  it('a kind removed entirely is a full reduction', () => {
    const r = reductionAgainstBaseline({ baseline: [{ kind: 'evaluation', count: 5, hours: 50 }], current: [] });
    expect(r.perKind[0]).toMatchObject({ kind: 'evaluation', countReduction: 1, hoursReduction: 1 });
    expect(r.combined.meetsTarget).toBe(true);
  });
  it('rejects bad input', () => {
    expect(() => reductionAgainstBaseline({ baseline: [], current: [], target: 1.5 })).toThrow(RangeError);
    expect(() => reductionAgainstBaseline({ baseline: [], current: [], target: Number.NaN })).toThrow(RangeError);
    expect(() => reductionAgainstBaseline({ baseline: [{ kind: 'inspection', count: -1, hours: 0 }], current: [] })).toThrow(RangeError);
    expect(() => reductionAgainstBaseline({ baseline: [{ kind: 'inspection', count: 1, hours: Number.NaN }], current: [] })).toThrow(RangeError);
  });
});
