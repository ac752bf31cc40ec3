/**
 * Supervision end to end: a complaint filed on a phone (one PNG, an XSS payload in its text) →
 * the office assigns it to the school → the school rectifies → the office closes and replies →
 * the tracking page on the phone shows the reply. The payload stays text everywhere. A teacher
 * logs a demand without a code; the office's aggregates show it per issuer, never the teacher.
 * Payloads in a named reporter, an admission code and a staff-entry target stay text too; the
 * office reads the caller the number and key of a call it enters, merges it, and narrows the list
 * to a group of duplicates and exports exactly that.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { CASE_LIMITS } from '../src/domain/cases/limits';
import { label } from '../src/domain/i18n';
import { fileComplaint, track } from '../src/server/modules/cases/testkit';
import { DEMO_PASSWORD, loginAs, logout, nextApiResponse, poll, submitLogin, settled, useHarness } from './harness';

const h = useHarness('cases');

const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const SCHOOL = '青禾县城关第一小学';
const XSS = '<img src=x onerror=window.__xss=1><script>window.__xss=2</script>';
/** Payloads that fit each field's limit (name 40, code 40, target 100 characters). */
const NAME_XSS = '<img src=x onerror=window.__xss=3>';
const CODE_XSS = '<svg onload=window.__xss=4>';
const TARGET_XSS = '<img src=x onerror=window.__xss=5><script>window.__xss=6</script>';
/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** Signs in on a phone, where the side menu is a drawer (loginAs waits for the desktop menu). */
async function loginOnPhone(page: Page, username: string): Promise<void> {
  await page.goto('/admin/login');
  expect((await submitLogin(page, username, DEMO_PASSWORD)).status()).toBe(200);
  await page.waitForURL((u) => !u.pathname.endsWith('/login'));
}

async function expectNoSideways(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll, 'no horizontal scrolling at 375 px').toBeLessThanOrEqual(client);
}

/** Clicks a case action button, fills its dialog with `fill`, confirms it and waits for the POST. */
async function act(page: Page, id: number, action: string, fill?: () => Promise<void>): Promise<void> {
  // a refetch landing while the dialog is open would reset it: start once the page has settled
  await settled(page);
  await page.getByTestId(`case-${action}`).click();
  await page.getByTestId('case-action-ok').waitFor();
  await fill?.();
  const res = nextApiResponse(page, 'POST', `/cases/${id}/${action}`);
  await page.getByTestId('case-action-ok').click();
  const r = await res;
  expect(r.status(), `${action}: ${await r.text()}`).toBe(200);
  await page.getByTestId('case-action-ok').waitFor({ state: 'detached' });
}

/** The case's status as the detail page shows it. */
const shownStatus = (page: Page) => page.getByTestId('case-detail').getByTestId('case-status').first().getAttribute('data-status');

/** No element injected by the payloads, no attribute of theirs on any element, and none of their scripts ran. */
async function expectInert(page: Page) {
  expect(await page.locator('img[src="x"]').count(), 'injected <img>').toBe(0);
  expect(await page.locator('svg[onload]').count(), 'injected <svg>').toBe(0);
  expect(await page.evaluate(() => [...document.scripts].some((s) => s.textContent?.includes('__xss'))), 'injected <script>').toBe(false);
  const handlers = await page.evaluate(() => [...document.querySelectorAll('*')].some((e) => [...e.attributes].some((a) => /^on/i.test(a.name) && a.value.includes('__xss'))));
  expect(handlers, 'an injected on… attribute').toBe(false);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), 'window.__xss').toBeUndefined();
}

/** The input or textarea of an antd field, whichever element carries the test id. */
function field(page: Page, testId: string) {
  return page.locator(`input[data-testid="${testId}"], textarea[data-testid="${testId}"], [data-testid="${testId}"] input, [data-testid="${testId}"] textarea`).first();
}

