/** Roles of DESIGN §2. The 三员 (sysadmin/secadmin/auditadmin) never act on business records. */
export const ROLES = [
  'leader',
  'office',
  'section',
  'school_admin',
  'teacher',
  'auditor',
  'enterprise',
  'sysadmin',
  'secadmin',
  'auditadmin',
] as const;
export type TRole = (typeof ROLES)[number];

export const SEPARATION_ROLES = ['sysadmin', 'secadmin', 'auditadmin'] as const satisfies readonly TRole[];
export type TSeparationRole = (typeof SEPARATION_ROLES)[number];

export function isSeparationRole(role: TRole): role is TSeparationRole {
  return (SEPARATION_ROLES as readonly TRole[]).includes(role);
}

export const ORG_KINDS = ['region', 'agency', 'section', 'school', 'enterprise'] as const;
export type TOrgKind = (typeof ORG_KINDS)[number];

export const SCHOOL_TYPES = [
  'primary',
  'junior',
  'complete_middle',
  'nine_year',
  'senior',
  'kindergarten',
  'special',
  'vocational',
] as const;
export type TSchoolType = (typeof SCHOOL_TYPES)[number];

/** Which org kinds a user of a role may be bound to. */
export const ROLE_ORG_KINDS: Record<TRole, readonly TOrgKind[]> = {
  leader: ['region', 'agency'],
  office: ['agency', 'section'],
  section: ['agency', 'section'],
  school_admin: ['school'],
  teacher: ['school'],
  auditor: ['agency', 'section'],
  enterprise: ['enterprise'],
  sysadmin: ['region', 'agency', 'section'],
  secadmin: ['region', 'agency', 'section'],
  auditadmin: ['region', 'agency', 'section'],
};

/** Which kinds of org may sit under which parent kind. */
export const ORG_PARENT_KINDS: Record<TOrgKind, readonly TOrgKind[]> = {
  region: ['region'],
  agency: ['region'],
  section: ['agency', 'section'],
  school: ['agency'],
  enterprise: ['region'],
};
