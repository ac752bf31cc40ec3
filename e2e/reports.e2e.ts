/**
 * The office keeps the bureau's leadership group in the org page and downloads the county stage
 * report from the reports page: the .docx carries the roster just edited and the GB/T 9704 page.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { label } from '../src/domain/i18n';
import { readDocx } from '../src/server/modules/reports/docx/read';
import { loginAs, nextApiResponse, useHarness } from './harness';

const h = useHarness('reports');

it('office edits the bureau’s leadership group and downloads the county stage report with it', async () => {
  const bureau = h.readAll("SELECT id FROM orgs WHERE kind = 'agency' AND name = '青禾县教育体育局'")[0]!.id as number;
  const page = await h.newPage();
  await loginAs(page, 'office');
  const read = nextApiResponse(page, 'GET', `/orgs/${bureau}/leadership`);
  await page.goto(`${h.baseUrl}/admin/orgs?id=${bureau}`);
  expect((await read).status()).toBe(200);
  const card = page.getByTestId('leadership-card');
  await card.getByText('青禾县教育系统减轻中小学教师负担工作领导小组').waitFor();
  await card.getByText('李国强').waitFor();
  await page.getByTestId('leadership-edit-teacher_burden').click();
  await page.getByTestId('leadership-add-member').click();
  const inputs = page.locator('[data-testid^="leadership-member-name-"]');
  const last = (await inputs.count()) - 1;
  await page.getByTestId(`leadership-member-name-${last}`).fill('周新成');
  await page.getByTestId(`leadership-member-post-${last}`).fill('县教育体育局教研室主任');
  const saved = nextApiResponse(page, 'PUT', `/orgs/${bureau}/leadership/teacher_burden`);
  await page.getByTestId('leadership-save').click();
  expect((await saved).status()).toBe(200);
  await card.getByText('周新成').waitFor();
  await h.shot(page, 'leadership');

  await page.getByTestId('side-menu').locator('li[data-menu-id$="-/admin/reports"]').click();
  await page.waitForURL((u) => u.pathname === '/admin/reports');
  await page.getByText(label('reports.type.county-stage')).waitFor();
  await h.shot(page, 'reports-page');
  const downloadEvent = page.waitForEvent('download');
  await page.getByTestId('reports-download').click();
  const download = await downloadEvent;
  expect(download.suggestedFilename()).toMatch(/^青禾县教育体育局关于减轻中小学教师负担工作阶段性进展情况的报告.*\.docx$/);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jianfu-e2e-docx-')), 'r.docx');
  await download.saveAs(file);
  const doc = await readDocx(fs.readFileSync(file));
  expect(doc.paragraphs[0]).toMatch(/^青教减报〔\d{4}〕1号$/);
  expect(doc.paragraphs).toContain('　　　　周新成　县教育体育局教研室主任');
  expect(doc.document).toContain('<w:pgSz w:w="11906" w:h="16838"');
  const audit = h.readAll("SELECT actor_username FROM audit_log WHERE action = 'report.export'");
  expect(audit.map((a) => a.actor_username)).toEqual(['office']);
});