it('phone complaint → office assigns → school rectifies → office closes and replies → the phone sees the reply; the payload stays text', async () => {
  const phone = await h.newPage(PHONE);
  await phone.goto('/complain');
  await phone.getByTestId('complain-form').waitFor();
  await expectNoSideways(phone);

  await phone.getByTestId('complain-category-forced_app').check({ force: true });
  await phone.getByTestId('complain-org-search').fill('城关第一');
  await phone.getByTestId('complain-org-option').filter({ hasText: SCHOOL }).first().click();
  await poll(() => phone.getByTestId('complain-org-picked').innerText()).toContain(SCHOOL);
  const text = `学校要求家长在工作群下载某APP并截图打卡，每天一次。${XSS}`;
  await phone.getByTestId('complain-text').fill(text);
  await phone.getByTestId('complain-images').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PNG });
  await poll(() => phone.getByTestId('complain-thumb').count()).toBe(1);
  // a file that only claims to be an image is refused on the page already
  await phone.getByTestId('complain-images').setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('not a png at all') });
  await poll(() => phone.getByTestId('complain-images-error').innerText()).toContain('fake.png');
  expect(await phone.getByTestId('complain-thumb').count()).toBe(1);
  await expectNoSideways(phone);
  await h.shot(phone, 'complain-form-375');

  const created = nextApiResponse(phone, 'POST', '/public/complaints');
  const upload = phone.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/v1\/public\/complaints\/[^/]+\/attachments/.test(new URL(r.url()).pathname));
  await phone.getByTestId('complain-submit').click();
  expect((await created).status()).toBe(201);
  expect((await upload).status()).toBe(201);
  await phone.getByTestId('complain-done').waitFor();
  const trackingNo = (await phone.getByTestId('complain-tracking-no').innerText()).trim();
  const key = (await phone.getByTestId('complain-key').innerText()).trim();
  expect(trackingNo.length).toBeGreaterThan(4);
  expect(key.length).toBeGreaterThan(8);
  expect(await phone.getByTestId('complain-keep-note').innerText()).toBe(label('public.complain.keepNote'));
  await expectNoSideways(phone);
  await h.shot(phone, 'complain-done-375');

  const row = h.readAll('SELECT * FROM cases WHERE tracking_no = ?', trackingNo)[0];
  expect(row, 'the complaint in the database').toBeDefined();
  const id = Number(row!.id);
  expect(row!.text, 'stored as typed').toBe(text);

  // the office opens it: the payload is text in the DOM, nothing injected, nothing ran
  const page = await h.newPage();
  await loginAs(page, 'office');
  await page.goto('/admin/cases');
  await page.getByTestId(`case-link-${id}`).click();
  await poll(() => page.getByTestId('case-text').textContent()).toBe(text);
  await expectInert(page);
  await poll(() => page.getByTestId('case-attachments').getAttribute('data-count')).toBe('1');
  expect(await page.getByTestId('case-reporter').innerText()).toContain(label('caseUi.anonymous'));
  await h.shot(page, 'case-received');
  // assign: the dialog proposes the organisation concerned (the school)
  await act(page, id, 'assign');
  await poll(() => shownStatus(page)).toBe('assigned');
  await poll(() => page.getByTestId('case-assigned-org').innerText()).toBe(SCHOOL);
  await logout(page);

  // the school: sees the case without the reporter block, verifies and rectifies
  await loginAs(page, 'school');
  await page.goto(`/admin/cases/${id}`);
  await poll(() => page.getByTestId('case-text').textContent()).toBe(text);
  await expectInert(page);
  expect(await page.getByTestId('case-reporter').count(), 'the reporter block below the office').toBe(0);
  if (await page.getByTestId('case-verify').count()) await act(page, id, 'verify');
  await act(page, id, 'rectify', async () => {
    await page.getByTestId('case-measures').fill('已停止要求家长下载APP和截图打卡，并在全校教师会上通报。');
  });
  await poll(() => shownStatus(page)).toBe('rectifying');
  await h.shot(page, 'case-rectifying');
  await logout(page);

  // the office closes it (属实) and replies
  await loginAs(page, 'office');
  await page.goto(`/admin/cases/${id}`);
  await act(page, id, 'close', async () => {
    await page.getByTestId('case-verdict').getByText(label('caseVerdict.substantiated'), { exact: true }).click();
    await page.getByTestId('case-outcome').fill('经核查属实，学校已整改，相关APP任务已取消。');
  });
  await poll(() => shownStatus(page)).toBe('closed');
  const reply = '您反映的问题经核查属实，学校已停止要求下载APP和截图打卡。感谢您的监督。';
  await act(page, id, 'reply', async () => {
    await page.getByTestId('case-reply-text').fill(reply);
  });
  await poll(() => shownStatus(page)).toBe('replied');
  await expectInert(page);
  await h.shot(page, 'case-replied');
  const events = h.readAll('SELECT action FROM case_events WHERE case_id = ? ORDER BY id', id).map((e) => String(e.action));
  expect(events).toEqual(expect.arrayContaining(['assign', 'rectify', 'close', 'reply']));

  // the phone follows the link from the confirmation: status replied, the reply shown
  await phone.goto(`/track?no=${encodeURIComponent(trackingNo)}&key=${encodeURIComponent(key)}`);
  await poll(() => phone.getByTestId('track-status').getAttribute('data-status')).toBe('replied');
  expect(await phone.getByTestId('track-reply-text').textContent()).toBe(reply);
  expect(await phone.getByTestId('track-event').count()).toBeGreaterThanOrEqual(3);
  await expectNoSideways(phone);
  await h.shot(phone, 'track-replied-375');
  // a wrong key looks like an unknown number
  await phone.goto(`/track?no=${encodeURIComponent(trackingNo)}&key=wrong-key-0000`);
  await phone.getByTestId('track-not-found').waitFor();
  expect(await phone.locator('body').innerText()).not.toContain(reply);
});

