/**
 * Browser-test harness: per test file, a real Jianfu server in this process (fresh SQLite file in a
 * temp dir, the demo county, the built web app from dist/web) and one headless Chromium; per test,
 * a fresh browser context. Uncaught page errors fail the test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page, type Request, type Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { TDeps } from '../src/server/context';

export const DEMO_PASSWORD = 'E2e#Demo2026';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.join(import.meta.dirname, 'screenshots');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface THarness {
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  deps: TDeps & { close: () => Promise<void> };
  app: FastifyInstance;
  browser: Browser;
  /** The SQLite database file the server writes. */
  dbFile: string;
  /** A page in a fresh browser context (closed after the test); uncaught page errors fail the test. */
  newPage: (opts?: BrowserContextOptions) => Promise<Page>;
  /** Saves a full-page screenshot to e2e/screenshots/<file>-<name>.png. */
  shot: (page: Page, name: string) => Promise<void>;
  /** One row read through a separate, read-only connection to the database file. */
  readRow: (table: string, id: number) => Record<string, unknown> | undefined;
  /** A query through a separate, read-only connection to the database file. */
  readAll: (sql: string, ...params: unknown[]) => Record<string, unknown>[];
}

/** Registers the hooks of one test file and returns the harness (filled in by beforeAll). */
export function useHarness(tag: string): THarness {
  const h = {} as THarness;
  let tmp = '';
  let contexts: BrowserContext[] = [];
  let pageErrors: string[] = [];

  beforeAll(async () => {
    // the vitest e2e config sets these; default them for any other runner, before server modules load
    process.env.JIANFU_SCRYPT_LOG_N ??= '10';
    process.env.JIANFU_SESSION_CACHE_MS ??= '0';
    const [{ loadConfig }, { createDeps, WEB_DIST }, { buildApp }, { seedDemoCounty }] = await Promise.all([
      import('../src/server/config'),
      import('../src/server/boot'),
      import('../src/server/http/app'),
      import('../src/server/demo/demoCounty'),
    ]);
    if (!fs.existsSync(path.join(WEB_DIST, 'index.html')) || !fs.existsSync(path.join(WEB_DIST, 'admin.html'))) {
      throw new Error(`The web app is not built in ${WEB_DIST}: run the e2e tests with \`npm run test:e2e\`.`);
    }
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), `jianfu-e2e-${tag}-`));
    const config = { ...loadConfig({}), dataDir: tmp, logLevel: 'silent', sessionCacheMs: 0 };
    h.dbFile = path.join(tmp, 'jianfu.db');
    const browserLaunch = chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    h.deps = await createDeps(config);
    await seedDemoCounty(h.deps, { password: DEMO_PASSWORD, teachersPerSchool: 5 });
    h.app = await buildApp({ deps: h.deps, webDir: WEB_DIST });
    await h.app.listen({ host: '127.0.0.1', port: 0 });
    const addr = h.app.server.address();
    if (!addr || typeof addr === 'string') throw new Error('server address unknown');
    h.baseUrl = `http://127.0.0.1:${addr.port}`;
    h.browser = await browserLaunch;
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });

  afterEach(async (ctx) => {
    const errors = pageErrors;
    pageErrors = [];
    if (ctx.task.result?.state === 'fail') {
      // what each open page showed when the test failed: e2e/screenshots/FAILED-<file>-<test>-<n>.png
      const pages = contexts.flatMap((c) => c.pages());
      const name = ctx.task.name.replace(/[^\w\u4e00-\u9fff-]+/g, '_').slice(0, 60);
      await Promise.all(
        pages.map(async (p, i) => {
          console.error(`[e2e] failed test "${ctx.task.name}": page ${i} at ${p.url()}`);
          await p.screenshot({ path: path.join(SCREENSHOT_DIR, `FAILED-${tag}-${name}-${i}.png`), fullPage: true }).catch(() => undefined);
        }),
      );
    }
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    contexts = [];
    expect(errors, 'uncaught errors in the page').toEqual([]);
  });

  afterAll(async () => {
    await h.browser?.close().catch(() => undefined);
    await h.app?.close();
    await h.deps?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  h.newPage = async (opts = {}) => {
    const context = await h.browser.newContext({ baseURL: h.baseUrl, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true, ...opts });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err.message}`));
    trackRequests(page);
    return page;
  };

  h.shot = async (page, name) => {
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${tag}-${name}.png`), fullPage: true });
  };

  const readOnly = <T>(fn: (db: Database.Database) => T): T => {
    const db = new Database(h.dbFile, { readonly: true, fileMustExist: true });
    try {
      return fn(db);
    } finally {
      db.close();
    }
  };
  h.readRow = (table, id) => {
    if (!/^[a-z_]+$/.test(table)) throw new Error(`bad table name ${table}`);
    return readOnly((db) => db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined);
  };
  h.readAll = (sql, ...params) => readOnly((db) => db.prepare(sql).all(...params) as Record<string, unknown>[]);
  return h;
}

