import type { Kysely } from 'kysely';
import type { TDialect } from '../../config';

/**
 * Uses of an approved item at a school (开展记录): each time the item actually entered the school,
 * recorded by the school itself. The school view counts them against the item's frequency cap.
 */
export async function up(db: Kysely<unknown>, dialect: TDialect): Promise<void> {
  await db.schema
    .createTable('item_uses')
    .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('school_org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addColumn('used_on', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('item_uses_item_school').on('item_uses').columns(['item_id', 'school_org_id', 'used_on']).execute();
  await db.schema.createIndex('item_uses_school').on('item_uses').columns(['school_org_id', 'used_on']).execute();
}