it('a teacher logs a demand without a code; the office sees it summed per issuer, never the teacher', async () => {
  const teacher = h.readAll('SELECT display_name FROM users WHERE username = ?', 'teacher')[0]!;
  const teacherName = String(teacher.display_name);
  const issuer = `县某局宣传科 ${Date.now().toString(36)}`;

  const phone = await h.newPage(PHONE);
  await loginOnPhone(phone, 'teacher');
  await phone.goto('/admin/tasklog');
  await phone.getByTestId('tasklog-form').waitFor();
  await phone.getByTestId('tasklog-what').fill('在班级群转发投票链接，并收集家长投票截图');
  await phone.getByTestId('tasklog-issuer').locator('input').fill(issuer);
  await phone.getByTestId('tasklog-minutes').fill('45');
  const saved = nextApiResponse(phone, 'POST', '/tasklog');
  await phone.getByTestId('tasklog-submit').click();
  expect((await saved).status()).toBe(201);
  await poll(() => phone.getByTestId('tasklog-list').innerText()).toContain(issuer);
  await poll(() => phone.getByTestId('tasklog-term-hours').innerText()).toContain('0.8');
  await expectNoSideways(phone);
  await h.shot(phone, 'tasklog-375');

  const page = await h.newPage();
  await loginAs(page, 'office');
  await page.goto('/admin/tasklog/stats');
  // one teacher reported this issuer: below the 3-teacher minimum it is not shown at all (not even as "other")
  await page.getByTestId('tasklog-stats-total').waitFor();
  await settled(page);
  const table = page.getByTestId('tasklog-stats-table');
  expect(await table.innerText()).not.toContain(issuer);
  expect(h.readAll("SELECT COUNT(*) AS n FROM cases WHERE channel = 'task_log'")[0]!.n, 'the unregistered demand became a case for the office').toBe(1);
  const body = await page.content();
  expect(body).not.toContain(teacherName);
  await h.shot(page, 'tasklog-stats');
});

