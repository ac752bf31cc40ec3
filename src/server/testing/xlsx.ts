import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

/** The first sheet of a workbook (an export's body). */
export async function firstSheet(body: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

/** A row's cell values, 1-based row number, without exceljs's empty slot 0. */
export function rowValues(ws: ExcelJS.Worksheet, n: number): unknown[] {
  return (ws.getRow(n).values as unknown[]).slice(1);
}

/** An Excel export answered 200 as a spreadsheet: its first sheet, header row and data rows. */
export async function exportSheet(res: LightMyRequestResponse): Promise<{ ws: ExcelJS.Worksheet; header: unknown[]; rows: unknown[][] }> {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const ws = await firstSheet(res.rawPayload);
  const rows: unknown[][] = [];
  ws.eachRow((_row, n) => {
    if (n > 1) rows.push(rowValues(ws, n));
  });
  return { ws, header: rowValues(ws, 1), rows };
}
