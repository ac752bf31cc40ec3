/**
 * Collect once, use many, end to end: a section of the bureau uploads its own .xlsx template (a
 * file that is no spreadsheet is refused first, creating nothing), sees each column matched to the
 * catalog and the reuse ratio, narrows the population to two schools and submits it for register
 * approval; the office passes and the leader approves the data_collection item on the item page.
 * A teacher of the population opens the task on a phone, sees the held values pre-filled (the
 * phone masked), types only the new column and signs the written commitment. The section then
 * downloads its own template filled from master data and the test reads the cells back.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { ERRORS } from '../src/domain/errors';
import { label } from '../src/domain/i18n';
import { addDays } from '../src/domain/register/schoolYear';
import { chinaToday } from '../src/domain/time';
import { catalogLabel } from '../src/server/modules/collections/catalogAccess';
import { TEMPLATE_HEADERS, templateXlsx } from '../src/server/modules/collections/testkit';
import { DEMO_PASSWORD, loginAs, logout, nextApiResponse, poll, submitLogin, settled, useHarness } from './harness';

const h = useHarness('collections');

const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The population: the demo teacher's school and the next one. */
const SCHOOLS = ['青禾县城关第一小学', '青禾县城关第二小学'];
const MATCHED = ['teacher.name', 'teacher.gender', 'teacher.birthDate', 'teacher.mobile', 'teacher.teachingSubject'];
const TYPED = '4';

/** `{a} … {b}` label with its placeholders filled, as the web app's t() does. */
const text = (key: string, vars: Record<string, string | number>) => label(key).replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));

/** Clicks an action button on the item page, confirms its dialog (with a reason when given) and waits for the POST. */
async function act(page: Page, button: string, path: string, reason?: string): Promise<void> {
  // a refetch landing while the dialog is open would reset it: start once the page has settled
  await settled(page);
  await page.getByTestId(button).click();
  if (reason !== undefined) await page.getByTestId('action-reason').fill(reason);
  const res = nextApiResponse(page, 'POST', path);
  await page.getByTestId('action-ok').click();
  expect((await res).status(), `${button} → ${path}`).toBe(200);
}

/** Signs in on a phone, where the side menu is a drawer (loginAs waits for the desktop menu). */
async function loginOnPhone(page: Page, username: string): Promise<void> {
  await page.goto('/admin/login');
  expect((await submitLogin(page, username, DEMO_PASSWORD)).status()).toBe(200);
  await page.waitForURL((u) => !u.pathname.endsWith('/login'));
}

const countCollections = () => Number(h.readAll('SELECT COUNT(*) AS n FROM collections')[0]!.n);

// shared by the steps below, which run in order
let collectionId = 0;
let itemId = 0;
let schoolIds: number[] = [];
let teacherId = 0;
let responseId = 0;

it('a file that is no spreadsheet is refused with the zh message and creates nothing', async () => {
  const page = await h.newPage();
  await loginAs(page, 'section');
  await page.goto('/admin/collections');
  await page.getByTestId('collection-new').click();
  const before = countCollections();
  // a text file renamed .xlsx
  await page.getByTestId('collection-upload').setInputFiles({ name: '教师情况表.xlsx', mimeType: XLSX, buffer: Buffer.from('姓名,性别\n张三,男\n', 'utf8') });
  // the message is a toast that goes after 3 s: watch for it from before the click
  const shown = page.locator('.ant-message').getByText(ERRORS.NOT_A_SPREADSHEET.zh).waitFor();
  shown.catch(() => undefined);
  const res = nextApiResponse(page, 'POST', '/collections');
  await page.getByTestId('collection-upload-ok').click();
  const r = await res;
  expect(r.status()).toBe(422);
  await shown;
  expect(((await r.json()) as { error: { code: string } }).error.code).toBe('NOT_A_SPREADSHEET');
  expect(countCollections()).toBe(before);
  expect(new URL(page.url()).pathname).toBe('/admin/collections');
  await h.shot(page, 'upload-refused');
});