it('payloads in a named reporter, an admission code and a typed-in target stay text; the office reads the caller the key, merges the call into the complaint', async () => {
  // the public form on a phone: named, with a code; its fields stop where the server does
  const phone = await h.newPage(PHONE);
  await phone.goto('/complain');
  await phone.getByTestId('complain-form').waitFor();
  expect(await phone.getByTestId('complain-text').getAttribute('maxlength')).toBe(String(CASE_LIMITS.complaintText.max));
  await phone.getByTestId('complain-category-fees').check({ force: true });
  await phone.getByTestId('complain-org-search').fill('城关第一');
  await phone.getByTestId('complain-org-option').filter({ hasText: SCHOOL }).first().click();
  await poll(() => phone.getByTestId('complain-org-picked').innerText()).toContain(SCHOOL);
  const text = '学校要求每位家长缴纳两百元资料费，没有收据，也没有公示。';
  await phone.getByTestId('complain-text').fill(text);
  expect(await phone.getByTestId('complain-text-count').innerText()).toBe(`${text.length} / ${CASE_LIMITS.complaintText.max}`);
  expect(await phone.getByTestId('complain-code').getAttribute('maxlength')).toBe(String(CASE_LIMITS.code));
  await phone.getByTestId('complain-code').fill(CODE_XSS);
  await poll(() => phone.getByTestId('complain-code-status').getAttribute('data-status')).toBe('unknown');
  await phone.getByTestId('complain-named').check({ force: true });
  expect(await phone.getByTestId('complain-name').getAttribute('maxlength')).toBe(String(CASE_LIMITS.reporterName));
  await phone.getByTestId('complain-name').fill(NAME_XSS);
  await phone.getByTestId('complain-phone').fill('13800138000');
  const created = nextApiResponse(phone, 'POST', '/public/complaints');
  await phone.getByTestId('complain-submit').click();
  expect((await created).status()).toBe(201);
  await phone.getByTestId('complain-done').waitFor();
  await expectInert(phone);
  const trackingNo = (await phone.getByTestId('complain-tracking-no').innerText()).trim();
  const complaint = h.readAll('SELECT id, item_code, anonymous FROM cases WHERE tracking_no = ?', trackingNo)[0]!;
  expect(complaint.item_code, 'the code stored as typed').toBe(CODE_XSS);
  expect(complaint.anonymous).toBe(0);
  const complaintId = Number(complaint.id);

  // the office's case page: name and code are text, nothing injected, nothing ran
  const page = await h.newPage();
  await loginAs(page, 'office');
  await page.goto(`/admin/cases/${complaintId}`);
  await poll(() => page.getByTestId('case-reporter-name').textContent()).toBe(NAME_XSS);
  expect(await page.getByTestId('case-item-code').textContent()).toBe(CODE_XSS);
  await expectInert(page);

  // a hotline call about an organisation not in the register, typed in by the office
  await page.goto('/admin/cases/new');
  await page.getByTestId('case-entry').waitFor();
  expect(await field(page, 'case-entry-text').getAttribute('maxlength')).toBe(String(CASE_LIMITS.staffText.max));
  expect(await field(page, 'case-entry-target-text').getAttribute('maxlength')).toBe(String(CASE_LIMITS.targetText));
  await page.getByTestId('case-entry-category').click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label('caseCategory.fees')}"]`).click();
  await field(page, 'case-entry-target-text').fill(TARGET_XSS);
  await field(page, 'case-entry-text').fill('来电反映：某培训机构进校推销资料，要求家长扫码缴费。');
  const entered = nextApiResponse(page, 'POST', '/cases');
  await page.getByTestId('case-entry-submit').click();
  expect((await entered).status()).toBe(201);
  // the number and key to read to the caller, before anything else
  await page.getByTestId('case-entered').waitFor();
  expect(await page.getByTestId('case-entered-note').innerText()).toContain(label('caseUi.enteredNote'));
  const enteredNo = (await page.getByTestId('case-entered-no').textContent())!.trim();
  const enteredKey = (await page.getByTestId('case-entered-key').textContent())!.trim();
  expect(enteredKey.length).toBeGreaterThanOrEqual(16);
  expect(page.url(), 'still on the entry page while the key is shown').toContain('/admin/cases/new');
  await h.shot(page, 'case-entered-key');
  // the caller can follow the case with what was read to them
  const followed = await track(h.app, enteredNo, enteredKey);
  expect(followed.statusCode).toBe(200);
  const staff = h.readAll('SELECT id, target_text, channel FROM cases WHERE tracking_no = ?', enteredNo)[0]!;
  expect(staff).toMatchObject({ target_text: TARGET_XSS, channel: 'hotline' });
  const staffId = Number(staff.id);
  await page.getByTestId('case-entered-done').click();
  await page.waitForURL((u) => u.pathname === `/admin/cases/${staffId}`);
  await poll(() => page.getByTestId('case-target-text').textContent()).toBe(TARGET_XSS);
  await expectInert(page);

  // merged into the complaint: the link names the complaint's tracking number and leads to it
  await act(page, staffId, 'merge', async () => {
    await field(page, 'case-merge-id').fill(String(complaintId));
    await page.getByTestId('case-reason').fill('同一事项的重复反映');
  });
  await poll(() => shownStatus(page)).toBe('merged');
  expect(await page.getByTestId('case-merged-into-link').textContent()).toBe(trackingNo);
  await h.shot(page, 'case-merged-into');
  await page.getByTestId('case-merged-into-link').click();
  await page.waitForURL((u) => u.pathname === `/admin/cases/${complaintId}`);
  await page.getByTestId(`case-duplicate-${staffId}`).waitFor();
  await expectInert(page);
});

