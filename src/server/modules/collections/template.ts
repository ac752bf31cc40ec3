/**
 * Reading a requester's .xlsx template: refuse what is not a usable workbook before exceljs sees
 * it (not a zip, .xls, password-protected, too big, a zip bomb), then find each sheet's header
 * block — past title rows and 填报单位 lines, across merged cells and multi-row headers — and the
 * first data row.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../http/errors';

export const TEMPLATE_LIMITS = {
  maxBytes: 20 * 1024 * 1024,
  maxColumns: 200,
  /** Total uncompressed size of all parts. */
  maxUncompressed: 200 * 1024 * 1024,
  /** A part this large must not be compressed more than maxRatio times. */
  ratioFloorBytes: 1024 * 1024,
  maxRatio: 100,
  maxEntries: 5000,
  /** Rows searched for the header block. */
  scanRows: 30,
};

export interface TTemplateColumn {
  col: number;
  /** Top to bottom, merged cells expanded, repeats collapsed. */
  labels: string[];
  header: string;
}
export interface TTemplateSheet {
  name: string;
  headerStartRow: number;
  headerEndRow: number;
  firstDataRow: number;
  columns: TTemplateColumn[];
}
export interface TTemplate {
  sheets: TTemplateSheet[];
}

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Checks the zip's central directory (declared sizes) before anything inflates it. */
export function checkZipContainer(buf: Buffer, limits = TEMPLATE_LIMITS): void {
  const tail = Math.max(0, buf.length - 65_557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= tail; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new AppError('NOT_A_SPREADSHEET');
  const entries = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (entries === 0xffff || cdOffset === 0xffffffff) throw new AppError('SPREADSHEET_ZIP_BOMB'); // zip64: no template needs it
  if (entries > limits.maxEntries) throw new AppError('SPREADSHEET_ZIP_BOMB');
  let p = cdOffset;
  let total = 0;
  const names = new Set<string>();
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new AppError('NOT_A_SPREADSHEET');
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    if (size === 0xffffffff || compressed === 0xffffffff) throw new AppError('SPREADSHEET_ZIP_BOMB');
    total += size;
    if (total > limits.maxUncompressed) throw new AppError('SPREADSHEET_ZIP_BOMB');
    if (size > limits.ratioFloorBytes && size > Math.max(1, compressed) * limits.maxRatio) throw new AppError('SPREADSHEET_ZIP_BOMB');
    const nameLength = buf.readUInt16LE(p + 28);
    names.add(buf.toString('utf8', p + 46, Math.min(buf.length, p + 46 + nameLength)));
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  // a zip, but not a workbook (a .docx, a folder of files)
  if (!names.has('xl/workbook.xml')) throw new AppError('NOT_A_SPREADSHEET');
}

/** Refuses a file that is not an .xlsx we may open, with the reason a clerk can act on. */
export function checkWorkbookFile(buf: Buffer, limits = TEMPLATE_LIMITS): void {
  if (buf.length > limits.maxBytes) throw new AppError('FILE_TOO_LARGE');
  if (buf.length >= 8 && buf.subarray(0, 8).equals(OLE2)) {
    // an OLE2 compound file: either a legacy .xls or an encrypted OOXML package (EncryptedPackage stream)
    if (buf.includes(Buffer.from('EncryptedPackage', 'utf16le'))) throw new AppError('SPREADSHEET_ENCRYPTED');
    throw new AppError('XLS_NOT_SUPPORTED');
  }
  if (buf.length < 22 || !buf.subarray(0, 4).equals(ZIP)) throw new AppError('NOT_A_SPREADSHEET');
  checkZipContainer(buf, limits);
}

export function cellText(v: ExcelJS.CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('').trim();
    if ('formula' in v || 'sharedFormula' in v) return cellText((v as { result?: ExcelJS.CellValue }).result);
    if ('text' in v) return String(v.text).trim();
    if ('error' in v) return '';
    return '';
  }
  return String(v).trim();
}

const FILL_LINE = /^(填报单位|填表单位|单位名称|填报日期|填表日期|填表人|制表|统计时间|截止日期|截至|学校盖章|盖章)/;

/** A row's label of column c: the value of the merge's master cell when (r, c) is merged. */
function labelAt(ws: ExcelJS.Worksheet, r: number, c: number): string {
  const cell = ws.getCell(r, c);
  return cellText(cell.isMerged ? cell.master.value : cell.value);
}

