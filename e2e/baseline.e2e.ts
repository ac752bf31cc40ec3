/**
 * The baseline inventory (全面登记) and the secondment clearance list end to end: the office
 * imports a workbook with a bad row and sees that row's reason while nothing is saved; imports the
 * corrected workbook; cancels an entry with a reason and the clean-up figure moves past the
 * target. The secondments page lists the demo county's seconded teacher and records the return,
 * which the 清退 count shows at once. Each step is read back through a separate connection.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { label } from '../src/domain/i18n';
import { chinaToday } from '../src/domain/time';
import { BASELINE_TEMPLATE_HEADERS } from '../src/server/modules/register/baseline';
import { loginAs, nextApiResponse, poll, useHarness } from './harness';

const h = useHarness('baseline');

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('全面登记');
  ws.addRow(BASELINE_TEMPLATE_HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const GOOD = [
  ['督查检查', '校园安全专项检查', '安全股', 60, 100, 2, '保留', ''],
  ['督查检查', '食堂卫生检查', '安全股', 30, 100, 2, '合并', '并入校园安全专项检查'],
  ['考核', '教师业务笔记考核', '教研室', 45, 300, 1, '', ''],
  ['评比/评选/竞赛', '书香校园评比', '基础教育股', 120, 40, 1, '', ''],
];

const count = (sql: string, ...params: unknown[]) => Number(h.readAll(sql, ...params)[0]?.n);

async function upload(page: Page, buffer: Buffer, status: number): Promise<void> {
  const res = nextApiResponse(page, 'POST', '/baseline/import');
  await page.getByTestId('baseline-import').locator('input[type=file]').setInputFiles({ name: '全面登记.xlsx', mimeType: XLSX, buffer });
  expect((await res).status()).toBe(status);
}

/** The page fits the phone's width: nothing but the tables scrolls sideways. */
async function fitsPhone(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
}

