import type { Kysely } from 'kysely';
import { maskIdNumber } from '../../../domain/validators/idNumber';
import { maskMobile } from '../../../domain/validators/mobile';
import type { TAnyCtx } from '../../context';
import type { TDatabase } from '../../db/types';
import { nowIso } from '../../context';

const SECRET_KEY = /password|secret|token|hash|hmac|_enc$|Enc$/i;
const ID_KEY = /^(id_?number|idNumber|id_card)$/i;
const PHONE_KEY = /mobile|phone/i;

/** Personal fields are masked before they reach the audit log; secrets are dropped. */
export function maskForAudit(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskForAudit);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (SECRET_KEY.test(k)) out[k] = v == null ? v : '***';
    else if (ID_KEY.test(k) && typeof v === 'string') out[k] = maskIdNumber(v);
    else if (PHONE_KEY.test(k) && typeof v === 'string' && /\d{7,}/.test(v)) out[k] = maskMobile(v);
    else out[k] = maskForAudit(v);
  }
  return out;
}

export interface TAuditEntry {
  action: string;
  objectType: string;
  objectId?: string | number | null;
  before?: unknown;
  after?: unknown;
  /** For events without a session yet (logins): who it was, as far as known. */
  actorUsername?: string;
  subject?: { userId: number; role: string; orgId: number; orgName: string };
}

/** Writes one audit row. Call it with the same transaction as the write it records. */
export async function recordAudit(trx: Kysely<TDatabase>, ctx: TAnyCtx, entry: TAuditEntry): Promise<void> {
  const a = ctx.actor;
  await trx
    .insertInto('audit_log')
    .values({
      at: nowIso(),
      actor_user_id: a?.userId ?? entry.subject?.userId ?? null,
      actor_username: a?.username ?? entry.actorUsername ?? 'system',
      actor_role: a?.role ?? entry.subject?.role ?? null,
      actor_org_id: a?.orgId ?? entry.subject?.orgId ?? null,
      actor_org_name: a?.orgName ?? entry.subject?.orgName ?? null,
      ip: ctx.ip,
      request_id: ctx.requestId,
      action: entry.action,
      object_type: entry.objectType,
      object_id: entry.objectId == null ? null : String(entry.objectId),
      before_json: entry.before === undefined ? null : JSON.stringify(maskForAudit(entry.before)),
      after_json: entry.after === undefined ? null : JSON.stringify(maskForAudit(entry.after)),
    })
    .execute();
}
