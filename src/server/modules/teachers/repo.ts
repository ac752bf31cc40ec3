import type { Kysely } from 'kysely';
import { maskIdNumber, validateIdNumber } from '../../../domain/validators/idNumber';
import { maskMobile, normalizeMobile } from '../../../domain/validators/mobile';
import { nowIso } from '../../context';
import type { TDatabase } from '../../db/types';
import type { TFieldCrypto } from '../../security/fieldCrypto';

export interface TTeacherInsert {
  orgId: number;
  name: string;
  idNumber: string;
  mobile?: string | null;
  subject?: string | null;
  title?: string | null;
  workStartDate?: string | null;
}

/** Inserts a teacher; the ID number is validated, gender and birth date derived from it, personal fields encrypted. */
export async function insertTeacher(db: Kysely<TDatabase>, fc: TFieldCrypto, t: TTeacherInsert): Promise<number> {
  const id = validateIdNumber(t.idNumber);
  if (!id.ok) throw new Error(`invalid ID number (${id.reason})`);
  const mobile = t.mobile ? normalizeMobile(t.mobile) : null;
  const at = nowIso();
  const row = await db
    .insertInto('teachers')
    .values({
      org_id: t.orgId,
      name: t.name,
      gender: id.gender,
      birth_date: id.birthDate,
      id_number_enc: fc.encrypt(t.idNumber.toUpperCase()),
      id_number_hmac: fc.lookupHash(t.idNumber),
      id_number_masked: maskIdNumber(t.idNumber.toUpperCase()),
      mobile_enc: mobile ? fc.encrypt(mobile) : null,
      mobile_masked: mobile ? maskMobile(mobile) : null,
      subject: t.subject ?? null,
      title: t.title ?? null,
      work_start_date: t.workStartDate ?? null,
      status: 'active',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
