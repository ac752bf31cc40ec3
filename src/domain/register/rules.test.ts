import { describe, expect, it } from 'vitest';
import { findingOf, makeItem, makeValidItem, runRules } from './fixtures';
import { ITEM_KINDS, type TItemKind } from './kinds';
import { buildRuleContext } from './ruleModel';
import { checkItem, hasBlocking, RULE_IDS, RULES, ruleTitle, type TRegisterRule } from './rules';
import { DEFAULT_RULESET, resolveRuleSet } from './ruleset';

describe('checkItem — the engine', () => {
  it.each(ITEM_KINDS)('finds nothing wrong with a proper %s item at either stage', (kind) => {
    const item = makeValidItem(kind);
    expect(runRules(item, { stage: 'submit' })).toEqual([]);
    expect(runRules(item, { stage: 'approve' })).toEqual([]);
  });
  it('lists blocking findings first, each group in RULES order', () => {
    const item = makeItem('training', {
      details: { relevantToTeaching: false },
      evaluationMethods: ['trace_photos'],
      planned: false,
      adhoc: { reason: ' ', urgency: 'normal' },
    });
    expect(runRules(item).map((f) => [f.ruleId, f.severity])).toEqual([
      ['banned_evaluation_method', 'blocking'],
      ['adhoc_reason', 'blocking'],
      ['training_relevance', 'warning'],
    ]);
  });
  it('writes findings that name the rule, say what to fix and cite the source, in zh and en', () => {
    const [f] = runRules(makeItem('assessment', { evaluationMethods: ['one_vote_veto'] }));
    expect(f).toBeDefined();
    expect(f?.zh).toMatch(/^【禁止的评价方式】不得采用以下评价方式：一票否决。请删除/);
    expect(f?.zh).toContain('（依据：中共中央办公厅 国务院办公厅《关于减轻中小学教师负担进一步营造教育教学良好环境的若干意见》（2019年）；教育部办公厅');
    expect(f?.en).toMatch(/^\[Banned evaluation method\] These evaluation methods are not allowed: One-vote veto\. Remove them/);
    expect(f?.en).toContain('(Source: CPC General Office');
    expect(f?.field).toBe('evaluationMethods');
  });
  it('leaves no placeholder unfilled in any finding', () => {
    const items = [
      makeItem('inspection', { announcedAt: '2026-03-10', details: { comprehensive: true } }),
      makeItem('social_affair', { details: { whitelistCode: undefined, activitiesPerSchool: 7 } }),
      makeItem('app_task', { details: { nationalRule: '', participationTarget: 0.9 } }),
      makeItem('data_collection', { details: { approvalNo: undefined, validUntil: '2026-01-01', statsOfficeFiled: false } }),
      makeItem('secondment', { details: { approvedBy: undefined }, planned: false, adhoc: { reason: '', urgency: 'urgent' } }),
      makeItem('training', { details: { relevantToTeaching: false }, evaluationMethods: ['trace_screenshots', 'app_login_rate'] }),
      makeItem('data_collection', { details: { validUntil: '2026-03-20' } }),
      makeItem('social_affair', { details: { whitelistCode: 'BMD-2026-99' } }),
    ];
    const ctx = { targetSchoolIds: [1, 2], comprehensiveSupervisionCountBySchool: { 1: 1 }, isNewWhitelistItem: true, whitelistTotal: 10, whitelistNewThisYear: 2, whitelistCodeKnown: false };
    const all = items.flatMap((item) => runRules(item, { ctx, today: '2026-02-01' }));
    expect(new Set(all.map((f) => f.ruleId))).toEqual(new Set(RULE_IDS));
    for (const f of all) {
      expect(f.zh, f.ruleId).not.toMatch(/\{\w+\}/);
      expect(f.en, f.ruleId).not.toMatch(/\{\w+\}/);
      expect(f.zh.startsWith(`【${ruleTitle(f.ruleId).zh}】`)).toBe(true);
      expect(f.en.startsWith(`[${ruleTitle(f.ruleId).en}]`)).toBe(true);
      expect(f.zh).toContain('依据：');
      expect(f.en).toContain('Source: ');
    }
  });
  it('runs a rule only for the kinds it lists', () => {
    const always: TRegisterRule = { ...(RULES[0] as TRegisterRule), kinds: ['meeting'], check: () => ({ message: { zh: '总是', en: 'always' } }) };
    const run = (kind: TItemKind) =>
      checkItem({ item: makeItem(kind), ctx: buildRuleContext(), values: resolveRuleSet([]), stage: 'submit', today: '2026-01-15', rules: [always] });
    expect(run('meeting')).toHaveLength(1);
    expect(run('training')).toEqual([]);
  });
  it('passes stage and today to the rules', () => {
    const seen: unknown[] = [];
    const spy: TRegisterRule = { ...(RULES[0] as TRegisterRule), kinds: 'all', check: (_i, _c, _v, env) => (seen.push(env), null) };
    checkItem({ item: makeItem('meeting'), ctx: buildRuleContext(), values: DEFAULT_RULESET, stage: 'approve', today: '2026-05-04', rules: [spy] });
    expect(seen).toEqual([{ stage: 'approve', today: '2026-05-04' }]);
  });
  it('does not modify the item, the context or the values', () => {
    const item = makeItem('social_affair', { details: { activitiesPerSchool: 7 } });
    const ctx = buildRuleContext({ targetSchoolIds: [1], socialAffairCountBySchool: { 1: 3 } });
    const values = resolveRuleSet([]);
    const snapshot = JSON.stringify([item, ctx, values]);
    checkItem({ item, ctx, values, stage: 'approve', today: '2026-01-15' });
    expect(JSON.stringify([item, ctx, values])).toBe(snapshot);
  });
  it('hasBlocking tells whether the item can move on', () => {
    expect(hasBlocking([])).toBe(false);
    expect(hasBlocking(runRules(makeItem('training', { details: { relevantToTeaching: false } })))).toBe(false);
    expect(hasBlocking(runRules(makeItem('meeting', { evaluationMethods: ['trace_ledgers'] })))).toBe(true);
  });
  it('RULES and RULE_IDS agree, ids are unique, every rule cites a source', () => {
    expect(RULES.map((r) => r.id)).toEqual([...RULE_IDS]);
    for (const r of RULES) {
      expect(r.source.zh.length).toBeGreaterThan(5);
      expect(r.source.en.length).toBeGreaterThan(5);
      expect(r.field).toMatch(/^[a-zA-Z.]+$/);
    }
  });
  it('buildRuleContext fills the gaps', () => {
    expect(buildRuleContext()).toEqual({
      targetSchoolIds: [],
      socialAffairCountBySchool: {},
      comprehensiveSupervisionCountBySchool: {},
      whitelistTotal: 0,
      whitelistNewThisYear: 0,
      isNewWhitelistItem: false,
    });
    expect(buildRuleContext({ whitelistTotal: 4 }).whitelistTotal).toBe(4);
  });
});