it('the office narrows the list to a group of duplicates and exports exactly that, audited', async () => {
  const school = h.readAll('SELECT id FROM orgs WHERE name = ?', SCHOOL)[0]!;
  const dupText = '城关一小要求教师每天在某平台打卡学习并截图发到工作群，周末也不例外';
  const a = await fileComplaint(h.app, Number(school.id), { category: 'trace_evidence', text: dupText });
  const b = await fileComplaint(h.app, Number(school.id), { category: 'trace_evidence', text: `${dupText}，已经一个多月` });
  const [ra, rb] = [a, b].map((c) => h.readAll('SELECT id, group_id FROM cases WHERE tracking_no = ?', c.trackingNo)[0]!);
  expect(rb!.group_id, 'grouped with the first').toBe(ra!.id);

  const page = await h.newPage();
  await loginAs(page, 'office');
  await page.goto('/admin/cases');
  const rows = page.getByTestId('case-table').locator('tbody tr[data-testid^="case-row-"]');
  await page.getByTestId(`case-dup-${rb!.id}`).click();
  await poll(() => page.getByTestId('cf-group').getAttribute('data-group-id')).toBe(String(ra!.id));
  await poll(() => rows.count()).toBe(2);
  await settled(page);
  await h.shot(page, 'cases-group');

  const exported = nextApiResponse(page, 'GET', '/cases/export.xlsx');
  const downloadEvent = page.waitForEvent('download');
  await page.getByTestId('case-export').click();
  const res = await exported;
  expect(res.status()).toBe(200);
  expect(new URL(res.url()).searchParams.get('groupId')).toBe(String(ra!.id));
  expect(res.headers()['x-total-rows']).toBe('2');
  const download = await downloadEvent;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jianfu-e2e-xlsx-')), download.suggestedFilename());
  try {
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe(label('caseUi.trackingNo'));
    const numbers: unknown[] = [];
    ws.eachRow((row, n) => {
      if (n > 1) numbers.push(row.getCell(1).value);
    });
    expect(numbers.sort()).toEqual([a.trackingNo, b.trackingNo].sort());
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
  const audit = h.readAll("SELECT after_json FROM audit_log WHERE action = 'case.export' ORDER BY id DESC LIMIT 1")[0];
  expect(JSON.parse(String(audit!.after_json))).toMatchObject({ filters: { groupId: Number(ra!.id) }, rows: 2 });
});

it('the daily overdue list shows every overdue case in scope, most overdue first, with the deadline each missed', async () => {
  const school = h.readAll('SELECT id FROM orgs WHERE name = ?', SCHOOL)[0]!;
  // two complaints whose reply deadline passed 3 and 12 days ago
  const late = [];
  for (const [text, days] of [['城关一小要求教师周末到校填写各类台账，逾期三天', 3], ['城关一小要求全体教师下载某APP并每日打卡，逾期十二天', 12]] as const) {
    const c = await fileComplaint(h.app, Number(school.id), { category: 'forced_app', text });
    const id = Number(h.readAll('SELECT id FROM cases WHERE tracking_no = ?', c.trackingNo)[0]!.id);
    const due = new Date(Date.now() + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);
    await h.deps.db.updateTable('cases').set({ due_on: due }).where('id', '=', id).execute();
    late.push({ id, days });
  }
  const page = await h.newPage();
  await loginAs(page, 'office');
  await page.goto('/admin/cases');
  await page.getByTestId('case-overdue-list').click();
  await page.waitForURL((u) => u.pathname.endsWith('/cases/overdue'));
  const table = page.getByTestId('overdue-table');
  for (const l of late) await table.getByTestId(`overdue-link-${l.id}`).waitFor();
  // the page shows what the API lists for today, in its order: most days overdue first
  const api = (await (await page.request.get('/api/v1/cases/overdue')).json()) as { items: { id: number; overdueDays: number; overdueKind: string }[] };
  const shownIds = await table.locator('[data-testid^="overdue-link-"]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-testid')!.slice('overdue-link-'.length))));
  expect(shownIds).toEqual(api.items.slice(0, 50).map((i) => i.id));
  const days = api.items.map((i) => i.overdueDays);
  expect(days).toEqual([...days].sort((a, b) => b - a));
  for (const l of late) expect(api.items.find((i) => i.id === l.id)).toMatchObject({ overdueDays: l.days, overdueKind: 'close' });
  expect(shownIds.indexOf(late[1]!.id)).toBeLessThan(shownIds.indexOf(late[0]!.id));
  expect(await page.getByTestId('overdue-counts').innerText()).toContain(String(api.items.length));
  await h.shot(page, 'cases-overdue');
});

