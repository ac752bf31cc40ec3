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
 * dates. `pages` yields batches so big exports never sit in memory whole.
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

export function sendXlsx(reply: FastifyReply, filename: string, stream: PassThrough) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .send(stream);
}

/** `YYYY-MM-DD` as a real Excel date (noon UTC, so no time zone moves it to another day). */
export function excelDate(day: string | null): Date | null {
  return day ? new Date(`${day.slice(0, 10)}T12:00:00Z`) : null;
}
