import type { Kysely } from 'kysely';
import type { TDialect } from '../../config';

/**
 * Collect once, use many: master data per teacher and school (values with source and time, and
 * their history), roster import jobs, collection requests with their template, population,
 * per-subject responses, corrections and reminders.
 */
export async function up(db: Kysely<unknown>, dialect: TDialect): Promise<void> {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  const blobType = dialect === 'postgres' ? 'bytea' : 'blob';
  const id = (name: string) =>
    db.schema.createTable(name).addColumn('id', idType, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()));

  // one current value per (subject, catalog key); sensitive values only encrypted + HMAC + masked
  await id('master_values')
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('catalog_key', 'text', (c) => c.notNull())
    .addColumn('value_text', 'text')
    .addColumn('value_enc', 'text')
    .addColumn('value_hmac', 'text')
    .addColumn('value_masked', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'integer', (c) => c.references('users.id'))
    .addUniqueConstraint('master_values_subject_key', ['subject_type', 'subject_id', 'catalog_key'])
    .execute();
  await db.schema.createIndex('master_values_key').on('master_values').columns(['subject_type', 'catalog_key']).execute();

  // the values a newer one replaced
  await id('master_value_history')
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('catalog_key', 'text', (c) => c.notNull())
    .addColumn('value_text', 'text')
    .addColumn('value_enc', 'text')
    .addColumn('value_masked', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('superseded_at', 'text', (c) => c.notNull())
    .addColumn('superseded_by_source', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('master_value_history_subject').on('master_value_history').columns(['subject_type', 'subject_id', 'catalog_key']).execute();

  // upload → preview (stored here) → commit all or only the valid rows
  await id('roster_imports')
    .addColumn('school_org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total_rows', 'integer', (c) => c.notNull())
    .addColumn('valid_rows', 'integer', (c) => c.notNull())
    .addColumn('invalid_rows', 'integer', (c) => c.notNull())
    .addColumn('new_count', 'integer', (c) => c.notNull())
    .addColumn('updated_count', 'integer', (c) => c.notNull())
    .addColumn('columns_json', 'text', (c) => c.notNull())
    /** The parsed rows with their results, SM4-encrypted (they hold ID numbers and phones). */
    .addColumn('rows_enc', 'text', (c) => c.notNull())
    .addColumn('commit_mode', 'text')
    .addColumn('committed_rows', 'integer')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('committed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('committed_at', 'text')
    .execute();
  await db.schema.createIndex('roster_imports_school').on('roster_imports').column('school_org_id').execute();

  await id('collections')
    .addColumn('region_org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addColumn('requester_org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('item_id', 'integer', (c) => c.references('items.id'))
    .addColumn('template_name', 'text', (c) => c.notNull())
    .addColumn('template_size', 'integer', (c) => c.notNull())
    .addColumn('columns_json', 'text', (c) => c.notNull())
    .addColumn('reuse_json', 'text', (c) => c.notNull())
    .addColumn('overlap_json', 'text', (c) => c.notNull())
    .addColumn('overlap_max', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('justification', 'text')
    .addColumn('commitment_text', 'text', (c) => c.notNull())
    .addColumn('seconds_per_cell', 'real')
    .addColumn('cells_prefilled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('opened_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('collections_region').on('collections').columns(['region_org_id', 'created_at']).execute();
  await db.schema.createIndex('collections_item').on('collections').column('item_id').execute();

  await db.schema
    .createTable('collection_templates')
    .addColumn('collection_id', 'integer', (c) => c.primaryKey().references('collections.id').onDelete('cascade'))
    .addColumn('content', blobType, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('collection_schools')
    .addColumn('collection_id', 'integer', (c) => c.notNull().references('collections.id').onDelete('cascade'))
    .addColumn('school_org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addPrimaryKeyConstraint('collection_schools_pk', ['collection_id', 'school_org_id'])
    .execute();
  await db.schema.createIndex('collection_schools_school').on('collection_schools').column('school_org_id').execute();

  // one per teacher (or school) of the population, created when the collection opens
  await id('collection_responses')
    .addColumn('collection_id', 'integer', (c) => c.notNull().references('collections.id'))
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('school_org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    /** Typed answers (column index → text), SM4-encrypted. */
    .addColumn('answers_enc', 'text')
    .addColumn('prefilled_cells', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('typed_cells', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('commitment_text', 'text')
    .addColumn('committed_at', 'text')
    .addColumn('committed_ip', 'text')
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('remind_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_reminded_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('collection_responses_subject', ['collection_id', 'subject_type', 'subject_id'])
    .execute();
  await db.schema.createIndex('collection_responses_school').on('collection_responses').columns(['school_org_id', 'collection_id']).execute();
  await db.schema.createIndex('collection_responses_subject_idx').on('collection_responses').columns(['subject_type', 'subject_id']).execute();

  // a teacher's change to a held value: the school confirms or rejects it
  await id('collection_corrections')
    .addColumn('collection_id', 'integer', (c) => c.notNull().references('collections.id'))
    .addColumn('response_id', 'integer', (c) => c.notNull().references('collection_responses.id'))
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('school_org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addColumn('catalog_key', 'text', (c) => c.notNull())
    .addColumn('old_masked', 'text')
    .addColumn('new_value_enc', 'text', (c) => c.notNull())
    .addColumn('new_value_masked', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_reason', 'text')
    .execute();
  await db.schema.createIndex('collection_corrections_school').on('collection_corrections').columns(['school_org_id', 'status']).execute();

  await id('collection_reminders')
    .addColumn('collection_id', 'integer', (c) => c.notNull().references('collections.id'))
    .addColumn('response_id', 'integer', (c) => c.notNull().references('collection_responses.id'))
    .addColumn('school_org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addColumn('reminded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reminded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('collection_reminders_response').on('collection_reminders').column('response_id').execute();
}
