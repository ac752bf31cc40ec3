/**
 * The cases list as Excel (`GET /cases/export.xlsx`): the list's scope and filters, newest first,
 * streamed page by page (keyset on id), capped at EXPORT_MAX_ROWS. Headers come from the label
 * table (zh); dates are real Excel dates. The reporter's name and phone are columns for the office
 * role only, as in the list and the case view. Every export is audited with its filters.
 */
import type { PassThrough } from 'node:stream';
import { label } from '../../../domain/i18n';
import type { TCtx } from '../../context';
import { EXPORT_MAX_ROWS, excelDate, keysetPages, streamXlsx, type TExcelColumn } from '../../http/excel';
import { authorize } from '../../policy';
import { recordAudit } from '../audit/record';
import { filtered, type TCaseFilter } from './cases';
import { seesReporter } from './policy';
import { presentSummary, reporterOf } from './present';
import { groupSizes, type TCaseJoined } from './repo';

type TExportRow = ReturnType<typeof presentSummary> & { text: string; reporter: { anonymous: boolean; name: string | null; phone: string | null } | null };

const zh = (key: string) => label(key, 'zh');
const DAY = 'yyyy-mm-dd';

const COLUMNS: TExcelColumn<TExportRow>[] = [
  { header: zh('caseUi.trackingNo'), width: 20, value: (r) => r.trackingNo },
  { header: zh('caseUi.status'), width: 10, value: (r) => zh(`caseStatus.${r.status}`) },
  { header: zh('caseUi.category'), width: 22, value: (r) => zh(`caseCategory.${r.category}`) },
  { header: zh('caseUi.source'), width: 10, value: (r) => zh(`caseSource.${r.source}`) },
  { header: zh('caseUi.channel'), width: 10, value: (r) => (r.channel ? zh(`caseChannel.${r.channel}`) : null) },
  { header: zh('caseUi.text'), width: 60, value: (r) => r.text },
  { header: zh('caseUi.targetOrg'), width: 24, value: (r) => r.targetOrg?.name ?? r.targetText },
  { header: zh('caseUi.assignedOrg'), width: 24, value: (r) => r.assignedOrg?.name ?? null },
  { header: zh('caseUi.receivedAt'), width: 12, value: (r) => excelDate(r.receivedOn), numFmt: DAY },
  { header: zh('caseUi.dueAt'), width: 12, value: (r) => excelDate(r.dueOn), numFmt: DAY },
  { header: zh('caseUi.rectifyDeadline'), width: 12, value: (r) => excelDate(r.rectifyDeadline), numFmt: DAY },
  { header: zh('caseUi.overdue'), width: 8, value: (r) => (r.overdue ? zh('common.yes') : null) },
  { header: zh('caseUi.duplicateCount'), width: 10, value: (r) => r.duplicateCount },
  { header: zh('caseUi.groupId'), width: 10, value: (r) => r.groupId },
];

const REPORTER_COLUMNS: TExcelColumn<TExportRow>[] = [
  { header: zh('caseUi.reporterName'), width: 12, value: (r) => (r.reporter?.anonymous ? zh('caseUi.anonymous') : (r.reporter?.name ?? null)) },
  { header: zh('caseUi.reporterPhone'), width: 16, value: (r) => r.reporter?.phone ?? null },
];

export async function exportCases(ctx: TCtx, f: TCaseFilter): Promise<{ stream: PassThrough; total: number; columns: number; filename: string }> {
  authorize(ctx.actor, 'case.read');
  const withReporter = seesReporter(ctx.actor);
  const { q, today } = filtered(ctx, f);
  const { n } = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const total = Number(n);
  await recordAudit(ctx.db, ctx, { action: 'case.export', objectType: 'case', after: { filters: f, rows: Math.min(total, EXPORT_MAX_ROWS), reporter: withReporter } });
  const present = async (rows: TCaseJoined[]): Promise<TExportRow[]> => {
    const sizes = await groupSizes(ctx.db, rows.flatMap((r) => (r.group_id ? [r.group_id] : [])));
    return rows.map((r) => ({
      ...presentSummary(r, { today, groupSize: r.group_id ? sizes.get(r.group_id) : 1 }),
      text: r.text,
      reporter: withReporter ? reporterOf(ctx, r) : null,
    }));
  };
  const pages = keysetPages((before, limit) =>
    filtered(ctx, f)
      .q.$if(before !== null, (qb) => qb.where('c.id', '<', before!))
      .orderBy('c.id', 'desc')
      .limit(limit)
      .execute()
      .then(present),
  );
  const columns = withReporter ? [...COLUMNS, ...REPORTER_COLUMNS] : COLUMNS;
  const sheet = zh('nav.cases');
  return { stream: streamXlsx({ sheet, columns, pages }), total, columns: columns.length, filename: `${sheet}-${today}.xlsx` };
}