it('imports a baseline all or nothing, marks an entry cancelled with a reason, and the clean-up figure follows', async () => {
  const page = await h.newPage();
  await loginAs(page, 'office');
  await page.getByTestId('nav-/admin/baseline').click();
  await page.getByTestId('baseline-empty').waitFor();
  const baselineYear = Number(chinaToday().slice(0, 4)) - 1;
  expect(await page.getByTestId('baseline-year').innerText()).toContain(String(baselineYear));

  // one bad row (an unknown kind on row 4): the reason of that row shows, nothing is saved
  const bad = await workbook([GOOD[0]!, GOOD[1]!, ['不存在的类别', '某项检查', '某单位', 10, 10, 1, '', ''], GOOD[3]!]);
  await upload(page, bad, 422);
  const errors = page.getByTestId('baseline-import-errors');
  await poll(() => errors.innerText()).toContain('第4行');
  expect(await errors.innerText()).toContain('不存在的类别');
  expect(await page.getByTestId('baseline-import-error-rows').locator('tbody tr').count()).toBe(1);
  expect(count('SELECT COUNT(*) AS n FROM baseline_items')).toBe(0);
  await h.shot(page, 'import-refused');

  // corrected: every row saved and listed, the refusal gone
  await upload(page, await workbook(GOOD), 201);
  await poll(() => page.getByTestId('baseline-table').innerText()).toContain('书香校园评比');
  expect(await page.getByTestId('baseline-import-errors').count()).toBe(0);
  expect(count('SELECT COUNT(*) AS n FROM baseline_items WHERE year = ?', baselineYear)).toBe(4);
  const table = await page.getByTestId('baseline-table').innerText();
  for (const r of GOOD) expect(table).toContain(String(r[1]));
  expect(await page.getByTestId('baseline-decisions').innerText()).toContain(label('baseline.decisions').replace('{keep}', '1').replace('{merge}', '1').replace('{cancel}', '0').replace('{undecided}', '2'));

  // 4 target-kind entries, one merged: 25%, below the 50% target
  const figure = page.getByTestId('baseline-planned-reduction');
  await poll(() => figure.getAttribute('data-value')).toBe('0.25');
  expect(await figure.getAttribute('data-met')).toBe('0');

  // cancel one: the reason is required before anything is sent
  const id = Number(h.readAll('SELECT id FROM baseline_items WHERE title = ?', '教师业务笔记考核')[0]?.id);
  await page.getByTestId(`baseline-cancel-${id}`).click();
  await page.getByTestId('baseline-decide-ok').click();
  await poll(() => page.locator('.ant-form-item-explain-error').first().innerText()).toContain(label('action.reasonRequired'));
  expect(h.readRow('baseline_items', id)?.decision).toBeNull();
  await page.getByTestId('baseline-reason').fill('以日常教研代替，不再单独考核');
  const patch = nextApiResponse(page, 'PATCH', `/baseline/${id}`);
  await page.getByTestId('baseline-decide-ok').click();
  expect((await patch).status()).toBe(204);
  await poll(() => figure.getAttribute('data-value')).toBe('0.5');
  expect(await figure.getAttribute('data-met')).toBe('1');
  await poll(() => page.getByTestId(`baseline-decision-${id}`).getAttribute('data-decision')).toBe('cancel');
  const row = h.readRow('baseline_items', id)!;
  expect(row.decision).toBe('cancel');
  expect(row.decision_reason).toBe('以日常教研代替，不再单独考核');
  expect(count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'baseline.decide' AND object_id = ?", String(id))).toBe(1);

  // the decision filter narrows the list to the cancelled entry
  await page.getByTestId('baseline-filter-decision').click();
  await page.locator('.ant-select-item-option').filter({ hasText: label('baseline.decision.cancel') }).click();
  await poll(() => page.getByTestId('baseline-table').locator('tbody tr[data-testid^="baseline-row-"]').count()).toBe(1);
  await h.shot(page, 'baseline-decided');

  // on a phone (the same session) the page still fits
  const phone = await h.newPage({ ...PHONE, storageState: await page.context().storageState() });
  await phone.goto('/admin/baseline');
  await poll(() => phone.getByTestId('baseline-table').innerText()).toContain('书香校园评比');
  await fitsPhone(phone);
  await h.shot(phone, 'baseline-375');
});

it('lists the demo secondment on the clearance list and records the teacher’s return', async () => {
  const page = await h.newPage();
  await loginAs(page, 'office');
  await page.getByTestId('nav-/admin/secondments').click();
  const item = h.readAll("SELECT id, details_json FROM items WHERE kind = 'secondment' AND title = ?", '借用教师参与县志编纂')[0]!;
  const id = Number(item.id);
  const details = JSON.parse(String(item.details_json)) as { teacherName: string; borrowingUnit: string; to: string };
  const row = page.getByTestId(`secondment-row-${id}`);
  await poll(() => row.innerText()).toContain(details.teacherName);
  expect(await row.innerText()).toContain(details.borrowingUnit);
  expect(await row.getAttribute('data-overdue')).toBe(details.to < chinaToday() ? '1' : '0');
  const returnedBefore = Number(await page.getByTestId('summary-returned').locator('.ant-statistic-content-value').innerText());

  await page.getByTestId(`secondment-return-${id}`).click();
  await page.getByTestId('secondment-return-date').waitFor();
  const res = nextApiResponse(page, 'POST', `/items/${id}/return-teacher`);
  await page.getByTestId('secondment-return-ok').click();
  expect((await res).status()).toBe(200);
  await poll(() => h.readRow('items', id)?.returned_at).toBe(chinaToday());
  await page.getByTestId(`secondment-returned-${id}`).waitFor();
  expect(await row.getAttribute('data-overdue')).toBe('0');
  expect(await page.getByTestId(`secondment-return-${id}`).count()).toBe(0);
  await poll(() => page.getByTestId('summary-returned').locator('.ant-statistic-content-value').innerText()).toBe(String(returnedBefore + 1));
  expect(h.readAll('SELECT action FROM item_events WHERE item_id = ? ORDER BY id', id).map((e) => String(e.action))).toContain('teacher_returned');

  // the returned filter shows it; the overdue one no longer does
  await page.getByTestId('secondment-filter-returned').click();
  await poll(() => page.getByTestId(`secondment-row-${id}`).count()).toBe(1);
  await page.getByTestId('secondment-filter-overdue').click();
  await poll(() => page.getByTestId(`secondment-row-${id}`).count()).toBe(0);
  await h.shot(page, 'secondments');

  // the export of the list as filtered (overdue), audited
  const download = page.waitForEvent('download');
  await page.getByTestId('secondment-export').click();
  expect((await download).suggestedFilename()).toContain('借用教师清退台账');
  await poll(() => count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'secondment.export' AND after_json LIKE ?", '%overdue%')).toBe(1);

  const phone = await h.newPage({ ...PHONE, storageState: await page.context().storageState() });
  await phone.goto('/admin/secondments');
  await poll(() => phone.getByTestId('secondment-table').innerText()).toContain(details.teacherName);
  await fitsPhone(phone);
  await h.shot(phone, 'secondments-375');
});
