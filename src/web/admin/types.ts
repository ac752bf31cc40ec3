/** Response shapes of docs/API.md, as the admin app reads them. */
import type { TAbility } from '../../domain/abilities';
import type { TOrgKind, TRole, TSchoolType } from '../../domain/roles';

export type TStatus = 'active' | 'disabled';

export interface TMe {
  user: { id: number; username: string; displayName: string; role: TRole; org: { id: number; name: string; kind: TOrgKind; code: string | null } };
  abilities: TAbility[];
  mustChangePassword: boolean;
  csrfToken?: string;
  idleTimeoutSeconds: number;
}

export interface TPage<T> {
  items: T[];
  total: number;
}

export interface THomeStats {
  orgs: number;
  schools: number;
  teachers: number;
  users: number;
  lockedUsers: number;
  auditToday: number;
}

export type TId = number;

export interface TOrgNode {
  id: TId;
  parentId: TId | null;
  kind: TOrgKind;
  code: string | null;
  name: string;
  schoolType: TSchoolType | null;
  status: TStatus;
  children: TOrgNode[];
}

export interface TOrgDetail {
  id: TId;
  parentId: TId | null;
  kind: TOrgKind;
  code: string | null;
  name: string;
  schoolType: TSchoolType | null;
  regionCode: string | null;
  hotline: string | null;
  mailbox: string | null;
  status: TStatus;
  path: { id: TId; name: string }[];
  counts: { children: number; users: number; teachers: number };
}

export interface TTeacher {
  id: TId;
  name: string;
  gender: 'male' | 'female' | string | null;
  birthDate: string | null;
  idNumberMasked: string | null;
  mobileMasked: string | null;
  subject: string | null;
  title: string | null;
}

export interface TUser {
  id: TId;
  username: string;
  displayName: string;
  role: TRole;
  orgId: TId;
  orgName: string;
  status: TStatus;
  locked: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
}

export interface TAuditEntry {
  id: TId;
  at: string;
  actorUsername: string | null;
  actorRole: string | null;
  actorOrgName: string | null;
  ip: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}
