import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export interface TExcelColumn<T> {
  header: string;
  width: number;
  value: (row: T) => string | number | Date | null;
  numFmt?: string;
}

/**
 * Streams rows into an .xlsx: Chinese headers, a frozen bold header row, column widths, real
 * dates. `pages` yields batches so big exports never sit in memory whole, and the next batch is
 * read only once the client has taken the last (a slow download does not fill the memory).
 */
export function streamXlsx<T>(opts: { sheet: string; columns: TExcelColumn<T>[]; pages: AsyncIterable<T[]> }): PassThrough {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet(opts.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = opts.columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  void (async () => {
    try {
      for await (const page of opts.pages) {
        for (const row of page) ws.addRow(Object.fromEntries(opts.columns.map((c, i) => [`c${i}`, c.value(row)]))).commit();
        // backpressure: ExcelJS writes on regardless; wait while the client has not taken what is buffered
        if (out.writableNeedDrain) await once(out, 'drain');
      }
      ws.commit();
      await wb.commit();
    } catch (err) {
      out.destroy(err as Error);
    }
  })();
  return out;
}

export async function* onePage<T>(rows: T[]): AsyncIterable<T[]> {
  yield rows;
}

/** Rows one export writes at most; past it the export stops and says so (`x-truncated`). */
export const EXPORT_MAX_ROWS = 100_000;

/**
 * Sends an .xlsx stream. With `totalRows` (the filtered count, known before streaming) the
 * answer carries `x-total-rows` and `x-row-bytes` (a rough compressed size of a row), from which
 * the web app shows the download's progress as the bytes arrive (the body is zipped, so bytes are
 * the only thing it can count); `x-truncated: 1` when the list had more than EXPORT_MAX_ROWS.
 */
export function sendXlsx(reply: FastifyReply, filename: string, stream: PassThrough, opts: { totalRows?: number; columns?: number } = {}) {
  if (opts.totalRows !== undefined) {
    reply.header('x-total-rows', String(Math.min(opts.totalRows, EXPORT_MAX_ROWS)));
    reply.header('x-row-bytes', String(rowBytesEstimate(opts.columns ?? 10)));
    if (opts.totalRows > EXPORT_MAX_ROWS) reply.header('x-truncated', '1');
  }
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .send(stream);
}

/** Compressed bytes a row of `columns` short cells takes in the streamed .xlsx, roughly (bench/export.ts measured 63 B for the 11 of the items list). */
export function rowBytesEstimate(columns: number): number {
  return Math.round(8 + 5 * columns);
}

/**
 * Pages of rows by keyset (`id` descending, newest first), `pageSize` at a time, at most `max`
 * rows: each page is one indexed range query, however deep the export goes (no OFFSET scans).
 */
export async function* keysetPages<T extends { id: number }>(fetch: (beforeId: number | null, limit: number) => Promise<T[]>, opts: { pageSize?: number; max?: number } = {}): AsyncIterable<T[]> {
  const pageSize = opts.pageSize ?? 1000;
  let left = opts.max ?? EXPORT_MAX_ROWS;
  let before: number | null = null;
  while (left > 0) {
    const rows = await fetch(before, Math.min(pageSize, left));
    if (!rows.length) return;
    yield rows;
    left -= rows.length;
    before = rows[rows.length - 1]!.id;
    if (rows.length < pageSize) return;
  }
}

/**
 * `YYYY-MM-DD` as a real Excel date: a whole serial day number (exceljs writes a Date as UTC), so
 * that a cell equals `DATE(y, m, d)` in a formula and carries no half-day fraction.
 */
export function excelDate(day: string | null): Date | null {
  return day ? new Date(`${day.slice(0, 10)}T00:00:00Z`) : null;
}
