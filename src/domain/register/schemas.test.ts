import { describe, expect, it } from 'vitest';
import { DETAILS, makeItem } from './fixtures';
import { ITEM_KINDS } from './kinds';
import { ZBurdenEstimate, ZItemDetails, ZItemInput, ZTargetScope } from './schemas';

function issuePaths(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): string[] {
  return (result.error?.issues ?? []).map((i) => i.path.join('.'));
}

describe('ZItemInput', () => {
  it.each(ITEM_KINDS)('accepts a valid %s item', (kind) => {
    const r = ZItemInput.safeParse(makeItem(kind));
    expect(r.error?.issues).toBeUndefined();
    expect(r.success).toBe(true);
  });
  it('accepts an ad-hoc item with a reason and urgency', () => {
    expect(ZItemInput.safeParse(makeItem('inspection', { planned: false, adhoc: { reason: '汛期前安全隐患排查', urgency: 'urgent' } })).success).toBe(true);
  });
  it('trims the title and enforces its length', () => {
    expect(ZItemInput.parse(makeItem('meeting', { title: '  教学工作会  ' })).title).toBe('教学工作会');
    expect(issuePaths(ZItemInput.safeParse(makeItem('meeting', { title: ' 会 ' })))).toEqual(['title']);
    expect(issuePaths(ZItemInput.safeParse(makeItem('meeting', { title: '会'.repeat(201) })))).toEqual(['title']);
  });
  it('requires adhoc when unplanned and forbids it when planned', () => {
    expect(issuePaths(ZItemInput.safeParse(makeItem('inspection', { planned: false })))).toEqual(['adhoc']);
    expect(issuePaths(ZItemInput.safeParse(makeItem('inspection', { planned: true, adhoc: { reason: '临时', urgency: 'normal' } })))).toEqual(['adhoc']);
    expect(issuePaths(ZItemInput.safeParse(makeItem('inspection', { planned: false, adhoc: { reason: '   ', urgency: 'normal' } })))).toEqual(['adhoc.reason']);
    expect(ZItemInput.safeParse(makeItem('inspection', { planned: false, adhoc: { reason: '上级临时部署', urgency: 'soon' as never } })).success).toBe(false);
  });
  it('rejects a window that ends before it starts, accepts a one-day window', () => {
    expect(issuePaths(ZItemInput.safeParse(makeItem('training', { windowStart: '2026-03-16', windowEnd: '2026-03-15' })))).toEqual(['windowEnd']);
    expect(ZItemInput.safeParse(makeItem('training', { windowStart: '2026-03-16', windowEnd: '2026-03-16' })).success).toBe(true);
  });
  it('rejects dates that are not ISO calendar dates', () => {
    for (const bad of ['2026-02-30', '2026/03/16', '16.03.2026', '2026-03-16T08:00:00Z', '']) {
      expect(ZItemInput.safeParse(makeItem('training', { announcedAt: bad })).success).toBe(false);
    }
  });
  it('requires details.kind to equal kind', () => {
    const item = { ...makeItem('inspection'), details: DETAILS.meeting };
    expect(issuePaths(ZItemInput.safeParse(item))).toEqual(['details.kind']);
  });
  it('rejects unknown keys at every level', () => {
    expect(ZItemInput.safeParse({ ...makeItem('meeting'), status: 'approved' }).success).toBe(false);
    expect(ZItemInput.safeParse({ ...makeItem('meeting'), details: { ...DETAILS.meeting, room: '301' } }).success).toBe(false);
    expect(ZItemInput.safeParse(makeItem('meeting', { burden: { minutesPerRespondent: 1, respondents: 1, timesPerYear: 1, extra: 1 } as never })).success).toBe(false);
  });
  it('checks evaluation methods: known values, no duplicates, may be empty', () => {
    expect(ZItemInput.safeParse(makeItem('assessment', { evaluationMethods: [] })).success).toBe(true);
    expect(ZItemInput.safeParse(makeItem('assessment', { evaluationMethods: ['one_vote_veto'] })).success).toBe(true);
    expect(ZItemInput.safeParse(makeItem('assessment', { evaluationMethods: ['vibes' as never] })).success).toBe(false);
    expect(issuePaths(ZItemInput.safeParse(makeItem('assessment', { evaluationMethods: ['sampling', 'sampling'] })))).toEqual(['evaluationMethods']);
  });
  it('bounds frequencyCap and allows an empty legal basis', () => {
    expect(ZItemInput.safeParse(makeItem('assessment', { frequencyCap: 2, legalBasis: '' })).success).toBe(true);
    expect(ZItemInput.safeParse(makeItem('assessment', { frequencyCap: 0 })).success).toBe(false);
    expect(ZItemInput.safeParse(makeItem('assessment', { frequencyCap: 1.5 })).success).toBe(false);
  });
  it('rejects a missing required field', () => {
    const { announcedAt: _omit, ...rest } = makeItem('meeting');
    expect(issuePaths(ZItemInput.safeParse(rest))).toEqual(['announcedAt']);
  });
});

