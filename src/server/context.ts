import type { TRole, TOrgKind } from '../domain/roles';
import type { TConfig, TDialect } from './config';
import type { TDb } from './db/connect';
import type { TFieldCrypto } from './security/fieldCrypto';

/** Who is acting: derived from the session, never from the client. */
export interface TActor {
  userId: number;
  username: string;
  displayName: string;
  role: TRole;
  orgId: number;
  orgPath: string;
  /** Root of what the actor may see: its org, or for county-wide roles the region above it. */
  scopePath: string;
  orgName: string;
  orgKind: TOrgKind;
  orgCode: string | null;
  mustChangePassword: boolean;
  sessionId: string;
  csrfToken: string;
}

/** Process-wide dependencies, built once at start. */
export interface TDeps {
  db: TDb;
  dialect: TDialect;
  config: TConfig;
  fieldCrypto: TFieldCrypto;
}

/** What a service function gets besides its own options: the deps, the actor and request facts. */
export interface TCtx extends TDeps {
  actor: TActor;
  ip: string | null;
  requestId: string | null;
}

/** Context for writes made by the system (CLI, seeding, login before a session exists) rather than an actor. */
export interface TSystemCtx extends TDeps {
  actor: null;
  ip: string | null;
  requestId: string | null;
}

export type TAnyCtx = TCtx | TSystemCtx;

export function nowIso(): string {
  return new Date().toISOString();
}
