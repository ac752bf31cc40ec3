import crypto from 'node:crypto';
import { CHINA_HOLIDAYS } from '../../../domain/cases/holidays';
import { CASE_CATEGORIES, sourceOfChannel, type TCaseCategory, type TCaseChannel, type TCaseStatus } from '../../../domain/cases/enums';
import { newTrackingNo } from '../../../domain/cases/trackingNo';
import { addWorkingDays, calendarOf } from '../../../domain/cases/workingDays';
import { addDays } from '../../../domain/register/schoolYear';
import type { TDeps } from '../../context';
import { syntheticName } from '../names';
import { nextId, syncSequence, writeBatches } from './batch';
import type { TSynCounty, TSynProvince } from './orgs';
import { int, weighted } from './plan';
import type { TProgress } from './progress';

/** Whether the cases table (migration 0004, the cases module) exists in this database. */
export async function casesTableExists(deps: TDeps): Promise<boolean> {
  const tables = await deps.db.introspection.getTables();
  return tables.some((t) => t.name === 'cases');
}

const CHANNELS: readonly (readonly [TCaseChannel, number])[] = [
  ['web', 35],
  ['hotline', 25],
  ['task_log', 12],
  ['mailbox', 10],
  ['letter', 5],
  ['lead', 5],
  ['visit', 3],
  ['inspection', 3],
  ['audit', 1],
  ['baseline', 1],
];

const CATEGORY_WEIGHTS: Record<TCaseCategory, number> = {
  unapproved_inspection: 14,
  social_affair: 12,
  forced_app: 12,
  trace_evidence: 8,
  repeated_forms: 14,
  secondment: 5,
  unrelated_training: 7,
  homework_overload: 10,
  school_hours: 4,
  fees: 4,
  enterprise_arrears: 2,
  unlisted_fee: 2,
  other: 6,
};

const TEXTS: Record<TCaseCategory, string> = {
  unapproved_inspection: '有单位到校开展检查，未出示准入编号，要求提供大量佐证材料。',
  social_affair: '要求学校组织学生参加与教学无关的进校园活动，并上报照片。',
  forced_app: '要求全体教师下载某APP并每日打卡，纳入考核。',
  trace_evidence: '检查要求提供活动照片、截图等留痕材料。',
  repeated_forms: '同一内容的报表被多个部门重复要求填报。',
  secondment: '教师被借调到其他单位工作，长期未返岗。',
  unrelated_training: '要求教师参加与教育教学无关的培训。',
  homework_overload: '学生家庭作业量过大，每天完成时间超过规定。',
  school_hours: '学校要求学生提前到校，超出规定的在校时间。',
  fees: '学校代收费用项目不明确。',
  enterprise_arrears: '政府部门拖欠企业工程款未支付。',
  unlisted_fee: '收取了收费目录清单以外的费用。',
  other: '其他增加教师负担的问题。',
};

/** Where a case stands, by how long ago it came in: old ones are closed and replied, new ones still open. */
function statusOf(rand: () => number, ageDays: number, replyOwed: boolean): TCaseStatus {
  if (rand() < 0.03) return 'merged';
  const done = ageDays > 60 ? 0.95 : ageDays > 20 ? 0.6 : ageDays > 7 ? 0.2 : 0.02;
  if (rand() < done) return replyOwed && rand() < 0.9 ? 'replied' : 'closed';
  return weighted(rand, [
    ['received', ageDays < 3 ? 6 : 1],
    ['assigned', 3],
    ['verifying', 3],
    ['rectifying', 2],
  ] as const);
}

/**
 * Complaints and cases of the synthetic province, written straight into the cases table (same
 * columns as the cases module writes): a weighted channel and category, received on a day of the
 * last two years, the reply deadline 15 working days on (holiday calendar), a status by age, a
 * tracking number and a key hash, the reporter's name and phone encrypted when not anonymous.
 */
export async function seedCases(deps: TDeps, o: { tree: TSynProvince; total: number; rand: () => number; today: string; progress: TProgress }): Promise<number> {
  const { rand, today } = o;
  const cal = calendarOf(CHINA_HOLIDAYS);
  const categories = CASE_CATEGORIES.map((c) => [c, CATEGORY_WEIGHTS[c]] as const);
  const schools = o.tree.counties.reduce((a, c) => a + c.schools.length, 0);
  const tracking = new Set<string>();
  let id = await nextId(deps.db, 'cases');
  let written = 0;
  let left = o.total;
  const at = new Date().toISOString();
  for (const [ci, county] of o.tree.counties.entries()) {
    const n = ci === o.tree.counties.length - 1 ? left : Math.min(left, Math.round((o.total * county.schools.length) / schools));
    left -= n;
    const rows = function* (c: TSynCounty) {
      for (let i = 0; i < n; i++) {
        const received = addDays(today, -int(rand, 0, 730));
        const channel = weighted(rand, CHANNELS);
        const source = sourceOfChannel(channel);
        const owed = source === 'complaint' || source === 'lead';
        const category = weighted(rand, categories);
        const status = statusOf(rand, Math.round((Date.parse(today) - Date.parse(received)) / 86_400_000), owed);
        const due = addWorkingDays(received, 15, cal);
        const closedOn = status === 'closed' || status === 'replied' ? addWorkingDays(received, int(rand, 2, 22), cal) : null;
        const closed = closedOn && closedOn <= today ? closedOn : closedOn ? today : null;
        const school = rand() < 0.7 ? c.schools[int(rand, 0, c.schools.length - 1)]! : null;
        const named = channel !== 'task_log' && rand() < 0.4;
        let no: string;
        do no = newTrackingNo(received);
        while (tracking.has(no));
        tracking.add(no);
        yield {
          id: id++,
          tracking_no: no,
          key_hash: crypto.createHash('sha256').update(crypto.randomBytes(16)).digest('hex'),
          region_org_id: c.region.id,
          source,
          channel,
          category,
          status,
          text: TEXTS[category],
          occurred_on: addDays(received, -int(rand, 0, 10)),
          received_on: received,
          item_code: null,
          item_id: null,
          code_status: null,
          target_org_id: school ? school.id : c.bureau.id,
          target_text: null,
          assigned_org_id: status === 'received' ? null : c.office.id,
          anonymous: named ? 0 : 1,
          reporter_name_enc: named ? deps.fieldCrypto.encrypt(syntheticName(int(rand, 0, 1_000_000))) : null,
          reporter_phone_enc: named ? deps.fieldCrypto.encrypt(`13${String(int(rand, 0, 999_999_999)).padStart(9, '0')}`) : null,
          ip_hash: null,
          group_id: null,
          merged_into_id: null,
          due_on: due,
          measures: status === 'rectifying' || closed ? '责令停止并限期整改' : null,
          rectify_deadline: status === 'rectifying' ? addDays(today, int(rand, 3, 30)) : null,
          verdict: closed ? weighted(rand, [['substantiated', 45], ['partly_substantiated', 25], ['unsubstantiated', 30]] as const) : null,
          outcome: closed ? '已核实处理' : null,
          reply: status === 'replied' ? '经核实，已责令整改，感谢您的监督。' : null,
          replied_at: status === 'replied' && closed ? `${closed}T06:00:00.000Z` : null,
          closed_at: closed ? `${closed}T05:00:00.000Z` : null,
          closed_on: closed,
          created_by: null,
          created_at: `${received}T02:00:00.000Z`,
          updated_at: at,
        };
      }
    };
    written += await writeBatches(deps.db, 'cases', rows(county), { batch: 500, perTx: 20_000, progress: o.progress });
  }
  await syncSequence(deps.db, deps.dialect, 'cases');
  return written;
}
