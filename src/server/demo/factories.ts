import { makeIdNumber } from '../../domain/validators/idNumber';
import { makeSchoolCode } from '../../domain/validators/schoolCode';
import { makeUscc } from '../../domain/validators/uscc';
import type { TRole, TSchoolType } from '../../domain/roles';
import type { TDeps, TSystemCtx } from '../context';
import type { TOrgRow } from '../db/types';
import { insertOrg } from '../modules/orgs/repo';
import { insertTeacher } from '../modules/teachers/repo';
import { createUser } from '../modules/users/service';
import { SUBJECTS, TITLES, syntheticName } from './names';

/**
 * Factories that build orgs, people and accounts. The demo county is built from them, and so is
 * every test's data: a test gets fresh orgs and users of its own.
 */
export function systemCtx(deps: TDeps): TSystemCtx {
  return { ...deps, actor: null, ip: null, requestId: null };
}

export function makeRegion(deps: TDeps, o: { parent?: TOrgRow | null; code: string; name: string; hotline?: string; mailbox?: string }) {
  return insertOrg(deps.db, { parentId: o.parent?.id ?? null, kind: 'region', code: o.code, name: o.name, regionCode: o.code, hotline: o.hotline ?? null, mailbox: o.mailbox ?? null });
}

export function makeAgency(deps: TDeps, o: { parent: TOrgRow; name: string; kind?: 'agency' | 'section' }) {
  return insertOrg(deps.db, { parentId: o.parent.id, kind: o.kind ?? 'agency', name: o.name, regionCode: o.parent.region_code });
}

export function makeSchool(deps: TDeps, o: { parent: TOrgRow; name: string; type: TSchoolType; seq: number }) {
  const provinceCode = (o.parent.region_code ?? '530000').slice(0, 2);
  const code = makeSchoolCode({ type: o.type, provinceCode, seq: o.seq });
  return insertOrg(deps.db, { parentId: o.parent.id, kind: 'school', name: o.name, code, schoolType: o.type, regionCode: o.parent.region_code });
}

export function makeEnterprise(deps: TDeps, o: { parent: TOrgRow; name: string; seq: number }) {
  const code = makeUscc({ regionCode: o.parent.region_code ?? o.parent.code ?? '530000', seq: o.seq, kind: 'enterprise' });
  return insertOrg(deps.db, { parentId: o.parent.id, kind: 'enterprise', name: o.name, code, regionCode: o.parent.region_code });
}

/** Synthetic teacher `i` of a school: checksum-valid ID number, plausible birth date, subject, title. */
export function teacherData(i: number, regionCode: string) {
  const year = 1966 + (i * 7919) % 34;
  const month = 1 + (i * 31) % 12;
  const day = 1 + (i * 17) % 28;
  const birthDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return {
    name: syntheticName(i),
    idNumber: makeIdNumber({ regionCode, birthDate, seq: i % 1000 }),
    mobile: `13${String(100_000_000 + ((i * 7_654_321) % 899_999_999)).slice(0, 9)}`,
    subject: SUBJECTS[i % SUBJECTS.length]!,
    title: TITLES[(i * 3) % TITLES.length]!,
    workStartDate: `${Math.min(year + 22, 2025)}-09-01`,
  };
}

let teacherSeq = 0;
/** A teacher in a school. `i` picks the synthetic identity; omitted, a process-wide sequence is used. */
export function makeTeacher(deps: TDeps, o: { school: TOrgRow; i?: number }) {
  const i = o.i ?? 100_000 + teacherSeq++;
  const regionCode = o.school.region_code ?? '530529';
  return insertTeacher(deps.db, deps.fieldCrypto, { orgId: o.school.id, ...teacherData(i, regionCode) });
}

let userSeq = 0;
export async function makeUser(deps: TDeps, o: { org: TOrgRow; role: TRole; username?: string; displayName?: string; password: string; mustChangePassword?: boolean; teacherId?: number | null }) {
  const username = o.username ?? `u${Date.now().toString(36)}${userSeq++}`;
  const { user } = await createUser(systemCtx(deps), {
    username,
    displayName: o.displayName ?? username,
    orgId: o.org.id,
    role: o.role,
    password: o.password,
    mustChangePassword: o.mustChangePassword ?? false,
    teacherId: o.teacherId ?? null,
  });
  return user;
}