describe('announce_ahead — 提前1个月公布', () => {
  const at = (kind: TItemKind, announcedAt: string, extra: Parameters<typeof makeItem>[1] = {}) =>
    findingOf(runRules(makeItem(kind, { announcedAt, windowStart: '2026-03-16', windowEnd: '2026-03-27', ...extra })), 'announce_ahead');

  it('passes at 30 days or more', () => {
    expect(at('inspection', '2026-02-14')).toBeUndefined(); // exactly 30
    expect(at('inspection', '2026-02-01')).toBeUndefined();
  });
  it.each(['inspection', 'assessment', 'evaluation', 'supervision', 'social_affair'] as const)('fires at 29 days for %s', (kind) => {
    const f = at(kind, '2026-02-15');
    expect(f?.severity).toBe('blocking');
    expect(f?.field).toBe('windowStart');
  });
  it.each(['meeting', 'document', 'training', 'data_collection', 'secondment', 'app_task'] as const)('does not apply to %s', (kind) => {
    expect(at(kind, '2026-03-15')).toBeUndefined();
  });
  it('says how many days, and the earliest start that would pass', () => {
    const f = at('inspection', '2026-02-15');
    expect(f?.zh).toContain('督查检查事项须至少提前30日公布。本事项2026年2月15日公布、2026年3月16日开始，仅提前29日。请把开始日期调整到2026年3月17日或以后');
    expect(f?.zh).toContain('教师厅〔2025〕2号');
    expect(f?.en).toContain('only 29 days ahead. Move the start to 2026-03-17 or later');
  });
  it('counts a past announcement date as today', () => {
    const f = findingOf(runRules(makeItem('evaluation', { announcedAt: '2026-02-01', windowStart: '2026-03-16' }), { today: '2026-03-01' }), 'announce_ahead');
    expect(f?.zh).toContain('原定公布日期2026年2月1日已过，按今天2026年3月1日公布计算，距开始日期2026年3月16日仅15日。请把开始日期调整到2026年3月31日或以后');
    expect(f?.en).toContain('The planned announcement date 2026-02-01 has passed');
    // the same item checked early enough passes
    expect(findingOf(runRules(makeItem('evaluation', { announcedAt: '2026-02-01', windowStart: '2026-03-16' }), { today: '2026-02-10' }), 'announce_ahead')).toBeUndefined();
  });
  it('never says a negative number of days when the window has begun', () => {
    const f = findingOf(runRules(makeItem('inspection', { announcedAt: '2026-03-20', windowStart: '2026-03-16', windowEnd: '2026-03-27' })), 'announce_ahead');
    expect(f?.zh).toContain('仅提前0日');
  });
  it('exempts an emergency ad-hoc item, not an urgent one', () => {
    expect(at('inspection', '2026-03-14', { planned: false, adhoc: { reason: '校舍坍塌事故后安全排查', urgency: 'emergency' } })).toBeUndefined();
    expect(at('inspection', '2026-03-14', { planned: false, adhoc: { reason: '上级临时部署', urgency: 'urgent' } })).toBeDefined();
  });
  it('follows the rule set in force', () => {
    const item = makeItem('inspection', { announcedAt: '2026-02-01', windowStart: '2026-03-16' }); // 43 days
    expect(findingOf(runRules(item, { values: { announceDaysMin: 45 } }), 'announce_ahead')?.zh).toContain('至少提前45日');
    expect(findingOf(runRules(makeItem('inspection', { announcedAt: '2026-03-15' }), { values: { announceDaysMin: 0 } }), 'announce_ahead')).toBeUndefined();
  });
});

