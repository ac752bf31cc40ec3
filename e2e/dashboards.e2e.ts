/**
 * The dashboards in the browser: the demo county as its leader and its office, a school as its
 * school administrator, and a region above counties (the synthetic county-scale province, whose
 * city leader sees its three counties) — charts drawn on canvas, each panel's table view, the
 * period selector, drilling down, the Excel export of a panel; screenshots of each.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { label } from '../src/domain/i18n';
import { DEMO_PASSWORD, loginAs, nextApiResponse, poll, useHarness } from './harness';

const h = useHarness('dashboards');

beforeAll(async () => {
  const { seedProvince } = await import('../src/server/demo/province');
  await seedProvince(h.deps, { scale: 'county', password: DEMO_PASSWORD, quiet: true, log: () => undefined });
});

/** Non-blank pixels of the panel's chart canvas (a drawn chart has thousands). */
async function inkedPixels(page: Page, panel: string): Promise<number> {
  const canvas = page.locator(`[data-testid="dash-chart-${panel}"] canvas`).first();
  await canvas.waitFor();
  return canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const ctx = c.getContext('2d');
    if (!ctx || !c.width || !c.height) return 0;
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && (data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240)) n++;
    return n;
  });
}

/** Opens the dashboards from the side menu; resolves with the dashboard's answer. */
async function openDashboards(page: Page): Promise<{ org: { id: number; level: string; name: string }; panels: Record<string, unknown> }> {
  const res = nextApiResponse(page, 'GET', '/dashboards/');
  await page.getByTestId('side-menu').locator('li[data-menu-id$="-/admin/dashboards"]').click();
  await page.waitForURL((u) => u.pathname.startsWith('/admin/dashboards'));
  const r = await res;
  expect(r.status()).toBe(200);
  return (await r.json()) as { org: { id: number; level: string; name: string }; panels: Record<string, unknown> };
}

async function expectCharts(page: Page, panels: string[]) {
  for (const p of panels) await poll(() => inkedPixels(page, p), `chart ${p} drawn`).toBeGreaterThan(500);
}

/** The chart/table toggle of a panel shows its table (with `rows` rows) and back; resolves with the table's first column. */
async function toggleTable(page: Page, panel: string, rows: number): Promise<string[]> {
  const toggle = page.getByTestId(`dash-toggle-${panel}`);
  await toggle.getByText(label('dash.tableView'), { exact: true }).click();
  const table = page.getByTestId(`dash-table-${panel}`);
  await table.waitFor();
  await poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(rows);
  await expect(page.locator(`[data-testid="dash-chart-${panel}"]`).count()).resolves.toBe(0);
  const first = await table.locator('tbody tr.ant-table-row td:first-child').allInnerTexts();
  await toggle.getByText(label('dash.chartView'), { exact: true }).click();
  await poll(() => inkedPixels(page, panel)).toBeGreaterThan(500);
  return first;
}

it('county dashboard as the bureau leader: charts, table view, period, export', async () => {
  const page = await h.newPage({ viewport: { width: 1440, height: 1000 } });
  await loginAs(page, 'leader');
  const d = await openDashboards(page);
  expect(d.org.level).toBe('county');
  await poll(() => page.getByTestId('dash-title').innerText()).toContain('青禾县教育体育局');
  await expectCharts(page, ['itemsByKind', 'hoursTrend', 'secondments', 'whitelist']);
  // no baseline entered in the demo county: the reduction panel says so instead of drawing zeros
  await poll(() => page.getByTestId('dash-panel-reduction').innerText()).toContain(label('dash.noBaseline'));
  await h.shot(page, 'county-leader');

  const kinds = await toggleTable(page, 'itemsByKind', 11);
  expect(kinds[0]).toBe(label('itemKind.inspection'));

  // last year: a new request with last year's bounds
  const y = new Date().getFullYear();
  const res = page.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/api/v1/dashboards/') && new URL(r.url()).searchParams.get('from') === `${y - 1}-01-01`);
  await page.getByTestId('dash-period').getByText(label('dash.period.lastYear'), { exact: true }).click();
  expect((await res).status()).toBe(200);

  // the panel's Excel export: its table, Chinese headers
  const download = page.waitForEvent('download');
  await page.getByTestId('dash-export-itemsByKind').click();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jianfu-e2e-dash-')), 'panel.xlsx');
  try {
    await (await download).saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['事项类别', '基线数量', '本期数量', '基线工时（小时/年）', '本期工时（小时/年）']);
    expect(ws.rowCount).toBe(12);
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
});

it('county dashboard as the office, with the figures of the database', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 900 } });
  await loginAs(page, 'office');
  const d = await openDashboards(page);
  expect(d.org.level).toBe('county');
  await expectCharts(page, ['itemsByKind', 'hoursTrend']);
  const y = new Date().getFullYear();
  const db = h.readAll(
    `SELECT COUNT(*) AS n FROM items i JOIN orgs r ON r.id = i.region_org_id WHERE r.code = '530529' AND i.status IN ('approved','completed') AND i.valid_from <= '${y}-12-31' AND i.valid_to >= '${y}-01-01'`,
  )[0]!;
  const rows = (d.panels.itemsByKind as { rows: { currentCount: number }[] }).rows;
  expect(rows.reduce((a, r) => a + r.currentCount, 0)).toBe(Number(db.n));
  await h.shot(page, 'county-office');
});

it('school dashboard as the school administrator', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 900 } });
  await loginAs(page, 'school');
  const d = await openDashboards(page);
  expect(d.org.level).toBe('school');
  await poll(() => page.getByTestId('dash-title').innerText()).toContain(label('dash.level.school'));
  await expectCharts(page, ['itemsByKind', 'hoursTrend', 'whitelist']);
  expect(await page.getByTestId('dash-panel-reduction').count()).toBe(0);
  await toggleTable(page, 'whitelist', 1);
  await h.shot(page, 'school');
  // another county's dashboard is not there for the school
  const other = await page.evaluate(async (id) => (await fetch(`/api/v1/dashboards/${id}`)).status, d.org.id - 1);
  expect(other).toBe(404);
});

it('region dashboard as a city leader: its counties side by side, drilling down', async () => {
  const page = await h.newPage({ viewport: { width: 1440, height: 1100 } });
  await loginAs(page, 'city.leader');
  const d = await openDashboards(page);
  expect(d.org.level).toBe('region');
  await expectCharts(page, ['itemsByKind', 'reduction', 'hoursTrend', 'cases', 'counties']);
  await toggleTable(page, 'counties', 3);
  await h.shot(page, 'region');
  const res = nextApiResponse(page, 'GET', '/dashboards/');
  await page.getByTestId('dash-drill').click();
  await page.locator('.ant-select-dropdown .ant-select-item-option').first().click();
  const county = (await (await res).json()) as { org: { level: string } };
  expect(county.org.level).toBe('county');
  await expectCharts(page, ['itemsByKind', 'reduction']);
  await h.shot(page, 'region-drill-county');
});
