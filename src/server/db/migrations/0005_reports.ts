import type { Kysely } from 'kysely';
import type { TDialect } from '../../config';

/**
 * Leadership groups (领导小组: a roster per org and topic, with where its office sits) and the
 * numbers (发文字号) given to generated Word reports, one per org, report type and period.
 */
export async function up(db: Kysely<unknown>, dialect: TDialect): Promise<void> {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  const id = (name: string) =>
    db.schema.createTable(name).addColumn('id', idType, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()));

  await id('leadership_groups')
    .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('office_location', 'text')
    .addColumn('office_director', 'text')
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('leadership_groups_org_topic', ['org_id', 'topic'])
    .execute();

  await id('leadership_members')
    .addColumn('group_id', 'integer', (c) => c.notNull().references('leadership_groups.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('post', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('leadership_members_group').on('leadership_members').columns(['group_id', 'sort_order']).execute();

  await id('report_issues')
    .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('doc_no', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_generated_at', 'text', (c) => c.notNull())
    .addColumn('generations', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('report_issues_subject', ['org_id', 'type', 'period_from', 'period_to'])
    .addUniqueConstraint('report_issues_number', ['prefix', 'year', 'seq'])
    .execute();
}
