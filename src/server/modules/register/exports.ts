/**
 * Excel exports of the register's lists, each the list as filtered on screen: Chinese headers, a
 * frozen header row, column widths, real dates; big lists stream page by page (keyset), capped
 * at EXPORT_MAX_ROWS, with the filtered count for the download's progress.
 */
import type { PassThrough } from 'node:stream';
import { label } from '../../../domain/i18n';
import type { TCtx } from '../../context';
import { EXPORT_MAX_ROWS, excelDate, keysetPages, onePage, streamXlsx, type TExcelColumn } from '../../http/excel';
import type { TItemKind } from '../../../domain/register/kinds';
import { CHINA_OFFSET_MINUTES } from '../../../domain/time';
import { recordAudit } from '../audit/record';
import { getPlan, LEAD_COLUMNS, leadQuery, presentLead } from './admin';
import { getBaseline, type TBaselineDecisionFilter } from './baseline';
import { findItems, itemListQuery, type TItemQuery } from './items';
import { presentSummary } from './present';
import { findSchoolItems, type TSchoolItemView } from './school';
import { findSecondments, type TSecondmentState } from './secondments';

export interface TExport {
  stream: PassThrough;
  filename: string;
  total: number;
  columns: number;
}

const today = () => new Date().toISOString().slice(0, 10);

function make<T>(sheet: string, filename: string, columns: TExcelColumn<T>[], pages: AsyncIterable<T[]>, total: number): TExport {
  return { stream: streamXlsx({ sheet, columns, pages }), filename, total, columns: columns.length };
}

type TSummary = ReturnType<typeof presentSummary>;
const DATE = 'yyyy-mm-dd';
const ITEM_COLUMNS: TExcelColumn<TSummary>[] = [
  { header: label('registerExport.id'), width: 8, value: (r) => r.id },
  { header: label('item.admissionNo'), width: 22, value: (r) => r.admissionNo },
  { header: label('item.kind'), width: 16, value: (r) => label(`itemKind.${r.kind}`) },
  { header: label('item.title'), width: 40, value: (r) => r.title },
  { header: label('item.issuer'), width: 20, value: (r) => r.issuerName },
  { header: label('item.status'), width: 10, value: (r) => label(`itemStatus.${r.status}`) },
  { header: label('registerExport.windowStart'), width: 12, value: (r) => excelDate(r.windowStart), numFmt: DATE },
  { header: label('registerExport.windowEnd'), width: 12, value: (r) => excelDate(r.windowEnd), numFmt: DATE },
  { header: label('registerExport.planned'), width: 8, value: (r) => (r.planned ? label('common.yes') : label('item.adhoc')) },
  { header: label('registerExport.schoolCount'), width: 10, value: (r) => r.schoolCount },
  { header: label('item.teacherHours'), width: 14, value: (r) => r.teacherHours, numFmt: '#,##0.0' },
];

/** The items list with its filters (status, kind, year, text), newest first. */
export async function exportItems(ctx: TCtx, q: Omit<TItemQuery, 'page' | 'pageSize'>): Promise<TExport> {
  const { total } = await findItems(ctx, { ...q, page: 1, pageSize: 1 }); // authorises, counts
  const pages = keysetPages((before, limit) =>
    itemListQuery(ctx, q)
      .select((eb) => eb.selectFrom('item_schools').select((e2) => e2.fn.countAll<number>().as('c')).whereRef('item_schools.item_id', '=', 'items.id').as('school_count'))
      .$if(before !== null, (qb) => qb.where('items.id', '<', before!))
      .orderBy('items.id', 'desc')
      .limit(limit)
      .execute()
      .then((rows) => rows.map(presentSummary)),
  );
  return make('事项登记', `事项登记-${today()}.xlsx`, ITEM_COLUMNS, pages, total);
}

type TBaselineEntry = Awaited<ReturnType<typeof getBaseline>>['entries'][number];
const DECISION: Record<string, string> = { keep: '保留', merge: '合并', cancel: '取消' };

