import { describe, expect, it } from 'vitest';
import { addDays } from '../register/schoolYear';
import { chinaToday } from '../time';
import { closedOnTime, median, overdueDays, overdueKind } from './deadlines';
import { CASE_CATEGORIES, CASE_CHANNELS, replyOwed, sourceOfChannel } from './enums';
import { CHINA_HOLIDAYS } from './holidays';
import { maskReporterPhone, normalizeReporterPhone } from './phone';
import { CASE_LIMITS, ZCaseSearch, ZComplaintInput, ZLeadInput, ZReopenInput, ZStaffCaseInput, ZTasklogInput } from './schemas';
import { canStep, nextStatus } from './stateMachine';
import { isTrackingNo, newCaseKey, newTrackingNo, normalizeTrackingNo } from './trackingNo';
import { addWorkingDays, calendarOf, isWorkingDay, weekdayOf, workingDaysBetween } from './workingDays';
import { LABELS } from '../i18n';

const cal = calendarOf(CHINA_HOLIDAYS);

describe('working days on the holiday calendar', () => {
  it('knows weekdays', () => {
    expect(weekdayOf('2026-11-28')).toBe(6);
    expect(weekdayOf('1970-01-01')).toBe(4);
  });
  it('skips weekends and public holidays, counts 调休 make-up Saturdays and Sundays', () => {
    expect(isWorkingDay('2026-10-01', cal)).toBe(false); // National Day
    expect(isWorkingDay('2026-10-10', cal)).toBe(true); // Saturday make-up day
    expect(isWorkingDay('2026-09-20', cal)).toBe(true); // Sunday make-up day
    expect(isWorkingDay('2026-11-28', cal)).toBe(false); // an ordinary Saturday
    expect(isWorkingDay('2025-01-26', cal)).toBe(true);
    expect(isWorkingDay('2025-01-28', cal)).toBe(false);
  });
  it('counts 15 working days across the National Day golden week', () => {
    // received Wed 2026-09-23: 24, [25 off], 28, 29, 30, [Oct 1–7 off], 8, 9, 10 (Saturday make-up), 12–16, 19, 20, 21
    const due = addWorkingDays('2026-09-23', 15, cal);
    expect(due).toBe('2026-10-21');
    expect(workingDaysBetween('2026-09-23', due, cal)).toBe(15);
    // without the calendar it would be three weeks
    expect(addWorkingDays('2026-09-23', 15, calendarOf([]))).toBe('2026-10-14');
  });
  it('counts across the Spring Festival 2026 with its two make-up Saturdays', () => {
    expect(addWorkingDays('2026-02-12', 1, cal)).toBe('2026-02-13');
    expect(addWorkingDays('2026-02-13', 1, cal)).toBe('2026-02-14'); // Saturday make-up
    expect(addWorkingDays('2026-02-14', 1, cal)).toBe('2026-02-24'); // the holiday runs to the 23rd
    expect(addWorkingDays('2026-02-14', 0, cal)).toBe('2026-02-14');
  });
  it('an office edit moves deadlines', () => {
    const edited = calendarOf([...CHINA_HOLIDAYS, { date: '2026-12-01', kind: 'off' }]);
    expect(addWorkingDays('2026-11-30', 1, edited)).toBe('2026-12-02');
    expect(() => addWorkingDays('2026-11-30', -1, cal)).toThrow(RangeError);
  });
  it('the seed has no date twice and every make-up day falls on a weekend', () => {
    expect(new Set(CHINA_HOLIDAYS.map((h) => h.date)).size).toBe(CHINA_HOLIDAYS.length);
    for (const h of CHINA_HOLIDAYS.filter((x) => x.kind === 'work')) expect([0, 6]).toContain(weekdayOf(h.date));
    expect(CHINA_HOLIDAYS.filter((h) => h.date.startsWith('2027')).every((h) => h.name.includes('预排'))).toBe(true);
  });
});

describe('state machine', () => {
  it('allows each step only from its statuses', () => {
    expect(canStep('assign', 'received')).toBe(true);
    expect(canStep('assign', 'assigned')).toBe(false);
    expect(canStep('close', 'verifying')).toBe(true);
    expect(canStep('close', 'received')).toBe(false);
    expect(canStep('reply', 'closed')).toBe(true);
    expect(canStep('reopen', 'replied')).toBe(true);
    expect(canStep('merge', 'closed')).toBe(false);
    expect(canStep('attach', 'merged')).toBe(false);
  });
  it('leads where it should', () => {
    expect(nextStatus('reassign', 'rectifying', { hasAssignedOrg: true })).toBe('assigned');
    expect(nextStatus('reopen', 'replied', { hasAssignedOrg: true })).toBe('assigned');
    expect(nextStatus('reopen', 'closed', { hasAssignedOrg: false })).toBe('received');
    expect(nextStatus('attach', 'verifying', { hasAssignedOrg: true })).toBe('verifying');
  });
});

