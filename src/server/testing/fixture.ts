import type { TRole } from '../../domain/roles';
import type { TDeps } from '../context';
import type { TOrgRow } from '../db/types';
import { makeAgency, makeEnterprise, makeRegion, makeSchool, makeTeacher, makeUser } from '../demo/factories';

export const TEST_PASSWORD = 'Test#Passw0rd';

export interface TFixture {
  county: TOrgRow;
  otherCounty: TOrgRow;
  bureau: TOrgRow;
  section: TOrgRow;
  audit: TOrgRow;
  schoolA: TOrgRow;
  schoolB: TOrgRow;
  enterprise: TOrgRow;
  /** username per role, e.g. users.teacher is a teacher of school A. */
  users: Record<TRole | 'teacherB' | 'otherOffice', string>;
  teacherIdsA: number[];
  teacherIdsB: number[];
}

/** A small county for one test suite: bureau, a section, two schools with teachers, one account per role, and a second county. */
export async function buildFixture(deps: TDeps, tag = ''): Promise<TFixture> {
  const province = await makeRegion(deps, { code: '330000', name: '浙江省' });
  const city = await makeRegion(deps, { parent: province, code: '330100', name: '杭州市' });
  const county = await makeRegion(deps, { parent: city, code: '330110', name: '余杭区', hotline: '0571-12345678', mailbox: 'jf@example.cn' });
  const otherCounty = await makeRegion(deps, { parent: city, code: '330111', name: '富阳区' });
  const bureau = await makeAgency(deps, { parent: county, name: '教育局' });
  const section = await makeAgency(deps, { parent: bureau, name: '人事科', kind: 'section' });
  const audit = await makeAgency(deps, { parent: county, name: '审计局' });
  const otherBureau = await makeAgency(deps, { parent: otherCounty, name: '富阳教育局' });
  const schoolA = await makeSchool(deps, { parent: bureau, name: '甲小学', type: 'primary', seq: 1 });
  const schoolB = await makeSchool(deps, { parent: bureau, name: '乙初中', type: 'junior', seq: 2 });
  const enterprise = await makeEnterprise(deps, { parent: county, name: '某某科技有限公司', seq: 7 });
  const teacherIdsA = [await makeTeacher(deps, { school: schoolA }), await makeTeacher(deps, { school: schoolA }), await makeTeacher(deps, { school: schoolA })];
  const teacherIdsB = [await makeTeacher(deps, { school: schoolB }), await makeTeacher(deps, { school: schoolB })];
  const spec: [keyof TFixture['users'], TRole, TOrgRow][] = [
    ['leader', 'leader', bureau],
    ['office', 'office', section],
    ['section', 'section', section],
    ['school_admin', 'school_admin', schoolA],
    ['teacher', 'teacher', schoolA],
    ['teacherB', 'teacher', schoolB],
    ['auditor', 'auditor', audit],
    ['enterprise', 'enterprise', enterprise],
    ['sysadmin', 'sysadmin', county],
    ['secadmin', 'secadmin', county],
    ['auditadmin', 'auditadmin', county],
    ['otherOffice', 'office', otherBureau],
  ];
  const users = {} as TFixture['users'];
  for (const [key, role, org] of spec) {
    const username = `${key.replace('_', '')}${tag}`;
    await makeUser(deps, { org, role, username, password: TEST_PASSWORD });
    users[key] = username;
  }
  return { county, otherCounty, bureau, section, audit, schoolA, schoolB, enterprise, users, teacherIdsA, teacherIdsB };
}
