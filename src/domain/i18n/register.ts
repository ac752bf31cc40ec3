/**
 * Labels of the burden register (DESIGN §3 "register", §4 rule sets). Part of the one label
 * table: merged into `LABELS` by `index.ts`. `{name}` marks a placeholder.
 * Keys: `itemKind.*`, enums of the item schema, `ruleSet.*` (rule set fields),
 * `policySource.*` (the policy texts rules cite), `rule.<id>.title` / `rule.<id>.message…`
 * (finding templates) and `register.*` (fragments used to build findings).
 */
export const REGISTER_LABELS = {
  // item kinds
  'itemKind.inspection': ['督查检查', 'Inspection'],
  'itemKind.assessment': ['考核', 'Assessment'],
  'itemKind.evaluation': ['评比/评选/竞赛', 'Evaluation, selection or competition'],
  'itemKind.supervision': ['督导评估', 'Supervision and evaluation'],
  'itemKind.social_affair': ['社会事务进校园', 'Social affair in schools'],
  'itemKind.data_collection': ['报表/统计/调研', 'Form, statistics or survey'],
  'itemKind.meeting': ['会议', 'Meeting'],
  'itemKind.document': ['文件', 'Document'],
  'itemKind.training': ['培训', 'Training'],
  'itemKind.secondment': ['借用/抽调教师', 'Teacher secondment'],
  'itemKind.app_task': ['APP/公众号/投票/答题', 'App, public account, vote or quiz'],

  // evaluation methods
  'evaluationMethod.onsite_visit': ['实地查看', 'On-site visit'],
  'evaluationMethod.document_review': ['查阅资料', 'Document review'],
  'evaluationMethod.data_review': ['数据分析', 'Data review'],
  'evaluationMethod.sampling': ['随机抽查', 'Random sampling'],
  'evaluationMethod.interview': ['座谈访谈', 'Interviews'],
  'evaluationMethod.questionnaire': ['问卷调查', 'Questionnaire'],
  'evaluationMethod.classroom_observation': ['随堂听课', 'Classroom observation'],
  'evaluationMethod.trace_screenshots': ['截图留痕', 'Screenshots as evidence'],
  'evaluationMethod.trace_photos': ['照片留痕', 'Photos as evidence'],
  'evaluationMethod.trace_ledgers': ['台账留痕', 'Ledgers as evidence'],
  'evaluationMethod.one_vote_veto': ['一票否决', 'One-vote veto'],
  'evaluationMethod.responsibility_pledge': ['签订责任状', 'Responsibility pledge'],
  'evaluationMethod.app_install_rate': ['APP下载安装率', 'App install rate'],
  'evaluationMethod.app_login_rate': ['APP登录活跃率', 'App login rate'],

  // target scope
  'schoolStage.primary': ['小学', 'Primary'],
  'schoolStage.junior': ['初中', 'Junior middle'],
  'schoolStage.senior': ['高中', 'Senior middle'],
  'targetRole.teacher': ['教师', 'Teachers'],
  'targetRole.school_admin': ['学校（校长/办公室）', 'School office'],
  'targetRole.class_teacher': ['班主任', 'Class teachers'],
  'targetRole.student': ['学生', 'Students'],
  'targetRole.parent': ['家长', 'Parents'],
  'targetScopeMode.all': ['全部学校', 'All schools'],
  'targetScopeMode.stages': ['按学段', 'By stage'],
  'targetScopeMode.list': ['指定学校', 'Listed schools'],

  // item fields and enums
  'urgency.normal': ['一般', 'Normal'],
  'urgency.urgent': ['紧急', 'Urgent'],
  'urgency.emergency': ['突发事件', 'Emergency'],
  'meetingFormat.onsite': ['现场会', 'On site'],
  'meetingFormat.video': ['视频会', 'Video'],
  'meetingFormat.hybrid': ['现场+视频', 'Hybrid'],
  'appTaskAction.download': ['下载安装', 'Download'],
  'appTaskAction.register': ['注册', 'Register'],
  'appTaskAction.follow': ['关注', 'Follow'],
  'appTaskAction.vote': ['投票', 'Vote'],
  'appTaskAction.like': ['点赞', 'Like'],
  'appTaskAction.quiz': ['答题', 'Quiz'],
  'appTaskAction.checkin': ['打卡', 'Check in'],
  'appTaskAction.survey': ['问卷', 'Survey'],
  'appTaskAction.share': ['转发', 'Share'],
  'term.autumn': ['秋季学期', 'Autumn term'],
  'term.spring': ['春季学期', 'Spring term'],
  'estimateChangeReason.program_change': ['事项调整', 'Programme change'],
  'estimateChangeReason.re_estimate': ['重新估算', 'Re-estimate'],
  'severity.blocking': ['必须修改', 'Must fix'],
  'severity.warning': ['提示', 'Warning'],
  'checkStage.submit': ['提交', 'Submit'],
  'checkStage.approve': ['审批', 'Approve'],
  'register.field.approvalNo': ['审批（备案）文号', 'approval number'],
  'register.field.validUntil': ['有效期限', 'validity date'],

  // rule set fields (the office's edit form)
  'ruleSet.announceDaysMin': ['提前公布天数下限', 'Minimum days announced ahead'],
  'ruleSet.socialAffairMaxPerSchoolYear': ['每校每学年社会事务进校园上限', 'Social affairs per school per school year'],
  'ruleSet.comprehensiveSupervisionMaxPerSchoolYear': ['每校每年综合督导上限', 'Comprehensive supervisions per school per year'],
  'ruleSet.bannedEvaluationMethods': ['禁止的评价方式', 'Banned evaluation methods'],
  'ruleSet.appTaskRequiresNationalRule': ['APP任务须有国家规定依据', 'App tasks need a national rule'],
  'ruleSet.whitelistMaxTotal': ['白名单总量上限', 'Whitelist size limit'],
  'ruleSet.whitelistMaxNewPerYear': ['白名单年度新增上限', 'New whitelist entries per year'],
  'ruleSet.dataCollectionRequiresApproval': ['报表须有审批文号和有效期', 'Data collections need an approval number'],
  'ruleSet.dataCollectionOverlapThreshold': ['报表重复度提示阈值', 'Data collection overlap threshold'],
  'ruleSet.reductionTarget': ['压减目标比例', 'Reduction target'],
  'ruleSet.complaintReplyWorkingDays': ['投诉答复时限（工作日）', 'Complaint reply deadline (working days)'],
  'ruleSet.secondsPerCell': ['每个单元格填报秒数', 'Seconds per form cell'],
  'ruleSet.similarityThreshold': ['文本重复判定阈值', 'Text duplicate threshold'],

  // policy texts the rules cite
  'policySource.cpc_sc_2019': [
    '中共中央办公厅 国务院办公厅《关于减轻中小学教师负担进一步营造教育教学良好环境的若干意见》（2019年）',
    'CPC General Office and State Council General Office, Opinions on reducing the burden on primary and secondary teachers (2019)',
  ],
  'policySource.moe_2025': [
    '教育部办公厅《关于进一步减轻中小学教师非教育教学负担若干措施的通知》（教师厅〔2025〕2号）',
    'Ministry of Education, Measures to further reduce non-teaching burdens on teachers (2025, No. 2)',
  ],
  'policySource.zhejiang_whitelist_2024': [
    '浙江省中小学社会事务进校园白名单管理规定（2024年）',
    'Zhejiang rules on the whitelist of social affairs in schools (2024)',
  ],
  'policySource.statistics_law': [
    '《中华人民共和国统计法》（统计调查表须标明批准或备案文号、有效期限）',
    'Statistics Law of the PRC (survey forms must show their approval number and validity)',
  ],
  'policySource.education_statistics_rules': ['《教育统计管理规定》', 'Rules on education statistics'],

  // fragments used to build findings
  'register.finding': ['【{title}】{message}（依据：{source}）', '[{title}] {message} (Source: {source})'],
  'register.sourceSeparator': ['；', '; '],
  'register.listSeparator': ['、', ', '],
  'register.andMore': ['等{n}所学校', 'and {n} more schools'],
  'register.schoolId': ['学校#{id}', 'school #{id}'],
  'register.allTargetSchools': ['每所对象学校', 'every target school'],
  'register.schoolCount': ['{school}（已有{existing}项，合计{total}项）', '{school} ({existing} already, {total} in all)'],
  'register.schoolSupervisions': ['{school}（已有{existing}次）', '{school} ({existing} already)'],
  'register.schoolYear': ['{start}—{end}学年', '{start}–{end} school year'],
  'register.yearOnly': ['{year}年', '{year}'],

  // rules: a title and one or more message templates each
  'rule.announce_ahead.title': ['提前公布', 'Announce ahead'],
  'rule.announce_ahead.message': [
    '{kind}事项须至少提前{min}日公布。本事项{announced}公布、{start}开始，仅提前{days}日。请把开始日期调整到{earliest}或以后，或提前公布。',
    '{kind} items must be announced at least {min} days before they start. This one is announced on {announced} and starts on {start}: only {days} days ahead. Move the start to {earliest} or later, or announce it earlier.',
  ],
  'rule.announce_ahead.messagePast': [
    '{kind}事项须至少提前{min}日公布。原定公布日期{planned}已过，按今天{announced}公布计算，距开始日期{start}仅{days}日。请把开始日期调整到{earliest}或以后。',
    '{kind} items must be announced at least {min} days before they start. The planned announcement date {planned} has passed; announced today ({announced}) it is only {days} days before the start on {start}. Move the start to {earliest} or later.',
  ],
  'rule.social_affair_per_school.title': ['每校每学年社会事务进校园上限', 'Social affairs per school per school year'],
  'rule.social_affair_per_school.message': [
    '每所学校每学年社会事务进校园不超过{max}项。{year}，加上本事项（每校{add}项）后以下学校将超过上限：{schools}。请减少每校活动次数、调整对象学校，或改到下一学年。',
    'A school may host at most {max} social affairs per school year. In the {year}, with this item ({add} per school) these schools would exceed the limit: {schools}. Hold fewer activities per school, change the target schools, or move it to the next school year.',
  ],
  'rule.comprehensive_supervision_per_school.title': ['每校每年综合督导上限', 'Comprehensive supervision per school per year'],
  'rule.comprehensive_supervision_per_school.message': [
    '每所学校每年接受综合督导（含综合性督查检查）不超过{max}次。{year}内，以下学校已达上限：{schools}。请与已安排的综合督导合并，或改为专项督导、不进校的方式。',
    'A school may receive at most {max} comprehensive supervision or inspection a year. In {year} these schools have reached the limit: {schools}. Merge this item into the one already planned, or make it a focused review that does not visit schools.',
  ],
  'rule.banned_evaluation_method.title': ['禁止的评价方式', 'Banned evaluation method'],
  'rule.banned_evaluation_method.message': [
    '不得采用以下评价方式：{methods}。请删除，改用实地查看、随机抽查、座谈访谈等注重实效的方式。',
    'These evaluation methods are not allowed: {methods}. Remove them and use on-site visits, random sampling or interviews instead.',
  ],
  'rule.app_task_national_rule.title': ['APP任务须有国家规定依据', 'App task needs a national rule'],
  'rule.app_task_national_rule.message': [
    '除国家有明确规定外，不得要求教师下载APP、关注公众号或参与投票、点赞、答题、打卡等（本事项：{app}，{action}）。请在“国家规定依据”中写明国家文件名称和文号；没有国家规定的，请取消本事项。',
    'Unless a national rule requires it, teachers may not be asked to download apps, follow accounts, vote, like, quiz or check in (this item: {app}, {action}). Cite the national document and its number under "national rule", or cancel the item.',
  ],
  'rule.app_task_participation_target.title': ['不得设参与率要求', 'No participation targets'],
  'rule.app_task_participation_target.message': [
    '不得提出参与率、达标率等硬性要求（本事项对{app}要求参与率{rate}）。请删除参与率目标。',
    'Participation or completion rates may not be imposed (this item asks {rate} participation in {app}). Remove the participation target.',
  ],
  'rule.whitelist_entry_unknown.title': ['所属白名单事项须已准入', 'Whitelist entry must exist'],
  'rule.whitelist_entry_unknown.message': [
    '所填所属白名单事项核验码“{code}”不是本地区在册的白名单事项（须为本地区已准入、在有效期内、本身未引用其他白名单的社会事务进校园事项）。请核对核验码；确属新事项的，请清空该栏，按新增白名单事项申报。',
    'The whitelist entry code “{code}” is not an entry on this region’s whitelist (an approved social affair of the region, still valid, that cites no other entry). Check the code; if this is a new activity, clear the field and apply as a new whitelist entry.',
  ],
  'rule.whitelist_total.title': ['白名单总量上限', 'Whitelist size limit'],
  'rule.whitelist_total.message': [
    '社会事务进校园白名单总量不超过{max}项，现有{current}项，新增本事项后为{total}项。请并入已有白名单事项，或先退出一项。',
    'The whitelist of social affairs may hold at most {max} entries; it holds {current}, and this item would make {total}. Merge it into an existing entry or retire one first.',
  ],
  'rule.whitelist_new_per_year.title': ['白名单年度新增上限', 'New whitelist entries per year'],
  'rule.whitelist_new_per_year.message': [
    '每年新增白名单事项不超过{max}项，今年已新增{current}项。请并入已有白名单事项，或下一年度再申报。',
    'At most {max} new whitelist entries may be added a year; {current} were added this year. Merge it into an existing entry or apply next year.',
  ],
  'rule.data_collection_approval.title': ['报表须有审批文号和有效期', 'Approval number and validity'],
  'rule.data_collection_approval.message': [
    '报表、统计、调研须经审批（备案）并标明文号和有效期限，本事项缺少：{missing}。请报批后补填；审批通过前不得下发。',
    'Forms, statistics and surveys need an approval with a number and a validity date; this item lacks: {missing}. Obtain the approval and fill them in; do not send the form before that.',
  ],
  'rule.data_collection_approval_expired.title': ['审批有效期', 'Approval validity'],
  'rule.data_collection_approval_expired.messageExpired': [
    '审批有效期至{validUntil}，已过期（今天是{today}）。请重新报批后再采集。',
    'The approval was valid until {validUntil} and has expired (today is {today}). Renew it before collecting.',
  ],
  'rule.data_collection_approval_expired.messageShort': [
    '审批有效期至{validUntil}，早于采集结束日期{end}。请在有效期内完成采集，或重新报批延长有效期。',
    'The approval is valid until {validUntil}, before the collection ends on {end}. Finish within the validity or renew the approval.',
  ],
  'rule.data_collection_stats_filing.title': ['统计调查须报统计机构备案', 'Statistics office filing'],
  'rule.data_collection_stats_filing.message': [
    '除国家统计局外，其他部门开展涉及教师的统计须向同级政府统计机构报请审批备案。本事项未注明已备案，请核实并办理备案。',
    'Except for the National Bureau of Statistics, any statistics involving teachers must be filed with the statistics office at the same level. This item is not marked as filed: check and file it.',
  ],
  'rule.adhoc_reason.title': ['一事一报须说明理由', 'Ad-hoc items need a reason'],
  'rule.adhoc_reason.message': [
    '本事项未列入年度计划，须一事一报，写明开展理由和紧急程度。请填写理由。',
    'This item is not in the annual plan: it must be reported on its own with a reason and an urgency. Give the reason.',
  ],
  'rule.training_relevance.title': ['与教育教学无关的培训', 'Training unrelated to teaching'],
  'rule.training_relevance.message': [
    '不得安排教师参加与教育教学无关的培训。本培训标注为与教育教学无关，学校和教师可以拒绝。请说明必要性，或取消本培训。',
    'Teachers may not be sent to training unrelated to teaching. This training is marked as unrelated, so schools and teachers may refuse it. Explain why it is needed or cancel it.',
  ],
  'rule.secondment_approval.title': ['借用教师须经审批', 'Secondments need approval'],
  'rule.secondment_approval.message': [
    '借用、抽调中小学教师须经审批。本事项（{teacher}借用至{unit}）未填写审批机关。请补填审批机关和文号，未经审批不得借用。',
    'Borrowing a teacher needs approval. This item ({teacher} to {unit}) names no approving authority. Fill it in with the approval number; do not borrow the teacher without it.',
  ],
} as const satisfies Record<string, readonly [string, string]>;

export type TRegisterLabelKey = keyof typeof REGISTER_LABELS;