it('the office keeps the holiday calendar the deadlines count on: adds a day off and a make-up day, removes one, audited; a school only reads it', async () => {
  // next year, whose calendar the demo has already entered in part (its Spring Festival and so on)
  const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4)) + 1;
  const page = await h.newPage();
  await loginAs(page, 'office');
  await page.goto('/admin/cases');
  await page.getByTestId('case-holidays').click();
  await page.waitForURL((u) => u.pathname.endsWith('/cases/holidays'));
  const yearInput = page.getByTestId('holiday-year');
  await yearInput.fill(String(year));
  await yearInput.press('Tab');
  await settled(page);
  const add = async (date: string, kind: 'off' | 'work', name: string) => {
    const picker = page.getByTestId('holiday-date');
    await picker.click();
    await picker.fill(date);
    await picker.press('Enter'); // confirms the date; the form is submitted by its button only
    await page.getByTestId('holiday-kind').getByText(label(`holidays.kind.${kind}`)).click();
    await page.getByTestId('holiday-name').fill(name);
    const saved = nextApiResponse(page, 'PUT', `/holidays/${date}`);
    await page.getByTestId('holiday-save').click();
    expect((await saved).status()).toBe(200);
    await page.getByTestId(`holiday-row-${date}`).waitFor();
  };
  await add(`${year}-10-01`, 'off', '国庆节');
  await add(`${year}-09-27`, 'work', '国庆调休');
  expect(await page.getByTestId(`holiday-row-${year}-10-01`).innerText()).toContain(label('holidays.kind.off'));
  expect(await page.getByTestId(`holiday-row-${year}-09-27`).innerText()).toContain(label('holidays.kind.work'));
  const mine = [`${year}-09-27`, `${year}-10-01`];
  const rows = h.readAll('SELECT date, kind, name FROM holidays WHERE date IN (?, ?) ORDER BY date', ...mine);
  expect(rows).toEqual([
    { date: `${year}-09-27`, kind: 'work', name: '国庆调休' },
    { date: `${year}-10-01`, kind: 'off', name: '国庆节' },
  ]);
  await page.getByTestId(`holiday-delete-${year}-09-27`).click();
  const removed = nextApiResponse(page, 'DELETE', `/holidays/${year}-09-27`);
  await page.locator('.ant-popconfirm .ant-btn-primary').click();
  expect((await removed).status()).toBe(204);
  await page.getByTestId(`holiday-row-${year}-09-27`).waitFor({ state: 'detached' });
  expect(h.readAll('SELECT date FROM holidays WHERE date IN (?, ?)', ...mine)).toEqual([{ date: `${year}-10-01` }]);
  const audit = h.readAll("SELECT action, object_id FROM audit_log WHERE action LIKE 'holiday.%' ORDER BY id").map((r) => `${String(r.action)} ${String(r.object_id)}`);
  expect(audit).toEqual(expect.arrayContaining([`holiday.save ${year}-10-01`, `holiday.save ${year}-09-27`, `holiday.delete ${year}-09-27`]));
  await h.shot(page, 'cases-holidays');
  await logout(page);

  // a school reads the calendar but has no form to change it
  await loginAs(page, 'school');
  await page.goto('/admin/cases/holidays');
  await page.getByTestId('holiday-table').waitFor();
  expect(await page.getByTestId('holiday-form').count()).toBe(0);
});