describe('social_affair_per_school — 每校每学年不超过6项', () => {
  const item = (activitiesPerSchool = 1, windowStart = '2026-03-16') => makeItem('social_affair', { details: { activitiesPerSchool }, windowStart, windowEnd: windowStart });
  it('passes when a school reaches the limit exactly', () => {
    expect(findingOf(runRules(item(), { ctx: { targetSchoolIds: [1, 2], socialAffairCountBySchool: { 1: 5, 2: 0 } } }), 'social_affair_per_school')).toBeUndefined();
  });
  it('fires on a school’s seventh activity, naming the school and the school year', () => {
    const f = findingOf(runRules(item(), { ctx: { targetSchoolIds: [1, 2, 3], socialAffairCountBySchool: { 1: 6, 2: 5 } } }), 'social_affair_per_school');
    expect(f?.severity).toBe('blocking');
    expect(f?.schoolIds).toEqual([1]);
    expect(f?.zh).toContain('每所学校每学年社会事务进校园不超过6项。2025—2026学年，加上本事项（每校1项）后以下学校将超过上限：学校#1（已有6项，合计7项）。');
    expect(f?.zh).toContain('浙江省');
    expect(f?.en).toContain('In the 2025–2026 school year, with this item (1 per school) these schools would exceed the limit: school #1 (6 already, 7 in all).');
  });
  it('counts this item’s activities per school, not one', () => {
    const f = findingOf(runRules(item(2), { ctx: { targetSchoolIds: [1, 2], socialAffairCountBySchool: { 1: 5, 2: 4 } } }), 'social_affair_per_school');
    expect(f?.schoolIds).toEqual([1]);
    expect(f?.zh).toContain('学校#1（已有5项，合计7项）');
  });
  it('uses school names and names at most five schools', () => {
    const ids = [11, 12, 13, 14, 15, 16, 17];
    const counts = Object.fromEntries(ids.map((id) => [id, 6]));
    const f = findingOf(runRules(item(), { ctx: { targetSchoolIds: ids, socialAffairCountBySchool: counts, schoolNames: { 11: '青山镇中心小学' } } }), 'social_affair_per_school');
    expect(f?.schoolIds).toEqual(ids);
    expect(f?.zh).toContain('青山镇中心小学（已有6项，合计7项）、学校#12');
    expect(f?.zh).toContain('学校#15（已有6项，合计7项）、等2所学校');
    expect(f?.zh).not.toContain('学校#16');
    expect(f?.en).toContain('and 2 more schools');
  });
  it('with no target schools known, still catches more activities than the limit', () => {
    expect(findingOf(runRules(item(6)), 'social_affair_per_school')).toBeUndefined();
    const f = findingOf(runRules(item(7)), 'social_affair_per_school');
    expect(f?.zh).toContain('每所对象学校（已有0项，合计7项）');
    expect(f?.schoolIds).toBeUndefined();
  });
  it('names the school year of the start date (September starts a new one)', () => {
    const f = findingOf(runRules(item(1, '2026-09-10'), { ctx: { targetSchoolIds: [1], socialAffairCountBySchool: { 1: 6 } } }), 'social_affair_per_school');
    expect(f?.zh).toContain('2026—2027学年');
  });
  it('follows the rule set in force', () => {
    const ctx = { targetSchoolIds: [1], socialAffairCountBySchool: { 1: 4 } };
    expect(findingOf(runRules(item(), { ctx, values: { socialAffairMaxPerSchoolYear: 4 } }), 'social_affair_per_school')?.zh).toContain('不超过4项');
    expect(findingOf(runRules(item(), { ctx }), 'social_affair_per_school')).toBeUndefined();
  });
  it('only counts social affairs', () => {
    expect(findingOf(runRules(makeItem('training'), { ctx: { targetSchoolIds: [1], socialAffairCountBySchool: { 1: 9 } } }), 'social_affair_per_school')).toBeUndefined();
  });
});

