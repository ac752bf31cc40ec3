import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { matchColumn, readTemplateFile } from './catalogAccess';
import { fillWorkbook } from './workbook';

/** A template with a title row, a 填报单位 line and a two-row header (学历 over 最高学历 / 毕业院校). */
async function multiRowTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('附表1');
  ws.mergeCells('A1:F1');
  ws.getCell('A1').value = '全县教师学历情况统计表';
  ws.getCell('A2').value = '填报单位（盖章）：';
  ws.mergeCells('A3:A4');
  ws.getCell('A3').value = '姓名';
  ws.mergeCells('B3:B4');
  ws.getCell('B3').value = '性别';
  ws.mergeCells('C3:D3');
  ws.getCell('C3').value = '学历';
  ws.getCell('C4').value = '最高学历';
  ws.getCell('D4').value = '毕业院校';
  ws.mergeCells('E3:E4');
  ws.getCell('E3').value = '参工时间';
  ws.mergeCells('F3:F4');
  ws.getCell('F3').value = '备注';
  ws.getColumn(1).width = 12;
  ws.getColumn(4).width = 30;
  for (let c = 1; c <= 6; c++) {
    ws.getCell(5, c).border = { bottom: { style: 'thin' }, left: { style: 'thin' } };
    ws.getCell(5, c).alignment = { horizontal: 'center' };
  }
  ws.getRow(5).height = 22;
  ws.getCell('A40').value = '填表人：';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('filling a template with title rows and a multi-row header', () => {
  it('finds the header block, matches the stacked labels, and writes rows below it keeping merges, widths and the first data row’s style', async () => {
    const buf = await multiRowTemplate();
    const { sheets } = await readTemplateFile(buf);
    const sheet = sheets[0]!;
    expect(sheet.firstDataRow).toBe(5);
    const fields = sheet.columns.map((c) => matchColumn(c.labels, 'teacher').field);
    expect(fields).toEqual(['teacher.name', 'teacher.gender', 'teacher.highestEducation', 'teacher.graduateSchool', 'teacher.workStartDate', null]);

    const rows = [
      ['张三', '男', '大学本科', '云南师范大学', '2008-09', null],
      ['李四', '女', '硕士研究生', '西南大学', '2012-09', '借调'],
      ['王五', '男', '大学专科', '保山学院', '2001-08', null],
    ];
    const out = await fillWorkbook(buf, [{ name: sheet.name, firstDataRow: sheet.firstDataRow, cols: sheet.columns.map((c) => c.col), rows }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('附表1')!;
    expect(ws.model.merges).toEqual(expect.arrayContaining(['A1:F1', 'A3:A4', 'B3:B4', 'C3:D3', 'E3:E4', 'F3:F4']));
    expect(ws.getCell('C4').value).toBe('最高学历');
    expect(ws.getColumn(4).width).toBe(30);
    for (const [i, r] of rows.entries()) {
      const row = ws.getRow(5 + i);
      expect(row.values).toEqual([undefined, ...r.map((v) => v ?? undefined)].slice(0, r[5] ? 7 : 6));
      expect(row.height).toBe(22);
      expect(row.getCell(2).border?.left?.style).toBe('thin');
      expect(row.getCell(2).alignment?.horizontal).toBe('center');
    }
    expect(ws.getCell('A40').value).toBe('填表人：');
  });
});

/** A template with a date-formatted first data row, a pre-numbered 序号 column, a second sheet, a footer merge and a formula. */
async function richTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('教师');
  ws.getRow(1).values = ['序号', '姓名', '出生日期', '周课时数', '备注'];
  for (let c = 1; c <= 5; c++) ws.getCell(2, c).border = { top: { style: 'thin' } };
  ws.getCell(2, 3).numFmt = 'yyyy"年"m"月"d"日"';
  for (let r = 2; r <= 4; r++) ws.getCell(r, 1).value = r - 1;
  ws.mergeCells('B3:C3'); // a stray merge inside the data area
  ws.mergeCells('A10:E10');
  ws.getCell('A10').value = '填表人：　　审核人：';
  ws.getCell('D11').value = { formula: 'SUM(D2:D4)' };
  const other = wb.addWorksheet('填表说明');
  other.getCell('A1').value = '说明：<请勿修改> & 按实填写';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('filling in the sheet XML', () => {
  it('writes dates as dates in date-formatted cells, numbers as numbers, keeps pre-numbered cells, other sheets and footers; drops merges over written rows', async () => {
    const rows = [
      ['张三 <&> "引号"', '1985-03-12', 12, '  前后空格  '],
      ['李四\u0007', '1990-07-01', 8, null],
    ];
    const out = await fillWorkbook(await richTemplate(), [{ name: '教师', firstDataRow: 2, cols: [2, 3, 4, 5], rows }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('教师')!;
    expect(ws.getCell('B2').value).toBe('张三 <&> "引号"');
    expect(ws.getCell('B3').value).toBe('李四'); // the control character XML forbids is dropped
    expect(ws.getCell('C2').value).toEqual(new Date('1985-03-12T00:00:00Z'));
    expect(ws.getCell('C2').numFmt).toBe('yyyy"年"m"月"d"日"');
    expect(ws.getCell('D2').value).toBe(12);
    expect(ws.getCell('E2').value).toBe('  前后空格  ');
    expect([ws.getCell('A2').value, ws.getCell('A3').value, ws.getCell('A4').value]).toEqual([1, 2, 3]);
    expect(ws.getCell('B3').border?.top?.style).toBe('thin');
    expect(ws.model.merges).toContain('A10:E10');
    expect(ws.model.merges).not.toContain('B3:C3');
    expect(ws.getCell('A10').value).toBe('填表人：　　审核人：');
    expect((ws.getCell('D11').value as { formula: string }).formula).toBe('SUM(D2:D4)');
    expect(wb.getWorksheet('填表说明')!.getCell('A1').value).toBe('说明：<请勿修改> & 按实填写');
  });

  it('fills an empty sheet without a first data row and leaves a template untouched when there is nothing to write', async () => {
    const wb0 = new ExcelJS.Workbook();
    wb0.addWorksheet('空表').getRow(1).values = ['姓名', '性别'];
    const template = Buffer.from(await wb0.xlsx.writeBuffer());
    const out = await fillWorkbook(template, [{ name: '空表', firstDataRow: 2, cols: [1, 2], rows: [['王五', '男']] }, { name: '没有这张表', firstDataRow: 2, cols: [1], rows: [['x']] }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out as unknown as ArrayBuffer);
    expect(wb.getWorksheet('空表')!.getRow(2).values).toEqual([undefined, '王五', '男']);
    const same = await fillWorkbook(template, [{ name: '空表', firstDataRow: 2, cols: [1, 2], rows: [] }]);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(same as unknown as ArrayBuffer);
    expect(wb2.getWorksheet('空表')!.rowCount).toBe(1);
  });
});

describe('a template without a shared-strings part', () => {
  it('writes text as inline strings that Excel readers open', async () => {
    const wb0 = new ExcelJS.Workbook();
    wb0.addWorksheet('数字').getRow(1).values = [1, 2];
    const template = Buffer.from(await wb0.xlsx.writeBuffer());
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(template);
    // exceljs may write an empty table: remove it with its references, as other producers do
    zip.remove('xl/sharedStrings.xml');
    const types = await zip.file('[Content_Types].xml')!.async('string');
    zip.file('[Content_Types].xml', types.replace(/<Override[^>]*sharedStrings[^>]*\/>/, ''));
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file('xl/_rels/workbook.xml.rels', rels.replace(/<Relationship[^>]*sharedStrings[^>]*\/>/, ''));
    const stripped = await zip.generateAsync({ type: 'nodebuffer' });
    const out = await fillWorkbook(stripped, [{ name: '数字', firstDataRow: 2, cols: [1, 2], rows: [['赵六 & 钱七', 3]] }]);
    const filled = await JSZip.loadAsync(out);
    expect(filled.file('xl/sharedStrings.xml')).toBeNull();
    expect(await filled.file('xl/worksheets/sheet1.xml')!.async('string')).toContain('t="inlineStr"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out as unknown as ArrayBuffer);
    expect(wb.getWorksheet('数字')!.getRow(2).values).toEqual([undefined, '赵六 & 钱七', 3]);
  });
});
