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
  'register.read',
  'register.submit',
  'register.review',
  'register.approve',
  'register.manage',
  'register.school',
  'lead.read',
  'dashboard.read',
  'collection.read',
  'collection.request',
  'collection.manage',
  'collection.fill',
  'roster.import',
  'leadership.manage',
  'report.export',
  'case.read',
  'case.manage',
  'case.rectify',
  'tasklog.write',
  'tasklog.stats',
] as const;
export type TAbility = (typeof ABILITIES)[number];

export const BUSINESS_ABILITIES: readonly TAbility[] = [
  'business.view',
  'teacher.read',
  'register.read',
  'register.submit',
  'register.review',
  'register.approve',
  'register.manage',
  'register.school',
  'lead.read',
  'dashboard.read',
  'collection.read',
  'collection.request',
  'collection.manage',
  'collection.fill',
  'roster.import',
  'leadership.manage',
  'report.export',
  'case.read',
  'case.manage',
  'case.rectify',
  'tasklog.write',
  'tasklog.stats',
];

const common: TAbility[] = ['home.view', 'org.read'];

export const ROLE_ABILITIES: Record<TRole, readonly TAbility[]> = {
  leader: [...common, 'user.read', 'teacher.read', 'business.view', 'register.read', 'register.approve', 'lead.read', 'dashboard.read', 'collection.read', 'report.export', 'case.read', 'tasklog.stats'],
  office: [...common, 'user.read', 'teacher.read', 'business.view', 'register.read', 'register.submit', 'register.review', 'register.manage', 'lead.read', 'dashboard.read', 'collection.read', 'collection.request', 'roster.import', 'leadership.manage', 'report.export', 'case.read', 'case.manage', 'tasklog.stats'],
  section: [...common, 'business.view', 'register.read', 'register.submit', 'collection.read', 'collection.request', 'case.read', 'case.rectify'],
  school_admin: [...common, 'user.read', 'teacher.read', 'business.view', 'register.school', 'dashboard.read', 'collection.manage', 'collection.fill', 'roster.import', 'leadership.manage', 'report.export', 'case.read', 'case.rectify'],
  teacher: [...common, 'business.view', 'register.school', 'collection.fill', 'tasklog.write'],
  auditor: [...common, 'business.view', 'register.read'],
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
