import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { matchHeader } from '../../../domain/collections/match';
import { AppError } from '../../http/errors';
import { TEMPLATE_LIMITS, checkWorkbookFile, readTemplate } from './template';
import { rosterXlsx } from './testkit';

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
  const top = ['序号', '姓名', '身份证号码\n（18位）', '学历', null, '参加工作', null, '备注'];
  const bottom = [null, null, null, '最高学历', '第一学历', '时间', '教龄', null];
  top.forEach((v, i) => (ws.getCell(3, i + 1).value = v));
  bottom.forEach((v, i) => (ws.getCell(4, i + 1).value = v));
  for (const r of ['A3:A4', 'B3:B4', 'C3:C4', 'D3:E3', 'F3:G3', 'H3:H4']) ws.mergeCells(r);
  [1, 2, 3, 4, 5, 6, 7, 8].forEach((v, i) => (ws.getCell(5, i + 1).value = v));
  ws.getRow(6).values = [1, '张三', '11010519491231002X', '大学本科', '大学专科', '2008-09', 17];
}

/** A hand-built zip: each entry's data as given, its sizes as declared (lies included). */
function handZip(entries: { name: string; data: Buffer; method: 0 | 8; size: number; zip64?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.zip64 ? 0xffffffff : e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(e.method, 10);
    cd.writeUInt32LE(e.data.length, 20);
    cd.writeUInt32LE(e.zip64 ? 0xffffffff : e.size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    central.push(cd, name);
    offset += 30 + name.length + e.data.length;
  }
  const cdBuf = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cdBuf.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBuf, eocd]);
}
const deflated = (s: string | Buffer) => zlib.deflateRawSync(typeof s === 'string' ? Buffer.from(s) : s, { level: 9 });

/** A minimal OLE2 compound file: the signature, a 512-byte header, one directory sector with these stream names. */
function ole2(streams: string[], trailer = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const dir = Buffer.alloc(512);
  ['Root Entry', ...streams].slice(0, 4).forEach((name, i) => {
    const n = Buffer.from(`${name}\0`, 'utf16le');
    n.copy(dir, i * 128);
    dir.writeUInt16LE(n.length, i * 128 + 64);
    dir.writeUInt8(i === 0 ? 5 : 2, i * 128 + 66);
  });
  return Buffer.concat([header, dir, Buffer.alloc(1024), trailer]);
}

