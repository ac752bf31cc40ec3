/** Workbooks for the tests of this module: a roster in the national system's style and a requester's template. */
import ExcelJS from 'exceljs';
import { makeIdNumber } from '../../../domain/validators/idNumber';

export const ROSTER_HEADERS = ['姓名', '性别', '身份证件类型', '身份证件号', '出生日期', '民族', '政治面貌', '参加工作年月', '进本校年月', '最高学历', '专业技术职务', '任教学段', '任教学科', '手机号码'];

export interface TRosterPerson {
  name: string;
  birthDate: string;
  seq: number;
  gender?: string;
  mobile?: string;
  idNumber?: string;
  birthCell?: string;
  workStart?: string;
  subject?: string;
}

export function idOf(p: { birthDate: string; seq: number }): string {
  return makeIdNumber({ regionCode: '330110', birthDate: p.birthDate, seq: p.seq });
}

/** A roster with a merged title row and a header row, one row per person. */
export async function rosterXlsx(people: readonly TRosterPerson[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('教职工信息');
  ws.mergeCells(1, 1, 1, ROSTER_HEADERS.length);
  ws.getCell(1, 1).value = '教职工基本信息（全国教师管理信息系统导出）';
  ws.getRow(2).values = ROSTER_HEADERS;
  for (const p of people) {
    const id = p.idNumber ?? idOf(p);
    ws.addRow([
      p.name,
      p.gender ?? (Number(id.charAt(16)) % 2 === 1 ? '男' : '女'),
      '居民身份证',
      id,
      p.birthCell ?? p.birthDate,
      '汉族',
      '中共党员',
      p.workStart ?? '2010-09',
      '2015-09',
      '大学本科',
      '中小学一级教师',
      '小学',
      p.subject ?? '语文',
      p.mobile ?? '13912345678',
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Header of the requester template's columns: five held (or derived), one new field. */
export const TEMPLATE_HEADERS = ['姓名', '性别', '出生日期', '手机号码', '任教学科', '本学期公开课节数'];

/**
 * The requester's own template: a merged title row, a header row with fills and borders, column
 * widths, and a styled (bordered, date-formatted) first data row.
 */
export async function templateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('教师情况表');
  ws.mergeCells('A1:F1');
  ws.getCell('A1').value = '2026年教师情况统计表';
  ws.getCell('A1').font = { bold: true, size: 16 };
  ws.getRow(2).values = TEMPLATE_HEADERS;
  ws.getRow(2).eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEEFF' } };
    c.font = { bold: true };
  });
  ws.columns.forEach((col, i) => {
    col.width = [10, 6, 14, 16, 10, 18][i];
  });
  const border = { top: { style: 'thin' as const }, bottom: { style: 'thin' as const }, left: { style: 'thin' as const }, right: { style: 'thin' as const } };
  for (let c = 1; c <= 6; c++) {
    const cell = ws.getCell(3, c);
    cell.border = border;
    cell.font = { name: '宋体', size: 11 };
  }
  ws.getCell(3, 3).numFmt = 'yyyy-mm-dd';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
