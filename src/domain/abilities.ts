import type { TRole } from './roles';

/**
 * Every ability the system knows, one string per (module, action). Server policies check these;
 * the web app receives the actor's list and shows or hides what it may not do.
 */
export const ABILITIES = [
  'home.view',
  'org.read',
  'org.manage',
  'user.read',
  'user.manage',
  'user.security',
  'teacher.read',
  'audit.read',
  'audit.export',
  // business abilities: later modules add theirs here, all denied to the 三员
  'business.view',
] as const;
export type TAbility = (typeof ABILITIES)[number];

export const BUSINESS_ABILITIES: readonly TAbility[] = ['business.view', 'teacher.read'];

const common: TAbility[] = ['home.view', 'org.read'];

export const ROLE_ABILITIES: Record<TRole, readonly TAbility[]> = {
  leader: [...common, 'user.read', 'teacher.read', 'business.view'],
  office: [...common, 'user.read', 'teacher.read', 'business.view'],
  section: [...common, 'business.view'],
  school_admin: [...common, 'user.read', 'teacher.read', 'business.view'],
  teacher: [...common, 'business.view'],
  auditor: [...common, 'business.view'],
  enterprise: [...common, 'business.view'],
  // 三员: users & config / roles & security policy / the audit log — never business records
  sysadmin: [...common, 'org.manage', 'user.read', 'user.manage'],
  secadmin: [...common, 'user.read', 'user.security'],
  auditadmin: [...common, 'audit.read', 'audit.export'],
};

export function abilitiesOf(role: TRole): readonly TAbility[] {
  return ROLE_ABILITIES[role];
}

export function can(role: TRole, ability: TAbility): boolean {
  return ROLE_ABILITIES[role].includes(ability);
}
