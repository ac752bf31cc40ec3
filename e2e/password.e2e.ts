/**
 * The system administrator creates a user in the browser; the new user signs in with the initial
 * password, must change it, is refused a weak one and lands on a home page with live numbers.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { ERRORS } from '../src/domain/errors';
import { label } from '../src/domain/i18n';
import { loginAs, logout, nextApiResponse, poll, submitLogin, useHarness } from './harness';

const h = useHarness('password');

const SCHOOL = '青禾县城关第二小学';
const NEW_USER = { username: 'chen.laoshi', displayName: '陈老师（城关二小）', role: 'school_admin' as const };
const WEAK = 'qinghe2026'; // two classes only
const STRONG = 'Qinghe#Safe26';

/** The number an antd Statistic shows on a home card. */
async function statValue(page: Page, key: string): Promise<number> {
  const value = page.getByTestId(`stat-${key}`).locator('.ant-statistic-content-value');
  await value.waitFor();
  return Number((await value.innerText()).replace(/[^\d]/g, ''));
}

it('sysadmin creates a user; the user must change the password, a weak one is refused, then home shows real counts', async () => {
  const school = h.readAll("SELECT id, path FROM orgs WHERE name = ? AND kind = 'school'", SCHOOL)[0];
  expect(school, SCHOOL).toBeDefined();

  // --- the system administrator creates the account
  const admin = await h.newPage();
  await loginAs(admin, 'sysadmin');
  await admin.getByTestId('side-menu').locator('li[data-menu-id$="-/admin/users"]').click();
  await admin.waitForURL((u) => u.pathname === '/admin/users');
  const create = admin.getByTestId('user-create');
  await poll(() => create.isEnabled()).toBe(true);
  await create.click();
  await admin.getByTestId('uc-username').fill(NEW_USER.username);
  await admin.getByTestId('uc-displayName').fill(NEW_USER.displayName);

  await admin.getByTestId('uc-org').click();
  await admin.getByTestId('uc-org').locator('input').fill('城关第二');
  await admin.locator(`.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper[title="${SCHOOL}"]`).click();
  await poll(() => admin.getByTestId('uc-org').innerText()).toContain(SCHOOL);

  await admin.getByTestId('uc-role').click();
  const roleOptions = admin.locator('.ant-select-dropdown:visible .ant-select-item-option');
  // a school can hold the school roles only
  await poll(() => roleOptions.allInnerTexts()).toEqual([label('role.school_admin'), label('role.teacher')]);
  await roleOptions.filter({ hasText: label(`role.${NEW_USER.role}`) }).click();
  await poll(() => admin.getByTestId('uc-role').innerText()).toContain(label(`role.${NEW_USER.role}`));
  await h.shot(admin, 'user-create-form');

  const created = nextApiResponse(admin, 'POST', '/users');
  await admin.getByTestId('uc-submit').click();
  expect((await created).status()).toBe(201);
  const shown = admin.getByTestId('uc-initial-password');
  await shown.waitFor();
  const initialPassword = (await shown.innerText()).trim();
  expect(initialPassword.length).toBeGreaterThanOrEqual(8);
  await h.shot(admin, 'user-created');

  const row = h.readAll('SELECT role, org_id, display_name, must_change_password, password_hash FROM users WHERE username = ?', NEW_USER.username)[0];
  expect(row).toMatchObject({ role: NEW_USER.role, org_id: school!.id, display_name: NEW_USER.displayName, must_change_password: 1 });
  expect(String(row!.password_hash)).not.toContain(initialPassword);

  await admin.getByTestId('initial-password-close').click();
  await poll(() => admin.getByTestId('user-table').innerText()).toContain(NEW_USER.username);
  await logout(admin);

  // --- the new user: first sign-in goes to the forced password change
  const page = await h.newPage();
  await page.goto('/admin/login');
  const login = await submitLogin(page, NEW_USER.username, initialPassword);
  expect(login.status()).toBe(200);
  expect(((await login.json()) as { mustChangePassword: boolean }).mustChangePassword).toBe(true);
  await page.waitForURL((u) => u.pathname === '/admin/change-password');
  await page.getByTestId('cp-forced').waitFor();
  await h.shot(page, 'forced-change');

  // no way around it: the home page sends the user back
  await page.goto('/admin/');
  await page.waitForURL((u) => u.pathname === '/admin/change-password');
  await page.getByTestId('cp-forced').waitFor();

  // a weak password: the server's policy message
  await page.getByTestId('cp-current').fill(initialPassword);
  await page.getByTestId('cp-new').fill(WEAK);
  await page.getByTestId('cp-confirm').fill(WEAK);
  const weak = nextApiResponse(page, 'POST', '/auth/change-password');
  await page.getByTestId('cp-submit').click();
  const weakRes = await weak;
  expect(weakRes.status()).toBe(422);
  expect(((await weakRes.json()) as { error: { code: string } }).error.code).toBe('PASSWORD_POLICY');
  await poll(() => page.getByTestId('cp-error').innerText()).toContain(ERRORS.PASSWORD_POLICY.zh);
  expect(new URL(page.url()).pathname).toBe('/admin/change-password');
  await h.shot(page, 'weak-password');
  expect(h.readAll('SELECT must_change_password FROM users WHERE username = ?', NEW_USER.username)[0]).toEqual({ must_change_password: 1 });

  // a good one: home page
  await page.getByTestId('cp-new').fill(STRONG);
  await page.getByTestId('cp-confirm').fill(STRONG);
  const good = nextApiResponse(page, 'POST', '/auth/change-password');
  const stats = nextApiResponse(page, 'GET', '/home/stats');
  await page.getByTestId('cp-submit').click();
  expect((await good).status()).toBe(204);
  await page.waitForURL((u) => /^\/admin\/?$/.test(u.pathname));
  expect((await stats).status()).toBe(200);
  await page.getByTestId('home-stats').waitFor();
  await poll(() => page.getByTestId('home-welcome').innerText()).toContain(NEW_USER.displayName);
  expect(h.readAll('SELECT must_change_password FROM users WHERE username = ?', NEW_USER.username)[0]).toEqual({ must_change_password: 0 });

  // the numbers are the database's, for this user's scope (the school's subtree)
  const scope = `${String(school!.path)}%`;
  const count = (sql: string) => Number(h.readAll(sql, scope)[0]!.n);
  const expected = {
    orgs: count('SELECT COUNT(*) AS n FROM orgs WHERE path LIKE ?'),
    schools: count("SELECT COUNT(*) AS n FROM orgs WHERE path LIKE ? AND kind = 'school'"),
    teachers: count('SELECT COUNT(*) AS n FROM teachers t JOIN orgs o ON o.id = t.org_id WHERE o.path LIKE ?'),
    users: count('SELECT COUNT(*) AS n FROM users u JOIN orgs o ON o.id = u.org_id WHERE o.path LIKE ?'),
  };
  expect(expected.orgs).toBe(1);
  expect(expected.schools).toBe(1);
  expect(expected.teachers).toBeGreaterThan(1);
  expect(expected.users).toBe(1);
  for (const [key, n] of Object.entries(expected)) await poll(() => statValue(page, key), key).toBe(n);
  await poll(() => statValue(page, 'lockedUsers')).toBe(0);
  // school_admin has no audit.read: no audit card
  expect(await page.getByTestId('stat-auditToday').count()).toBe(0);
  await h.shot(page, 'home-new-user');

  // the new password works from a fresh browser; the initial one no longer does
  const again = await h.newPage();
  await again.goto('/admin/login');
  expect((await submitLogin(again, NEW_USER.username, initialPassword)).status()).toBe(401);
  expect((await submitLogin(again, NEW_USER.username, STRONG)).status()).toBe(200);
  await again.getByTestId('side-menu').waitFor();
});
