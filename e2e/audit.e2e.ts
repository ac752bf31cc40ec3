/**
 * The audit administrator reads the audit log in the browser: the sign-ins just made are there,
 * the actor filter narrows the list, and the export downloads an .xlsx with the Chinese header row.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator } from 'playwright-core';
import { expect, it } from 'vitest';
import { label } from '../src/domain/i18n';
import { loginAs, logout, nextApiResponse, poll, submitLogin, useHarness } from './harness';

const h = useHarness('audit');

const XLSX_HEADER = ['序号', '时间', '操作人', '角色', '所属机构', 'IP 地址', '操作', '对象类型', '对象编号', '变更前', '变更后', '请求编号'];

/** The table's rows as { column title → cell text }. */
async function tableRows(table: Locator): Promise<Record<string, string>[]> {
  return table.evaluate((el) => {
    const titles = [...el.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '');
    return [...el.querySelectorAll('tbody tr.ant-table-row')].map((tr) => {
      const cells = [...tr.querySelectorAll(':scope > td')].map((td) => td.textContent?.trim() ?? '');
      return Object.fromEntries(titles.map((t, i) => [t, cells[i] ?? '']).filter(([t]) => t));
    });
  });
}

const actorCol = label('audit.actor');
const actionCol = label('audit.action');

/** Rows shown and no loading spinner over them. */
async function waitForTable(table: Locator) {
  await table.locator('tbody tr.ant-table-row').first().waitFor();
  await poll(() => table.locator('.ant-spin-spinning').count()).toBe(0);
}

it('auditadmin sees the sign-ins, filters by actor and exports the filtered log as .xlsx', async () => {
  // sign-ins to find in the log: leader in and out, a failed one for office
  const other = await h.newPage();
  await loginAs(other, 'leader');
  await logout(other);
  expect((await submitLogin(other, 'office', 'Wrong#Pass1')).status()).toBe(401);

  const page = await h.newPage();
  await loginAs(page, 'auditadmin');
  const list = nextApiResponse(page, 'GET', '/audit');
  await page.getByTestId('side-menu').locator('li[data-menu-id$="-/admin/audit"]').click();
  await page.waitForURL((u) => u.pathname === '/admin/audit');
  expect((await list).status()).toBe(200);
  const table = page.getByTestId('audit-table');
  await waitForTable(table);

  const all = await tableRows(table);
  const has = (actor: string, action: string) => all.some((r) => r[actorCol] === actor && r[actionCol] === action);
  expect(has('leader', label('auditAction.auth.login')), 'leader signed in').toBe(true);
  expect(has('leader', label('auditAction.auth.logout')), 'leader signed out').toBe(true);
  expect(has('office', label('auditAction.auth.login_failed')), 'office failed').toBe(true);
  expect(has('auditadmin', label('auditAction.auth.login')), 'auditadmin signed in').toBe(true);
  const dbTotal = Number(h.readAll('SELECT COUNT(*) AS n FROM audit_log')[0]!.n);
  expect(all.length).toBe(Math.min(dbTotal, 20));
  await h.shot(page, 'log');

  // filter by actor
  const actorInput = page.locator('input[data-testid="af-actor"], [data-testid="af-actor"] input').first();
  await actorInput.fill('leader');
  const filtered = page.waitForResponse((r) => {
    const u = new URL(r.url());
    return u.pathname === '/api/v1/audit' && u.searchParams.get('actor') === 'leader';
  });
  await page.getByTestId('af-search').click();
  expect((await filtered).status()).toBe(200);
  const leaderCount = Number(h.readAll("SELECT COUNT(*) AS n FROM audit_log WHERE actor_username = 'leader'")[0]!.n);
  expect(leaderCount).toBeGreaterThanOrEqual(2);
  await poll(() => page.locator('.ant-pagination-total-text').innerText()).toBe(label('common.total').replace('{n}', String(leaderCount)));
  await waitForTable(table);
  const rows = await tableRows(table);
  expect(rows).toHaveLength(Math.min(leaderCount, 20));
  expect(rows.map((r) => r[actorCol])).toEqual(rows.map(() => 'leader'));
  await h.shot(page, 'log-filtered');

  // export: a download of the filtered log
  const exported = nextApiResponse(page, 'GET', '/audit/export.xlsx');
  const downloadEvent = page.waitForEvent('download');
  await page.getByTestId('audit-export').click();
  const res = await exported;
  expect(res.status()).toBe(200);
  expect(new URL(res.url()).searchParams.get('actor')).toBe('leader');
  const download = await downloadEvent;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jianfu-e2e-xlsx-')), download.suggestedFilename());
  try {
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('操作日志');
    expect(ws, 'the 操作日志 sheet').toBeDefined();
    expect((ws!.getRow(1).values as unknown[]).slice(1)).toEqual(XLSX_HEADER);
    const dataRows: unknown[][] = [];
    ws!.eachRow((row, n) => {
      if (n > 1) dataRows.push((row.values as unknown[]).slice(1));
    });
    expect(dataRows).toHaveLength(leaderCount);
    expect(dataRows.map((r) => r[2])).toEqual(dataRows.map(() => 'leader'));
    expect(dataRows.map((r) => r[6])).toEqual(expect.arrayContaining(['auth.login', 'auth.logout']));
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
  // the export itself is audited, with its filter
  const exportRow = h.readAll("SELECT actor_username, after_json FROM audit_log WHERE action = 'audit.export' ORDER BY id DESC LIMIT 1")[0];
  expect(exportRow?.actor_username).toBe('auditadmin');
  expect(JSON.parse(String(exportRow!.after_json))).toMatchObject({ filters: { actor: 'leader' } });
});
