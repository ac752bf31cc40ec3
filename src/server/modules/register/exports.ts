/**
 * Excel exports of the register's lists, each the list as filtered on screen: Chinese headers, a
 * frozen header row, column widths, real dates; big lists stream page by page (keyset), capped
 * at EXPORT_MAX_ROWS, with the filtered count for the download's progress.
 */
import type { PassThrough } from 'node:stream';
import { label } from '../../../domain/i18n';
import type { TCtx } from '../../context';
import { excelDate, keysetPages, onePage, streamXlsx, type TExcelColumn } from '../../http/excel';
import type { TItemKind } from '../../../domain/register/kinds';
import { recordAudit } from '../audit/record';
import { getBaseline, type TBaselineDecisionFilter } from './baseline';
import { findItems, itemListQuery, type TItemQuery } from './items';
import { presentSummary } from './present';
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
const ITEM_COLUMNS: TExcelColumn<TSummary>[] = [
  { header: '编号', width: 8, value: (r) => r.id },
  { header: '准入编号', width: 22, value: (r) => r.admissionNo },
  { header: '类别', width: 16, value: (r) => label(`itemKind.${r.kind}`) },
  { header: '事项名称', width: 40, value: (r) => r.title },
  { header: '发起单位', width: 20, value: (r) => r.issuerName },
  { header: '状态', width: 10, value: (r) => label(`itemStatus.${r.status}`) },
  { header: '开始日期', width: 12, value: (r) => excelDate(r.windowStart), numFmt: 'yyyy-mm-dd' },
  { header: '结束日期', width: 12, value: (r) => excelDate(r.windowEnd), numFmt: 'yyyy-mm-dd' },
  { header: '计划内', width: 8, value: (r) => (r.planned ? '是' : '一事一报') },
  { header: '涉及学校数', width: 10, value: (r) => r.schoolCount },
  { header: '教师负担（小时/年）', width: 14, value: (r) => r.teacherHours, numFmt: '#,##0.0' },
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
