import type { Kysely } from 'kysely';
import { maskIdNumber, validateIdNumber } from '../../../domain/validators/idNumber';
import { maskMobile } from '../../../domain/validators/mobile';
import type { TDatabase } from '../../db/types';
import { AppError } from '../../http/errors';
import type { TFieldCrypto } from '../../security/fieldCrypto';

/** `2008-09` (参加工作年月) → `2008-09-01` for the identity row's date column. */
export function fullDate(v: string): string {
  return /^\d{4}-\d{2}$/.test(v) ? `${v}-01` : v;
}

/**
 * Keeps the `teachers` identity row in step with master data: a new value of a core key (name,
 * ID number with the birth date and gender it carries, mobile, subject, title, work start) is
 * copied to its column. Call in the transaction that wrote the master value.
 */
export async function syncTeacherCore(trx: Kysely<TDatabase>, fc: TFieldCrypto, opts: { teacherId: number; values: Record<string, string>; at: string }): Promise<void> {
  const v = opts.values;
  const set: Record<string, string | null> = {};
  if (v['teacher.name']) set.name = v['teacher.name'];
  if (v['teacher.idNumber']) {
    const id = validateIdNumber(v['teacher.idNumber']);
    if (id.ok) {
      const hmac = fc.lookupHash(v['teacher.idNumber']);
      const other = await trx.selectFrom('teachers').select('id').where('id_number_hmac', '=', hmac).where('id', '!=', opts.teacherId).executeTakeFirst();
      if (other) throw new AppError('COLLECTION_STATE_CONFLICT', { extra: { reason: 'id_number_taken' } });
      Object.assign(set, { id_number_enc: fc.encrypt(v['teacher.idNumber']), id_number_hmac: hmac, id_number_masked: maskIdNumber(v['teacher.idNumber']), birth_date: id.birthDate, gender: id.gender });
    }
  }
  if (v['teacher.mobile']) Object.assign(set, { mobile_enc: fc.encrypt(v['teacher.mobile']), mobile_masked: maskMobile(v['teacher.mobile']) });
  if (v['teacher.teachingSubject']) set.subject = v['teacher.teachingSubject'];
  if (v['teacher.professionalTitle']) set.title = v['teacher.professionalTitle'];
  if (v['teacher.workStartDate']) set.work_start_date = fullDate(v['teacher.workStartDate']);
  if (!Object.keys(set).length) return;
  await trx.updateTable('teachers').set({ ...set, updated_at: opts.at }).where('id', '=', opts.teacherId).execute();
}
