/**
 * Every demo role signs in through the form and sees its own menu; a wrong password, the lockout
 * after five, and the English switch on the login page.
 */
import { describe, expect, it } from 'vitest';
import { ROLE_ABILITIES, type TAbility } from '../src/domain/abilities';
import { ERRORS } from '../src/domain/errors';
import { label } from '../src/domain/i18n';
import type { TRole } from '../src/domain/roles';
import { DEMO_ACCOUNTS } from '../src/server/demo/demoCounty';
import { NAV_ENTRIES } from '../src/web/admin/layout/nav';
import { DEMO_PASSWORD, loginAs, logout, poll, submitLogin, useHarness } from './harness';

const h = useHarness('login');

/** The side menu's items (src/web/admin/layout/nav.ts): key (full path) → the ability that shows it, and its label. */
const NAV: { key: string; ability: TAbility; label: string }[] = NAV_ENTRIES.map((e) => ({ key: e.path, ability: e.ability, label: label(e.label) }));

const expectedKeys = (role: TRole) => NAV.filter((n) => ROLE_ABILITIES[role].includes(n.ability)).map((n) => n.key);

/** Menu entries that touch business records: the 三员 (separation of duties) never see them. */
const BUSINESS = ['/admin/school', '/admin/items', '/admin/plans', '/admin/rulesets', '/admin/leads'];

describe('sign-in of every demo role', () => {
  it('the menu follows ROLE_ABILITIES: audit log for auditadmin only, no business pages for the 三员, the register for officials', () => {
    expect(DEMO_ACCOUNTS).toHaveLength(10);
    expect(DEMO_ACCOUNTS.filter((a) => expectedKeys(a.role).includes('/admin/audit')).map((a) => a.username)).toEqual(['auditadmin']);
    for (const a of DEMO_ACCOUNTS) {
      const keys = expectedKeys(a.role);
      expect(keys[0], a.username).toBe('/admin/');
      if (a.role === 'sysadmin' || a.role === 'secadmin' || a.role === 'auditadmin') expect(keys.filter((k) => BUSINESS.includes(k)), a.username).toEqual([]);
      if (a.role === 'office' || a.role === 'leader' || a.role === 'section') expect(keys, a.username).toContain('/admin/items');
      if (a.role === 'school_admin') expect(keys, a.username).toContain('/admin/school');
      if (a.role === 'teacher' || a.role === 'enterprise') expect(keys.filter((k) => ['/admin/items', '/admin/users', '/admin/plans'].includes(k)), a.username).toEqual([]);
    }
  });

  it.each(DEMO_ACCOUNTS.map((a) => [a.username, a.role] as const))('%s (%s) signs in, sees its menu and name, signs out', async (username, role) => {
    const row = h.readAll('SELECT u.display_name, o.name AS org_name FROM users u JOIN orgs o ON o.id = u.org_id WHERE u.username = ?', username)[0];
    expect(row, `demo user ${username}`).toBeDefined();
    const displayName = String(row!.display_name);

    const page = await h.newPage();
    await loginAs(page, username);
    expect(new URL(page.url()).pathname).toMatch(/^\/admin\/?$/);

    const menu = page.getByTestId('side-menu');
    const items = menu.locator('li.ant-menu-item');
    const want = expectedKeys(role);
    await poll(() => items.count()).toBe(want.length);
    const keys = await items.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-menu-id') ?? '').map((id) => id.slice(id.indexOf('/admin'))));
    expect(keys).toEqual(want);
    expect(await items.allInnerTexts()).toEqual(want.map((k) => NAV.find((n) => n.key === k)!.label));
    // absence, item by item, as well
    for (const n of NAV) {
      await poll(() => menu.locator(`li[data-menu-id$="-${n.key}"]`).count(), `${username}: ${n.key}`).toBe(want.includes(n.key) ? 1 : 0);
    }

    const header = page.getByTestId('header-user');
    await poll(() => header.innerText()).toContain(displayName);
    expect(await header.innerText()).toContain(`${label(`role.${role}`)} · ${String(row!.org_name)}`);
    await poll(() => page.getByTestId('home-welcome').innerText()).toContain(displayName);
    await page.getByTestId('home-stats').locator('.ant-statistic').first().waitFor();
    await h.shot(page, `home-${username}`);

    await logout(page);
    await poll(() => page.getByTestId('login-notice').innerText()).toContain(label('login.loggedOut'));
    // the session is really gone: the SPA's home sends the browser back to login
    await page.goto('/admin/');
    await page.waitForURL((u) => u.pathname === '/admin/login');
  });
});

