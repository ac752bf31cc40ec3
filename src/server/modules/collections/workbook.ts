/**
 * Fills a requester's own .xlsx with rows of values by editing its sheet XML in place: every part
 * of the template that is not a data row (other sheets, header rows, styles, merged cells, column
 * widths, print settings, data validations, frozen panes, images) is kept byte for byte. Written
 * rows take the style and height of the template's first data row. A 30-column × 10,000-row fill
 * is one string build and one deflate (see `npm run bench -- collections-fill`), not a workbook
 * object graph in memory.
 */
import JSZip from 'jszip';
import { writeZip } from './zipWriter';

export type TCellValue = string | number | Date | null;

export interface TFillSheet {
  name: string;
  /** First row below the header block (1-based). */
  firstDataRow: number;
  /** Column numbers (1-based) written, in order; `rows[r][k]` goes to column `cols[k]`. */
  cols: readonly number[];
  rows: readonly (readonly TCellValue[])[];
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    switch (e) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      case 'amp':
        return '&';
      default:
        return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

/** Text for an XML text node: escaped, without the control characters XML 1.0 forbids. */
export function escapeXml(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? m[1] : undefined;
}

function colLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** `B12` → [12, 2]. */
function refOf(ref: string): [number, number] {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) return [0, 0];
  return [Number(m[2]), colNumber(m[1]!)];
}

/** Built-in number formats that are dates (ECMA-376 18.8.30, with the CJK ones). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Style indexes (cellXfs) whose number format shows a date. */
function dateStyles(stylesXml: string | null): Set<number> {
  const out = new Set<number>();
  if (!stylesXml) return out;
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<numFmt\b[^>]*>/g)) {
    const id = Number(attr(m[0], 'numFmtId'));
    custom.set(id, unescapeXml(attr(m[0], 'formatCode') ?? ''));
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml);
  if (!xfs) return out;
  let i = 0;
  for (const m of xfs[1]!.matchAll(/<xf\b[^>]*?(?:\/>|>)/g)) {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
    const code = custom.get(id);
    // a custom format with y or d outside quoted text and brackets is a date format
    const isDate = code !== undefined ? /[yd]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '')) : BUILTIN_DATE_FORMATS.has(id);
    if (isDate) out.add(i);
    i++;
  }
  return out;
}

const EPOCH = Date.UTC(1899, 11, 30);
function excelSerial(d: Date): number {
  return (d.getTime() - EPOCH) / 86_400_000;
}

