import crypto from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { CHINA_HOLIDAYS } from '../../../domain/cases/holidays';
import { newCaseKey, newTrackingNo } from '../../../domain/cases/trackingNo';
import { addWorkingDays, calendarOf } from '../../../domain/cases/workingDays';
import { chinaToday } from '../../../domain/time';
import type { TDialect } from '../../config';

const DEFAULT_REPLY_WORKING_DAYS = 15;

/**
 * Supervision (issue 5): cases (complaints, leads, task-log leads, inspection and audit findings,
 * baseline clean-up) with their events and attachments, the holiday calendar (seeded), teachers'
 * task logs, used challenge nonces. The register's existing leads become cases (channel `lead`).
 */
export async function up(db: Kysely<unknown>, dialect: TDialect): Promise<void> {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  const id = (name: string) =>
    db.schema.createTable(name).addColumn('id', idType, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()));

  await id('cases')
    .addColumn('tracking_no', 'text', (c) => c.notNull().unique())
    .addColumn('key_hash', 'text', (c) => c.notNull())
    .addColumn('region_org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text')
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('item_code', 'text')
    .addColumn('item_id', 'integer', (c) => c.references('items.id'))
    .addColumn('code_status', 'text')
    .addColumn('target_org_id', 'integer', (c) => c.references('orgs.id'))
    .addColumn('target_text', 'text')
    .addColumn('assigned_org_id', 'integer', (c) => c.references('orgs.id'))
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('reporter_name_enc', 'text')
    .addColumn('reporter_phone_enc', 'text')
    .addColumn('ip_hash', 'text')
    .addColumn('group_id', 'integer')
    .addColumn('merged_into_id', 'integer', (c) => c.references('cases.id'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('measures', 'text')
    .addColumn('rectify_deadline', 'text')
    .addColumn('verdict', 'text')
    .addColumn('outcome', 'text')
    .addColumn('reply', 'text')
    .addColumn('replied_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cases_region_status').on('cases').columns(['region_org_id', 'status']).execute();
  await db.schema.createIndex('cases_received').on('cases').columns(['received_on']).execute();
  await db.schema.createIndex('cases_target').on('cases').columns(['target_org_id', 'category', 'received_on']).execute();
  await db.schema.createIndex('cases_assigned').on('cases').column('assigned_org_id').execute();
  await db.schema.createIndex('cases_group').on('cases').column('group_id').execute();

  await id('case_events')
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('actor_name', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('note', 'text')
    .addColumn('data_json', 'text')
    .execute();
  await db.schema.createIndex('case_events_case').on('case_events').column('case_id').execute();

  // images and evidence live in the database, not the data dir: several stateless app processes share them (DESIGN §5)
  await id('case_attachments')
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('data', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_attachments_case').on('case_attachments').column('case_id').execute();

  await db.schema
    .createTable('holidays')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await id('task_logs')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('school_org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addColumn('region_org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('issuer_org_id', 'integer', (c) => c.references('orgs.id'))
    .addColumn('issuer_text', 'text')
    .addColumn('issuer_key', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('code', 'text')
    .addColumn('code_status', 'text')
    .addColumn('item_id', 'integer', (c) => c.references('items.id'))
    .addColumn('case_id', 'integer', (c) => c.references('cases.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_logs_user').on('task_logs').columns(['user_id', 'occurred_on']).execute();
  await db.schema.createIndex('task_logs_region').on('task_logs').columns(['region_org_id', 'occurred_on']).execute();

  await db.schema
    .createTable('challenge_uses')
    .addColumn('nonce', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('challenge_uses_expiry').on('challenge_uses').column('expires_at').execute();

  await db.schema.alterTable('leads').addColumn('case_id', 'integer', (c) => c.references('cases.id')).execute();

  const at = new Date().toISOString();
  for (let i = 0; i < CHINA_HOLIDAYS.length; i += 100) {
    const chunk = CHINA_HOLIDAYS.slice(i, i + 100);
    await db
      .insertInto('holidays' as never)
      .values(chunk.map((h) => ({ date: h.date, kind: h.kind, name: h.name, updated_by: null, updated_at: at })) as never)
      .execute();
  }
  await migrateLeads(db);
}

interface TLeadRow {
  id: number;
  region_org_id: number | null;
  item_code: string | null;
  item_id: number | null;
  school_org_id: number | null;
  text: string;
  ip_hash: string | null;
  created_at: string;
}

/** Every lead recorded so far becomes a case (its key is random and unknown: old leads had none to track with). */
async function migrateLeads(db: Kysely<unknown>): Promise<void> {
  const leads = (await sql<TLeadRow>`SELECT id, region_org_id, item_code, item_id, school_org_id, text, ip_hash, created_at FROM leads ORDER BY id`.execute(db)).rows;
  if (!leads.length) return;
  const top = (await sql<{ id: number }>`SELECT id FROM orgs WHERE kind = 'region' ORDER BY depth, id LIMIT 1`.execute(db)).rows[0];
  const cal = calendarOf(CHINA_HOLIDAYS);
  const used = new Set<string>();
  for (const l of leads) {
    const region = l.region_org_id ?? top?.id;
    if (!region) continue;
    const day = chinaToday(new Date(l.created_at));
    let no = newTrackingNo(day);
    while (used.has(no)) no = newTrackingNo(day);
    used.add(no);
    const keyHash = crypto.createHash('sha256').update(newCaseKey()).digest('hex');
    const due = addWorkingDays(day, DEFAULT_REPLY_WORKING_DAYS, cal);
    const inserted = await sql<{ id: number }>`INSERT INTO cases (tracking_no, key_hash, region_org_id, source, channel, category, status, text, received_on,
        item_code, item_id, target_org_id, anonymous, ip_hash, due_on, created_at, updated_at)
      VALUES (${no}, ${keyHash}, ${region}, 'lead', 'lead', 'other', 'received', ${l.text}, ${day}, ${l.item_code}, ${l.item_id}, ${l.school_org_id}, 1, ${l.ip_hash}, ${due}, ${l.created_at}, ${l.created_at})
      RETURNING id`.execute(db);
    const caseId = inserted.rows[0]!.id;
    await sql`INSERT INTO case_events (case_id, at, action, to_status, note) VALUES (${caseId}, ${l.created_at}, 'create', 'received', ${`lead #${l.id}`})`.execute(db);
    await sql`UPDATE leads SET case_id = ${caseId} WHERE id = ${l.id}`.execute(db);
  }
}