/** Requests each page has in flight, and when the last one started or ended. */
const traffic = new WeakMap<Page, { open: Set<Request>; at: number }>();

function trackRequests(page: Page): void {
  const t = { open: new Set<Request>(), at: Date.now() };
  traffic.set(page, t);
  const end = (r: Request) => {
    t.open.delete(r);
    t.at = Date.now();
  };
  page.on('request', (r) => {
    t.open.add(r);
    t.at = Date.now();
  });
  page.on('requestfinished', end);
  page.on('requestfailed', end);
}

/**
 * Resolves once the page has had no request in flight for `quietMs` (what `networkidle` means,
 * but on the page's own requests, and a timeout names the requests still open).
 */
export async function settled(page: Page, quietMs = 400, timeoutMs = 15_000): Promise<void> {
  const t = traffic.get(page);
  if (!t) return page.waitForLoadState('networkidle');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (t.open.size === 0 && Date.now() - t.at >= quietMs) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`requests still in flight after ${timeoutMs} ms: ${[...t.open].map((r) => `${r.method()} ${r.url()}`).join(', ') || '(none; traffic did not pause)'}`);
}

/** expect.poll with a timeout fit for a browser on a busy 2-core machine (vitest's default is 1 s). */
export function poll<T>(fn: () => T | Promise<T>, message?: string) {
  return expect.poll(fn, { timeout: 15_000, interval: 100, ...(message ? { message } : {}) });
}

/** Resolves with the next response of `method` to an API path starting with `/api/v1<pathPrefix>`. */
export function nextApiResponse(page: Page, method: string, pathPrefix: string): Promise<Response> {
  return page.waitForResponse((r) => r.request().method() === method && new URL(r.url()).pathname.startsWith(`/api/v1${pathPrefix}`));
}

/** Fills the login form and submits it; resolves with the login response. */
export async function submitLogin(page: Page, username: string, password: string): Promise<Response> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  const res = nextApiResponse(page, 'POST', '/auth/login');
  await page.getByTestId('login-submit').click();
  return res;
}

/** Opens the login page and signs in; resolves once the signed-in frame (side menu) shows. */
export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/admin/login');
  const res = await submitLogin(page, username, password);
  expect(res.status(), `login of ${username}`).toBe(200);
  await page.getByTestId('side-menu').waitFor();
}

/** Signs out through the header button; resolves on the login page. */
export async function logout(page: Page): Promise<void> {
  const res = nextApiResponse(page, 'POST', '/auth/logout');
  await page.getByTestId('logout').click();
  expect((await res).status()).toBe(204);
  await page.waitForURL((u) => u.pathname === '/admin/login');
  await page.getByTestId('login-submit').waitFor();
}

export interface TFetchResult {
  status: number;
  body: unknown;
}

/**
 * A request from inside the page, as the SPA makes it: same-origin cookies, and on writes the
 * x-csrf-token header read from the jf_csrf cookie.
 */
export async function pageFetch(page: Page, method: string, url: string, body?: unknown): Promise<TFetchResult> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const csrf = document.cookie
        .split(';')
        .map((c) => c.trim().split('='))
        .find(([k]) => k === 'jf_csrf')?.[1];
      const headers: Record<string, string> = { accept: 'application/json' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (method !== 'GET' && csrf) headers['x-csrf-token'] = decodeURIComponent(csrf);
      const res = await fetch(url, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, body: parsed };
    },
    { method, url, body },
  );
}
