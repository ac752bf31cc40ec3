import { describe, expect, it } from 'vitest';
import { useTestApp } from '../testing/app';
import { loggedIn } from '../testing/client';
import { DIALECTS } from '../testing/db';
import { TEST_PASSWORD } from '../testing/fixture';

for (const dialect of DIALECTS) {
  describe(`http errors, OpenAPI, health [${dialect}]`, () => {
    const t = useTestApp(dialect, {
      beforeReady: (app) => {
        app.get('/api/v1/test-boom', { config: { auth: 'none' } }, () => {
          throw new Error('secret internal detail: SELECT * FROM users');
        });
      },
    });

    it('GET /healthz checks the database', async () => {
      const r = await t.app.inject({ method: 'GET', url: '/healthz' });
      expect(r.statusCode).toBe(200);
      expect(r.json()).toEqual({ ok: true });
    });

    it('serves OpenAPI 3 generated from the zod schemas', async () => {
      const r = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
      expect(r.statusCode).toBe(200);
      const doc = r.json();
      expect(doc.openapi).toMatch(/^3\./);
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users', '/api/v1/orgs/{id}', '/api/v1/public/regions']));
      const login = doc.paths['/api/v1/auth/login'].post;
      expect(login.requestBody.content['application/json'].schema.properties).toHaveProperty('username');
      expect((await t.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
    });

    it('malformed JSON, wrong types, oversized bodies and unknown routes get clean 4xx in zh/en', async () => {
      const c = await loggedIn(t.app, t.fx.users.sysadmin, TEST_PASSWORD);
      const malformed = await c.request('POST', '/api/v1/users', '{"username": ', { headers: { 'content-type': 'application/json' } });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().error.code).toBe('MALFORMED_JSON');
      expect(malformed.json().error.zh).toBeTruthy();
      expect(malformed.json().error.en).toBeTruthy();
      const wrongTypes = await c.post('/api/v1/users', { username: 42, displayName: [], orgId: 'x', role: 'king' });
      expect(wrongTypes.statusCode).toBe(400);
      const fields = wrongTypes.json().error.fields.map((f: { path: string }) => f.path).sort();
      expect(fields).toEqual(['displayName', 'orgId', 'role', 'username']);
      const missing = await c.post('/api/v1/users', {});
      expect(missing.json().error.fields.find((f: { path: string }) => f.path === 'username').zh).toBe('必填');
      const big = await c.request('POST', '/api/v1/users', JSON.stringify({ username: 'a', displayName: 'x'.repeat(2 * 1024 * 1024) }), { headers: { 'content-type': 'application/json' } });
      expect(big.statusCode).toBe(413);
      expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');
      const unknown = await c.get('/api/v1/no-such-thing');
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error.code).toBe('ROUTE_NOT_FOUND');
      const badParam = await c.get('/api/v1/orgs/abc');
      expect(badParam.statusCode).toBe(400);
      expect(badParam.json().error.fields[0].path).toBe('params.id');
      const xml = await c.request('POST', '/api/v1/users', '<x/>', { headers: { 'content-type': 'application/xml' } });
      expect(xml.statusCode).toBe(415);
      // the server is still up
      expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    });

    it('an unexpected error is a 500 with a request id and no internals', async () => {
      const r = await t.app.inject({ method: 'GET', url: '/api/v1/test-boom' });
      expect(r.statusCode).toBe(500);
      const e = r.json().error;
      expect(e.code).toBe('INTERNAL');
      expect(e.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(r.headers['x-request-id']).toBe(e.requestId);
      expect(r.body).not.toContain('SELECT');
      expect(r.body).not.toContain('stack');
    });

    it('unauthenticated API calls are 401 with a clear message', async () => {
      const r = await t.app.inject({ method: 'GET', url: '/api/v1/users' });
      expect(r.statusCode).toBe(401);
      expect(r.json().error.zh).toContain('登录');
    });

    it('the public regions list carries hotline and mailbox', async () => {
      const r = (await t.app.inject({ method: 'GET', url: '/api/v1/public/regions' })).json();
      expect(r).toEqual(expect.arrayContaining([{ code: '330110', name: '余杭区', hotline: '0571-12345678', mailbox: 'jf@example.cn' }]));
    });
  });
}
