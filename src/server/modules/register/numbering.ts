import type { Kysely } from 'kysely';
import { formatAdmissionNo, generateVerifyCode } from '../../../domain/register/codes';
import type { TDatabase } from '../../db/types';

/**
 * Next admission sequence of a region and year: gapless and safe under concurrent approvals.
 * The counter row is created once, then incremented with a single UPDATE … RETURNING inside the
 * caller's transaction: PostgreSQL row-locks it until commit, SQLite serialises writers; if the
 * approval rolls back, so does the increment, so numbers never skip.
 */
export async function nextAdmissionSeq(trx: Kysely<TDatabase>, opts: { regionOrgId: number; year: number }): Promise<number> {
  await trx
    .insertInto('admission_counters')
    .values({ region_org_id: opts.regionOrgId, year: opts.year, last_seq: 0 })
    .onConflict((oc) => oc.columns(['region_org_id', 'year']).doNothing())
    .execute();
  const row = await trx
    .updateTable('admission_counters')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
    .where('region_org_id', '=', opts.regionOrgId)
    .where('year', '=', opts.year)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return row.last_seq;
}

/** A verification code not yet used by any item (collisions are astronomically rare; retried anyway). */
export async function newVerifyCode(trx: Kysely<TDatabase>): Promise<string> {
  for (let i = 0; i < 5; i++) {
    const code = generateVerifyCode();
    const taken = await trx.selectFrom('items').select('id').where('verify_code', '=', code).executeTakeFirst();
    if (!taken) return code;
  }
  throw new Error('could not find a free verification code');
}

/** The 代字 of a region's admission numbers, e.g. 青禾县 → 青教减准. */
export function defaultAdmissionPrefix(regionName: string): string {
  const first = regionName.replace(/^(.*?)(省|市|自治州|地区|盟|县|区|旗)$/, '$1').slice(0, 1) || '减';
  return `${first}教减准`;
}

export { formatAdmissionNo };
