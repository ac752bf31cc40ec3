/**
 * A seeded scenario for the report tests, built through the register's own service functions
 * (baseline decisions, the item workflow, teachers returned): nothing is inserted behind the
 * register's back, so the figures the report prints are the ones the register recorded.
 */
import { addDays } from '../../../domain/register/schoolYear';
import { chinaToday } from '../../../domain/time';
import type { TCtx, TDeps } from '../../context';
import type { TFixture } from '../../testing/fixture';
import { itemInput } from '../../testing/items';
import { actorOfUser } from '../auth/sessions';
import { addBaselineEntries, type TBaselineEntry } from '../register/baseline';
import { createItem } from '../register/items';
import { approveItem, changeEstimate, fileItem, rejectItem, returnTeacher, reviewItem, revokeItem, submitItem } from '../register/workflow';

export interface TScenario {
  today: string;
  /** A period holding every event of the scenario (and the meeting's date). */
  from: string;
  to: string;
  ids: { revoked: number; approvedForm: number; secondments: number[]; meeting: number };
}

export async function buildReportScenario(deps: TDeps, fx: TFixture): Promise<TScenario> {
  const ctxOf = async (u: string): Promise<TCtx> => ({ ...deps, actor: await actorOfUser(deps.db, u), ip: '127.0.0.1', requestId: null });
  const [section, office, leader] = await Promise.all([ctxOf(fx.users.section), ctxOf(fx.users.office), ctxOf(fx.users.leader)]);
  const today = chinaToday();
  const year = Number(today.slice(0, 4));

  const entry = (kind: TBaselineEntry['kind'], i: number, decision?: 'keep' | 'merge' | 'cancel'): TBaselineEntry => ({
    year,
    kind,
    title: `${kind} 存量事项 ${i}`,
    issuerName: '县教育局',
    minutesPerRespondent: 30 + i,
    respondents: 100,
    timesPerYear: 2,
    ...(decision ? { decision, ...(decision === 'keep' ? {} : { reason: '整合精简' }) } : {}),
  });
  await addBaselineEntries(office, [
    entry('inspection', 1, 'cancel'),
    entry('inspection', 2, 'cancel'),
    entry('inspection', 3, 'cancel'),
    entry('inspection', 4, 'merge'),
    entry('inspection', 5, 'keep'),
    entry('supervision', 6, 'cancel'),
    entry('assessment', 7, 'cancel'),
    entry('evaluation', 8, 'keep'),
    entry('data_collection', 9, 'cancel'),
    entry('data_collection', 10, 'cancel'),
    entry('data_collection', 11, 'keep'),
    entry('training', 12, 'keep'),
    entry('meeting', 13),
  ]);

  const create = async (kind: Parameters<typeof itemInput>[0], o: Parameters<typeof itemInput>[1] = {}) => (await createItem(section, itemInput(kind, o))).id;
  const approved = async (id: number) => {
    await submitItem(section, id);
    await reviewItem(office, id, { decision: 'pass' });
    await approveItem(leader, id);
    return id;
  };
  // an inspection refused at review: rectified
  const refused = await create('inspection');
  await submitItem(section, refused);
  await rejectItem(office, refused, { reason: '与已有检查重复' });
  // an evaluation approved, then revoked: rectified, its hours returned
  const revoked = await approved(await create('evaluation'));
  await revokeItem(office, revoked, { reason: '本年度不再开展', effectiveDate: today });
  // a form approved, then its workload cut by a programme change
  const approvedForm = await approved(await create('data_collection', { details: { validUntil: addDays(today, 365) } }));
  await changeEstimate(section, approvedForm, { burden: { minutesPerRespondent: 10, respondents: 5, timesPerYear: 1 }, reason: 'program_change', note: '精简栏目' });
  // trainings refused: one unrelated to teaching (stopped), one related (not counted as stopped)
  for (const relevantToTeaching of [false, true]) {
    const id = await create('training', { details: { relevantToTeaching } });
    await submitItem(section, id);
    await rejectItem(office, id, { reason: '与教育教学无关' });
  }
  // three seconded teachers, two of them back (borrowed since before they were registered, as the clean-up finds them)
  const secondments: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = addDays(today, -20);
    const id = await approved(await create('secondment', { details: { teacherName: `借用教师${i}`, borrowingUnit: '县委宣传部', from: start, to: addDays(start, 60) } }));
    secondments.push(id);
  }
  for (const id of secondments.slice(0, 2)) await returnTeacher(section, id, { returnedAt: today });
  // a meeting filed by the office
  const meeting = await create('meeting', { details: { format: 'video' } });
  await submitItem(section, meeting);
  await fileItem(office, meeting);
  return { today, from: addDays(today, -30), to: addDays(today, 60), ids: { revoked, approvedForm, secondments, meeting } };
}
