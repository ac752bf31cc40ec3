/**
 * The register end to end: a section's item is submitted, passed by the office and approved by
 * the leader through the item page's buttons; the verification code it gets opens /v/<code> on a
 * phone as valid; the office revokes it and the same page then says revoked. Each step is read
 * back from the database through a separate connection.
 */
import type { Page } from 'playwright-core';
import QRCode from 'qrcode';
import { expect, it } from 'vitest';
import { label } from '../src/domain/i18n';
import { addDays } from '../src/domain/register/schoolYear';
import { chinaToday } from '../src/domain/time';
import { itemInput } from '../src/server/testing/items';
import { loginAs, logout, nextApiResponse, pageFetch, poll, useHarness } from './harness';

const h = useHarness('register');

const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** Clicks an action button on the item page, confirms its dialog (with a reason when given) and waits for the POST. */
async function act(page: Page, button: string, path: string, reason?: string): Promise<void> {
  await page.getByTestId(button).click();
  if (reason !== undefined) await page.getByTestId('action-reason').fill(reason);
  const res = nextApiResponse(page, 'POST', path);
  await page.getByTestId('action-ok').click();
  expect((await res).status(), `${button} → ${path}`).toBe(200);
}

const statusOf = (id: number) => String(h.readRow('items', id)?.status);

it('submit → office review → leader approval in the UI; the code verifies on a phone; revocation shows at once', async () => {
  const page = await h.newPage();
  await loginAs(page, 'section');
  const title = `e2e 全县校园安全专项督查 ${Date.now().toString(36)}`;
  // announced today for a window starting in 40 days (the 30-day notice rule is met)
  const input = itemInput('inspection', { title, startInDays: 40, days: 20 });
  const created = await pageFetch(page, 'POST', '/api/v1/items', input);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = (created.body as { id: number }).id;
  expect(statusOf(id)).toBe('draft');

  await page.goto(`/admin/items/${id}`);
  await poll(() => page.getByTestId('item-title').innerText()).toContain(title);
  const submit = nextApiResponse(page, 'POST', `/items/${id}/submit`);
  await page.getByTestId('item-submit').click();
  expect((await submit).status()).toBe(200);
  await poll(() => statusOf(id)).toBe('submitted');
  // the submitter sees no review or approval buttons on its own item
  expect(await page.getByTestId('item-review-pass').count()).toBe(0);
  expect(await page.getByTestId('item-approve').count()).toBe(0);
  await logout(page);

  await loginAs(page, 'office');
  await page.goto(`/admin/items/${id}`);
  await act(page, 'item-review-pass', `/items/${id}/review`, '材料齐全，同意报请审批');
  await poll(() => statusOf(id)).toBe('reviewed');
  await logout(page);

  await loginAs(page, 'leader');
  await page.goto(`/admin/items/${id}`);
  await act(page, 'item-approve', `/items/${id}/approve`);
  await poll(() => statusOf(id)).toBe('approved');
  const row = h.readRow('items', id)!;
  expect(String(row.admission_no)).toMatch(/〔\d{4}〕[1-9]\d*号$/);
  const code = String(row.verify_code);
  await poll(() => page.getByTestId('item-verify-code').innerText()).toContain(code);
  expect(await page.getByTestId('item-qr').getAttribute('src')).toContain(`/api/v1/items/${id}/qr.svg`);
  const events = h.readAll('SELECT action FROM item_events WHERE item_id = ? ORDER BY id', id).map((e) => String(e.action));
  expect(events).toEqual(expect.arrayContaining(['create', 'submit', 'review_pass', 'approve']));
  await h.shot(page, 'item-approved');

  // the QR's URL: the image the item page shows is exactly the QR code of this address (QR
  // encoding is deterministic), so a phone scanning the printed notice opens it
  const qrUrl = new URL(`/v/${code}`, page.url()).toString();
  const shownQr = await (await page.request.get(`/api/v1/items/${id}/qr.svg`)).text();
  expect(shownQr).toBe(await QRCode.toString(qrUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
  expect(shownQr).not.toBe(await QRCode.toString(new URL('/v/ACDEFGHJKM', page.url()).toString(), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
  const notice = await (await page.request.get(`/api/v1/items/${id}/notice`)).text();
  expect(notice).toContain(shownQr.slice(shownQr.indexOf('<path'), shownQr.indexOf('<path') + 200));
  const phone = await h.newPage(PHONE);
  await phone.goto(qrUrl);
  const status = phone.getByTestId('verify-status');
  await poll(() => status.getAttribute('data-status')).toBe('not_yet_valid');
  // forty days later: the window has started (moved through the server's own connection)
  const today = chinaToday();
  await h.deps.db.updateTable('items').set({ window_start: today, valid_from: today, window_end: addDays(today, 20), valid_to: addDays(today, 20) }).where('id', '=', id).execute();
  await phone.reload();
  await poll(() => phone.getByTestId('verify-status').getAttribute('data-status')).toBe('valid');
  const body = await phone.locator('body').innerText();
  expect(body).toContain(title);
  expect(body).toContain(String(row.admission_no));
  await h.shot(phone, 'verify-valid-375');

  await logout(page);
  await loginAs(page, 'office');
  await page.goto(`/admin/items/${id}`);
  await act(page, 'item-revoke', `/items/${id}/revoke`, '上级通知取消本次督查');
  await poll(() => statusOf(id)).toBe('revoked');
  expect(h.readRow('items', id)?.revoke_reason).toBe('上级通知取消本次督查');

  await phone.reload();
  await poll(() => phone.getByTestId('verify-status').getAttribute('data-status')).toBe('revoked');
  expect(await phone.getByTestId('verify-status').innerText()).toContain(label('verify.status.revoked'));
  await h.shot(phone, 'verify-revoked-375');

  // a well-formed code that no item has: unknown, nothing else shown
  await phone.goto('/v/ACDEFGHJKM');
  await poll(() => phone.getByTestId('verify-status').getAttribute('data-status')).toBe('unknown');
  expect(await phone.locator('body').innerText()).not.toContain(title);
});