describe('comprehensive_supervision_per_school — 每校每年综合督导不超过1项', () => {
  const ctx = { targetSchoolIds: [1, 2], comprehensiveSupervisionCountBySchool: { 2: 1 } };
  it('passes a first comprehensive supervision', () => {
    expect(findingOf(runRules(makeItem('supervision', { details: { comprehensive: true } }), { ctx: { targetSchoolIds: [1, 2] } }), 'comprehensive_supervision_per_school')).toBeUndefined();
  });
  it('fires on a second one, naming the school', () => {
    const f = findingOf(runRules(makeItem('supervision', { details: { comprehensive: true } }), { ctx }), 'comprehensive_supervision_per_school');
    expect(f?.severity).toBe('blocking');
    expect(f?.schoolIds).toEqual([2]);
    expect(f?.zh).toContain('不超过1次。2026年内，以下学校已达上限：学校#2（已有1次）。请与已安排的综合督导合并');
    expect(f?.en).toContain('In 2026 these schools have reached the limit: school #2 (1 already).');
  });
  it('counts a comprehensive inspection the same way', () => {
    expect(findingOf(runRules(makeItem('inspection', { details: { comprehensive: true } }), { ctx }), 'comprehensive_supervision_per_school')?.schoolIds).toEqual([2]);
  });
  it('ignores focused (non-comprehensive) supervisions and inspections', () => {
    expect(findingOf(runRules(makeItem('supervision', { details: { comprehensive: false } }), { ctx }), 'comprehensive_supervision_per_school')).toBeUndefined();
    expect(findingOf(runRules(makeItem('inspection', { details: { comprehensive: false } }), { ctx }), 'comprehensive_supervision_per_school')).toBeUndefined();
  });
  it('follows the rule set in force', () => {
    const item = makeItem('supervision', { details: { comprehensive: true } });
    expect(findingOf(runRules(item, { ctx, values: { comprehensiveSupervisionMaxPerSchoolYear: 2 } }), 'comprehensive_supervision_per_school')).toBeUndefined();
    expect(findingOf(runRules(item, { values: { comprehensiveSupervisionMaxPerSchoolYear: 0 } }), 'comprehensive_supervision_per_school')?.zh).toContain('每所对象学校');
  });
});