export type TBaselineFilter = { baselineYear: number; year: number; kind?: TItemKind | undefined; decision?: TBaselineDecisionFilter | undefined };

/** The baseline inventory (全面登记) of a year with each entry's decision, filtered by kind and decision as on screen. */
export async function exportBaseline(ctx: TCtx, q: TBaselineFilter): Promise<TExport> {
  const all = await getBaseline(ctx, q);
  const b = { entries: all.entries.filter((e) => (!q.kind || e.kind === q.kind) && (!q.decision || (e.decision ?? 'undecided') === q.decision)) };
  await recordAudit(ctx.db, ctx, { action: 'baseline.export', objectType: 'baseline', after: { filters: q, rows: b.entries.length } });
  const columns: TExcelColumn<TBaselineEntry>[] = [
    { header: '编号', width: 8, value: (r) => r.id },
    { header: '类别', width: 16, value: (r) => label(`itemKind.${r.kind}`) },
    { header: '事项名称', width: 40, value: (r) => r.title },
    { header: '发起单位', width: 20, value: (r) => r.issuerName },
    { header: '每人每次用时（分钟）', width: 12, value: (r) => r.minutesPerRespondent },
    { header: '涉及教师人数', width: 12, value: (r) => r.respondents, numFmt: '#,##0' },
    { header: '每年次数', width: 10, value: (r) => r.timesPerYear },
    { header: '教师负担（小时/年）', width: 14, value: (r) => r.teacherHours, numFmt: '#,##0.0' },
    { header: '处理意见', width: 10, value: (r) => (r.decision ? (DECISION[r.decision] ?? r.decision) : '未处理') },
    { header: '理由', width: 30, value: (r) => r.reason },
  ];
  return make('全面登记', `全面登记-${q.baselineYear}年-${today()}.xlsx`, columns, onePage(b.entries), b.entries.length);
}

type TSecondment = Awaited<ReturnType<typeof findSecondments>>[number];

/** The secondment clearance list (借用教师清退台账), filtered as on screen; it names teachers, so the export is audited. */
export async function exportSecondments(ctx: TCtx, q: { state?: TSecondmentState | undefined } = {}): Promise<TExport> {
  const rows = await findSecondments(ctx, q);
  await recordAudit(ctx.db, ctx, { action: 'secondment.export', objectType: 'secondment', after: { filters: q, rows: rows.length } });
  const columns: TExcelColumn<TSecondment>[] = [
    { header: '编号', width: 8, value: (r) => r.id },
    { header: '教师', width: 12, value: (r) => r.teacherName },
    { header: '借用单位', width: 24, value: (r) => r.borrowingUnit },
    { header: '借用开始', width: 12, value: (r) => excelDate(r.from), numFmt: 'yyyy-mm-dd' },
    { header: '清退期限', width: 12, value: (r) => excelDate(r.deadline), numFmt: 'yyyy-mm-dd' },
    { header: '状态', width: 10, value: (r) => label(`itemStatus.${r.status}`) },
    { header: '是否经批准', width: 10, value: (r) => (r.approved ? '是' : '否') },
    { header: '准入编号', width: 22, value: (r) => r.admissionNo },
    { header: '返岗日期', width: 12, value: (r) => excelDate(r.returnedAt), numFmt: 'yyyy-mm-dd' },
    { header: '是否逾期', width: 10, value: (r) => (r.overdue ? '逾期' : '') },
  ];
  return make('借用教师清退台账', `借用教师清退台账-${today()}.xlsx`, columns, onePage(rows), rows.length);
}

/** The items of a year's annual plan in the actor's scope, as the plan page lists them (by start date); audited. */
export async function exportPlan(ctx: TCtx, q: { year: number }): Promise<TExport> {
  const plan = await getPlan(ctx, q.year);
  await recordAudit(ctx.db, ctx, { action: 'plan.export', objectType: 'annual_plan', objectId: plan.plan?.id ?? null, after: { filters: q, rows: plan.items.length } });
  return make(label('nav.plans'), `${label('nav.plans')}-${q.year}年-${today()}.xlsx`, ITEM_COLUMNS, onePage(plan.items), plan.items.length);
}

