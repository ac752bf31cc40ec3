import type { TLeadershipGroupData } from '../../domain/leadership/schemas';
import type { TDeps } from '../context';
import type { TOrgRow } from '../db/types';
import { saveGroup } from '../modules/leadership/repo';
import { syntheticName } from './names';

const SCHOOL_POSTS: [TLeadershipGroupData['members'][number]['role'], string][] = [
  ['leader', '校长'],
  ['deputy', '党支部书记'],
  ['member', '教务主任'],
  ['member', '政教主任'],
  ['member', '总务主任'],
  ['member', '工会主席'],
];

/**
 * 领导小组 of the demo county: the bureau's teacher-burden group (its office in 人事股, run by
 * the office account's 王秀英) and one group per school, its principal as 组长. One transaction.
 */
export async function seedDemoLeadership(deps: TDeps, o: { bureau: TOrgRow; schools: readonly TOrgRow[]; leaderName: string; officeName: string; principalName: string }): Promise<number> {
  const bureau: TLeadershipGroupData = {
    name: '青禾县教育系统减轻中小学教师负担工作领导小组',
    officeLocation: '办公室设在县教育体育局人事股',
    officeDirector: o.officeName,
    members: [
      { role: 'leader', name: o.leaderName, post: '县教育体育局党组书记、局长' },
      { role: 'deputy', name: syntheticName(501), post: '县教育体育局副局长' },
      { role: 'deputy', name: syntheticName(502), post: '县教育体育局副局长' },
      ...['办公室主任', '人事股股长', '基础教育股股长', '安全股股长', '督导室主任', '计划财务股股长'].map((post, i) => ({ role: 'member' as const, name: syntheticName(510 + i), post: `县教育体育局${post}` })),
      { role: 'member', name: '辖区各中小学校长', post: '' },
    ],
  };
  await deps.db.transaction().execute(async (trx) => {
    await saveGroup(trx, { orgId: o.bureau.id, topic: 'teacher_burden', data: bureau, userId: null });
    for (const [s, school] of o.schools.entries()) {
      const names = SCHOOL_POSTS.map((_, k) => (s === 0 && k === 0 ? o.principalName : syntheticName(600 + s * 10 + k)));
      await saveGroup(trx, {
        orgId: school.id,
        topic: 'teacher_burden',
        userId: null,
        data: {
          name: `${school.name}减轻教师负担工作领导小组`,
          officeLocation: '办公室设在学校党政办公室',
          officeDirector: names[SCHOOL_POSTS.length - 1]!,
          members: SCHOOL_POSTS.map(([role, post], k) => ({ role, name: names[k]!, post: `${school.name}${post}` })),
        },
      });
    }
  });
  return o.schools.length + 1;
}