describe('whitelist rules — 白名单总量不超过10项、每年新增不超过2项', () => {
  const item = makeItem('social_affair', { details: { whitelistCode: undefined } });
  it('pass for an item on an existing whitelist entry, however full the list', () => {
    const findings = runRules(item, { ctx: { isNewWhitelistItem: false, whitelistTotal: 10, whitelistNewThisYear: 2 } });
    expect(findingOf(findings, 'whitelist_total')).toBeUndefined();
    expect(findingOf(findings, 'whitelist_new_per_year')).toBeUndefined();
  });
  it('pass for a new entry below both limits', () => {
    expect(runRules(item, { ctx: { isNewWhitelistItem: true, whitelistTotal: 9, whitelistNewThisYear: 1 } })).toEqual([]);
  });
  it('fire above the total', () => {
    const f = findingOf(runRules(item, { ctx: { isNewWhitelistItem: true, whitelistTotal: 10, whitelistNewThisYear: 0 } }), 'whitelist_total');
    expect(f?.severity).toBe('blocking');
    expect(f?.zh).toContain('白名单总量不超过10项，现有10项，新增本事项后为11项');
  });
  it('fire above the new-per-year limit', () => {
    const f = findingOf(runRules(item, { ctx: { isNewWhitelistItem: true, whitelistTotal: 3, whitelistNewThisYear: 2 } }), 'whitelist_new_per_year');
    expect(f?.severity).toBe('blocking');
    expect(f?.zh).toContain('每年新增白名单事项不超过2项，今年已新增2项');
    expect(f?.en).toContain('At most 2 new whitelist entries');
  });
  it('both fire together when both are exceeded, and follow the rule set', () => {
    const ctx = { isNewWhitelistItem: true, whitelistTotal: 8, whitelistNewThisYear: 1 };
    expect(runRules(item, { ctx }).map((f) => f.ruleId)).toEqual([]);
    expect(runRules(item, { ctx, values: { whitelistMaxTotal: 8, whitelistMaxNewPerYear: 1 } }).map((f) => f.ruleId)).toEqual(['whitelist_total', 'whitelist_new_per_year']);
  });
  it('only apply to social affairs', () => {
    expect(runRules(makeItem('evaluation'), { ctx: { isNewWhitelistItem: true, whitelistTotal: 50, whitelistNewThisYear: 9, whitelistCodeKnown: false } })).toEqual([]);
  });
});

describe('whitelist_entry_unknown — an activity must cite an entry that exists', () => {
  const cited = makeItem('social_affair', { details: { whitelistCode: ' BMD-2026-99 ' } });
  it('blocks a code the server did not find, naming the code, the rule and its source', () => {
    const f = findingOf(runRules(cited, { ctx: { whitelistCodeKnown: false, isNewWhitelistItem: true } }), 'whitelist_entry_unknown');
    expect(f?.severity).toBe('blocking');
    expect(f?.field).toBe('details.whitelistCode');
    expect(f?.zh).toMatch(/^【所属白名单事项须已准入】所填所属白名单事项核验码“BMD-2026-99”不是本地区在册的白名单事项/);
    expect(f?.zh).toContain('依据：浙江省');
    expect(f?.en).toContain('“BMD-2026-99” is not an entry');
    expect(f?.en).toContain('(Source: Zhejiang');
  });
  it('passes a known code, a code not looked up, and a new entry (no code)', () => {
    expect(runRules(cited, { ctx: { whitelistCodeKnown: true } })).toEqual([]);
    expect(runRules(cited)).toEqual([]);
    const fresh = makeItem('social_affair', { details: { whitelistCode: '  ' } });
    expect(findingOf(runRules(fresh, { ctx: { whitelistCodeKnown: false } }), 'whitelist_entry_unknown')).toBeUndefined();
  });
});
