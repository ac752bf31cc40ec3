import { formatAdmissionNo, generateVerifyCode } from '../../../domain/register/codes';
import { teacherHoursPerYear } from '../../../domain/register/burden';
import { ANNOUNCE_AHEAD_KINDS, type TItemKind } from '../../../domain/register/kinds';
import type { TItemDetails } from '../../../domain/register/schemas';
import { addDays } from '../../../domain/register/schoolYear';
import { syntheticName } from '../names';
import type { TSynCounty } from './orgs';
import { BORROWERS, KIND_WEIGHTS, STATUS_WEIGHTS, int, weighted, type TSeedStatus } from './plan';

/** One generated item: its row, the schools it reaches, and an estimate event when it had one. */
export interface TGenItem {
  row: Record<string, unknown> & { id: number; kind: TItemKind; status: TSeedStatus; valid_from: string | null; valid_to: string | null; teacher_hours: number; minutes_per_respondent: number; times_per_year: number };
  schoolIds: number[];
  estimate: { at: string; data: Record<string, unknown> } | null;
}

const TOPICS: Record<TItemKind, readonly string[]> = {
  inspection: ['校园安全专项督查', '食品安全检查', '消防安全检查', '课后服务专项检查', '办学行为督查'],
  assessment: ['学校年度办学水平考核', '平安校园考核', '教学质量考核', '师德师风考核'],
  evaluation: ['文明校园评选', '优秀班主任评选', '书香校园评比', '科技创新大赛', '校园文化示范校评选'],
  supervision: ['义务教育优质均衡督导评估', '责任督学挂牌督导', '学校发展性督导评估'],
  social_affair: ['防溺水安全教育进校园', '禁毒宣传进校园', '交通安全教育进校园', '防震减灾演练', '法治教育进校园'],
  data_collection: ['教师基本信息统计', '学生体质健康数据填报', '校舍安全情况调查', '教育事业统计', '课后服务情况调查', '教师培训需求调研'],
  meeting: ['全县教育工作会议', '安全工作推进会', '减负工作推进会', '教学工作会议', '招生工作部署会'],
  document: ['关于规范涉校检查的通知', '关于做好学校安全工作的通知', '关于开展课后服务的通知', '关于加强师德师风建设的意见'],
  training: ['班主任能力提升培训', '新课标专题培训', '安全管理人员培训', '信息技术应用能力培训', '网络安全知识培训'],
  secondment: ['借用教师参与专项工作', '抽调教师参加文明城市创建', '借用教师参与县志编纂', '抽调教师参加乡村振兴驻村'],
  app_task: ['国家中小学智慧教育平台注册', '安全教育平台学习打卡', '网络投票活动', '知识竞答活动'],
};

const MINUTES: Record<TItemKind, [number, number]> = {
  inspection: [60, 480], assessment: [120, 600], evaluation: [60, 360], supervision: [240, 960], social_affair: [40, 120],
  data_collection: [20, 180], meeting: [60, 180], document: [10, 40], training: [120, 720], secondment: [0, 0], app_task: [10, 60],
};
const DAYS: Record<TItemKind, [number, number]> = {
  inspection: [2, 15], assessment: [5, 30], evaluation: [10, 60], supervision: [3, 20], social_affair: [30, 120],
  data_collection: [7, 40], meeting: [0, 1], document: [30, 365], training: [1, 10], secondment: [60, 240], app_task: [7, 60],
};

