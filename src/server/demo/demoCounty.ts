import type { TRole, TSchoolType } from '../../domain/roles';
import type { TDeps } from '../context';
import type { TOrgRow } from '../db/types';
import { recordAudit } from '../modules/audit/record';
import { insertTeacher } from '../modules/teachers/repo';
import { seedDemoItems } from './demoItems';
import { seedDemoRoster } from './demoRoster';
import { seedDemoLeadership } from './demoLeadership';
import { makeAgency, makeEnterprise, makeRegion, makeSchool, makeUser, systemCtx, teacherData } from './factories';

export const DEMO_DEFAULT_PASSWORD = 'Jianfu@2026';
export const DEMO_COUNTY_CODE = '530529';

export const DEMO_ACCOUNTS: readonly { username: string; role: TRole; displayName: string; where: string }[] = [
  { username: 'leader', role: 'leader', displayName: '李国强（局长）', where: '青禾县教育体育局' },
  { username: 'office', role: 'office', displayName: '王秀英（减负办）', where: '人事股（领导小组办公室）' },
  { username: 'section', role: 'section', displayName: '张明（基础教育股）', where: '基础教育股' },
  { username: 'school', role: 'school_admin', displayName: '陈建华（校长）', where: '青禾县城关第一小学' },
  { username: 'teacher', role: 'teacher', displayName: '教师（城关第一小学）', where: '青禾县城关第一小学' },
  { username: 'auditor', role: 'auditor', displayName: '赵敏（审计局）', where: '青禾县审计局' },
  { username: 'enterprise', role: 'enterprise', displayName: '青禾县绿源农业科技有限公司', where: '青禾县绿源农业科技有限公司' },
  { username: 'sysadmin', role: 'sysadmin', displayName: '系统管理员', where: '青禾县' },
  { username: 'secadmin', role: 'secadmin', displayName: '安全管理员', where: '青禾县' },
  { username: 'auditadmin', role: 'auditadmin', displayName: '审计管理员', where: '青禾县' },
];

const TOWNS = ['城关', '河西', '青山', '白塔', '柳营', '石桥', '龙泉', '永安', '新华', '东坡'];
const SCHOOL_PLAN: { type: TSchoolType; count: number; suffix: (town: string, n: number) => string }[] = [
  { type: 'primary', count: 20, suffix: (t, n) => `青禾县${t}${['第一', '第二'][n] ?? ''}小学` },
  { type: 'junior', count: 7, suffix: (t) => `青禾县${t}初级中学` },
  { type: 'complete_middle', count: 3, suffix: (_t, n) => `青禾县第${['一', '二', '三'][n]}中学` },
];

export interface TDemoSummary {
  county: TOrgRow;
  schools: number;
  teachers: number;
  users: number;
}

/** The fictional 青禾县 (530529): bureau with sections, other departments, 30 schools, ~1,200 teachers, one account per role. */
export async function seedDemoCounty(deps: TDeps, opts: { password?: string; teachersPerSchool?: number; withItems?: boolean } = {}): Promise<TDemoSummary> {
  const password = opts.password ?? DEMO_DEFAULT_PASSWORD;
  const perSchool = opts.teachersPerSchool ?? 40;
  const province = await makeRegion(deps, { code: '530000', name: '云南省' });
  const city = await makeRegion(deps, { parent: province, code: '530500', name: '保山市', hotline: '0875-2120000' });
  const county = await makeRegion(deps, {
    parent: city,
    code: DEMO_COUNTY_CODE,
    name: '青禾县',
    hotline: '0875-6123456',
    mailbox: '青禾县教育体育局减负办（青禾县文化路18号） jianfu@qinghe.example.cn',
  });
  const bureau = await makeAgency(deps, { parent: county, name: '青禾县教育体育局' });
  const sections: Record<string, TOrgRow> = {};
  for (const name of ['办公室', '人事股', '基础教育股', '安全股', '督导室', '计划财务股']) {
    sections[name] = await makeAgency(deps, { parent: bureau, name, kind: 'section' });
  }
  const others: Record<string, TOrgRow> = {};
  for (const name of ['青禾县统计局', '青禾县审计局', '青禾县财政局', '城关镇人民政府', '河西乡人民政府']) {
    others[name] = await makeAgency(deps, { parent: county, name });
  }
  const enterprise = await makeEnterprise(deps, { parent: county, name: '青禾县绿源农业科技有限公司', seq: 1 });
  await makeEnterprise(deps, { parent: county, name: '青禾县顺达建筑工程有限公司', seq: 2 });

  const schools: TOrgRow[] = [];
  let seq = 1;
  for (const plan of SCHOOL_PLAN) {
    for (let n = 0; n < plan.count; n++) {
      const town = TOWNS[plan.type === 'primary' ? Math.floor(n / 2) : n % TOWNS.length]!;
      const name = plan.suffix(town, plan.type === 'primary' ? n % 2 : n);
      schools.push(await makeSchool(deps, { parent: bureau, name, type: plan.type, seq: seq++ }));
    }
  }

  let teachers = 0;
  let firstTeacherId: number | null = null;
  await deps.db.transaction().execute(async (trx) => {
    for (const [s, school] of schools.entries()) {
      const count = perSchool + ((s * 7) % 9) - 4;
      for (let k = 0; k < count; k++) {
        const id = await insertTeacher(trx, deps.fieldCrypto, { orgId: school.id, ...teacherData(count <= 100 ? s * 100 + k : s * 1000 + k, DEMO_COUNTY_CODE) });
        firstTeacherId ??= id;
        teachers++;
      }
    }
  });

  await seedDemoRoster(deps, { countyPath: county.path });

  const orgFor: Record<string, TOrgRow> = {
    leader: bureau,
    office: sections['人事股']!,
    section: sections['基础教育股']!,
    school: schools[0]!,
    teacher: schools[0]!,
    auditor: others['青禾县审计局']!,
    enterprise,
    sysadmin: county,
    secadmin: county,
    auditadmin: county,
  };
  for (const a of DEMO_ACCOUNTS) {
    const teacherName = a.username === 'teacher' && firstTeacherId ? (await deps.db.selectFrom('teachers').select('name').where('id', '=', firstTeacherId).executeTakeFirstOrThrow()).name : null;
    await makeUser(deps, {
      org: orgFor[a.username]!,
      role: a.role,
      username: a.username,
      displayName: teacherName ? `${teacherName}（教师）` : a.displayName,
      password,
      mustChangePassword: false,
      teacherId: a.username === 'teacher' ? firstTeacherId : null,
    });
  }
  await seedDemoLeadership(deps, { bureau, schools, leaderName: '李国强', officeName: '王秀英', principalName: '陈建华' });
  const items = opts.withItems === false ? 0 : await seedDemoItems(deps);
  await recordAudit(deps.db, systemCtx(deps), { action: 'seed.demo', objectType: 'org', objectId: county.id, after: { schools: schools.length, teachers, users: DEMO_ACCOUNTS.length, items } });
  return { county, schools: schools.length, teachers, users: DEMO_ACCOUNTS.length };
}

export async function isDatabaseEmpty(deps: TDeps): Promise<boolean> {
  const row = await deps.db.selectFrom('orgs').select('id').limit(1).executeTakeFirst();
  return !row;
}
