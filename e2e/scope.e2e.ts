/**
 * A teacher of school A, signed in in the browser, asks with the page's own session for school B's
 * data: 404 everywhere, the row in the database unchanged, and school B nowhere on the orgs page.
 */
import { expect, it } from 'vitest';
import { ERRORS } from '../src/domain/errors';
import { label } from '../src/domain/i18n';
import { loginAs, pageFetch, poll, settled, useHarness } from './harness';

const h = useHarness('scope');

const SCHOOL_A = '青禾县城关第一小学';
const SCHOOL_B = '青禾县城关第二小学';

const schoolId = (name: string) => {
  const row = h.readAll("SELECT id FROM orgs WHERE name = ? AND kind = 'school'", name)[0];
  expect(row, name).toBeDefined();
  return Number(row!.id);
};

it("a teacher of school A gets 404 for school B's record, teachers and edit; the database row is unchanged", async () => {
  const a = schoolId(SCHOOL_A);
  const b = schoolId(SCHOOL_B);
  const teacher = h.readAll('SELECT org_id, role FROM users WHERE username = ?', 'teacher')[0];
  expect(teacher).toEqual({ org_id: a, role: 'teacher' });
  const before = h.readRow('orgs', b);
  expect(before).toMatchObject({ id: b, name: SCHOOL_B });
  const auditBefore = h.readAll('SELECT COUNT(*) AS n FROM audit_log WHERE object_type = ? AND object_id = ?', 'org', String(b))[0];

  const page = await h.newPage();
  await loginAs(page, 'teacher');

  // the same session reads its own school (so the 404s below are about scope, not a broken session)
  const own = await pageFetch(page, 'GET', `/api/v1/orgs/${a}`);
  expect(own.status).toBe(200);
  expect(own.body).toMatchObject({ id: a, name: SCHOOL_A });

  const notFound = { error: { code: 'NOT_FOUND', zh: ERRORS.NOT_FOUND.zh } };
  const getB = await pageFetch(page, 'GET', `/api/v1/orgs/${b}`);
  expect(getB.status).toBe(404);
  expect(getB.body).toMatchObject(notFound);
  expect(JSON.stringify(getB.body)).not.toContain(SCHOOL_B);

  const teachersB = await pageFetch(page, 'GET', `/api/v1/orgs/${b}/teachers`);
  expect(teachersB.status).toBe(404);
  expect(teachersB.body).toMatchObject(notFound);

  const patchB = await pageFetch(page, 'PATCH', `/api/v1/orgs/${b}`, { name: '被篡改的学校名称' });
  expect(patchB.status).toBe(404);
  expect(patchB.body).toMatchObject(notFound);

  // the CSRF header was really sent: without it the same PATCH is refused before scope is even checked
  const noCsrf = await page.evaluate(async (url) => {
    const res = await fetch(url, { method: 'PATCH', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'x' }) });
    await res.text(); // read the body: an unread response stays open and the page never settles
    return res.status;
  }, `/api/v1/orgs/${b}`);
  expect(noCsrf).toBe(403);

  // re-read through a separate connection: nothing changed, nothing was audited as a change
  expect(h.readRow('orgs', b)).toEqual(before);
  expect(h.readAll('SELECT COUNT(*) AS n FROM audit_log WHERE object_type = ? AND object_id = ?', 'org', String(b))[0]).toEqual(auditBefore);
  expect(h.readAll("SELECT COUNT(*) AS n FROM orgs WHERE name = '被篡改的学校名称'")[0]).toEqual({ n: 0 });

  // the SPA's orgs page: school A only, school B nowhere in the DOM
  const tree = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/orgs/tree');
  const detail = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/orgs/${a}`);
  await page.getByTestId('side-menu').locator('li[data-menu-id$="-/admin/orgs"]').click();
  await page.waitForURL((u) => u.pathname === '/admin/orgs');
  expect((await tree).status()).toBe(200);
  expect((await detail).status()).toBe(200);
  await page.getByTestId('org-tree').waitFor();
  await page.getByTestId(`org-node-${a}`).waitFor();
  await poll(() => page.locator('body').innerText()).toContain(SCHOOL_A);
  await settled(page);
  const nodes = await page.getByTestId('org-tree').locator('[data-testid^="org-node-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
  expect(nodes).toEqual([`org-node-${a}`]);
  expect(await page.content()).not.toContain(SCHOOL_B);
  expect(await page.getByTestId(`org-node-${b}`).count()).toBe(0);
  // searching the tree for B finds nothing
  await page.getByTestId('org-search').locator('input').fill('第二小学');
  await poll(() => page.getByTestId('org-tree').count()).toBe(0);
  await poll(() => page.locator('body').innerText()).toContain(label('org.empty'));
  expect(await page.content()).not.toContain(SCHOOL_B);
  await page.getByTestId('org-search').locator('input').fill('');
  await page.getByTestId(`org-node-${a}`).waitFor();
  await h.shot(page, 'teacher-orgs');

  // a deep link to B's id shows the not-found error, not B
  const deep = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/orgs/${b}`);
  await page.goto(`/admin/orgs?id=${b}`);
  expect((await deep).status()).toBe(404);
  await poll(() => page.locator('body').innerText()).toContain(ERRORS.NOT_FOUND.zh);
  await settled(page);
  expect(await page.content()).not.toContain(SCHOOL_B);
  await h.shot(page, 'teacher-deep-link-b');
  expect(h.readRow('orgs', b)).toEqual(before);
});
