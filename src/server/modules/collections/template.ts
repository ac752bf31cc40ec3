/**
 * Reading a requester's .xlsx template: refuse what is not a usable workbook before exceljs sees
 * it (`xlsxFile.ts`: not a zip, .xls, password-protected, too big, a zip bomb), then find each
 * sheet's header block — past title rows, 说明 paragraphs and 填报单位/日期 lines, across merged
 * cells and multi-row headers (merged or not) — and the first data row, past a row of column
 * numbers (1 2 3 / 甲 乙 丙) or an example row (示例：张三 …).
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../http/errors';
import { TEMPLATE_LIMITS, type TTemplateLimits, checkWorkbookFile } from './xlsxFile';

export { TEMPLATE_LIMITS, checkWorkbookFile };

export interface TTemplateColumn {
  /** 1-based. */
  col: number;
  /** Top to bottom, merged cells expanded, repeats collapsed. */
  labels: string[];
  /** The labels joined with '/'. */
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

export function cellText(v: ExcelJS.CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('').trim();
    if ('formula' in v || 'sharedFormula' in v) return cellText((v as { result?: ExcelJS.CellValue }).result);
    if ('text' in v) return String(v.text).trim();
    return '';
  }
  return String(v).trim();
}

interface TRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One sheet as the header search sees it: cell texts with merges expanded, and the merges. */
class SheetView {
  readonly merges: TRange[];
  readonly width: number;
  constructor(private readonly ws: ExcelJS.Worksheet) {
    // exceljs keeps merges by master address; ws.model would serialise every row to get them
    const raw = (ws as unknown as { _merges?: Record<string, TRange> })._merges ?? {};
    this.merges = Object.values(raw).map((m) => ({ top: m.top, left: m.left, bottom: m.bottom, right: m.right }));
    let width = 0;
    ws.eachRow((row) => row.eachCell((cell, c) => void (cellText(cell.value) && (width = Math.max(width, c)))));
    this.width = width;
  }
  mergeAt(r: number, c: number): TRange | undefined {
    return this.merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
  }
  /** The text at (r, c): the merge's master's when the cell is merged. */
  text(r: number, c: number): string {
    const m = this.mergeAt(r, c);
    return cellText(this.ws.getCell(m ? m.top : r, m ? m.left : c).value);
  }
  /** Texts of row r, one per cell or merge, with the raw kinds counted. */
  row(r: number): { texts: string[]; numbers: number; wide: boolean } {
    const texts: string[] = [];
    let numbers = 0;
    let wide = false;
    for (let c = 1; c <= this.width; c++) {
      const m = this.mergeAt(r, c);
      if (m && (m.left !== c || m.top !== r)) continue;
      const v = this.ws.getCell(r, c).value;
      if (typeof v === 'number' || v instanceof Date) numbers++;
      else if (cellText(v)) texts.push(cellText(v));
      if (m && m.right - m.left + 1 >= Math.max(3, Math.floor(this.width * 0.6))) wide = true;
    }
    return { texts, numbers, wide };
  }
}

const FILL_WORDS = /^(填报单位|填表单位|报送单位|填报日期|填表日期|填报时间|填表人|制表人|制表|统计时间|统计截止|截止日期|截至|学校盖章|单位盖章|盖章|审核人|填表说明|说明[:：]|注[:：])/;
const TITLE = /(表|名单|名册|花名册|统计|汇总|情况|信息采集|一览)$/;
/** `label：value` cells of a 填报单位/日期 line, once bracketed notes are gone. */
const LABEL_VALUE = /^[^:：]{1,10}[:：]/;

function stripNotes(s: string): string {
  return s.replace(/\s+/g, '').replace(/[(（[【][^)）\]】]*[)）\]】]/g, '');
}

/** A title, a 说明 paragraph or a 填报单位/日期 line, not a header row. */
function isPreamble(row: { texts: string[]; wide: boolean }): boolean {
  if (row.wide) return true;
  const texts = row.texts.map(stripNotes).filter(Boolean);
  if (texts.length < 2) return true;
  if (FILL_WORDS.test(texts[0]!)) return true;
  if (texts.length > 4) return false;
  // a title with 附件1 or 单位：人 beside it; a line of label：value cells
  const labelled = texts.filter((t) => LABEL_VALUE.test(t) || /[:：]$/.test(t)).length;
  return texts.some((t) => t.length >= 8 && TITLE.test(t)) || labelled * 2 >= texts.length;
}

/** Bottom row of the merges that start in rows [from, to]. */
function mergeBottom(v: SheetView, from: number, to: number): number {
  let bottom = to;
  for (const m of v.merges) if (m.top >= from && m.top <= to && m.bottom > bottom && m.bottom - m.top < 6) bottom = m.bottom;
  return bottom;
}

