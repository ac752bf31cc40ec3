import { describe, expect, it } from 'vitest';
import { findingOf, makeItem, runRules } from './fixtures';
import { BANNED_EVALUATION_METHODS } from './kinds';

describe('banned_evaluation_method — 留痕、一票否决、责任状、APP安装率', () => {
  it('passes methods that judge real work', () => {
    expect(runRules(makeItem('assessment', { evaluationMethods: ['onsite_visit', 'document_review', 'data_review', 'sampling', 'interview', 'questionnaire', 'classroom_observation'] }))).toEqual([]);
    expect(runRules(makeItem('assessment', { evaluationMethods: [] }))).toEqual([]);
  });
  it.each(BANNED_EVALUATION_METHODS)('fires on %s', (method) => {
    const f = findingOf(runRules(makeItem('inspection', { evaluationMethods: ['sampling', method] })), 'banned_evaluation_method');
    expect(f?.severity).toBe('blocking');
  });
  it('names every banned method used, in the order given, and only those', () => {
    const f = findingOf(runRules(makeItem('evaluation', { evaluationMethods: ['trace_screenshots', 'sampling', 'responsibility_pledge', 'app_install_rate'] })), 'banned_evaluation_method');
    expect(f?.zh).toContain('不得采用以下评价方式：截图留痕、签订责任状、APP下载安装率。');
    expect(f?.zh.split('。')[0]).not.toContain('随机抽查');
    expect(f?.en).toContain('Screenshots as evidence, Responsibility pledge, App install rate.');
  });
  it('applies to every kind', () => {
    expect(findingOf(runRules(makeItem('meeting', { evaluationMethods: ['trace_photos'] })), 'banned_evaluation_method')).toBeDefined();
    expect(findingOf(runRules(makeItem('app_task', { evaluationMethods: ['app_login_rate'] })), 'banned_evaluation_method')).toBeDefined();
  });
  it('follows the rule set in force', () => {
    const item = makeItem('inspection', { evaluationMethods: ['trace_ledgers', 'questionnaire'] });
    expect(findingOf(runRules(item, { values: { bannedEvaluationMethods: ['one_vote_veto'] } }), 'banned_evaluation_method')).toBeUndefined();
    expect(findingOf(runRules(item, { values: { bannedEvaluationMethods: ['questionnaire'] } }), 'banned_evaluation_method')?.zh).toContain('问卷调查');
  });
});

describe('app_task_national_rule — 除国家有明确规定外不得布置', () => {
  it('passes with a cited national rule', () => {
    expect(findingOf(runRules(makeItem('app_task')), 'app_task_national_rule')).toBeUndefined();
  });
  it.each([undefined, '', '   '])('fires without one (%j)', (nationalRule) => {
    const f = findingOf(runRules(makeItem('app_task', { details: { appName: '某某投票小程序', action: 'vote', nationalRule } })), 'app_task_national_rule');
    expect(f?.severity).toBe('blocking');
    expect(f?.field).toBe('details.nationalRule');
    expect(f?.zh).toContain('（本事项：某某投票小程序，投票）');
    expect(f?.zh).toContain('请在“国家规定依据”中写明国家文件名称和文号');
    expect(f?.en).toContain('(this item: 某某投票小程序, Vote)');
  });
  it('is off when the rule set does not require it', () => {
    expect(findingOf(runRules(makeItem('app_task', { details: { nationalRule: undefined } }), { values: { appTaskRequiresNationalRule: false } }), 'app_task_national_rule')).toBeUndefined();
  });
});

describe('app_task_participation_target — 不得提出参与率、达标率等硬性要求', () => {
  it('passes without a target, or with 0', () => {
    expect(findingOf(runRules(makeItem('app_task')), 'app_task_participation_target')).toBeUndefined();
    expect(findingOf(runRules(makeItem('app_task', { details: { participationTarget: 0 } })), 'app_task_participation_target')).toBeUndefined();
  });
  it('fires on any positive target, even with a national rule cited', () => {
    const f = findingOf(runRules(makeItem('app_task', { details: { participationTarget: 0.8 } })), 'app_task_participation_target');
    expect(f?.severity).toBe('blocking');
    expect(f?.zh).toContain('不得提出参与率、达标率等硬性要求（本事项对国家中小学智慧教育平台要求参与率80%）。请删除参与率目标。');
    expect(f?.en).toContain('asks 80% participation');
  });
  it('shows fractional percentages', () => {
    expect(findingOf(runRules(makeItem('app_task', { details: { participationTarget: 0.955 } })), 'app_task_participation_target')?.zh).toContain('95.5%');
    expect(findingOf(runRules(makeItem('app_task', { details: { participationTarget: 1 } })), 'app_task_participation_target')?.zh).toContain('100%');
  });
});

