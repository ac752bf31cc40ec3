import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXPORT_MAX_ROWS, excelDate, keysetPages, onePage, streamXlsx } from './excel';

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('streamXlsx', () => {
  it('writes Chinese headers in a frozen bold row, column widths, real dates and numbers', async () => {
    const rows = [
      { id: 1, name: '校园安全专项督查', day: '2026-03-16', hours: 12.5 },
      { id: 2, name: '教师基本信息统计', day: null, hours: 0 },
    ];
    const stream = streamXlsx<(typeof rows)[number]>({
      sheet: '事项登记',
      pages: onePage(rows),
      columns: [
        { header: '编号', width: 8, value: (r) => r.id },
        { header: '事项名称', width: 40, value: (r) => r.name },
        { header: '开始日期', width: 12, value: (r) => excelDate(r.day), numFmt: 'yyyy-mm-dd' },
        { header: '教师负担（小时/年）', width: 14, value: (r) => r.hours, numFmt: '#,##0.0' },
      ],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readAll(stream)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('事项登记')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['编号', '事项名称', '开始日期', '教师负担（小时/年）']);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect([1, 2, 3, 4].map((i) => ws.getColumn(i).width)).toEqual([8, 40, 12, 14]);
    const date = ws.getRow(2).getCell(3);
    expect(date.value).toBeInstanceOf(Date);
    expect((date.value as Date).toISOString().slice(0, 10)).toBe('2026-03-16');
    // a whole day number in the file: no half-day fraction (DATE(2026,3,16) equals the cell)
    expect((date.value as Date).getTime() % 86_400_000).toBe(0);
    expect(date.numFmt).toBe('yyyy-mm-dd');
    expect(ws.getRow(2).getCell(4).value).toBe(12.5);
    expect(ws.getRow(3).getCell(3).value).toBeNull();
    expect(ws.rowCount).toBe(3);
  });
});

describe('keysetPages', () => {
  const ids = Array.from({ length: 2500 }, (_, i) => ({ id: 2500 - i }));
  const fetch = (before: number | null, limit: number) => Promise.resolve(ids.filter((r) => before === null || r.id < before).slice(0, limit));
  it('pages by id descending until the rows run out', async () => {
    const seen: number[] = [];
    for await (const page of keysetPages(fetch, { pageSize: 1000 })) seen.push(...page.map((r) => r.id));
    expect(seen).toEqual(ids.map((r) => r.id));
  });
  it('stops at the cap', async () => {
    let n = 0;
    for await (const page of keysetPages(fetch, { pageSize: 1000, max: 1500 })) n += page.length;
    expect(n).toBe(1500);
    expect(EXPORT_MAX_ROWS).toBe(100_000);
  });
});