describe('readTemplate: the header block', () => {
  it('finds a merged two-row header under a title and a 填报单位 line, and skips the row of column numbers', async () => {
    const t = await readTemplate(await xlsx(teacherForm));
    expect(t.sheets).toHaveLength(1);
    const s = t.sheets[0]!;
    expect([s.name, s.headerStartRow, s.headerEndRow, s.firstDataRow]).toEqual(['教师信息', 3, 4, 6]);
    expect(s.columns.map((c) => c.labels)).toEqual([['序号'], ['姓名'], ['身份证号码\n（18位）'], ['学历', '最高学历'], ['学历', '第一学历'], ['参加工作', '时间'], ['参加工作', '教龄'], ['备注']]);
    expect(s.columns.map((c) => c.col)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(s.columns[3]!.header).toBe('学历/最高学历');
    expect(s.columns.map((c) => matchHeader(c.labels, 'teacher').field)).toEqual([null, 'teacher.name', 'teacher.idNumber', 'teacher.highestEducation', null, 'teacher.workStartDate', 'teacher.teachingYears', null]);
  });

  it('reads a two-row header without merges: a group label over blanks lends itself to the columns under it', async () => {
    const t = await readTemplate(
      await xlsx((wb) => {
        const ws = wb.addWorksheet('花名册');
        ws.getCell('A1').value = '附件2';
        ws.getRow(2).values = ['序号', '姓名', '学历', null, '职称', null, '近三年年度考核情况'];
        ws.getRow(3).values = [null, null, '最高学历', '第一学历', '名称', '取得时间', null];
        ws.getRow(4).values = ['示例', '张三', '大学本科', '大学专科', '一级教师', '2015-09', '合格'];
      }),
    );
    const s = t.sheets[0]!;
    expect([s.headerStartRow, s.headerEndRow, s.firstDataRow]).toEqual([2, 3, 5]);
    expect(s.columns.map((c) => c.header)).toEqual(['序号', '姓名', '学历/最高学历', '学历/第一学历', '职称/名称', '职称/取得时间', '近三年年度考核情况']);
    expect(s.columns.map((c) => matchHeader(c.labels, 'teacher').field)).toEqual([null, 'teacher.name', 'teacher.highestEducation', null, 'teacher.professionalTitle', 'teacher.titleDate', null]);
  });

  it('reads a school form: a 说明 paragraph, a title with 单位 beside it, groups merged across columns only, 甲乙丙 numbering', async () => {
    const t = await readTemplate(
      await xlsx((wb) => {
        const ws = wb.addWorksheet('学校基本情况');
        ws.getCell('A1').value = '填表说明：1. 数据截至2026年8月31日；2. 面积以平方米计。';
        ws.mergeCells('A1:G1');
        ws.getCell('A2').value = '青禾县中小学校基本情况统计表';
        ws.getCell('G2').value = '单位：人、平方米';
        ws.getRow(3).values = ['学校名称', '学校标识码', '在校学生数', null, '教职工数', null, '占地面积（平方米）'];
        ws.mergeCells('C3:D3');
        ws.mergeCells('E3:F3');
        ws.getRow(4).values = [null, null, '合计', '其中女生', '合计', '其中：专任教师', null];
        ws.getRow(5).values = ['甲', '乙', '丙', '丁', '戊', '己', '庚'];
        ws.getRow(6).values = ['青禾县第一中学', '3153012345', 1200, 600, 98, 80, 35000];
      }),
    );
    const s = t.sheets[0]!;
    expect([s.headerStartRow, s.headerEndRow, s.firstDataRow]).toEqual([3, 4, 6]);
    expect(s.columns.map((c) => matchHeader(c.labels, 'school').field)).toEqual(['school.name', 'school.code', 'school.studentCount', null, 'school.staffCount', 'school.fullTimeTeacherCount', 'school.area']);
  });

  it('reads every visible sheet with a header, skipping explanation, hidden and empty sheets', async () => {
    const buf = await xlsx((wb) => {
      wb.addWorksheet('说明').getCell('A1').value = '填表说明：请如实填写';
      const a = wb.addWorksheet('学校');
      a.getRow(1).values = ['学校名称', '学校标识码', '在校学生数（人）'];
      teacherForm(wb);
      const hidden = wb.addWorksheet('字典', { state: 'hidden' });
      hidden.getRow(1).values = ['代码', '名称'];
      wb.addWorksheet('空表');
    });
    const t = await readTemplate(buf);
    expect(t.sheets.map((s) => s.name)).toEqual(['学校', '教师信息']);
    expect(t.sheets[0]!.firstDataRow).toBe(2);
  });

  it('keeps data rows out of the header: a roster whose first row of values follows a one-row header', async () => {
    const t = await readTemplate(
      await xlsx((wb) => {
        const ws = wb.addWorksheet('Sheet1');
        ws.getRow(1).values = ['姓名', '性别', '民族', '政治面貌'];
        ws.getRow(2).values = ['李四', '男', '汉族', '群众'];
        ws.getRow(3).values = ['王五', '女', '回族', '中共党员'];
      }),
    );
    expect(t.sheets[0]).toMatchObject({ headerStartRow: 1, headerEndRow: 1, firstDataRow: 2 });
  });
});

describe('readTemplate: files that are not usable workbooks', () => {
  afterEach(() => vi.restoreAllMocks());

  it('refuses what is not a spreadsheet: a renamed .txt, an empty file, a .docx, a truncated .xlsx', async () => {
    expect(await codeOf(readTemplate(Buffer.from('姓名,身份证号\n张三,1101\n', 'utf8')))).toBe('NOT_A_SPREADSHEET');
    expect(await codeOf(readTemplate(Buffer.alloc(0)))).toBe('NOT_A_SPREADSHEET');
    const docx = new JSZip();
    docx.file('[Content_Types].xml', '<Types/>');
    docx.file('word/document.xml', '<w:document/>');
    expect(await codeOf(readTemplate(await docx.generateAsync({ type: 'nodebuffer' })))).toBe('NOT_A_SPREADSHEET');
    const good = await xlsx(teacherForm);
    expect(await codeOf(readTemplate(good.subarray(0, Math.floor(good.length / 2))))).toBe('NOT_A_SPREADSHEET');
  });

  it('tells a legacy .xls from a password-protected workbook, both OLE2 files', async () => {
    expect(await codeOf(readTemplate(ole2(['Workbook', 'SummaryInformation'])))).toBe('XLS_NOT_SUPPORTED');
    expect(await codeOf(readTemplate(ole2(['EncryptionInfo', 'EncryptedPackage', 'DataSpaces'])))).toBe('SPREADSHEET_ENCRYPTED');
    // the words in a cell of an .xls are not a stream of that name
    expect(await codeOf(readTemplate(ole2(['Workbook'], Buffer.concat([Buffer.alloc(5), Buffer.from('EncryptedPackage\0', 'utf16le')]))))).toBe('XLS_NOT_SUPPORTED');
    expect(await codeOf(readTemplate(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))).toBe('XLS_NOT_SUPPORTED');
  });

  it('refuses files over 20 MB (or the limit given) and sheets over 200 columns', async () => {
    expect(await codeOf(readTemplate(Buffer.alloc(20 * 1024 * 1024 + 1, 0x50)))).toBe('FILE_TOO_LARGE');
    const good = await xlsx(teacherForm);
    expect(await codeOf(readTemplate(good, { maxBytes: 1000 }))).toBe('FILE_TOO_LARGE');
    const wide = (n: number) =>
      xlsx((wb) => {
        const ws = wb.addWorksheet('宽表');
        for (let c = 1; c <= n; c++) ws.getCell(2, c).value = `字段${c}`;
      });
    expect(await codeOf(readTemplate(await wide(201)))).toBe('TOO_MANY_COLUMNS');
    expect((await readTemplate(await wide(200))).sheets[0]!.columns).toHaveLength(200);
  });

  it('refuses a workbook without a header row', async () => {
    const titleOnly = await xlsx((wb) => {
      wb.addWorksheet('空表');
      wb.addWorksheet('标题').getCell('A1').value = '青禾县教师基本信息统计表';
    });
    expect(await codeOf(readTemplate(titleOnly))).toBe('TEMPLATE_NO_HEADER');
  });

  it('refuses zip bombs from the central directory, before exceljs opens anything', async () => {
    const opened = vi.spyOn(ExcelJS.Workbook.prototype, 'xlsx', 'get');
    const parts = (sheet: { data: Buffer; method: 0 | 8; size: number; zip64?: boolean }) =>
      handZip([
        { name: '[Content_Types].xml', data: deflated('<Types/>'), method: 8, size: 8 },
        { name: 'xl/workbook.xml', data: deflated('<workbook/>'), method: 8, size: 11 },
        { name: 'xl/worksheets/sheet1.xml', ...sheet },
      ]);
    // 8 MB of spaces compress to a few KB: the ratio gives it away
    const spaces = Buffer.alloc(8 * 1024 * 1024, 0x20);
    expect(await codeOf(readTemplate(parts({ data: deflated(spaces), method: 8, size: spaces.length })))).toBe('SPREADSHEET_ZIP_BOMB');
    // a part declaring 3 GB, however little data it carries
    expect(await codeOf(readTemplate(parts({ data: deflated('<x/>'), method: 8, size: 3 * 1024 ** 3 })))).toBe('SPREADSHEET_ZIP_BOMB');
    // zip64 markers
    expect(await codeOf(readTemplate(parts({ data: deflated('<x/>'), method: 8, size: 4, zip64: true })))).toBe('SPREADSHEET_ZIP_BOMB');
    // a part that lies: it declares 100 bytes and expands to 8 MB
    expect(await codeOf(readTemplate(parts({ data: deflated(spaces), method: 8, size: 100 })))).toBe('SPREADSHEET_ZIP_BOMB');
    // jszip's own output of the same spaces
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', spaces);
    expect(await codeOf(readTemplate(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } })))).toBe('SPREADSHEET_ZIP_BOMB');
    expect(opened).not.toHaveBeenCalled();
    await readTemplate(await xlsx(teacherForm));
    expect(opened).toHaveBeenCalled(); // the spy does see exceljs open a good file
  });

  it('refuses bombs made of many parts, each below the per-part checks: the total declared, the overall ratio, parts from 64 KB', async () => {
    const opened = vi.spyOn(ExcelJS.Workbook.prototype, 'xlsx', 'get');
    const workbook = (parts: { name: string; data: Buffer; size: number }[]) =>
      handZip([
        { name: '[Content_Types].xml', data: deflated('<Types/>'), method: 8, size: 8 },
        { name: 'xl/workbook.xml', data: deflated('<workbook/>'), method: 8, size: 11 },
        ...parts.map((p) => ({ ...p, method: 8 as const })),
      ]);
    const check = (buf: Buffer) => codeOf(Promise.resolve().then(() => checkWorkbookFile(buf)));
    // the audit's file: 150 sheet parts of exactly 1 MB of blanks, about half a megabyte in all
    const mb = Buffer.concat([Buffer.from('<worksheet>'), Buffer.alloc(1024 * 1024 - 23, 0x20), Buffer.from('</worksheet>')]);
    const mbDeflated = deflated(mb);
    const bomb = workbook(Array.from({ length: 150 }, (_, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: mbDeflated, size: mb.length })));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await check(bomb)).toBe('SPREADSHEET_ZIP_BOMB');
    expect(await codeOf(readTemplate(bomb))).toBe('SPREADSHEET_ZIP_BOMB');
    // one part of 200 KB of blanks: under the old 1 MB floor, over 100× from 64 KB
    const blanks = Buffer.alloc(200 * 1024, 0x20);
    expect(await check(workbook([{ name: 'xl/worksheets/sheet1.xml', data: deflated(blanks), size: blanks.length }]))).toBe('SPREADSHEET_ZIP_BOMB');
    // 200 parts of 60 KB (each under 64 KB): 12 MB declared from a file of a few dozen KB
    const small = Buffer.alloc(60 * 1024, 0x20);
    expect(await check(workbook(Array.from({ length: 200 }, (_, i) => ({ name: `xl/media/p${i}.xml`, data: deflated(small), size: small.length }))))).toBe('SPREADSHEET_ZIP_BOMB');
    // over 100 MB declared in all, each part compressed only ~10× (as real sheet XML is)
    const rows = Buffer.from(Array.from({ length: 30_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${(i * 7919) % 100_003}</v></c></row>`).join(''));
    const part = rows.subarray(0, 1024 * 1024 - 1);
    expect(part.length).toBe(1024 * 1024 - 1);
    const partDeflated = deflated(part);
    expect(part.length / partDeflated.length).toBeLessThan(50);
    const big = workbook(Array.from({ length: 101 }, (_, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: partDeflated, size: part.length })));
    expect(big.length).toBeLessThan(TEMPLATE_LIMITS.maxBytes);
    expect(await check(big)).toBe('SPREADSHEET_ZIP_BOMB');
    expect(await check(workbook(Array.from({ length: 99 }, (_, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: partDeflated, size: part.length }))))).toBe('no error');
    // a lying header under every declared check: 60 KB declared, 8 MB inside — stopped at 60 KB
    const spaces = Buffer.alloc(8 * 1024 * 1024, 0x20);
    expect(await check(workbook([{ name: 'xl/worksheets/sheet1.xml', data: deflated(spaces), size: 60 * 1024 }]))).toBe('SPREADSHEET_ZIP_BOMB');
    expect(opened).not.toHaveBeenCalled();
  });

  it('still opens ordinary files: the test templates and a 3,000-row roster', async () => {
    expect(await codeOf(Promise.resolve().then(async () => checkWorkbookFile(await xlsx(teacherForm))))).toBe('no error');
    const people = Array.from({ length: 3000 }, (_, i) => ({ name: `教师${i}`, birthDate: `19${70 + (i % 25)}-0${1 + (i % 9)}-1${i % 10}`, seq: 1 + (i % 900), mobile: `139${String(10_000_000 + i).slice(-8)}` }));
    const roster = await rosterXlsx(people);
    expect(await codeOf(Promise.resolve().then(() => checkWorkbookFile(roster)))).toBe('no error');
    expect((await readTemplate(roster)).sheets[0]!.firstDataRow).toBe(3);
  });
});
