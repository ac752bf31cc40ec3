import { maskIdNumber, makeIdNumber } from '../../../domain/validators/idNumber';
import { maskMobile } from '../../../domain/validators/mobile';
import type { TFieldCrypto } from '../../security/fieldCrypto';
import { SUBJECTS, TITLES, syntheticName } from '../names';
import type { TSynCounty } from './orgs';
import { int } from './plan';

/** Days from 1966-01-01 over which birth dates spread (34 years); a prime step visits each once. */
const BIRTH_DAYS = 12_410;
const STEP = 7919;
const EPOCH = Date.UTC(1966, 0, 1);

/**
 * The teachers of a county, as the teachers table requires them: a checksum-valid ID number
 * (GB 11643) unique in the county by construction (birth day × sequence), encrypted with SM4 and
 * looked up by HMAC-SM3, masked; a mobile number encrypted and masked; gender and birth date as
 * the ID number says. About 7 in 10 are women, as among Chinese teachers.
 */
export function* teacherRows(county: TSynCounty, fc: TFieldCrypto, rand: () => number, at: string): Generator<Record<string, unknown>> {
  let k = 0;
  for (const school of county.schools) {
    for (let n = 0; n < school.teachers; n++, k++) {
      const day = (k * STEP) % BIRTH_DAYS;
      const birthDate = new Date(EPOCH + day * 86_400_000).toISOString().slice(0, 10);
      const male = rand() < 0.3;
      const seq = 2 * Math.floor(k / BIRTH_DAYS) + (male ? 1 : 0);
      const idNumber = makeIdNumber({ regionCode: county.region.code!, birthDate, seq });
      const mobile = `1${[3, 5, 7, 8, 9][int(rand, 0, 4)]}${String(int(rand, 0, 999_999_999)).padStart(9, '0')}`;
      const year = Number(birthDate.slice(0, 4));
      yield {
        org_id: school.id,
        name: syntheticName(int(rand, 0, 1_000_000)),
        gender: male ? 'male' : 'female',
        birth_date: birthDate,
        id_number_enc: fc.encrypt(idNumber),
        id_number_hmac: fc.lookupHash(idNumber),
        id_number_masked: maskIdNumber(idNumber),
        mobile_enc: fc.encrypt(mobile),
        mobile_masked: maskMobile(mobile),
        subject: SUBJECTS[int(rand, 0, SUBJECTS.length - 1)]!,
        title: TITLES[Math.min(TITLES.length - 1, Math.floor(rand() * rand() * TITLES.length * 1.6))]!,
        work_start_date: `${Math.min(year + int(rand, 20, 24), 2025)}-09-01`,
        status: 'active',
        created_at: at,
        updated_at: at,
      };
    }
  }
}