it('the section uploads its template, sees the matches and the reuse ratio, picks two schools and submits it for approval', async () => {
  const page = await h.newPage();
  await loginAs(page, 'section');
  await page.goto('/admin/collections');
  await page.getByTestId('collection-new').click();
  const title = `e2e 2026年教师情况统计 ${Date.now().toString(36)}`;
  await page.getByTestId('collection-title').fill(title);
  await page.getByTestId('collection-upload').setInputFiles({ name: '教师情况表.xlsx', mimeType: XLSX, buffer: await templateXlsx() });
  const created = nextApiResponse(page, 'POST', '/collections');
  await page.getByTestId('collection-upload-ok').click();
  const c = await created;
  expect(c.status(), await c.text()).toBe(201);
  collectionId = ((await c.json()) as { id: number }).id;
  await page.waitForURL((u) => u.pathname === `/admin/collections/${collectionId}`);
  await page.getByTestId('collection-detail').waitFor();
  const row = h.readRow('collections', collectionId)!;
  expect(row).toMatchObject({ status: 'draft', title, template_name: '教师情况表.xlsx' });
  const doc = JSON.parse(String(row.columns_json)) as { columns: { header: string; field: string | null }[] };
  expect(doc.columns.map((x) => x.header)).toEqual(TEMPLATE_HEADERS);
  expect(doc.columns.map((x) => x.field)).toEqual([...MATCHED, null]);

  // step 1: each column with its match — five catalog keys, the last a new field; each held for
  // every teacher of the default population (all schools of the region)
  const regionTeachers = Number(h.readAll("SELECT COUNT(*) AS n FROM teachers t JOIN collection_schools s ON s.school_org_id = t.org_id WHERE s.collection_id = ? AND t.status = 'active'", collectionId)[0]!.n);
  expect(regionTeachers).toBeGreaterThan(100);
  const matches = page.getByTestId('collection-matches');
  const matchRow = (i: number) => matches.locator(`tr[data-row-key="${i}"]`);
  for (const [i, key] of MATCHED.entries()) {
    await poll(() => matchRow(i).innerText(), `column ${i}`).toContain(catalogLabel(key, 'zh'));
    expect(await matchRow(i).innerText()).toContain(TEMPLATE_HEADERS[i]);
    expect(await matchRow(i).innerText()).toContain(`${regionTeachers}/${regionTeachers}`);
  }
  expect(await matchRow(5).innerText()).toContain(TEMPLATE_HEADERS[5]);
  expect(await matchRow(5).innerText()).toContain(label('collections.match.new'));
  expect(await matchRow(5).innerText()).toContain('—');
  await poll(() => page.getByTestId('collection-reuse').innerText()).toContain(text('collections.reuse', { held: 5, columns: 6 }));
  await h.shot(page, 'matches');

  // step 2: the population — every school of the region by default; a quick pick, then clear and
  // keep two, typed into the picker; nothing is saved until the choice is applied
  await page.getByTestId('collection-next').click();
  const picker = page.getByTestId('collection-schools');
  const summary = page.getByTestId('collection-schools-summary');
  const regionSchools = Number(h.readAll('SELECT COUNT(*) AS n FROM collection_schools WHERE collection_id = ?', collectionId)[0]!.n);
  expect(regionSchools).toBeGreaterThan(SCHOOLS.length);
  // "已选 N 所学校" — the teacher count beside it is the schools' own (tested on the server)
  const chosen = (n: number) => text('collections.population.summary', { schools: n, teachers: 0 }).split('，')[0]!;
  await poll(() => summary.innerText()).toContain(chosen(regionSchools));
  const apply = page.getByTestId('collection-schools-apply');
  expect(await apply.isDisabled()).toBe(true);
  await page.getByTestId('collection-schools-primary').click();
  await poll(() => summary.innerText()).not.toContain(chosen(regionSchools));
  expect(await apply.isDisabled()).toBe(false);
  await page.getByTestId('collection-schools-clear').click();
  await poll(() => summary.innerText()).toContain(text('collections.population.summary', { schools: 0, teachers: 0 }));
  expect(await page.getByText(label('collections.population.empty')).isVisible()).toBe(true);
  expect(await page.getByTestId('collection-next').isDisabled()).toBe(true);
  expect(await apply.isDisabled()).toBe(true);
  // still all schools in the database: the draft is the page's own
  expect(Number(h.readAll('SELECT COUNT(*) AS n FROM collection_schools WHERE collection_id = ?', collectionId)[0]!.n)).toBe(regionSchools);
  const tags = picker.locator('.ant-select-selection-item');
  for (const name of SCHOOLS) {
    await picker.click();
    await page.keyboard.type(name);
    await page.locator('.ant-select-item-option-active').filter({ hasText: name }).waitFor();
    await page.keyboard.press('Enter');
  }
  await page.keyboard.press('Escape');
  await poll(() => summary.innerText()).toContain(chosen(SCHOOLS.length));
  const patched = nextApiResponse(page, 'PATCH', `/collections/${collectionId}`);
  await apply.click();
  expect((await patched).status()).toBe(200);
  await poll(() => apply.isDisabled()).toBe(true);
  // the chosen schools' tags (the picker's responsive overflow adds a "+ N ..." item of its own)
  const shown = () => tags.evaluateAll((els) => els.map((e) => e.getAttribute('title')).filter((x): x is string => !!x && !x.startsWith('+')));
  await poll(async () => (await shown()).map((x) => x.replace(/（\d+）$/, '')).sort()).toEqual([...SCHOOLS].sort());
  schoolIds = h.readAll('SELECT s.school_org_id AS id FROM collection_schools s WHERE s.collection_id = ? ORDER BY s.school_org_id', collectionId).map((r) => Number(r.id));
  const orgNames = h.readAll(`SELECT name FROM orgs WHERE id IN (${schoolIds.map(() => '?').join(',')}) ORDER BY name`, ...schoolIds).map((r) => String(r.name));
  expect(orgNames.sort()).toEqual([...SCHOOLS].sort());
  const population = Number(h.readAll(`SELECT COUNT(*) AS n FROM teachers WHERE status = 'active' AND org_id IN (${schoolIds.map(() => '?').join(',')})`, ...schoolIds)[0]!.n);
  expect(population).toBeGreaterThan(2);
  // the reuse follows the choice: 5 of 6 columns, 5 × population of 6 × population cells
  await poll(() => page.getByTestId('collection-reuse-overlap').innerText()).toContain(text('collections.reuseCells', { held: 5 * population, total: 6 * population }));
  expect(await page.getByTestId('collection-reuse').innerText()).toContain(text('collections.reuse', { held: 5, columns: 6 }));
  expect(JSON.parse(String(h.readRow('collections', collectionId)!.reuse_json))).toMatchObject({ columns: 6, held: 5, population, cellsTotal: 6 * population, cellsHeld: 5 * population });
  await h.shot(page, 'population');

  // step 3: the register item's fields; approval number and validity past the window's end
  await page.getByTestId('collection-next').click();
  await page.getByTestId('collection-submit-form').waitFor();
  await page.getByTestId('collection-legal-basis').fill('《中华人民共和国统计法》《教育统计管理规定》');
  await page.getByTestId('collection-adhoc-reason').fill('省教育厅临时部署教师公开课情况统计');
  await page.getByTestId('collection-approval-no').fill('青教统制〔2026〕3号');
  await page.getByTestId('collection-stats-filed').check();
  // typed into the picker and confirmed with Enter: the date is taken, the form is not submitted
  const submits: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes(`/collections/${collectionId}/submit`)) submits.push(r.url());
  });
  const until = addDays(chinaToday(), 90);
  const validUntil = page.getByTestId('collection-valid-until');
  await validUntil.click();
  await validUntil.fill(until);
  await validUntil.press('Enter');
  await page.locator('.ant-picker-dropdown').first().waitFor({ state: 'hidden' });
  await poll(() => validUntil.inputValue()).toBe(until);
  await settled(page);
  expect(submits).toEqual([]);
  expect(await page.locator('.ant-form-item-explain-error').count()).toBe(0);
  const submitted = nextApiResponse(page, 'POST', `/collections/${collectionId}/submit`);
  await page.getByTestId('collection-submit').click();
  const s = await submitted;
  expect(s.status(), await s.text()).toBe(200);
  await poll(() => String(h.readRow('collections', collectionId)?.status)).toBe('submitted');
  itemId = Number(h.readRow('collections', collectionId)!.item_id);
  const item = h.readRow('items', itemId)!;
  expect(item).toMatchObject({ kind: 'data_collection', status: 'submitted', title });
  expect(JSON.parse(String(item.details_json))).toMatchObject({ kind: 'data_collection', collectionId, fieldCount: 6, approvalNo: '青教统制〔2026〕3号', validUntil: until, statsOfficeFiled: true });
});

