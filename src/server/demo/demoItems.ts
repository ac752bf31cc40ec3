import { makeItem } from '../../domain/register/fixtures';
import type { TItemKind } from '../../domain/register/kinds';
import type { TItemInput } from '../../domain/register/schemas';
import { addDays } from '../../domain/register/schoolYear';
import { chinaToday } from '../../domain/time';
import type { TCtx, TDeps } from '../context';
import { actorOfUser } from '../modules/auth/sessions';
import { openPlan } from '../modules/register/admin';
import { createItem } from '../modules/register/items';
import { approveItem, fileItem, reviewItem, revokeItem, submitItem } from '../modules/register/workflow';

type TEnd = 'draft' | 'submitted' | 'approved' | 'revoked';

/**
 * The demo county's register, built through the real workflow (section submits, office reviews,
 * leader approves): approved, not-yet-valid, expired and revoked items of several kinds this year,
 * plus a draft and one awaiting review.
 */
export async function seedDemoItems(deps: TDeps): Promise<number> {
  const ctxOf = async (u: string): Promise<TCtx> => ({ ...deps, actor: await actorOfUser(deps.db, u), ip: null, requestId: null });
  const [section, office, leader] = await Promise.all([ctxOf('section'), ctxOf('office'), ctxOf('leader')]);
  const today = chinaToday();
  const year = today.slice(0, 4);
  const at = (from: number, days: number) => ({ announcedAt: addDays(today, Math.min(from, 0) - 35), windowStart: addDays(today, from), windowEnd: addDays(today, from + days) });
  /**
   * A window that ended before today, inside the current year whenever the year is old enough
   * (from 12 January): up to 40 days back, at least 2 days long.
   */
  const past = () => {
    const jan1 = `${year}-01-01`;
    const end = addDays(today, -1);
    const start = addDays(today, -40) < jan1 && end.slice(0, 4) === year && addDays(jan1, 10) <= end ? jan1 : addDays(today, -40);
    const windowEnd = addDays(start, 10) < end ? addDays(start, 10) : end;
    return { announcedAt: addDays(start, -35), windowStart: start, windowEnd };
  };
  const planned = { planned: true, adhoc: undefined };
  const secondment = at(-20, 90);
  const collection = at(-5, 25);
  const specs: { kind: TItemKind; end: TEnd; input: Omit<Partial<TItemInput>, 'details'> & { details?: Record<string, unknown> } }[] = [
    { kind: 'inspection', end: 'approved', input: { title: '秋季学期校园安全专项督查', ...planned, ...at(35, 10), announcedAt: today } },
    // the statistics approval is valid for a year from its start, past the collection's window
    { kind: 'data_collection', end: 'approved', input: { title: '教师基本信息年度统计', ...planned, ...collection, frequencyCap: 1, details: { validUntil: addDays(collection.windowStart, 365) } } },
    { kind: 'training', end: 'approved', input: { title: '全县中小学班主任能力提升培训', ...planned, ...past(), burden: { minutesPerRespondent: 360, respondents: 0, timesPerYear: 1 } } },
    { kind: 'social_affair', end: 'approved', input: { title: '防溺水安全教育进校园', ...planned, ...at(31, 90), announcedAt: today, details: { whitelistCode: undefined, topic: '防溺水安全教育', organiser: '青禾县应急管理局', activitiesPerSchool: 2 }, frequencyCap: 2 } },
    { kind: 'app_task', end: 'approved', input: { title: '国家中小学智慧教育平台教师注册', ...planned, ...at(-10, 60), evaluationMethods: ['data_review'] } },
    { kind: 'meeting', end: 'approved', input: { title: '全县教育系统减负工作推进会', ...planned, ...at(-2, 0), details: { participants: ['各校校长'], durationMinutes: 90, format: 'video' }, targetScope: { mode: 'all', roles: ['school_admin'] } } },
    { kind: 'evaluation', end: 'revoked', input: { title: '校园文化建设示范校评选', ...planned, ...at(40, 20), announcedAt: today } },
    {
      kind: 'secondment',
      end: 'approved',
      input: {
        title: '借用教师参与县志编纂',
        ...planned,
        ...secondment,
        details: { from: secondment.windowStart, to: secondment.windowEnd },
        targetScope: { mode: 'all', roles: ['teacher'] },
        burden: { minutesPerRespondent: 0, respondents: 0, timesPerYear: 0 },
      },
    },
    { kind: 'assessment', end: 'submitted', input: { title: '学校年度办学水平考核', ...planned, ...at(45, 15), announcedAt: today } },
    { kind: 'supervision', end: 'draft', input: { title: '义务教育优质均衡督导评估', ...planned, ...at(60, 20), announcedAt: today, details: { comprehensive: true } } },
  ];
  // every item is planned: open the plan of each year a window starts in (around New Year, two)
  for (const y of [...new Set(specs.map((s) => Number(s.input.windowStart!.slice(0, 4))))].sort()) await openPlan(office, y);
  let n = 0;
  for (const s of specs) {
    const input = makeItem(s.kind, s.input as Parameters<typeof makeItem>[1]);
    const item = await createItem(section, input);
    n++;
    if (s.end === 'draft') continue;
    await submitItem(section, item.id);
    if (s.end === 'submitted') continue;
    if (s.kind === 'meeting' || s.kind === 'document') await fileItem(office, item.id);
    else {
      await reviewItem(office, item.id, { decision: 'pass' });
      await approveItem(leader, item.id);
    }
    if (s.end === 'revoked') await revokeItem(office, item.id, { reason: '上级通知本年度不再开展此项评选', effectiveDate: today });
  }
  return n;
}
