import { nowIso, type TDeps } from '../context';
import { valueColumns } from '../modules/collections/masterRepo';

const ETHNICITIES = ['汉族', '汉族', '汉族', '彝族', '白族', '傣族', '傈僳族'];
const POLITICAL = ['中共党员', '群众', '群众', '中国共产主义青年团团员', '中国民主同盟盟员'];
const EDUCATION = ['大学本科', '大学本科', '大学专科', '硕士研究生'];
const STAGE: Record<string, string> = { primary: '小学', junior: '初中', complete_middle: '初中' };

/**
 * The demo county's master data: each teacher's roster values as if every school had imported its
 * national-system export once (one committed import job per school, values with its source), by
 * direct batched inserts so the seed stays fast.
 */
export async function seedDemoRoster(deps: TDeps, opts: { countyPath: string }): Promise<number> {
  const fc = deps.fieldCrypto;
  const teachers = await deps.db
    .selectFrom('teachers as t')
    .innerJoin('orgs as o', 'o.id', 't.org_id')
    .select(['t.id', 't.org_id', 't.name', 't.gender', 't.birth_date', 't.id_number_enc', 't.mobile_enc', 't.subject', 't.title', 't.work_start_date', 'o.school_type'])
    .where('o.path', 'like', `${opts.countyPath}%`)
    .orderBy('t.id')
    .execute();
  const bySchool = new Map<number, typeof teachers>();
  for (const t of teachers) bySchool.set(t.org_id, [...(bySchool.get(t.org_id) ?? []), t]);
  let n = 0;
  await deps.db.transaction().execute(async (trx) => {
    const at = nowIso();
    for (const [schoolId, list] of bySchool) {
      const { id: jobId } = await trx
        .insertInto('roster_imports')
        .values({ school_org_id: schoolId, file_name: '教职工基本信息.xlsx', status: 'committed', total_rows: list.length, valid_rows: list.length, invalid_rows: 0, new_count: 0, updated_count: list.length, columns_json: '[]', rows_enc: fc.encrypt('[]'), commit_mode: 'all', committed_rows: list.length, created_by: null, created_at: at, committed_by: null, committed_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      const source = `roster_import:${jobId}`;
      const rows = list.flatMap((t) => {
        const join = t.work_start_date ? `${Math.min(Number(t.work_start_date.slice(0, 4)) + (t.id % 6), 2025)}-09` : null;
        const values: [string, string | null][] = [
          ['teacher.name', t.name],
          ['teacher.gender', t.gender === 'male' ? '男' : '女'],
          ['teacher.idType', '居民身份证'],
          ['teacher.idNumber', fc.decrypt(t.id_number_enc)],
          ['teacher.birthDate', t.birth_date],
          ['teacher.ethnicity', ETHNICITIES[t.id % ETHNICITIES.length]!],
          ['teacher.politicalStatus', POLITICAL[t.id % POLITICAL.length]!],
          ['teacher.workStartDate', t.work_start_date ? t.work_start_date.slice(0, 7) : null],
          ['teacher.schoolJoinDate', join],
          ['teacher.highestEducation', EDUCATION[t.id % EDUCATION.length]!],
          ['teacher.professionalTitle', t.title],
          ['teacher.teachingStage', STAGE[t.school_type ?? ''] ?? null],
          ['teacher.teachingSubject', t.subject],
          ['teacher.mobile', t.mobile_enc ? fc.decrypt(t.mobile_enc) : null],
        ];
        return values
          .filter((v): v is [string, string] => v[1] !== null)
          .map(([key, value]) => ({ subject_type: 'teacher', subject_id: t.id, catalog_key: key, ...valueColumns(fc, key, value), source, recorded_at: at, recorded_by: null }));
      });
      for (let i = 0; i < rows.length; i += 500) await trx.insertInto('master_values').values(rows.slice(i, i + 500)).execute();
      n += rows.length;
    }
  });
  return n;
}