/**
 * Whether row `next` continues the header beyond its merges: no numbers, and every label in it
 * sits under a blank cell, under a merge across columns (学历 merged over 最高学历 | 第一学历) or
 * under an unmerged group label (学历 | blank over 最高学历 | 第一学历) — a data row has values
 * under plain labels.
 */
function continuesHeader(v: SheetView, last: number, next: number): boolean {
  const row = v.row(next);
  if (row.numbers > 0 || row.texts.length === 0 || row.wide) return false;
  for (let c = 1; c <= v.width; c++) {
    if (!v.text(next, c) || !v.text(last, c)) continue;
    const m = v.mergeAt(last, c);
    if (m && m.right > m.left) continue;
    const group = c < v.width && !v.text(last, c + 1) && !!v.text(next, c + 1);
    if (!group) return false;
  }
  return true;
}

/** The header label of (r, c), a blank of an unmerged group taking the group's label (学历 over 第一学历). */
function groupedLabel(v: SheetView, r: number, c: number, end: number): string {
  const own = v.text(r, c);
  if (own || r === end) return own;
  const below = () => {
    for (let rr = r + 1; rr <= end; rr++) if (v.text(rr, c)) return true;
    return false;
  };
  if (!below()) return '';
  for (let cc = c - 1; cc >= 1; cc--) {
    const t = v.text(r, cc);
    if (!t) continue;
    return v.text(r + 1, cc) ? t : '';
  }
  return '';
}

const NUMBER_ROW = /^(\d{1,3}|[甲乙丙丁戊己庚辛壬癸]|[①-⑳]|[(（]\d{1,3}[)）]|[A-Z])$/;
const EXAMPLE_ROW = /^(示例|例|样例|举例|填写示例|填表示例|范例)/;

function sheetHeader(ws: ExcelJS.Worksheet, limits: TTemplateLimits): TTemplateSheet | null {
  const v = new SheetView(ws);
  if (v.width > limits.maxColumns) throw new AppError('TOO_MANY_COLUMNS');
  const last = Math.min(ws.rowCount, limits.scanRows);
  let start = 0;
  for (let r = 1; r <= last && !start; r++) {
    const row = v.row(r);
    if (!isPreamble(row) && row.texts.length > row.numbers) start = r;
  }
  if (!start) return null;
  let end = start;
  for (;;) {
    const bottom = mergeBottom(v, start, end);
    if (bottom > end) end = bottom;
    else if (end + 1 <= ws.rowCount && end - start < 5 && continuesHeader(v, end, end + 1)) end++;
    else break;
  }
  const columns: TTemplateColumn[] = [];
  for (let c = 1; c <= v.width; c++) {
    const labels: string[] = [];
    for (let r = start; r <= end; r++) {
      const l = groupedLabel(v, r, c, end);
      if (l && labels[labels.length - 1] !== l) labels.push(l);
    }
    if (labels.length) columns.push({ col: c, labels, header: labels.join('/') });
  }
  let firstDataRow = end + 1;
  for (let skipped = 0; skipped < 2; skipped++) {
    const cells = columns.map((col) => v.text(firstDataRow, col.col));
    const filled = cells.filter(Boolean);
    const digits = filled.every((t) => /^\d+$/.test(t)) && filled.every((t, i) => i === 0 || Number(t) === Number(filled[i - 1]) + 1);
    const numbering = filled.length > 2 && filled.length >= columns.length / 2 && filled.every((t) => NUMBER_ROW.test(t.replace(/\s/g, ''))) && (digits || !/^\d/.test(filled[0]!));
    const example = EXAMPLE_ROW.test(v.text(firstDataRow, columns[0]?.col ?? 1).replace(/\s/g, ''));
    if (!numbering && !example) break;
    firstDataRow++;
  }
  return { name: ws.name, headerStartRow: start, headerEndRow: end, firstDataRow, columns };
}

/** The header block of every visible sheet that has one; a workbook with none is refused. */
export async function readTemplate(buf: Buffer, opts: { maxBytes?: number } = {}): Promise<TTemplate> {
  const limits: TTemplateLimits = { ...TEMPLATE_LIMITS, ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}) };
  checkWorkbookFile(buf, limits);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new AppError('NOT_A_SPREADSHEET');
  }
  const sheets: TTemplateSheet[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state === 'hidden' || ws.state === 'veryHidden') continue;
    const s = sheetHeader(ws, limits);
    if (s) sheets.push(s);
  }
  if (!sheets.length) throw new AppError('TEMPLATE_NO_HEADER');
  return { sheets };
}
