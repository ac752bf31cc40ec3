/**
 * The teacher list of an org subtree in Excel, as filtered on screen (the name search): Chinese
 * headers from the label table, a frozen header row, widths, birth dates as real dates, ID numbers
 * and mobiles masked as in the list (the middle digits are never read). It names people, so the
 * export is recorded in the audit log with its filters and row count. Outside the actor's scope the
 * org is 404; without `teacher.read`, 403 (findTeachers authorises).
 */
import type { PassThrough } from 'node:stream';
import { label } from '../../../domain/i18n';
import { chinaToday } from '../../../domain/time';
import type { TCtx } from '../../context';
import { EXPORT_MAX_ROWS, excelDate, streamXlsx, type TExcelColumn } from '../../http/excel';
import { recordAudit } from '../audit/record';
import { findTeachers } from '../teachers/service';

type TTeacherRow = Awaited<ReturnType<typeof findTeachers>>['items'][number];

const COLUMNS: TExcelColumn<TTeacherRow>[] = [
  { header: label('teacher.name'), width: 12, value: (r) => r.name },
  { header: label('teacher.gender'), width: 6, value: (r) => (r.gender ? label(`gender.${r.gender}`) : null) },
  { header: label('teacher.birthDate'), width: 12, value: (r) => excelDate(r.birthDate), numFmt: 'yyyy-mm-dd' },
  { header: label('teacher.idNumber'), width: 22, value: (r) => r.idNumberMasked },
  { header: label('teacher.mobile'), width: 14, value: (r) => r.mobileMasked },
  { header: label('teacher.subject'), width: 12, value: (r) => r.subject },
  { header: label('teacher.jobTitle'), width: 16, value: (r) => r.title },
];

const PAGE = 1000;

export async function exportTeachers(ctx: TCtx, q: { orgId: number; q?: string | undefined }): Promise<{ stream: PassThrough; total: number; columns: number; filename: string }> {
  const first = await findTeachers(ctx, { ...q, page: 1, pageSize: 1 }); // authorises (404 out of scope, 403 without teacher.read), counts
  await recordAudit(ctx.db, ctx, { action: 'teacher.export', objectType: 'org', objectId: q.orgId, after: { filters: { q: q.q ?? null }, rows: Math.min(first.total, EXPORT_MAX_ROWS), personalData: 'masked' } });
  // the list's own order (by id) and filter, a page at a time
  async function* pages() {
    for (let page = 1; (page - 1) * PAGE < Math.min(first.total, EXPORT_MAX_ROWS); page++) {
      const { items } = await findTeachers(ctx, { ...q, page, pageSize: PAGE });
      if (!items.length) return;
      yield items;
    }
  }
  const sheet = label('teacher.sheet');
  return { stream: streamXlsx({ sheet, columns: COLUMNS, pages: pages() }), total: first.total, columns: COLUMNS.length, filename: `${sheet}-${chinaToday()}.xlsx` };
}
