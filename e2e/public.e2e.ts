/**
 * The light public pages on a phone-sized screen: the region list with 青禾县's hotline as a tel:
 * link, the not-found view, and none of the admin app's vendor code.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { label } from '../src/domain/i18n';
import { settled, useHarness } from './harness';

const h = useHarness('public');

const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** Every URL the page requests from now on. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

async function expectNoSideways(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll, 'no horizontal scrolling at 375 px').toBeLessThanOrEqual(client);
}

it('/ lists the regions, 青禾县 with its hotline as a tel: link, without antd', async () => {
  const page = await h.newPage(PHONE);
  const urls = recordRequests(page);
  const regionsRes = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/public/regions');
  await page.goto('/');
  expect((await regionsRes).status()).toBe(200);

  const region = page.getByTestId('region').filter({ has: page.locator('h3', { hasText: /^青禾县$/ }) });
  await region.waitFor();
  expect(await page.locator('h1').innerText()).toBe(label('public.title'));
  const county = h.readAll("SELECT hotline, mailbox FROM orgs WHERE kind = 'region' AND code = '530529'")[0];
  expect(county?.hotline).toBe('0875-6123456');
  const tel = region.locator('a.tel');
  expect(await tel.innerText()).toBe('0875-6123456');
  expect(await tel.getAttribute('href')).toBe('tel:08756123456');
  expect(await region.locator('a[href^="mailto:"]').getAttribute('href')).toBe('mailto:jianfu@qinghe.example.cn');
  // every published region is listed, each once
  const names = await page.getByTestId('region').locator('h3').allInnerTexts();
  const published = h.readAll("SELECT name FROM orgs WHERE kind = 'region' AND status = 'active' AND code IS NOT NULL ORDER BY code").map((r) => String(r.name));
  expect(names).toEqual(published);
  expect(names).toContain('青禾县');
  expect(await page.getByTestId('staff-login').getAttribute('href')).toBe('/admin/login');

  await settled(page);
  await expectNoSideways(page);
  await h.shot(page, 'home-375');

  const assets = urls.filter((u) => new URL(u).pathname.startsWith('/assets/'));
  expect(assets.length).toBeGreaterThan(0);
  expect(urls.filter((u) => u.includes('vendor-antd')), 'antd on the public page').toEqual([]);
  expect(urls.filter((u) => u.includes('vendor-react')), 'react on the public page').toEqual([]);
});

it('an unknown path shows the not-found view, which leads back home', async () => {
  const page = await h.newPage(PHONE);
  const urls = recordRequests(page);
  const res = await page.goto('/no-such-page/here');
  expect(res?.status()).toBe(200); // the public entry renders its own not-found view
  const notFound = page.getByTestId('public-not-found');
  await notFound.waitFor();
  const text = await notFound.innerText();
  expect(text).toContain('404');
  expect(text).toContain(label('public.notFound.title'));
  expect(await page.getByTestId('region').count()).toBe(0);
  await settled(page);
  await expectNoSideways(page);
  await h.shot(page, 'not-found-375');

  await notFound.locator('a', { hasText: label('public.home') }).click();
  await page.waitForURL((u) => u.pathname === '/');
  await page.getByTestId('region').first().waitFor();
  expect(urls.filter((u) => u.includes('vendor-antd'))).toEqual([]);
});