describe('data_collection_approval — 审批文号和有效期', () => {
  it('passes with both', () => {
    expect(findingOf(runRules(makeItem('data_collection')), 'data_collection_approval')).toBeUndefined();
  });
  it('names what is missing', () => {
    const none = findingOf(runRules(makeItem('data_collection', { details: { approvalNo: undefined, validUntil: undefined } })), 'data_collection_approval');
    expect(none?.zh).toContain('本事项缺少：审批（备案）文号、有效期限。');
    expect(none?.en).toContain('lacks: approval number, validity date.');
    const noNumber = findingOf(runRules(makeItem('data_collection', { details: { approvalNo: '  ' } })), 'data_collection_approval');
    expect(noNumber?.zh).toContain('缺少：审批（备案）文号。');
    const noDate = findingOf(runRules(makeItem('data_collection', { details: { validUntil: undefined } })), 'data_collection_approval');
    expect(noDate?.zh).toContain('缺少：有效期限。');
    expect(noDate?.zh).toContain('《中华人民共和国统计法》');
  });
  it('warns at submit and blocks at approval', () => {
    const item = makeItem('data_collection', { details: { approvalNo: undefined } });
    expect(findingOf(runRules(item, { stage: 'submit' }), 'data_collection_approval')?.severity).toBe('warning');
    expect(findingOf(runRules(item, { stage: 'approve' }), 'data_collection_approval')?.severity).toBe('blocking');
  });
  it('is off when the rule set does not require approval', () => {
    expect(findingOf(runRules(makeItem('data_collection', { details: { approvalNo: undefined } }), { values: { dataCollectionRequiresApproval: false } }), 'data_collection_approval')).toBeUndefined();
  });
});

describe('data_collection_approval_expired — 有效期', () => {
  const item = (validUntil: string | undefined) => makeItem('data_collection', { windowStart: '2026-03-16', windowEnd: '2026-03-27', details: { validUntil } });
  it('passes when valid through the end of collection (inclusive)', () => {
    expect(findingOf(runRules(item('2026-03-27')), 'data_collection_approval_expired')).toBeUndefined();
    expect(findingOf(runRules(item('2026-03-27'), { today: '2026-03-27' }), 'data_collection_approval_expired')).toBeUndefined();
  });
  it('fires when the approval ends before the collection does', () => {
    const f = findingOf(runRules(item('2026-03-20')), 'data_collection_approval_expired');
    expect(f?.severity).toBe('blocking');
    expect(f?.zh).toContain('审批有效期至2026年3月20日，早于采集结束日期2026年3月27日');
  });
  it('fires when the approval has expired by today', () => {
    const f = findingOf(runRules(item('2026-03-20'), { today: '2026-03-21' }), 'data_collection_approval_expired');
    expect(f?.zh).toContain('审批有效期至2026年3月20日，已过期（今天是2026年3月21日）');
    expect(f?.en).toContain('has expired (today is 2026-03-21)');
  });
  it('stays silent without a validity date (data_collection_approval reports that)', () => {
    const findings = runRules(item(undefined));
    expect(findingOf(findings, 'data_collection_approval_expired')).toBeUndefined();
    expect(findingOf(findings, 'data_collection_approval')).toBeDefined();
  });
});

describe('data_collection_stats_filing — 统计机构审批备案', () => {
  it('passes when filed', () => {
    expect(findingOf(runRules(makeItem('data_collection')), 'data_collection_stats_filing')).toBeUndefined();
  });
  it('warns when not filed, at both stages', () => {
    const item = makeItem('data_collection', { details: { statsOfficeFiled: false } });
    for (const stage of ['submit', 'approve'] as const) {
      const f = findingOf(runRules(item, { stage }), 'data_collection_stats_filing');
      expect(f?.severity).toBe('warning');
      expect(f?.zh).toContain('须向同级政府统计机构报请审批备案');
    }
  });
});

describe('adhoc_reason — 一事一报须说明理由', () => {
  it('passes planned items and ad-hoc items with a reason', () => {
    expect(findingOf(runRules(makeItem('inspection')), 'adhoc_reason')).toBeUndefined();
    expect(findingOf(runRules(makeItem('inspection', { planned: false, adhoc: { reason: '上级临时部署防汛检查', urgency: 'urgent' } })), 'adhoc_reason')).toBeUndefined();
  });
  it('fires on a blank reason or a missing adhoc block (data that skipped the schema)', () => {
    const blank = findingOf(runRules(makeItem('meeting', { planned: false, adhoc: { reason: ' \n ', urgency: 'normal' } })), 'adhoc_reason');
    expect(blank?.severity).toBe('blocking');
    expect(blank?.field).toBe('adhoc.reason');
    expect(blank?.zh).toContain('本事项未列入年度计划，须一事一报');
    expect(findingOf(runRules(makeItem('meeting', { planned: false })), 'adhoc_reason')).toBeDefined();
  });
});

describe('training_relevance — 与教育教学无关的培训', () => {
  it('passes training relevant to teaching', () => {
    expect(runRules(makeItem('training'))).toEqual([]);
  });
  it('warns that schools may refuse it', () => {
    const f = findingOf(runRules(makeItem('training', { details: { relevantToTeaching: false } })), 'training_relevance');
    expect(f?.severity).toBe('warning');
    expect(f?.zh).toContain('学校和教师可以拒绝');
    expect(f?.en).toContain('may refuse it');
  });
});

describe('secondment_approval — 借用教师须经审批', () => {
  it('passes with an approving authority', () => {
    expect(runRules(makeItem('secondment'))).toEqual([]);
  });
  it.each([undefined, '', '  '])('warns without one (%j)', (approvedBy) => {
    const f = findingOf(runRules(makeItem('secondment', { details: { approvedBy } })), 'secondment_approval');
    expect(f?.severity).toBe('warning');
    expect(f?.field).toBe('details.approvedBy');
    expect(f?.zh).toContain('本事项（张老师借用至县委宣传部）未填写审批机关');
    expect(f?.en).toContain('(张老师 to 县委宣传部)');
  });
});
