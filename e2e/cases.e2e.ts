/**
 * Supervision end to end: a complaint filed on a phone (one PNG, an XSS payload in its text) →
 * the office assigns it to the school → the school rectifies → the office closes and replies →
 * the tracking page on the phone shows the reply. The payload stays text everywhere. A teacher
 * logs a demand without a code; the office's aggregates show it per issuer, never the teacher.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { label } from '../src/domain/i18n';
import { DEMO_PASSWORD, loginAs, logout, nextApiResponse, poll, submitLogin, settled, useHarness } from './harness';

const h = useHarness('cases');

const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const SCHOOL = '青禾县城关第一小学';
const XSS = '<img src=x onerror=window.__xss=1><script>window.__xss=2</script>';
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

/** No element injected by the payload, and none of its scripts ran. */
async function expectInert(page: Page) {
  expect(await page.locator('img[src="x"]').count(), 'injected <img>').toBe(0);
  expect(await page.evaluate(() => [...document.scripts].some((s) => s.textContent?.includes('__xss'))), 'injected <script>').toBe(false);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), 'window.__xss').toBeUndefined();
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
  await phone.getByTestId('tasklog-issuer').fill(issuer);
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