describe('deadlines', () => {
  const base = { status: 'verifying' as const, source: 'complaint' as const, dueOn: '2026-12-18', rectifyDeadline: null };
  it('flags what is late, and by how much', () => {
    expect(overdueKind(base, '2026-12-18')).toBeNull();
    expect(overdueKind(base, '2026-12-19')).toBe('close');
    expect(overdueDays(base, '2026-12-21')).toBe(3);
    expect(overdueKind({ ...base, status: 'closed' }, '2026-12-19')).toBe('reply');
    expect(overdueKind({ ...base, status: 'closed', source: 'inspection' }, '2026-12-19')).toBeNull();
    expect(overdueKind({ ...base, status: 'rectifying', rectifyDeadline: '2026-12-01' }, '2026-12-02')).toBe('rectify');
    expect(overdueKind({ ...base, status: 'replied' }, '2027-01-01')).toBeNull();
    expect(overdueKind({ ...base, status: 'merged' }, '2027-01-01')).toBeNull();
  });
  it('closed on time and medians', () => {
    expect(closedOnTime({ dueOn: '2026-12-18', closedOn: '2026-12-18' })).toBe(true);
    expect(closedOnTime({ dueOn: '2026-12-18', closedOn: '2026-12-19' })).toBe(false);
    expect(closedOnTime({ dueOn: '2026-12-18', closedOn: null })).toBeNull();
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('enums and labels', () => {
  it('has 13 categories and a zh/en label for every value', () => {
    expect(CASE_CATEGORIES).toHaveLength(13);
    for (const c of CASE_CATEGORIES) expect(LABELS[`caseCategory.${c}`]?.[1]).toBeTruthy();
    for (const c of CASE_CHANNELS) expect(LABELS[`caseChannel.${c}`]?.[0]).toBeTruthy();
  });
  it('derives the source from the channel', () => {
    expect(sourceOfChannel('hotline')).toBe('complaint');
    expect(sourceOfChannel('task_log')).toBe('tasklog');
    expect(replyOwed(sourceOfChannel('lead'))).toBe(true);
    expect(replyOwed(sourceOfChannel('audit'))).toBe(false);
  });
});

describe('tracking numbers, keys and phones', () => {
  it('makes readable unique-looking numbers and long keys', () => {
    const no = newTrackingNo('2026-11-28');
    expect(no).toMatch(/^TS20261128-[34679ACDEFGHJKMNPQRTUVWXY]{6}$/);
    expect(isTrackingNo(no)).toBe(true);
    expect(isTrackingNo(normalizeTrackingNo(` ${no.toLowerCase()} `))).toBe(true);
    expect(isTrackingNo("TS20261128-4K7Q2M' OR 1=1")).toBe(false);
    const keys = new Set(Array.from({ length: 200 }, () => newCaseKey()));
    expect(keys.size).toBe(200);
    expect([...keys][0]!.length).toBeGreaterThanOrEqual(16);
  });
  it('accepts mobiles and landlines with an area code', () => {
    expect(normalizeReporterPhone('+86 138 1234 5678')).toBe('13812345678');
    expect(normalizeReporterPhone('0571-12345678')).toBe('0571-12345678');
    expect(normalizeReporterPhone('010 1234 5678')).toBe('010-12345678');
    expect(normalizeReporterPhone('12345')).toBeNull();
    expect(normalizeReporterPhone('031-1234567')).toBeNull();
    expect(maskReporterPhone('13812345678')).toBe('138****5678');
    expect(maskReporterPhone('0571-12345678')).toBe('0571-****5678');
  });
});

describe('schemas', () => {
  const ok = { category: 'fees', targetOrgId: 3, text: '要求每位家长缴纳资料费两百元', occurredOn: addDays(chinaToday(), -1), anonymous: true, challenge: { token: 'x'.repeat(20), nonce: '42' } };
  it('accepts an anonymous complaint and keeps markup as typed', () => {
    const xss = '<img src=x onerror=alert(1)>要求每位家长缴纳资料费';
    expect(ZComplaintInput.parse({ ...ok, text: xss }).text).toBe(xss);
  });
  it('asks named reporters for a name and a valid phone, and anonymous ones for neither', () => {
    expect(ZComplaintInput.safeParse({ ...ok, anonymous: false }).success).toBe(false);
    expect(ZComplaintInput.safeParse({ ...ok, anonymous: false, reporterName: '张三', reporterPhone: '123' }).success).toBe(false);
    expect(ZComplaintInput.safeParse({ ...ok, anonymous: false, reporterName: '张三', reporterPhone: '13812345678' }).success).toBe(true);
    expect(ZComplaintInput.safeParse({ ...ok, reporterName: '张三' }).success).toBe(false);
  });
  it('refuses future dates, NUL characters, short texts and unknown keys', () => {
    expect(ZComplaintInput.safeParse({ ...ok, occurredOn: addDays(chinaToday(), 1) }).success).toBe(false);
    expect(ZComplaintInput.safeParse({ ...ok, text: '要求每位家长缴纳\u0000资料费两百元' }).success).toBe(false);
    expect(ZComplaintInput.safeParse({ ...ok, text: '太短' }).success).toBe(false);
    expect(ZComplaintInput.safeParse({ ...ok, status: 'replied' }).success).toBe(false);
    expect(ZComplaintInput.safeParse({ ...ok, category: 'nope' }).success).toBe(false);
  });
  it('enforces exactly the limits the forms take from CASE_LIMITS', () => {
    const at = (n: number) => '字'.repeat(n);
    const L = CASE_LIMITS;
    expect(ZComplaintInput.safeParse({ ...ok, text: at(L.complaintText.max) }).success).toBe(true);
    expect(ZComplaintInput.safeParse({ ...ok, text: at(L.complaintText.max + 1) }).success).toBe(false);
    expect(ZComplaintInput.safeParse({ ...ok, anonymous: false, reporterName: at(L.reporterName), reporterPhone: '13812345678' }).success).toBe(true);
    expect(ZComplaintInput.safeParse({ ...ok, anonymous: false, reporterName: at(L.reporterName + 1), reporterPhone: '13812345678' }).success).toBe(false);
    const staff = { channel: 'hotline', category: 'fees', targetText: '某镇', anonymous: true };
    expect(ZStaffCaseInput.safeParse({ ...staff, text: at(L.staffText.max) }).success).toBe(true);
    expect(ZStaffCaseInput.safeParse({ ...staff, text: at(L.staffText.max + 1) }).success).toBe(false);
    expect(ZStaffCaseInput.safeParse({ ...staff, text: '来电反映', targetText: at(L.targetText + 1) }).success).toBe(false);
    expect(ZReopenInput.safeParse({ reason: at(L.reason) }).success).toBe(true);
    expect(ZReopenInput.safeParse({ reason: at(L.reason + 1) }).success).toBe(false);
    const t = { what: at(L.tasklogWhat), issuerText: '某街道办', date: chinaToday(), minutes: 30, channel: 'wechat_group' };
    expect(ZTasklogInput.safeParse(t).success).toBe(true);
    expect(ZTasklogInput.safeParse({ ...t, what: at(L.tasklogWhat + 1) }).success).toBe(false);
  });
  it('"report this" needs the challenge; searches and leads refuse NUL', () => {
    const lead = { text: '要求下载某APP并截图', challenge: ok.challenge };
    expect(ZLeadInput.safeParse(lead).success).toBe(true);
    expect(ZLeadInput.safeParse({ text: lead.text }).success).toBe(false);
    expect(ZLeadInput.safeParse({ ...lead, schoolName: '甲\u0000小学' }).success).toBe(false);
    expect(ZCaseSearch.safeParse('截图').success).toBe(true);
    expect(ZCaseSearch.safeParse('截\u0000图').success).toBe(false);
    expect(ZCaseSearch.parse('  ')).toBeUndefined();
  });
  it('a task-log entry needs an issuer and sane minutes', () => {
    const t = { what: '转发投票链接', date: chinaToday(), minutes: 30, channel: 'wechat_group' };
    expect(ZTasklogInput.safeParse(t).success).toBe(false);
    expect(ZTasklogInput.safeParse({ ...t, issuerText: '某街道办' }).success).toBe(true);
    expect(ZTasklogInput.safeParse({ ...t, issuerText: '某街道办', minutes: 0 }).success).toBe(false);
    expect(ZTasklogInput.safeParse({ ...t, issuerText: '某街道办', minutes: 2000 }).success).toBe(false);
  });
});
