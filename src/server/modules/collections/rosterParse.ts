import ExcelJS from 'exceljs';
import { validateIdNumber } from '../../../domain/validators/idNumber';
import { AppError } from '../../http/errors';
import { catalogLabel, isDerivedKey, matchColumn, normalizeValue, readTemplateFile } from './catalogAccess';

export interface TRowReason {
  zh: string;
  en: string;
}

export interface TRosterColumn {
  col: number;
  header: string;
  field: string | null;
  confidence: number;
}

/** One data row of a roster: normalised values by catalog key, and why it is refused if it is. */
export interface TRosterRow {
  row: number;
  name: string;
  idNumber: string | null;
  values: Record<string, string>;
  reasons: TRowReason[];
  action: 'new' | 'update' | null;
  teacherId: number | null;
}

export const MAX_ROSTER_ROWS = 100_000;
const ID_TYPE_RESIDENT = /^(居民身份证|身份证|中华人民共和国居民身份证)$/;

function text(v: ExcelJS.CellValue): unknown {
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return v;
}

const GENDER_BY_ID = { male: '男', female: '女' } as const;

/** Cross-field checks of one row (the ID number decides birth date and gender). */
function checkRow(r: TRosterRow): void {
  const id = r.idNumber ? validateIdNumber(r.idNumber) : null;
  if (!r.name) r.reasons.push({ zh: '姓名为空', en: 'The name is empty' });
  if (!r.idNumber) return;
  if (!id?.ok) return;
  const birth = r.values['teacher.birthDate'];
  if (birth && !id.birthDate.startsWith(birth)) {
    r.reasons.push({ zh: `出生日期（${birth}）与身份证件号中的出生日期（${id.birthDate}）不一致`, en: `The birth date (${birth}) differs from the one in the ID number (${id.birthDate})` });
  }
  const gender = r.values['teacher.gender'];
  if (gender && gender !== GENDER_BY_ID[id.gender]) {
    r.reasons.push({ zh: `性别（${gender}）与身份证件号不一致`, en: `The gender (${gender}) does not agree with the ID number` });
  }
  const work = r.values['teacher.workStartDate'];
  const join = r.values['teacher.schoolJoinDate'];
  if (work && work.slice(0, 7) < id.birthDate.slice(0, 7)) r.reasons.push({ zh: '参加工作年月早于出生日期', en: 'The work start date is before the birth date' });
  if (work && join && join.slice(0, 7) < work.slice(0, 7)) r.reasons.push({ zh: '进本校年月早于参加工作年月', en: 'The school join date is before the work start date' });
}

/**
 * Reads a roster in the national teacher system's export style: the header block is found and
 * matched to catalog keys (part A), then every data row is validated cell by cell (the catalog's
 * validators: ID checksum, dates, enumerations) and across cells (birth date and gender against
 * the ID number, dates in order, the same ID twice in the file).
 */
export async function parseRoster(buf: Buffer): Promise<{ columns: TRosterColumn[]; rows: TRosterRow[] }> {
  const template = await readTemplateFile(buf);
  let chosen: { sheet: (typeof template.sheets)[number]; columns: TRosterColumn[] } | null = null;
  for (const sheet of template.sheets) {
    const columns = sheet.columns.map((c) => {
      const m = matchColumn(c.labels, 'teacher');
      return { col: c.col, header: c.header, field: m.field && !isDerivedKey(m.field) ? m.field : null, confidence: m.confidence };
    });
    const fields = new Set(columns.map((c) => c.field));
    if (fields.has('teacher.name') && fields.has('teacher.idNumber')) {
      chosen = { sheet, columns };
      break;
    }
  }
  if (!chosen) throw new AppError('ROSTER_COLUMNS_MISSING');
  // a key matched twice keeps its first column
  const seenKey = new Set<string>();
  const columns = chosen.columns.map((c) => {
    if (!c.field || !seenKey.has(c.field)) {
      if (c.field) seenKey.add(c.field);
      return c;
    }
    return { ...c, field: null };
  });

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(chosen.sheet.name);
  if (!ws) throw new AppError('INVALID_SPREADSHEET');
  if (ws.rowCount - chosen.sheet.firstDataRow + 1 > MAX_ROSTER_ROWS) throw new AppError('PAYLOAD_TOO_LARGE');
  const rows: TRosterRow[] = [];
  const firstRowOfId = new Map<string, number>();
  const mapped = columns.filter((c): c is TRosterColumn & { field: string } => c.field !== null);
  for (let n = chosen.sheet.firstDataRow; n <= ws.rowCount; n++) {
    const xr = ws.getRow(n);
    if (!xr.hasValues) continue;
    const r: TRosterRow = { row: n, name: '', idNumber: null, values: {}, reasons: [], action: null, teacherId: null };
    let idTypeOther = false;
    for (const c of mapped) {
      const raw = text(xr.getCell(c.col).value);
      if (raw == null || (typeof raw === 'string' && raw.trim() === '')) {
        if (c.field === 'teacher.idNumber') r.reasons.push({ zh: '身份证件号为空', en: 'The ID number is empty' });
        continue;
      }
      const v = normalizeValue(c.field, raw);
      if (!v.ok) {
        r.reasons.push({ zh: `${c.header}：${v.zh}`, en: `${catalogLabel(c.field, 'en')}: ${v.en}` });
        continue;
      }
      r.values[c.field] = v.value;
    }
    const idType = r.values['teacher.idType'];
    if (idType && !ID_TYPE_RESIDENT.test(idType)) idTypeOther = true;
    r.name = r.values['teacher.name'] ?? '';
    r.idNumber = r.values['teacher.idNumber'] ?? null;
    if (idTypeOther) r.reasons.push({ zh: '仅支持居民身份证，其他证件类型的教师请在系统中单独登记', en: 'Only resident ID cards are supported; register teachers with other documents one by one' });
    checkRow(r);
    if (r.idNumber) {
      const first = firstRowOfId.get(r.idNumber);
      if (first !== undefined) r.reasons.push({ zh: `身份证件号与第${first}行重复`, en: `The same ID number as row ${first}` });
      else firstRowOfId.set(r.idNumber, n);
    }
    rows.push(r);
  }
  return { columns, rows };
}
