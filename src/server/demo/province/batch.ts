import { CompiledQuery, sql } from 'kysely';
import type { TDialect } from '../../config';
import type { TDb } from '../../db/connect';
import type { TDatabase } from '../../db/types';
import type { TProgress } from './progress';

type TTable = keyof TDatabase;

/** INSERT texts by dialect, table, row count and columns: Kysely compiles a batch's statement once, later batches reuse it. */
const compiled = new Map<string, { sql: string; columns: string[] }>();

/**
 * One multi-row INSERT. Kysely builds the statement; batches of the same shape reuse its text
 * with fresh parameters (compiling 15 000 parameters costs about as much as inserting them,
 * and the SQLite statement cache then hits on the same text).
 */
async function insertChunk(db: TDb, table: TTable, chunk: Record<string, unknown>[]): Promise<void> {
  const columns = Object.keys(chunk[0]!);
  // the adapter tells the dialects apart: `?` placeholders on SQLite, `$n` on PostgreSQL
  const key = `${db.getExecutor().adapter.constructor.name}:${table}:${chunk.length}:${columns.join(',')}`;
  let c = compiled.get(key);
  if (!c) {
    const q = db.insertInto(table).values(chunk as never).compile();
    c = { sql: q.sql, columns };
    if (q.parameters.length !== chunk.length * columns.length) throw new Error(`unexpected parameter count for ${table}`);
    compiled.set(key, c);
  }
  const params: unknown[] = new Array(chunk.length * columns.length);
  let k = 0;
  for (const row of chunk) {
    if (Object.keys(row).length !== columns.length) throw new Error(`rows of ${table} differ in their columns`);
    for (const col of c.columns) params[k++] = row[col];
  }
  await db.executeQuery(CompiledQuery.raw(c.sql, params));
}

/**
 * Writes the rows a generator yields as multi-row INSERTs of `batch` rows, `perTx` rows to a
 * transaction, on either database through the same Kysely code. Memory stays bounded: one
 * batch is held at a time.
 */
export async function writeBatches(db: TDb, table: TTable, rows: Iterable<Record<string, unknown>>, opts: { batch: number; perTx: number; progress: TProgress }): Promise<number> {
  const it = rows[Symbol.iterator]();
  let total = 0;
  let exhausted = false;
  while (!exhausted) {
    await db.transaction().execute(async (trx) => {
      let inTx = 0;
      while (inTx < opts.perTx) {
        const chunk: Record<string, unknown>[] = [];
        while (chunk.length < opts.batch) {
          const next = it.next();
          if (next.done) {
            exhausted = true;
            break;
          }
          chunk.push(next.value);
        }
        if (chunk.length) {
          await insertChunk(trx, table, chunk);
          inTx += chunk.length;
          total += chunk.length;
          opts.progress.add(chunk.length);
        }
        if (exhausted) break;
      }
    });
  }
  return total;
}

/** The next free id of a table: rows are written with explicit ids so paths and links are known up front. */
export async function nextId(db: TDb, table: 'orgs' | 'teachers' | 'items' | 'baseline_items' | 'item_events' | 'cases'): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.max<number>('id').as('m')).executeTakeFirst();
  return Number(row?.m ?? 0) + 1;
}

/** PostgreSQL: move a serial sequence past the explicit ids written, so later inserts get fresh ids. */
export async function syncSequence(db: TDb, dialect: TDialect, table: string): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), GREATEST((SELECT max(id) FROM ${sql.table(table)}), 1))`.execute(db);
}
