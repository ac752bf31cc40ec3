import type { Kysely } from 'kysely';
import type { TDialect } from '../../config';

/** The burden register: items, their events and schools, rule sets, annual plans, admission counters, leads. */
export async function up(db: Kysely<unknown>, dialect: TDialect): Promise<void> {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  const id = (name: string) =>
    db.schema.createTable(name).addColumn('id', idType, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()));

  await id('rule_sets')
    .addColumn('region_org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('values_json', 'text', (c) => c.notNull())
    .addColumn('admission_prefix', 'text')
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('rule_sets_region_year', ['region_org_id', 'year'])
    .execute();

  await id('annual_plans')
    .addColumn('region_org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('annual_plans_region_year', ['region_org_id', 'year'])
    .execute();

  await id('items')
    .addColumn('region_org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addColumn('issuer_org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('target_scope_json', 'text', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('window_end', 'text', (c) => c.notNull())
    .addColumn('announced_at', 'text', (c) => c.notNull())
    .addColumn('planned', 'integer', (c) => c.notNull())
    .addColumn('plan_id', 'integer', (c) => c.references('annual_plans.id'))
    .addColumn('adhoc_reason', 'text')
    .addColumn('adhoc_urgency', 'text')
    .addColumn('evaluation_methods_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('minutes_per_respondent', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('respondents', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('times_per_year', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('teacher_hours', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('frequency_cap', 'integer')
    .addColumn('details_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('findings_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('admission_no', 'text')
    .addColumn('admission_year', 'integer')
    .addColumn('admission_seq', 'integer')
    .addColumn('verify_code', 'text', (c) => c.unique())
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('revoke_reason', 'text')
    .addColumn('merged_into_id', 'integer', (c) => c.references('items.id'))
    .addColumn('returned_at', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('approved_at', 'text')
    .addColumn('approved_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('items_admission', ['region_org_id', 'admission_year', 'admission_seq'])
    .execute();
  await db.schema.createIndex('items_region_status').on('items').columns(['region_org_id', 'status']).execute();
  await db.schema.createIndex('items_issuer').on('items').column('issuer_org_id').execute();

  await db.schema
    .createTable('item_schools')
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id').onDelete('cascade'))
    .addColumn('school_org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addPrimaryKeyConstraint('item_schools_pk', ['item_id', 'school_org_id'])
    .execute();
  await db.schema.createIndex('item_schools_school').on('item_schools').column('school_org_id').execute();

  await id('item_events')
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('actor_name', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('reason', 'text')
    .addColumn('data_json', 'text')
    .execute();
  await db.schema.createIndex('item_events_item').on('item_events').column('item_id').execute();

  await db.schema
    .createTable('admission_counters')
    .addColumn('region_org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('admission_counters_pk', ['region_org_id', 'year'])
    .execute();

  // 全面登记: past and current demands entered or imported once, each marked keep / merge / cancel
  await id('baseline_items')
    .addColumn('region_org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('issuer_name', 'text', (c) => c.notNull())
    .addColumn('minutes_per_respondent', 'real', (c) => c.notNull())
    .addColumn('respondents', 'integer', (c) => c.notNull())
    .addColumn('times_per_year', 'real', (c) => c.notNull())
    .addColumn('teacher_hours', 'real', (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('baseline_region_year').on('baseline_items').columns(['region_org_id', 'year']).execute();

  await id('leads')
    .addColumn('region_org_id', 'integer', (c) => c.references('orgs.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('item_code', 'text')
    .addColumn('item_id', 'integer', (c) => c.references('items.id'))
    .addColumn('school_org_id', 'integer', (c) => c.references('orgs.id'))
    .addColumn('reported_by', 'integer', (c) => c.references('users.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('ip_hash', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
