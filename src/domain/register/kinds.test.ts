import { describe, expect, it } from 'vitest';
import { REGISTER_LABELS } from '../i18n/register';
import {
  ANNOUNCE_AHEAD_KINDS,
  APP_TASK_ACTIONS,
  BANNED_EVALUATION_METHODS,
  EVALUATION_METHODS,
  FILING_ONLY_KINDS,
  isFilingOnlyKind,
  isReductionTargetKind,
  ITEM_KINDS,
  kindLabel,
  MEETING_FORMATS,
  REDUCTION_TARGET_KINDS,
  SCHOOL_STAGES,
  TARGET_ROLES,
  TARGET_SCOPE_MODES,
  URGENCIES,
} from './kinds';
import { POLICY_SOURCE_IDS } from './ruleModel';
import { RULE_IDS } from './rules';
import { RULESET_KEYS } from './ruleset';
import { TERMS } from './schoolYear';

const labels: Record<string, readonly [string, string]> = REGISTER_LABELS;

describe('item kinds', () => {
  it('lists the eleven kinds of DESIGN §3', () => {
    expect(ITEM_KINDS).toEqual([
      'inspection',
      'assessment',
      'evaluation',
      'supervision',
      'social_affair',
      'data_collection',
      'meeting',
      'document',
      'training',
      'secondment',
      'app_task',
    ]);
  });
  it('files documents and meetings in one step', () => {
    expect(FILING_ONLY_KINDS).toEqual(['document', 'meeting']);
    expect(ITEM_KINDS.filter(isFilingOnlyKind)).toEqual(['meeting', 'document']);
  });
  it('counts 督查检查评比考核 together towards the reduction target', () => {
    expect(ITEM_KINDS.filter(isReductionTargetKind)).toEqual([...REDUCTION_TARGET_KINDS]);
    expect(REDUCTION_TARGET_KINDS).toEqual(['inspection', 'assessment', 'evaluation', 'supervision']);
    expect(ANNOUNCE_AHEAD_KINDS).toEqual([...REDUCTION_TARGET_KINDS, 'social_affair']);
  });
  it('labels kinds in zh and en', () => {
    expect(kindLabel('inspection')).toEqual({ zh: '督查检查', en: 'Inspection' });
    expect(kindLabel('evaluation').zh).toBe('评比/评选/竞赛');
    expect(kindLabel('social_affair').zh).toBe('社会事务进校园');
    expect(kindLabel('data_collection').zh).toBe('报表/统计/调研');
    expect(kindLabel('secondment').zh).toBe('借用/抽调教师');
    expect(kindLabel('app_task').zh).toBe('APP/公众号/投票/答题');
  });
  it('splits evaluation methods into allowed and banned without overlap', () => {
    expect(EVALUATION_METHODS).toHaveLength(14);
    expect(new Set(EVALUATION_METHODS).size).toBe(14);
    expect(BANNED_EVALUATION_METHODS).toEqual(['trace_screenshots', 'trace_photos', 'trace_ledgers', 'one_vote_veto', 'responsibility_pledge', 'app_install_rate', 'app_login_rate']);
  });
});

describe('REGISTER_LABELS', () => {
  const expected = [
    ...ITEM_KINDS.map((k) => `itemKind.${k}`),
    ...EVALUATION_METHODS.map((m) => `evaluationMethod.${m}`),
    ...SCHOOL_STAGES.map((s) => `schoolStage.${s}`),
    ...TARGET_ROLES.map((r) => `targetRole.${r}`),
    ...TARGET_SCOPE_MODES.map((m) => `targetScopeMode.${m}`),
    ...URGENCIES.map((u) => `urgency.${u}`),
    ...MEETING_FORMATS.map((f) => `meetingFormat.${f}`),
    ...APP_TASK_ACTIONS.map((a) => `appTaskAction.${a}`),
    ...TERMS.map((t) => `term.${t}`),
    ...RULESET_KEYS.map((k) => `ruleSet.${k}`),
    ...POLICY_SOURCE_IDS.map((id) => `policySource.${id}`),
    ...RULE_IDS.map((id) => `rule.${id}.title`),
    'estimateChangeReason.program_change',
    'estimateChangeReason.re_estimate',
    'severity.blocking',
    'severity.warning',
    'checkStage.submit',
    'checkStage.approve',
  ];
  it.each(expected)('has %s in both languages', (key) => {
    const entry = labels[key];
    expect(entry).toBeDefined();
    expect(entry?.[0].trim()).not.toBe('');
    expect(entry?.[1].trim()).not.toBe('');
  });
  it('gives every rule at least one message template', () => {
    for (const id of RULE_IDS) expect(Object.keys(labels).some((k) => k.startsWith(`rule.${id}.message`)), id).toBe(true);
  });
  it('writes zh first: every zh label contains Chinese or is a bare template', () => {
    for (const [key, [zh]] of Object.entries(labels)) {
      if (key.startsWith('register.') && !/[\u4e00-\u9fff]/.test(zh)) continue; // separators, e.g. '；'
      expect(/[\u4e00-\u9fff]/.test(zh), key).toBe(true);
    }
  });
  it('uses the same placeholders in zh and en', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, [zh, en]] of Object.entries(labels)) expect(names(en), key).toEqual(names(zh));
  });
  it('does not clash with the core and UI label keys', async () => {
    const { CORE_LABELS } = await import('../i18n/core');
    const { UI_LABELS } = await import('../i18n/ui');
    const others = new Set([...Object.keys(CORE_LABELS), ...Object.keys(UI_LABELS)]);
    expect(Object.keys(labels).filter((k) => others.has(k))).toEqual([]);
  });
});
