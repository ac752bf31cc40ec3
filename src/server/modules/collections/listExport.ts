/**
 * The collections list in Excel, as filtered on screen (status as shown): Chinese headers from the
 * label table, a frozen header row, widths, real dates; streamed page by page (keyset, newest
 * first, as the list), capped at EXPORT_MAX_ROWS, with the filtered count for the progress. No
 * personal data is in it; the export is still recorded in the audit log, with its filters.
 */
import type { PassThrough } from 'node:stream';
import { label } from '../../../domain/i18n';
import { chinaToday } from '../../../domain/time';
import type { TCtx } from '../../context';
import { excelDate, keysetPages, streamXlsx, type TExcelColumn } from '../../http/excel';
import { recordAudit } from '../audit/record';
import { collectionListRows, findCollections, presentCollectionSummary, type TCollectionListStatus } from './present';

type TRow = ReturnType<typeof presentCollectionSummary>;

const COLUMNS: TExcelColumn<TRow>[] = [
  { header: label('collections.export.id'), width: 8, value: (r) => r.id },
  { header: label('collections.field.title'), width: 36, value: (r) => r.title },
  { header: label('collections.field.requester'), width: 20, value: (r) => r.requesterName },
  { header: label('collections.field.subject'), width: 8, value: (r) => label(`collections.subjectShort.${r.subjectType}`) },
  { header: label('item.admissionNo'), width: 22, value: (r) => r.admissionNo },
  { header: label('collections.roster.status'), width: 10, value: (r) => label(`collections.status.${r.status}`) },
  { header: label('collections.export.heldColumns'), width: 12, value: (r) => r.reuse.held },
  { header: label('collections.export.columns'), width: 10, value: (r) => r.reuse.columns },
  { header: label('collections.field.overlap'), width: 10, value: (r) => r.overlapMax, numFmt: '0%' },
  { header: label('collections.export.done'), width: 10, value: (r) => r.progress.done, numFmt: '#,##0' },
  { header: label('collections.export.total'), width: 10, value: (r) => r.progress.total, numFmt: '#,##0' },
  { header: label('collections.export.hours'), width: 14, value: (r) => r.hoursSaved, numFmt: '#,##0.00' },
  { header: label('collections.export.createdAt'), width: 12, value: (r) => excelDate(chinaToday(new Date(r.createdAt))), numFmt: 'yyyy-mm-dd' },
];

export async function exportCollections(ctx: TCtx, q: { status?: TCollectionListStatus | undefined }): Promise<{ stream: PassThrough; total: number; columns: number; filename: string }> {
  const { total } = await findCollections(ctx, { ...q, page: 1, pageSize: 1 }); // authorises, counts
  await recordAudit(ctx.db, ctx, { action: 'collection.list_export', objectType: 'collection', after: { filters: q, rows: total } });
  const pages = keysetPages((before, limit) =>
    collectionListRows(ctx, q)
      .$if(before !== null, (qb) => qb.where('c.id', '<', before!))
      .orderBy('c.id', 'desc')
      .limit(limit)
      .execute()
      .then((rows) => rows.map(presentCollectionSummary)),
  );
  const sheet = label('collections.list.title');
  return { stream: streamXlsx({ sheet, columns: COLUMNS, pages }), total, columns: COLUMNS.length, filename: `${sheet}-${chinaToday()}.xlsx` };
}
