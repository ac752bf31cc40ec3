import { describe, expect, it } from 'vitest';
import { BANNED_EVALUATION_METHODS } from './kinds';
import { DEFAULT_RULESET, findLooserOverrides, resolveRuleSet, RULESET_KEYS, ZRuleSetValues } from './ruleset';
import { SIMILARITY_THRESHOLD } from './similarity';

describe('DEFAULT_RULESET', () => {
  it('holds the national defaults', () => {
    expect(DEFAULT_RULESET).toEqual({
      announceDaysMin: 30,
      socialAffairMaxPerSchoolYear: 6,
      comprehensiveSupervisionMaxPerSchoolYear: 1,
      bannedEvaluationMethods: [...BANNED_EVALUATION_METHODS],
      appTaskRequiresNationalRule: true,
      whitelistMaxTotal: 10,
      whitelistMaxNewPerYear: 2,
      dataCollectionRequiresApproval: true,
      dataCollectionOverlapThreshold: 0.6,
      reductionTarget: 0.5,
      complaintReplyWorkingDays: 15,
      secondsPerCell: 15,
      similarityThreshold: SIMILARITY_THRESHOLD,
    });
  });
  it('passes its own schema and cannot be mutated', () => {
    expect(ZRuleSetValues.safeParse(DEFAULT_RULESET).success).toBe(true);
    expect(() => {
      (DEFAULT_RULESET as { announceDaysMin: number }).announceDaysMin = 1;
    }).toThrow(TypeError);
    expect(() => (DEFAULT_RULESET.bannedEvaluationMethods as string[]).push('x')).toThrow(TypeError);
  });
});

describe('resolveRuleSet', () => {
  it('is the defaults for an empty chain', () => {
    expect(resolveRuleSet([])).toEqual(DEFAULT_RULESET);
  });
  it('lets later levels override earlier ones, key by key (province → city → county)', () => {
    const province = { socialAffairMaxPerSchoolYear: 5, announceDaysMin: 35 };
    const city = { announceDaysMin: 40 };
    const county = { whitelistMaxTotal: 8 };
    const v = resolveRuleSet([province, city, county]);
    expect(v.socialAffairMaxPerSchoolYear).toBe(5);
    expect(v.announceDaysMin).toBe(40);
    expect(v.whitelistMaxTotal).toBe(8);
    expect(v.reductionTarget).toBe(0.5);
  });
  it('ignores undefined values and replaces lists instead of merging them', () => {
    const v = resolveRuleSet([{ announceDaysMin: undefined, bannedEvaluationMethods: ['one_vote_veto'] }]);
    expect(v.announceDaysMin).toBe(30);
    expect(v.bannedEvaluationMethods).toEqual(['one_vote_veto']);
  });
  it('returns a fresh object that shares no list with its inputs', () => {
    const level = { bannedEvaluationMethods: ['trace_photos' as const] };
    const v = resolveRuleSet([level]);
    expect(v.bannedEvaluationMethods).not.toBe(level.bannedEvaluationMethods);
    expect(resolveRuleSet([]).bannedEvaluationMethods).not.toBe(DEFAULT_RULESET.bannedEvaluationMethods);
    (v.bannedEvaluationMethods as string[]).push('one_vote_veto');
    expect(level.bannedEvaluationMethods).toEqual(['trace_photos']);
  });
  it('lets false override true', () => {
    expect(resolveRuleSet([{ appTaskRequiresNationalRule: false }]).appTaskRequiresNationalRule).toBe(false);
  });
});

describe('ZRuleSetValues (the office’s edits)', () => {
  it('accepts partial edits and an empty one', () => {
    expect(ZRuleSetValues.parse({})).toEqual({});
    expect(ZRuleSetValues.parse({ announceDaysMin: 45, reductionTarget: 0.6 })).toEqual({ announceDaysMin: 45, reductionTarget: 0.6 });
  });
  it.each([
    [{ announceDaysMin: -1 }],
    [{ announceDaysMin: 30.5 }],
    [{ announceDaysMin: '30' }],
    [{ socialAffairMaxPerSchoolYear: 101 }],
    [{ bannedEvaluationMethods: ['vibes'] }],
    [{ bannedEvaluationMethods: ['trace_photos', 'trace_photos'] }],
    [{ reductionTarget: 1.2 }],
    [{ dataCollectionOverlapThreshold: -0.1 }],
    [{ similarityThreshold: 0 }],
    [{ complaintReplyWorkingDays: 0 }],
    [{ secondsPerCell: 0 }],
    [{ appTaskRequiresNationalRule: 'yes' }],
    [{ whitelistMaxTotal: 5, whitelistMaxNewPerYear: 6 }],
    [{ unknownLimit: 3 }],
  ])('rejects %o', (patch) => {
    expect(ZRuleSetValues.safeParse(patch).success).toBe(false);
  });
  it('knows every rule set key', () => {
    for (const key of RULESET_KEYS) expect(ZRuleSetValues.safeParse({ [key]: DEFAULT_RULESET[key] }).success).toBe(true);
  });
});

describe('findLooserOverrides', () => {
  const parent = resolveRuleSet([]);
  it('finds edits that loosen the level above', () => {
    const looser = findLooserOverrides({
      parent,
      patch: {
        announceDaysMin: 20,
        socialAffairMaxPerSchoolYear: 8,
        comprehensiveSupervisionMaxPerSchoolYear: 2,
        bannedEvaluationMethods: ['one_vote_veto'],
        appTaskRequiresNationalRule: false,
        whitelistMaxTotal: 12,
        whitelistMaxNewPerYear: 3,
        dataCollectionRequiresApproval: false,
        dataCollectionOverlapThreshold: 0.8,
        reductionTarget: 0.4,
        complaintReplyWorkingDays: 20,
      },
    });
    expect(looser.sort()).toEqual(RULESET_KEYS.filter((k) => k !== 'secondsPerCell' && k !== 'similarityThreshold').sort());
  });
  it('lets stricter, equal and neutral edits through', () => {
    expect(
      findLooserOverrides({
        parent,
        patch: {
          announceDaysMin: 45,
          socialAffairMaxPerSchoolYear: 6,
          bannedEvaluationMethods: [...BANNED_EVALUATION_METHODS, 'questionnaire'],
          reductionTarget: 0.6,
          secondsPerCell: 30,
          similarityThreshold: 0.9,
        },
      }),
    ).toEqual([]);
    expect(findLooserOverrides({ parent, patch: {} })).toEqual([]);
  });
  it('judges against the resolved parent, not the defaults', () => {
    const strictProvince = resolveRuleSet([{ announceDaysMin: 45 }]);
    expect(findLooserOverrides({ parent: strictProvince, patch: { announceDaysMin: 40 } })).toEqual(['announceDaysMin']);
    const relaxedParent = resolveRuleSet([{ appTaskRequiresNationalRule: false }]);
    expect(findLooserOverrides({ parent: relaxedParent, patch: { appTaskRequiresNationalRule: false } })).toEqual([]);
  });
});