/** A date-formatted cell gets a real date; elsewhere the text stays as held (`1985-03-12`, `2008-09`). */
function asDate(v: TCellValue, isDateStyle: boolean): Date | null {
  if (v instanceof Date) return v;
  if (isDateStyle && typeof v === 'string' && /^\d{4}-\d{2}(-\d{2})?$/.test(v)) {
    const d = new Date(`${v.length === 7 ? `${v}-01` : v}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}

class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly added: string[] = [];
  refs = 0;
  constructor(
    readonly base: number,
    readonly present: boolean,
  ) {}
  /** The index of a string appended to the table (reused when the same text was added before). */
  of(s: string): number {
    this.refs++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.base + this.added.length;
      this.index.set(s, i);
      this.added.push(s);
    }
    return i;
  }
  /** The table with the new strings appended and its counts updated. */
  write(xml: string): string {
    if (!this.added.length) return xml;
    const items = this.added.map((s) => `<si><t${/^\s|\s$/.test(s) ? ' xml:space="preserve"' : ''}>${escapeXml(s)}</t></si>`).join('');
    const count = Number(attr(xml, 'count') ?? this.base) + this.refs;
    const unique = this.base + this.added.length;
    let out = xml.replace(/<sst\b[^>]*?(\/?)>/, (tag, selfClosing: string) => {
      let t = tag.replace(/\s(count|uniqueCount)="[^"]*"/g, '').replace(/\/?>$/, '');
      t += ` count="${count}" uniqueCount="${unique}">`;
      return selfClosing ? `${t}</sst>` : t;
    });
    out = out.replace(/<\/sst>\s*$/, `${items}</sst>`);
    return out;
  }
}

interface TRowXml {
  r: number;
  xml: string;
}

function splitRows(sheetData: string): TRowXml[] {
  const rows: TRowXml[] = [];
  for (const m of sheetData.matchAll(/<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g)) {
    const r = Number(/^<row\b[^>]*?\sr="(\d+)"/.exec(m[0])?.[1] ?? (rows.at(-1)?.r ?? 0) + 1);
    rows.push({ r, xml: m[0] });
  }
  return rows;
}

/** A template row's cells by column (their XML as it was). */
function cellsOf(row: TRowXml | undefined): Map<number, string> {
  const out = new Map<number, string>();
  if (!row) return out;
  for (const m of row.xml.matchAll(/<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)) {
    const ref = attr(/^<c\b[^>]*?>/.exec(m[0])![0], 'r');
    if (ref) out.set(refOf(ref)[1], m[0]);
  }
  return out;
}

/** The model row's attributes (height, row style) and its cells' styles by column. */
function modelOf(row: TRowXml | undefined): { rowAttrs: string; styles: Map<number, string> } {
  const styles = new Map<number, string>();
  if (!row) return { rowAttrs: '', styles };
  const open = /^<row\b[^>]*?>/.exec(row.xml)![0];
  const keep = ['ht', 'customHeight', 's', 'customFormat'].map((a) => (attr(open, a) !== undefined ? ` ${a}="${attr(open, a)}"` : '')).join('');
  for (const m of row.xml.matchAll(/<c\b[^>]*?(?:\/>|>)/g)) {
    const ref = attr(m[0], 'r');
    const s = attr(m[0], 's');
    if (ref && s !== undefined) styles.set(refOf(ref)[1], s);
  }
  return { rowAttrs: keep, styles };
}

function fillSheetXml(xml: string, spec: TFillSheet, sst: SharedStrings, dates: Set<number>): string {
  const open = /<sheetData\s*\/>|<sheetData\b[^>]*>/.exec(xml);
  if (!open) return xml;
  const selfClosing = open[0].endsWith('/>');
  const start = open.index + open[0].length;
  const end = selfClosing ? start : xml.indexOf('</sheetData>', start);
  const rows = splitRows(xml.slice(start, end));
  const n = spec.rows.length;
  const first = spec.firstDataRow;
  const last = first + n - 1;
  const { rowAttrs, styles } = modelOf(rows.find((r) => r.r === first));
  const written = new Map(spec.cols.map((c, k) => [c, k]));
  const allCols = [...new Set([...styles.keys(), ...spec.cols])].sort((a, b) => a - b);
  const letters = new Map(allCols.map((c) => [c, colLetters(c)]));

  const byNo = new Map(rows.map((r) => [r.r, r]));

  const parts: string[] = [];
  for (const r of rows) if (r.r < first) parts.push(r.xml);
  for (let i = 0; i < n; i++) {
    const rowNo = first + i;
    const values = spec.rows[i]!;
    // a template row already here (an example, a pre-numbered 序号) keeps its cells in the columns not written
    const kept = cellsOf(byNo.get(rowNo));
    const cols = kept.size ? [...new Set([...allCols, ...kept.keys()])].sort((a, b) => a - b) : allCols;
    let cells = '';
    for (const c of cols) {
      const s = styles.get(c);
      const sAttr = s !== undefined ? ` s="${s}"` : '';
      const k = written.get(c);
      if (k === undefined && kept.has(c)) {
        cells += kept.get(c)!;
        continue;
      }
      const ref = `${letters.get(c) ?? colLetters(c)}${rowNo}`;
      const v = k === undefined ? null : (values[k] ?? null);
      if (v === null || v === '') {
        if (s !== undefined) cells += `<c r="${ref}"${sAttr}/>`;
        continue;
      }
      const d = asDate(v, s !== undefined && dates.has(Number(s)));
      if (d) cells += `<c r="${ref}"${sAttr}><v>${excelSerial(d)}</v></c>`;
      else if (typeof v === 'number' && Number.isFinite(v)) cells += `<c r="${ref}"${sAttr}><v>${v}</v></c>`;
      else if (sst.present) cells += `<c r="${ref}"${sAttr} t="s"><v>${sst.of(String(v))}</v></c>`;
      else cells += `<c r="${ref}"${sAttr} t="inlineStr"><is><t xml:space="preserve">${escapeXml(String(v))}</t></is></c>`;
    }
    parts.push(`<row r="${rowNo}"${rowAttrs}>${cells}</row>`);
  }
  for (const r of rows) if (r.r >= first && (n === 0 || r.r > last)) parts.push(r.xml);

  let out = `${xml.slice(0, open.index)}<sheetData>${parts.join('')}</sheetData>${xml.slice(selfClosing ? start : end + '</sheetData>'.length)}`;
  if (n > 0) {
    // merged ranges over the rows now written would cover data: drop them
    out = out.replace(/<mergeCell\b[^>]*ref="([A-Z]+\d+):([A-Z]+\d+)"[^>]*\/>/g, (m, a: string, b: string) => {
      const [r1] = refOf(a);
      const [r2] = refOf(b);
      return r2 >= first && r1 <= last ? '' : m;
    });
    const mergeCount = (out.match(/<mergeCell\b/g) ?? []).length;
    out = mergeCount ? out.replace(/<mergeCells\b[^>]*>/, `<mergeCells count="${mergeCount}">`) : out.replace(/<mergeCells\b[^>]*>\s*<\/mergeCells>/, '');
    const lastRow = Math.max(last, ...rows.map((r) => r.r));
    const lastCol = Math.max(1, ...allCols);
    out = out.replace(/<dimension\b[^>]*\/>/, `<dimension ref="A1:${colLetters(lastCol)}${lastRow}"/>`);
  }
  return out;
}

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `xl/${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.') out.push(p);
  }
  return out.join('/');
}

/**
 * Writes values into the requester's own workbook below its header block: every sheet, header
 * row, style, merged cell, column width, print setting and data validation of the template stays
 * as it was; each written row takes the style (and height) of the template's first data row.
 */
export async function fillWorkbook(template: Buffer, sheets: readonly TFillSheet[]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(template);
  const text = async (name: string) => (zip.file(name) ? await zip.file(name)!.async('string') : null);
  const workbookXml = (await text('xl/workbook.xml')) ?? '';
  const relsXml = (await text('xl/_rels/workbook.xml.rels')) ?? '';
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*\/?>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, resolveTarget(target));
  }
  const sheetPaths = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<sheet\b[^>]*\/?>/g)) {
    const name = unescapeXml(attr(m[0], 'name') ?? '');
    const rid = /\sr:id="([^"]*)"/.exec(m[0])?.[1] ?? new RegExp(`\\s\\w+:id="([^"]*)"`).exec(m[0])?.[1];
    const p = rid ? targets.get(rid) : undefined;
    if (p) sheetPaths.set(name, p);
  }
  const sstXml = await text('xl/sharedStrings.xml');
  const sst = new SharedStrings(sstXml ? (sstXml.match(/<si\b/g) ?? []).length : 0, sstXml !== null);
  const dates = dateStyles(await text('xl/styles.xml'));

  const replaced = new Map<string, Buffer>();
  for (const spec of sheets) {
    const p = sheetPaths.get(spec.name);
    const xml = p ? await text(p) : null;
    if (!p || xml === null) continue;
    replaced.set(p, Buffer.from(fillSheetXml(xml, spec, sst, dates), 'utf8'));
  }
  if (sstXml !== null) replaced.set('xl/sharedStrings.xml', Buffer.from(sst.write(sstXml), 'utf8'));
  // the calculation chain lists formula cells, some of which may have been overwritten: Excel rebuilds it
  const dropped = new Set<string>();
  if (zip.file('xl/calcChain.xml')) {
    dropped.add('xl/calcChain.xml');
    const types = (await text('[Content_Types].xml')) ?? '';
    replaced.set('[Content_Types].xml', Buffer.from(types.replace(/<Override\b[^>]*PartName="\/xl\/calcChain\.xml"[^>]*\/>/, ''), 'utf8'));
    replaced.set('xl/_rels/workbook.xml.rels', Buffer.from(relsXml.replace(/<Relationship\b[^>]*Target="[^"]*calcChain\.xml"[^>]*\/>/, ''), 'utf8'));
  }

  const entries: [string, Buffer][] = [];
  for (const f of Object.values(zip.files)) {
    if (f.dir || dropped.has(f.name)) continue;
    entries.push([f.name, replaced.get(f.name) ?? (await f.async('nodebuffer'))]);
  }
  return writeZip(entries);
}