function detailsOf(kind: TItemKind, rand: () => number, start: string, end: string, topic: string): TItemDetails {
  switch (kind) {
    case 'inspection':
      return { kind, comprehensive: rand() < 0.15, onsite: rand() < 0.8 };
    case 'assessment':
      return { kind, indicatorCount: int(rand, 5, 40) };
    case 'evaluation':
      return { kind, awardName: topic, isCompetition: rand() < 0.4 };
    case 'supervision':
      return { kind, comprehensive: rand() < 0.3 };
    case 'social_affair':
      return { kind, topic, organiser: '县有关部门', activitiesPerSchool: rand() < 0.75 ? 1 : 2, ...(rand() < 0.8 ? { whitelistCode: `BMD-${start.slice(0, 4)}-${String(int(rand, 1, 10)).padStart(2, '0')}` } : {}) };
    case 'data_collection':
      return { kind, statsOfficeFiled: rand() < 0.85, fieldCount: int(rand, 8, 60), ...(rand() < 0.8 ? { approvalNo: `统制〔${start.slice(0, 4)}〕${int(rand, 1, 60)}号`, validUntil: end } : {}) };
    case 'meeting':
      return { kind, participants: ['各校校长'], durationMinutes: int(rand, 1, 4) * 30, format: rand() < 0.6 ? 'video' : 'onsite' };
    case 'document':
      return { kind, docNumber: `教发〔${start.slice(0, 4)}〕${int(rand, 1, 120)}号`, text: topic };
    case 'training':
      return { kind, relevantToTeaching: rand() < 0.8, hours: int(rand, 2, 24) };
    case 'secondment':
      return { kind, teacherName: syntheticName(int(rand, 0, 1_000_000)), borrowingUnit: BORROWERS[int(rand, 0, BORROWERS.length - 1)]!, from: start, to: end };
    case 'app_task':
      return { kind, appName: topic.slice(0, 10), action: rand() < 0.5 ? 'register' : 'checkin', ...(rand() < 0.5 ? { nationalRule: '教育部办公厅通知' } : {}) };
  }
}

/** How many schools an item reaches: usually a few, sometimes a dozen or more, now and then all of them. */
function reach(rand: () => number, schools: number): number {
  if (rand() < 0.02) return schools;
  return Math.min(schools, 1 + Math.floor(-Math.log(1 - rand()) * 4));
}

const LIVE_OR_ONCE_APPROVED: readonly TSeedStatus[] = ['approved', 'completed', 'revoked', 'merged'];

/**
 * One item of a county with plausible fields: a weighted kind and status, a window somewhere in
 * the two years before today (or the next two months), announced ahead as the rules ask,
 * approved a few days after (in China office hours), its schools and burden estimate, an
 * admission number and verification code once approved, a return date for secondments.
 */
