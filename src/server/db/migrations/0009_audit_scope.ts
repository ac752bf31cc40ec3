import type { Kysely } from 'kysely';
import type { TDialect } from '../../config';

/**
 * Installation settings as key → text, shared by every app process on the database. The first
 * is the field-encryption key's fingerprint (see security/keyFingerprint.ts): a process whose
 * key does not match it refuses to start.
 *
 * (The number was reserved for the audit-scope work; that needed no schema change, because every
 * audit row already stores its actor's org, so this migration holds only the settings table.)
 */
export async function up(db: Kysely<unknown>, _dialect: TDialect): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