describe('ZTargetScope', () => {
  it('accepts the three modes in their proper form', () => {
    expect(ZTargetScope.safeParse({ mode: 'all', roles: ['teacher'] }).success).toBe(true);
    expect(ZTargetScope.safeParse({ mode: 'stages', stages: ['primary', 'junior'], roles: ['class_teacher'] }).success).toBe(true);
    expect(ZTargetScope.safeParse({ mode: 'list', schoolIds: [3, 9], roles: ['school_admin', 'parent'] }).success).toBe(true);
  });
  it('requires stages for "stages" and schoolIds for "list"', () => {
    expect(issuePaths(ZTargetScope.safeParse({ mode: 'stages', roles: ['teacher'] }))).toEqual(['stages']);
    expect(issuePaths(ZTargetScope.safeParse({ mode: 'stages', stages: [], roles: ['teacher'] }))).toEqual(['stages']);
    expect(issuePaths(ZTargetScope.safeParse({ mode: 'list', roles: ['teacher'] }))).toEqual(['schoolIds']);
    expect(issuePaths(ZTargetScope.safeParse({ mode: 'list', schoolIds: [], roles: ['teacher'] }))).toEqual(['schoolIds']);
  });
  it('refuses fields that belong to another mode, so a scope never says two things', () => {
    expect(issuePaths(ZTargetScope.safeParse({ mode: 'all', stages: ['primary'], roles: ['teacher'] }))).toEqual(['stages']);
    expect(issuePaths(ZTargetScope.safeParse({ mode: 'stages', stages: ['primary'], schoolIds: [1], roles: ['teacher'] }))).toEqual(['schoolIds']);
  });
  it('needs at least one role, known values, no duplicates, positive integer ids', () => {
    expect(issuePaths(ZTargetScope.safeParse({ mode: 'all', roles: [] }))).toEqual(['roles']);
    expect(ZTargetScope.safeParse({ mode: 'all', roles: ['principal'] }).success).toBe(false);
    expect(ZTargetScope.safeParse({ mode: 'stages', stages: ['kindergarten'], roles: ['teacher'] }).success).toBe(false);
    expect(issuePaths(ZTargetScope.safeParse({ mode: 'all', roles: ['teacher', 'teacher'] }))).toEqual(['roles']);
    expect(issuePaths(ZTargetScope.safeParse({ mode: 'list', schoolIds: [1, 1], roles: ['teacher'] }))).toEqual(['schoolIds']);
    expect(ZTargetScope.safeParse({ mode: 'list', schoolIds: [0], roles: ['teacher'] }).success).toBe(false);
    expect(ZTargetScope.safeParse({ mode: 'list', schoolIds: [1.5], roles: ['teacher'] }).success).toBe(false);
    expect(ZTargetScope.safeParse({ mode: 'some', roles: ['teacher'] }).success).toBe(false);
  });
});

describe('ZBurdenEstimate', () => {
  it('bounds each factor', () => {
    expect(ZBurdenEstimate.safeParse({ minutesPerRespondent: 6000, respondents: 0, timesPerYear: 365 }).success).toBe(true);
    expect(ZBurdenEstimate.safeParse({ minutesPerRespondent: 2.5, respondents: 10, timesPerYear: 0.5 }).success).toBe(true);
    expect(ZBurdenEstimate.safeParse({ minutesPerRespondent: 6001, respondents: 1, timesPerYear: 1 }).success).toBe(false);
    expect(ZBurdenEstimate.safeParse({ minutesPerRespondent: -1, respondents: 1, timesPerYear: 1 }).success).toBe(false);
    expect(ZBurdenEstimate.safeParse({ minutesPerRespondent: 1, respondents: 1.5, timesPerYear: 1 }).success).toBe(false);
    expect(ZBurdenEstimate.safeParse({ minutesPerRespondent: 1, respondents: -1, timesPerYear: 1 }).success).toBe(false);
    expect(ZBurdenEstimate.safeParse({ minutesPerRespondent: 1, respondents: 1, timesPerYear: 366 }).success).toBe(false);
    expect(ZBurdenEstimate.safeParse({ minutesPerRespondent: Number.NaN, respondents: 1, timesPerYear: 1 }).success).toBe(false);
  });
});

describe('ZItemDetails', () => {
  it.each(ITEM_KINDS)('accepts the %s fixture', (kind) => {
    expect(ZItemDetails.safeParse(DETAILS[kind]).success).toBe(true);
  });
  it('rejects an unknown kind', () => {
    expect(ZItemDetails.safeParse({ kind: 'party' }).success).toBe(false);
  });
  it('validates kind-specific fields', () => {
    const bad: unknown[] = [
      { ...DETAILS.inspection, comprehensive: 'yes' },
      { kind: 'supervision' },
      { ...DETAILS.social_affair, activitiesPerSchool: 0 },
      { ...DETAILS.social_affair, topic: '  ' },
      { ...DETAILS.data_collection, validUntil: '2026-13-01' },
      { ...DETAILS.meeting, participants: [] },
      { ...DETAILS.meeting, participants: [''] },
      { ...DETAILS.meeting, durationMinutes: 0 },
      { ...DETAILS.meeting, format: 'phone' },
      { ...DETAILS.document, text: 'x'.repeat(100_001) },
      { ...DETAILS.training, hours: 0 },
      { ...DETAILS.secondment, from: '2026-06-01', to: '2026-05-31' },
      { ...DETAILS.app_task, action: 'mine' },
      { ...DETAILS.app_task, participationTarget: 1.2 },
      { ...DETAILS.evaluation, isCompetition: undefined },
    ];
    for (const d of bad) expect(ZItemDetails.safeParse(d).success, JSON.stringify(d).slice(0, 80)).toBe(false);
  });
  it('accepts boundary and optional values', () => {
    const good: unknown[] = [
      { ...DETAILS.document, text: 'x'.repeat(100_000) },
      { kind: 'assessment' },
      { kind: 'evaluation', isCompetition: true },
      { kind: 'data_collection', statsOfficeFiled: false },
      { kind: 'secondment', teacherName: '李老师', borrowingUnit: '县政府办', from: '2026-03-01' },
      { ...DETAILS.app_task, participationTarget: 0 },
    ];
    for (const d of good) expect(ZItemDetails.safeParse(d).success, JSON.stringify(d).slice(0, 80)).toBe(true);
  });
});
