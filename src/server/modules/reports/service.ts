import { formatDate } from '../../../domain/i18n';
import type { TOfficialDoc } from '../../../domain/reports/document';
import { periodProblem, type TReportType } from '../../../domain/reports/period';
import { chinaToday } from '../../../domain/time';
import type { TAnyCtx } from '../../context';
import { AppError } from '../../http/errors';
import { authorize } from '../../policy';
import { recordAudit } from '../audit/record';
import { findOrgById } from '../orgs/repo';
import { composeCountyStage, findCountyStageFacts, type TCountyStageFacts } from './countyStage';
import { renderOfficialDocx } from './docx/build';
import { issueReportNumber, reportPrefix } from './issue';
import { composeSchoolPlan, findSchoolPlanFacts, type TSchoolPlanFacts } from './schoolPlan';

export interface TReportOptions {
  type: TReportType;
  orgId: number;
  from: string;
  to: string;
  /** The document's date (成文日期); today in China by default. */
  date?: string;
}

export type TReportFacts = { type: 'county-stage'; facts: TCountyStageFacts } | { type: 'school-plan'; facts: TSchoolPlanFacts };

/**
 * The facts and text of a report, without a number and without writing anything. An actor must
 * have `report.export` and the org in scope (else 404); the system (CLI) may read any org.
 */
export async function getReport(ctx: TAnyCtx, opts: TReportOptions): Promise<{ report: TReportFacts; doc: TOfficialDoc; regionId: number; regionName: string }> {
  if (periodProblem(opts)) throw new AppError('REPORT_PERIOD_INVALID');
  const org = await findOrgById(ctx.db, opts.orgId);
  if (ctx.actor) authorize(ctx.actor, 'report.export', org ?? null);
  else if (!org) throw new AppError('NOT_FOUND');
  const date = opts.date ?? chinaToday();
  const q = { db: ctx.db, org: org!, from: opts.from, to: opts.to };
  switch (opts.type) {
    case 'county-stage': {
      const facts = await findCountyStageFacts(q);
      return { report: { type: opts.type, facts }, doc: composeCountyStage(facts, { date, docNo: null }), regionId: facts.regionId, regionName: facts.regionName };
    }
    case 'school-plan': {
      const facts = await findSchoolPlanFacts(q);
      return { report: { type: opts.type, facts }, doc: composeSchoolPlan(facts, { date, docNo: null }), regionId: facts.regionId, regionName: facts.regionName };
    }
  }
}

export interface TReportFile {
  filename: string;
  buffer: Buffer;
  docNo: string;
  doc: TOfficialDoc;
  report: TReportFacts;
}

/**
 * Generates a report as a .docx: the text from the data, its 发文字号 (kept when the same
 * report is generated again), and an audit row `report.export` in the same transaction as the number.
 */
export async function exportReport(ctx: TAnyCtx, opts: TReportOptions): Promise<TReportFile> {
  const { report, doc, regionId, regionName } = await getReport(ctx, opts);
  const prefix = await reportPrefix(ctx.db, { region: { id: regionId, name: regionName }, type: opts.type });
  const year = Number(doc.signature.date.slice(0, 4));
  const issue = await ctx.db.transaction().execute(async (trx) => {
    const issued = await issueReportNumber(trx, { orgId: opts.orgId, type: opts.type, from: opts.from, to: opts.to, prefix, year, userId: ctx.actor?.userId ?? null });
    await recordAudit(trx, ctx, {
      action: 'report.export',
      objectType: 'report',
      objectId: issued.id,
      after: { type: opts.type, orgId: opts.orgId, from: opts.from, to: opts.to, docNo: issued.docNo, title: doc.title, generation: issued.generations },
    });
    return issued;
  });
  const numbered: TOfficialDoc = { ...doc, docNo: issue.docNo };
  const buffer = await renderOfficialDocx(numbered);
  return { filename: `${doc.title}（${formatDate(opts.from)}至${formatDate(opts.to)}）.docx`, buffer, docNo: issue.docNo, doc: numbered, report };
}