describe('wrong passwords and lockout', () => {
  it('a wrong password shows the Chinese error and keeps the login page', async () => {
    const page = await h.newPage();
    await page.goto('/admin/login');
    const res = await submitLogin(page, 'leader', 'Wrong#Pass1');
    expect(res.status()).toBe(401);
    const error = page.getByTestId('login-error');
    await poll(() => error.innerText()).toContain(ERRORS.INVALID_CREDENTIALS.zh);
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    await h.shot(page, 'wrong-password');
    // one failure does not lock: the right password still works
    const ok = await submitLogin(page, 'leader', DEMO_PASSWORD);
    expect(ok.status()).toBe(200);
    await page.getByTestId('side-menu').waitFor();
  });

  it('five wrong passwords lock the account: the sixth attempt, even right, is 423 with the lock message', async () => {
    const username = 'section';
    const page = await h.newPage();
    await page.goto('/admin/login');
    const error = page.getByTestId('login-error');
    for (let i = 1; i <= 5; i++) {
      const res = await submitLogin(page, username, `Wrong#Pass${i}`);
      expect(res.status(), `attempt ${i}`).toBe(401);
      await poll(() => error.innerText()).toContain(ERRORS.INVALID_CREDENTIALS.zh);
    }
    const locked = h.readAll('SELECT locked_until FROM users WHERE username = ?', username)[0];
    expect(locked?.locked_until, 'locked_until in the database').toBeTruthy();
    expect(Date.parse(String(locked!.locked_until))).toBeGreaterThan(Date.now());

    const res = await submitLogin(page, username, DEMO_PASSWORD);
    expect(res.status()).toBe(423);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('ACCOUNT_LOCKED');
    await poll(() => error.innerText()).toContain(ERRORS.ACCOUNT_LOCKED.zh);
    const text = await error.innerText();
    expect(text).toContain('锁定');
    expect(text).toContain('锁定至');
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    expect(await page.getByTestId('side-menu').count()).toBe(0);
    await h.shot(page, 'locked');
  });
});

describe('language', () => {
  it('the English switch shows the login page in English, and server errors in English', async () => {
    const page = await h.newPage();
    await page.goto('/admin/login');
    const card = page.locator('.ant-card');
    await poll(() => card.locator('.ant-card-head-title').innerText()).toBe(label('login.title', 'zh'));
    await page.getByTestId('lang-switch').click();
    await poll(() => card.locator('.ant-card-head-title').innerText()).toBe(label('login.title', 'en'));
    expect((await page.getByTestId('login-submit').innerText()).trim()).toBe(label('login.submit', 'en'));
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByTestId('lang-switch').innerText()).toContain('中文');
    const body = await page.locator('body').innerText();
    expect(body).toContain(label('login.username', 'en'));
    expect(body).toContain(label('login.password', 'en'));

    const res = await submitLogin(page, 'nobody-here', 'Wrong#Pass1');
    expect(res.status()).toBe(401);
    await poll(() => page.getByTestId('login-error').innerText()).toContain(ERRORS.INVALID_CREDENTIALS.en);
    await h.shot(page, 'english');

    // the choice is remembered
    await page.reload();
    await poll(() => card.locator('.ant-card-head-title').innerText()).toBe(label('login.title', 'en'));
  });
});