it('a teacher picks the issuer from the registered organisations as she types; the entry is linked to it, and editing the name makes it free text again', async () => {
  const org = h.readAll("SELECT id, name FROM orgs WHERE name = '人事股'")[0]!;
  const phone = await h.newPage(PHONE);
  await loginOnPhone(phone, 'teacher');
  await phone.goto('/admin/tasklog');
  await phone.getByTestId('tasklog-form').waitFor();
  await phone.getByTestId('tasklog-what').fill('要求填报教师继续教育学时统计表（与已报数据重复）');
  const issuer = phone.getByTestId('tasklog-issuer').locator('input');
  await issuer.fill('人事');
  await phone.getByTestId(`tasklog-issuer-option-${String(org.id)}`).click();
  await poll(() => issuer.inputValue()).toBe('人事股');
  await phone.getByText(label('tasklogUi.issuerPicked')).waitFor();
  await phone.getByTestId('tasklog-minutes').fill('20');
  const saved = nextApiResponse(phone, 'POST', '/tasklog');
  await phone.getByTestId('tasklog-submit').click();
  const res = await saved;
  expect(res.status()).toBe(201);
  expect(JSON.parse(res.request().postData() ?? '{}')).toMatchObject({ issuerOrgId: Number(org.id) });
  const row = h.readAll("SELECT issuer_org_id, issuer_text FROM task_logs WHERE what LIKE '%继续教育学时%' ORDER BY id DESC LIMIT 1")[0]!;
  expect(row).toEqual({ issuer_org_id: Number(org.id), issuer_text: null });

  // picked, then edited: free text, not linked
  await phone.getByTestId('tasklog-what').fill('要求在工作群接龙报名线上讲座');
  await issuer.fill('人事');
  await phone.getByTestId(`tasklog-issuer-option-${String(org.id)}`).click();
  await poll(() => issuer.inputValue()).toBe('人事股');
  await issuer.fill('人事股某干部个人');
  await phone.getByTestId('tasklog-minutes').fill('10');
  const again = nextApiResponse(phone, 'POST', '/tasklog');
  await phone.getByTestId('tasklog-submit').click();
  const res2 = await again;
  expect(res2.status()).toBe(201);
  const body2 = JSON.parse(res2.request().postData() ?? '{}') as Record<string, unknown>;
  expect(body2.issuerOrgId).toBeUndefined();
  expect(body2.issuerText).toBe('人事股某干部个人');
});
