import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { matchHeader } from '../../../domain/collections/match';
import { AppError } from '../../http/errors';
import { readTemplate } from './template';

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return 'no error';
}

/** A 教师信息采集表 as bureaus send them: a title row, a 填报单位 line, a two-row merged header, a row of column numbers. */
function teacherForm(wb: ExcelJS.Workbook) {
  const ws = wb.addWorksheet('教师信息');
  ws.getCell('A1').value = '青禾县2026年中小学教师基本信息采集表';
  ws.mergeCells('A1:H1');
  ws.getCell('A2').value = '填报单位（盖章）：';
  ws.getCell('F2').value = '填报日期：';
  const top = ['序号', '姓名', '身份证号码', '学历', null, '参加工作', null, '备注'];
  const bottom = [null, null, null, '最高学历', '第一学历', '时间', '教龄', null];
  top.forEach((v, i) => (ws.getCell(3, i + 1).value = v));
  bottom.forEach((v, i) => (ws.getCell(4, i + 1).value = v));
  ws.mergeCells('A3:A4');
  ws.mergeCells('B3:B4');
  ws.mergeCells('C3:C4');
  ws.mergeCells('D3:E3');
  ws.mergeCells('F3:G3');
  ws.mergeCells('H3:H4');
  [1, 2, 3, 4, 5, 6, 7, 8].forEach((v, i) => (ws.getCell(5, i + 1).value = v));
  ws.getRow(6).values = [1, '张三', '11010519491231002X'];
}

describe('readTemplate', () => {
  it('finds a merged two-row header under a title and a 填报单位 line, and skips the row of column numbers', async () => {
    const t = await readTemplate(await xlsx(teacherForm));
    expect(t.sheets).toHaveLength(1);
    const s = t.sheets[0]!;
    expect([s.name, s.headerStartRow, s.headerEndRow, s.firstDataRow]).toEqual(['教师信息', 3, 4, 6]);
    expect(s.columns.map((c) => c.labels)).toEqual([['序号'], ['姓名'], ['身份证号码'], ['学历', '最高学历'], ['学历', '第一学历'], ['参加工作', '时间'], ['参加工作', '教龄'], ['备注']]);
    expect(s.columns.map((c) => matchHeader(c.labels, 'teacher').field)).toEqual([null, 'teacher.name', 'teacher.idNumber', 'teacher.highestEducation', null, 'teacher.workStartDate', 'teacher.teachingYears', null]);
  });

  it('reads every sheet with a header and skips empty ones', async () => {
    const buf = await xlsx((wb) => {
      wb.addWorksheet('说明').getCell('A1').value = '填表说明：请如实填写';
      const a = wb.addWorksheet('学校');
      a.getRow(1).values = ['学校名称', '学校标识码', '在校学生数（人）'];
      teacherForm(wb);
    });
    const t = await readTemplate(buf);
    expect(t.sheets.map((s) => s.name)).toEqual(['学校', '教师信息']);
    expect(t.sheets[0]!.firstDataRow).toBe(2);
  });

  it('refuses files that are not usable workbooks, each with its own code', async () => {
    expect(await codeOf(readTemplate(Buffer.from('姓名,身份证号\n张三,1101')))).toBe('NOT_A_SPREADSHEET');
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2048)]);
    expect(await codeOf(readTemplate(ole))).toBe('XLS_NOT_SUPPORTED');
    const encrypted = Buffer.concat([ole, Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(512)]);
    expect(await codeOf(readTemplate(encrypted))).toBe('SPREADSHEET_ENCRYPTED');
    expect(await codeOf(readTemplate(Buffer.alloc(21 * 1024 * 1024)))).toBe('FILE_TOO_LARGE');
    const good = await xlsx(teacherForm);
    expect(await codeOf(readTemplate(good, { maxBytes: 1000 }))).toBe('FILE_TOO_LARGE');
    const wide = await xlsx((wb) => {
      const ws = wb.addWorksheet('宽表');
      for (let c = 1; c <= 201; c++) ws.getCell(1, c).value = `字段${c}`;
    });
    expect(await codeOf(readTemplate(wide))).toBe('TOO_MANY_COLUMNS');
    const empty = await xlsx((wb) => wb.addWorksheet('空表'));
    expect(await codeOf(readTemplate(empty))).toBe('TEMPLATE_NO_HEADER');
    // a zip that is not an xlsx inside
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    expect(await codeOf(readTemplate(await zip.generateAsync({ type: 'nodebuffer' })))).toBe('NOT_A_SPREADSHEET');
  });

  it('refuses a zip bomb from its declared sizes, before inflating anything', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(8 * 1024 * 1024, 0x20));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await codeOf(readTemplate(bomb))).toBe('SPREADSHEET_ZIP_BOMB');
    // a declared size over the total limit, however it compresses
    const big = Buffer.from(bomb);
    const cd = big.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    big.writeUInt32LE(0xffffffff, cd + 24);
    expect(await codeOf(readTemplate(big))).toBe('SPREADSHEET_ZIP_BOMB');
  });
});