it('the office passes and the leader approves the data_collection item on the item page', async () => {
  expect(itemId).toBeGreaterThan(0);
  const page = await h.newPage();
  await loginAs(page, 'office');
  await page.goto(`/admin/items/${itemId}`);
  // the reviewer sees the collection's reuse ratio on the item
  await poll(() => page.getByTestId('collection-review-card').innerText()).toContain(text('collections.reuse', { held: 5, columns: 6 }));
  await act(page, 'item-review-pass', `/items/${itemId}/review`, '已核对，系统已有5列数据，仅需填报1列，同意报请审批');
  await poll(() => String(h.readRow('items', itemId)?.status)).toBe('reviewed');
  await logout(page);

  await loginAs(page, 'leader');
  await page.goto(`/admin/items/${itemId}`);
  await act(page, 'item-approve', `/items/${itemId}/approve`);
  await poll(() => String(h.readRow('items', itemId)?.status)).toBe('approved');
  expect(String(h.readRow('items', itemId)!.admission_no)).toMatch(/〔\d{4}〕[1-9]\d*号$/);
});

it('a teacher of the population fills only the new column on a phone and signs the written commitment', async () => {
  expect(itemId).toBeGreaterThan(0);
  const account = h.readAll("SELECT id, teacher_id FROM users WHERE username = 'teacher'")[0]!;
  teacherId = Number(account.teacher_id);
  const teacher = h.readRow('teachers', teacherId)!;
  expect(schoolIds).toContain(Number(teacher.org_id));

  const phone = await h.newPage(PHONE);
  await loginOnPhone(phone, 'teacher');
  const tasks = nextApiResponse(phone, 'GET', '/collections/tasks');
  await phone.goto('/admin/tasks');
  expect((await tasks).status()).toBe(200);
  // the collection opened on this first look: one response per teacher of the population
  await poll(() => String(h.readRow('collections', collectionId)?.status)).toBe('open');
  const response = h.readAll("SELECT id FROM collection_responses WHERE collection_id = ? AND subject_type = 'teacher' AND subject_id = ?", collectionId, teacherId)[0];
  expect(response).toBeDefined();
  responseId = Number(response!.id);
  await poll(() => phone.getByTestId(`task-${responseId}`).innerText()).toContain(String(h.readRow('collections', collectionId)!.title));
  await h.shot(phone, 'tasks-375');

  await phone.getByTestId(`task-fill-${responseId}`).click();
  await phone.waitForURL((u) => u.pathname === `/admin/fill/${responseId}`);
  await phone.getByTestId('fill-page').waitFor();
  // held values pre-filled: the name in clear, the phone masked; only the new column to type
  await poll(() => phone.getByTestId('fill-held-0').innerText()).toBe(String(teacher.name));
  expect(await phone.getByTestId('fill-held-1').innerText()).toBe(teacher.gender === 'male' ? '男' : '女');
  expect(await phone.getByTestId('fill-held-2').innerText()).toBe(String(teacher.birth_date));
  const mobile = h.deps.fieldCrypto.decrypt(String(teacher.mobile_enc));
  expect(await phone.getByTestId('fill-held-3').innerText()).toBe(`${mobile.slice(0, 3)}****${mobile.slice(-4)}`);
  expect(await phone.getByTestId('fill-held-4').innerText()).toBe(String(teacher.subject));
  expect(await phone.locator('body').innerText()).not.toContain(mobile);
  expect(await phone.locator('[data-testid^="fill-input-"]').count()).toBe(1);
  expect(await phone.getByTestId('fill-held-5').count()).toBe(0);
  const commitment = String(h.readRow('collections', collectionId)!.commitment_text);
  expect(await phone.getByTestId('fill-commitment').innerText()).toContain(commitment);
  await expect(phone.getByTestId('fill-submit').isDisabled()).resolves.toBe(true);
  const { scroll, client } = await phone.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll, 'no horizontal scrolling at 375 px').toBeLessThanOrEqual(client);

  await phone.getByTestId('fill-input-5').fill(TYPED);
  await phone.getByTestId('fill-sign').check();
  const sent = nextApiResponse(phone, 'POST', `/collections/responses/${responseId}`);
  await phone.getByTestId('fill-submit').click();
  const r = await sent;
  expect(r.status(), await r.text()).toBe(200);
  await phone.getByTestId('fill-done').waitFor();
  await h.shot(phone, 'fill-done-375');

  const stored = h.readRow('collection_responses', responseId)!;
  expect(stored).toMatchObject({ status: 'submitted', commitment_text: commitment, committed_ip: '127.0.0.1', submitted_by: Number(account.id), typed_cells: 1, prefilled_cells: 5 });
  expect(commitment).toContain('承诺');
  expect(Date.now() - Date.parse(String(stored.committed_at))).toBeLessThan(120_000);
  expect(JSON.parse(h.deps.fieldCrypto.decrypt(String(stored.answers_enc)))).toEqual({ 5: TYPED });
  const audit = h.readAll("SELECT after_json FROM audit_log WHERE action = 'collection.response.submit' AND object_id = ?", String(responseId));
  expect(audit).toHaveLength(1);
});

