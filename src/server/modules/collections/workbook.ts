import ExcelJS from 'exceljs';

export type TCellValue = string | number | Date | null;

export interface TFillSheet {
  name: string;
  /** First row below the header block (1-based). */
  firstDataRow: number;
  /** Column numbers (1-based) written, in order; `rows[r][k]` goes to column `cols[k]`. */
  cols: readonly number[];
  rows: readonly (readonly TCellValue[])[];
}

const DATE_FMT = /[yd]/i;

/** A date-formatted cell gets a real date; elsewhere the text stays as held (`1985-03-12`, `2008-09`). */
function cellValue(v: TCellValue, numFmt: string | undefined): TCellValue {
  if (typeof v === 'string' && numFmt && DATE_FMT.test(numFmt) && /^\d{4}-\d{2}(-\d{2})?$/.test(v)) {
    return new Date(`${v.length === 7 ? `${v}-01` : v}T00:00:00Z`);
  }
  return v;
}

/**
 * Writes values into the requester's own workbook below its header block: every sheet, header
 * row, style, merged cell, column width, print setting and data validation of the template stays
 * as it was; each written row takes the style (and height) of the template's first data row.
 */
export async function fillWorkbook(template: Buffer, sheets: readonly TFillSheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  for (const spec of sheets) {
    const ws = wb.getWorksheet(spec.name);
    if (!ws) continue;
    const model = ws.getRow(spec.firstDataRow);
    const height = model.height;
    // the first data row's style per column, over every column of the sheet (borders run across)
    const lastCol = Math.max(ws.columnCount, ...spec.cols);
    const styles: Partial<ExcelJS.Style>[] = [];
    for (let c = 1; c <= lastCol; c++) styles[c] = { ...model.getCell(c).style };
    spec.rows.forEach((values, r) => {
      const row = ws.getRow(spec.firstDataRow + r);
      if (height) row.height = height;
      if (r > 0) for (let c = 1; c <= lastCol; c++) row.getCell(c).style = styles[c]!;
      spec.cols.forEach((col, k) => {
        const cell = row.getCell(col);
        cell.value = cellValue(values[k] ?? null, styles[col]?.numFmt);
      });
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