function textCells(ws: ExcelJS.Worksheet, r: number, maxCol: number): { texts: number; numbers: number; distinct: number; wide: boolean } {
  let texts = 0;
  let numbers = 0;
  const seen = new Set<string>();
  let wide = false;
  for (let c = 1; c <= maxCol; c++) {
    const cell = ws.getCell(r, c);
    const master = cell.isMerged ? cell.master : cell;
    if (cell.isMerged && master.address !== cell.address) continue;
    const v = master.value;
    if (v === null || v === undefined || v === '') continue;
    if (typeof v === 'number' || v instanceof Date) numbers++;
    else {
      const t = cellText(v);
      if (!t) continue;
      texts++;
      seen.add(t);
    }
    if (cell.isMerged) {
      const m = (ws.model.merges ?? []).find((x) => x.startsWith(master.address + ':'));
      if (m) {
        const [, end] = m.split(':');
        const endCol = ws.getCell(end!).col;
        if (Number(endCol) - Number(master.col) + 1 >= Math.max(3, Math.floor(maxCol * 0.6))) wide = true;
      }
    }
  }
  return { texts, numbers, distinct: seen.size, wide };
}

/** Bottom row of the merges that start in rows [from, to]. */
function mergeBottom(ws: ExcelJS.Worksheet, from: number, to: number): number {
  let bottom = to;
  for (const m of ws.model.merges ?? []) {
    const [a, b] = m.split(':');
    const top = Number(ws.getCell(a!).row);
    const end = Number(ws.getCell(b!).row);
    if (top >= from && top <= to && end > bottom) bottom = end;
  }
  return bottom;
}

function sheetHeader(ws: ExcelJS.Worksheet, limits: typeof TEMPLATE_LIMITS): TTemplateSheet | null {
  const maxCol = ws.columnCount;
  if (maxCol > limits.maxColumns) throw new AppError('TOO_MANY_COLUMNS');
  const last = Math.min(ws.rowCount, limits.scanRows);
  let start = 0;
  for (let r = 1; r <= last; r++) {
    const row = textCells(ws, r, maxCol);
    const first = labelAt(ws, r, 1) || labelAt(ws, r, 2);
    if (row.wide || FILL_LINE.test(first.replace(/\s/g, ''))) continue;
    if (row.distinct >= 2 && row.texts > row.numbers) {
      start = r;
      break;
    }
  }
  if (!start) return null;
  let end = start;
  for (;;) {
    const bottom = mergeBottom(ws, start, end);
    // a row without merges under cells left blank above it (学历 over 最高学历 with no merge) also belongs to the header
    const next = bottom + 1;
    let extends_ = bottom > end;
    if (!extends_ && next <= ws.rowCount) {
      const row = textCells(ws, next, maxCol);
      if (row.numbers === 0 && row.texts > 0) {
        let underBlank = true;
        for (let c = 1; c <= maxCol; c++) {
          if (!labelAt(ws, next, c)) continue;
          const cell = ws.getCell(bottom, c);
          if (labelAt(ws, bottom, c) && !cell.isMerged) underBlank = false;
        }
        if (underBlank) {
          end = next;
          continue;
        }
      }
    }
    if (!extends_) break;
    end = bottom;
    extends_ = false;
  }
  const columns: TTemplateColumn[] = [];
  for (let c = 1; c <= maxCol; c++) {
    const labels: string[] = [];
    for (let r = start; r <= end; r++) {
      const l = labelAt(ws, r, c);
      if (l && labels[labels.length - 1] !== l) labels.push(l);
    }
    if (labels.length) columns.push({ col: c, labels, header: labels.join('/') });
  }
  if (columns.length > limits.maxColumns) throw new AppError('TOO_MANY_COLUMNS');
  // a row of column numbers (1 2 3 … or 甲 乙 丙) right under the header is not data
  let firstDataRow = end + 1;
  const numbers = columns.map((col) => labelAt(ws, firstDataRow, col.col));
  if (numbers.length > 2 && numbers.every((v, i) => v === String(i + 1) || v === String(columns[i]!.col))) firstDataRow++;
  return { name: ws.name, headerStartRow: start, headerEndRow: end, firstDataRow, columns };
}

/** The header block of every sheet that has one; a workbook with none is refused. */
export async function readTemplate(buf: Buffer, opts: { maxBytes?: number } = {}): Promise<TTemplate> {
  const limits = { ...TEMPLATE_LIMITS, ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}) };
  checkWorkbookFile(buf, limits);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new AppError('NOT_A_SPREADSHEET');
  }
  const sheets: TTemplateSheet[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state !== 'visible' && ws.state !== undefined) continue;
    const s = sheetHeader(ws, limits);
    if (s) sheets.push(s);
  }
  if (!sheets.length) throw new AppError('TEMPLATE_NO_HEADER');
  return { sheets };
}