it('the section downloads its template filled from master data: layout kept, a row per teacher, the typed value on the teacher’s row', async () => {
  expect(responseId).toBeGreaterThan(0);
  const page = await h.newPage();
  await loginAs(page, 'section');
  await page.goto(`/admin/collections/${collectionId}`);
  const teachers = h.readAll(`SELECT id, name, gender, birth_date, mobile_enc, subject FROM teachers WHERE status = 'active' AND org_id IN (${schoolIds.map(() => '?').join(',')}) ORDER BY org_id, id`, ...schoolIds);
  await poll(() => page.getByTestId('collection-progress').innerText()).toContain(`1/${teachers.length}`);
  const downloading = page.waitForEvent('download');
  await page.getByTestId('collection-download').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^教师情况表-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const file = await download.path();
  expect(file).toBeTruthy();

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('教师情况表')!;
  expect(ws).toBeDefined();
  expect(ws.model.merges).toContain('A1:F1');
  expect(ws.getCell('A1').value).toBe('2026年教师情况统计表');
  expect(ws.getRow(2).values).toEqual([undefined, ...TEMPLATE_HEADERS]);
  expect(ws.getColumn(6).width).toBe(18);
  teachers.forEach((t, i) => {
    const row = ws.getRow(3 + i);
    expect(row.getCell(1).value, `row ${3 + i}`).toBe(t.name);
    expect(row.getCell(2).value).toBe(t.gender === 'male' ? '男' : '女');
    expect((row.getCell(3).value as Date).toISOString().slice(0, 10)).toBe(t.birth_date);
    // decrypted for the requester who is entitled to it
    expect(row.getCell(4).value).toBe(h.deps.fieldCrypto.decrypt(String(t.mobile_enc)));
    expect(row.getCell(5).value).toBe(t.subject);
    expect(row.getCell(6).value).toBe(Number(t.id) === teacherId ? TYPED : null);
  });
  // exactly one row per teacher of the population
  expect(ws.getRow(3 + teachers.length).getCell(1).value).toBeNull();
  expect(ws.actualRowCount).toBe(2 + teachers.length);
  const exports = h.readAll("SELECT after_json FROM audit_log WHERE action = 'collection.export' AND object_id = ?", String(collectionId));
  expect(exports).toHaveLength(1);
  expect(String(exports[0]!.after_json)).toContain('decrypted');
  await h.shot(page, 'collection-open');
});
