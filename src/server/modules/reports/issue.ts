/**
 * 发文字号 of generated reports: `代字〔YYYY〕N号`, gapless per 代字 and year, one per org,
 * report type and period — regenerating the same report keeps its number.
 *
 * The 代字 follows the region's admission numbers (register/numbering.ts: the rule set's
 * prefix, else 青禾县 → 青教减准) with the trailing 准 (approval) replaced by the document's
 * kind: 报 for the county's report (报告), 备 for a school's plan filed with the county (备案).
 */
import type { Kysely } from 'kysely';
import { formatAdmissionNo } from '../../../domain/register/codes';
import type { TReportType } from '../../../domain/reports/period';
import { nowIso } from '../../context';
import type { TDatabase, TOrgRow } from '../../db/types';
import { defaultAdmissionPrefix } from '../register/numbering';

const SUFFIX: Record<TReportType, string> = { 'county-stage': '报', 'school-plan': '备' };

export async function reportPrefix(db: Kysely<TDatabase>, opts: { region: Pick<TOrgRow, 'id' | 'name'>; type: TReportType }): Promise<string> {
  const rs = await db
    .selectFrom('rule_sets')
    .select('admission_prefix')
    .where('region_org_id', '=', opts.region.id)
    .where('admission_prefix', 'is not', null)
    .orderBy('year', 'desc')
    .executeTakeFirst();
  const admission = rs?.admission_prefix ?? defaultAdmissionPrefix(opts.region.name);
  return `${admission.replace(/准$/u, '')}${SUFFIX[opts.type]}`;
}

export interface TIssue {
  id: number;
  docNo: string;
  generations: number;
}

/**
 * The number of a report (org, type, period): the one given before, or the next of its 代字
 * and year. Runs inside the caller's transaction; a concurrent taker of the same number makes
 * the insert do nothing, and the next number is tried.
 */
export async function issueReportNumber(
  trx: Kysely<TDatabase>,
  opts: { orgId: number; type: TReportType; from: string; to: string; prefix: string; year: number; userId: number | null },
): Promise<TIssue> {
  const at = nowIso();
  for (let attempt = 0; attempt < 5; attempt++) {
    const existing = await trx
      .selectFrom('report_issues')
      .select(['id', 'doc_no', 'generations'])
      .where('org_id', '=', opts.orgId)
      .where('type', '=', opts.type)
      .where('period_from', '=', opts.from)
      .where('period_to', '=', opts.to)
      .executeTakeFirst();
    if (existing) {
      await trx.updateTable('report_issues').set({ last_generated_at: at, generations: existing.generations + 1 }).where('id', '=', existing.id).execute();
      return { id: existing.id, docNo: existing.doc_no, generations: existing.generations + 1 };
    }
    const last = await trx.selectFrom('report_issues').select((eb) => eb.fn.max('seq').as('m')).where('prefix', '=', opts.prefix).where('year', '=', opts.year).executeTakeFirst();
    const seq = Number(last?.m ?? 0) + 1;
    const docNo = formatAdmissionNo({ prefix: opts.prefix, year: opts.year, seq });
    const row = await trx
      .insertInto('report_issues')
      .values({ org_id: opts.orgId, type: opts.type, period_from: opts.from, period_to: opts.to, prefix: opts.prefix, year: opts.year, seq, doc_no: docNo, created_by: opts.userId, created_at: at, last_generated_at: at, generations: 1 })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (row) return { id: row.id, docNo, generations: 1 };
  }
  throw new Error('could not give the report a number');
}