/** A timestamp as a real Excel date-time on the China clock (Excel cells carry no time zone). */
function chinaDateTime(iso: string): Date {
  return new Date(Date.parse(iso) + CHINA_OFFSET_MINUTES * 60_000);
}

type TLead = ReturnType<typeof presentLead>;
const LEAD_EXPORT_COLUMNS: TExcelColumn<TLead>[] = [
  { header: label('registerExport.id'), width: 8, value: (r) => r.id },
  { header: label('lead.createdAt'), width: 18, value: (r) => chinaDateTime(r.createdAt), numFmt: 'yyyy-mm-dd hh:mm' },
  { header: label('lead.source'), width: 18, value: (r) => label(`leadSource.${r.source}`) },
  { header: label('lead.schoolName'), width: 20, value: (r) => r.schoolName },
  { header: label('lead.itemCode'), width: 14, value: (r) => r.itemCode },
  { header: label('lead.text'), width: 60, value: (r) => r.text },
  { header: label('lead.status'), width: 10, value: (r) => label(`leadStatus.${r.status}`) },
];

/** The leads of the actor's region (the list has no filters), newest first, by keyset; audited: they may name schools and people. */
export async function exportLeads(ctx: TCtx): Promise<TExport> {
  const base = await leadQuery(ctx); // authorises
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const total = Number(n);
  await recordAudit(ctx.db, ctx, { action: 'lead.export', objectType: 'lead', after: { rows: Math.min(total, EXPORT_MAX_ROWS) } });
  const pages = keysetPages((before, limit) =>
    base
      .select([...LEAD_COLUMNS])
      .$if(before !== null, (qb) => qb.where('leads.id', '<', before!))
      .orderBy('leads.id', 'desc')
      .limit(limit)
      .execute()
      .then((rows) => rows.map(presentLead)),
  );
  return make(label('nav.leads'), `${label('nav.leads')}-${today()}.xlsx`, LEAD_EXPORT_COLUMNS, pages, total);
}

const SCHOOL_ITEM_COLUMNS: TExcelColumn<TSchoolItemView>[] = [
  { header: label('item.admissionNo'), width: 22, value: (r) => r.admissionNo },
  { header: label('item.verifyCode'), width: 14, value: (r) => r.verifyCode },
  { header: label('item.kind'), width: 16, value: (r) => label(`itemKind.${r.kind}`) },
  { header: label('item.title'), width: 40, value: (r) => r.title },
  { header: label('registerExport.windowStart'), width: 12, value: (r) => excelDate(r.windowStart), numFmt: DATE },
  { header: label('registerExport.windowEnd'), width: 12, value: (r) => excelDate(r.windowEnd), numFmt: DATE },
  { header: label('item.revokedAt'), width: 12, value: (r) => excelDate(r.revokedAt), numFmt: DATE },
  { header: label('registerExport.uses'), width: 12, value: (r) => r.uses },
  { header: label('item.frequencyCap'), width: 14, value: (r) => r.frequencyCap },
];

/** What may enter the actor's school this term, with uses against caps, as the school page shows it; audited. */
export async function exportSchoolItems(ctx: TCtx, q: { date?: string | undefined }): Promise<TExport> {
  const view = await findSchoolItems(ctx, q); // authorises
  await recordAudit(ctx.db, ctx, { action: 'school_item.export', objectType: 'school', objectId: view.school.id, after: { filters: q, rows: view.items.length } });
  const name = label('nav.school');
  return make(name, `${name}-${view.school.name}-${today()}.xlsx`, SCHOOL_ITEM_COLUMNS, onePage(view.items), view.items.length);
}