export function genItem(o: { id: number; county: TSynCounty; rand: () => number; today: string; nextSeq: (year: number) => number; prefix: string; codes: Set<string>; at: string }): TGenItem {
  const { rand, county, today } = o;
  const kind = weighted(rand, KIND_WEIGHTS);
  let status = weighted(rand, STATUS_WEIGHTS);
  const topic = TOPICS[kind][int(rand, 0, TOPICS[kind].length - 1)]!;
  const start = addDays(today, -int(rand, -60, 730));
  const end = addDays(start, int(rand, DAYS[kind][0], DAYS[kind][1]));
  if (status === 'approved' && end < addDays(today, -30) && rand() < 0.6) status = 'completed';
  const announceAhead = (ANNOUNCE_AHEAD_KINDS as readonly TItemKind[]).includes(kind) ? int(rand, 30, 60) : int(rand, 3, 25);
  const announced = addDays(start, -announceAhead);
  const n = reach(rand, county.schools.length);
  const picked = new Set<number>();
  while (picked.size < n) picked.add(county.schools[int(rand, 0, county.schools.length - 1)]!.id);
  const schoolIds = [...picked].sort((a, b) => a - b);
  const teachersReached = county.schools.filter((s) => picked.has(s.id)).reduce((a, s) => a + s.teachers, 0);
  const adminOnly = kind === 'meeting' || kind === 'document';
  const burden = {
    minutesPerRespondent: int(rand, MINUTES[kind][0], MINUTES[kind][1]),
    respondents: kind === 'secondment' ? 0 : adminOnly ? schoolIds.length : teachersReached,
    timesPerYear: kind === 'document' || kind === 'secondment' ? 1 : int(rand, 1, kind === 'data_collection' ? 4 : 2),
  };
  const year = Number(start.slice(0, 4));
  const onceApproved = LIVE_OR_ONCE_APPROVED.includes(status);
  const approvedDay = onceApproved ? addDays(announced, int(rand, 1, Math.max(1, announceAhead - 1))) : null;
  const approvedAt = approvedDay ? `${approvedDay}T0${int(rand, 1, 9)}:${String(int(rand, 0, 59)).padStart(2, '0')}:00.000Z` : null;
  const approvedYear = approvedDay ? Number(approvedDay.slice(0, 4)) : null;
  const seq = approvedYear ? o.nextSeq(approvedYear) : null;
  let code: string | null = null;
  if (onceApproved) {
    do code = generateVerifyCode();
    while (o.codes.has(code));
    o.codes.add(code);
  }
  const revokedAt = status === 'revoked' ? addDays(start, int(rand, 0, Math.max(0, Math.min(60, Number((Date.parse(end) - Date.parse(start)) / 86_400_000))))) : null;
  let returnedAt: string | null = null;
  if (kind === 'secondment' && (status === 'approved' || status === 'completed') && start <= today) {
    if (end < today ? rand() < 0.7 : rand() < 0.15) returnedAt = addDays(end < today ? end : today, -int(rand, 0, 20));
    if (returnedAt && returnedAt < start) returnedAt = start;
  }
  const planned = rand() < 0.8;
  const details = detailsOf(kind, rand, start, end, topic);
  const submittedAt = status === 'draft' ? null : `${addDays(announced, -int(rand, 1, 10))}T02:00:00.000Z`;
  const row = {
    id: o.id,
    region_org_id: county.region.id,
    issuer_org_id: rand() < 0.7 ? county.bureau.id : county.office.id,
    created_by: null,
    kind,
    title: `${year}年${topic}`,
    legal_basis: '',
    target_scope_json: JSON.stringify(schoolIds.length === county.schools.length ? { mode: 'all', roles: adminOnly ? ['school_admin'] : ['teacher'] } : { mode: 'list', schoolIds, roles: adminOnly ? ['school_admin'] : ['teacher'] }),
    window_start: start,
    window_end: end,
    announced_at: announced,
    planned: planned ? 1 : 0,
    plan_id: null,
    adhoc_reason: planned ? null : '上级临时部署',
    adhoc_urgency: planned ? null : 'normal',
    evaluation_methods_json: '["onsite_visit"]',
    minutes_per_respondent: burden.minutesPerRespondent,
    respondents: burden.respondents,
    times_per_year: burden.timesPerYear,
    teacher_hours: teacherHoursPerYear(burden),
    frequency_cap: kind === 'social_affair' ? 1 : null,
    details_json: JSON.stringify(details),
    status,
    findings_json: '[]',
    admission_no: seq && approvedYear ? formatAdmissionNo({ prefix: o.prefix, year: approvedYear, seq }) : null,
    admission_year: approvedYear,
    admission_seq: seq,
    verify_code: code,
    valid_from: onceApproved ? start : null,
    valid_to: onceApproved ? end : null,
    revoked_at: revokedAt,
    revoke_reason: revokedAt ? '上级通知停止开展' : null,
    merged_into_id: null,
    returned_at: returnedAt,
    submitted_at: submittedAt,
    submitted_by: null,
    approved_at: approvedAt,
    approved_by: null,
    created_at: submittedAt ?? o.at,
    updated_at: o.at,
  };
  // now and then the issuer cut an approved item's burden (a programme change): hours returned
  let estimate: TGenItem['estimate'] = null;
  if ((status === 'approved' || status === 'completed') && approvedDay && rand() < 0.02 && burden.minutesPerRespondent >= 20) {
    const after = { ...burden, minutesPerRespondent: Math.round(burden.minutesPerRespondent / 2) };
    const beforeHours = teacherHoursPerYear(burden);
    const afterHours = teacherHoursPerYear(after);
    const day = addDays(approvedDay, int(rand, 1, 40));
    if (day <= today) {
      estimate = { at: `${day}T03:00:00.000Z`, data: { before: burden, after, beforeHours, afterHours, deltaHours: Math.round((afterHours - beforeHours) * 10) / 10, countsAsReduction: true, reductionHours: Math.round((beforeHours - afterHours) * 10) / 10, reason: 'program_change' } };
      row.minutes_per_respondent = after.minutesPerRespondent;
      row.teacher_hours = afterHours;
    }
  }
  return { row, schoolIds, estimate };
}
