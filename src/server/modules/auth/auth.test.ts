import { describe, expect, it } from 'vitest';
import { buildApp } from '../../http/app';
import { TestClient, loggedIn } from '../../testing/client';
import { DIALECTS } from '../../testing/db';
import { TEST_PASSWORD } from '../../testing/fixture';
import { useTestApp } from '../../testing/app';

for (const dialect of DIALECTS) {
  describe(`auth [${dialect}]`, () => {
    const t = useTestApp(dialect);

    it('logs in, answers /me with role, org and abilities, and sets HttpOnly SameSite cookies', async () => {
      const c = new TestClient(t.app);
      await c.get('/api/v1/auth/csrf');
      const res = await c.post('/api/v1/auth/login', { username: t.fx.users.office, password: TEST_PASSWORD });
      expect(res.statusCode).toBe(200);
      const sid = res.cookies.find((k) => k.name === 'jf_sid');
      expect(sid?.httpOnly).toBe(true);
      expect(sid?.sameSite).toBe('Strict');
      const me = (await c.get('/api/v1/auth/me')).json();
      expect(me.user.role).toBe('office');
      expect(me.abilities).toContain('org.read');
      expect(me.abilities).not.toContain('audit.read');
      const stored = await t.deps.db.selectFrom('sessions').select('id').execute();
      expect(stored.some((s) => s.id === sid?.value)).toBe(false); // only the hash is stored
    });

    it('five wrong passwords answer 401, then the account is locked (423) even for the right password', async () => {
      const c = new TestClient(t.app, '10.0.0.5');
      const user = t.fx.users.section;
      for (let i = 0; i < 5; i++) {
        const r = await c.login(user, 'Wrong#pass1');
        expect(r.statusCode).toBe(401);
        expect(r.json().error.code).toBe('INVALID_CREDENTIALS');
      }
      const locked = await c.login(user, TEST_PASSWORD);
      expect(locked.statusCode).toBe(423);
      expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
      expect(locked.json().error.zh).toContain('锁定');
      const until = new Date(locked.json().error.lockedUntil as string).getTime();
      expect(until - Date.now()).toBeGreaterThan(14 * 60_000);
      expect(until - Date.now()).toBeLessThanOrEqual(15 * 60_000);
      // after the lock expires the right password works again
      await t.deps.db.updateTable('users').set({ locked_until: new Date(Date.now() - 1000).toISOString() }).where('username', '=', user).execute();
      expect((await c.login(user, TEST_PASSWORD)).statusCode).toBe(200);
      const audit = await t.deps.db.selectFrom('audit_log').select('action').where('actor_username', '=', user).execute();
      expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['auth.login_failed', 'auth.account_locked', 'auth.login_locked', 'auth.login']));
    });

    it('an unknown username gets the same 401 as a wrong password', async () => {
      const c = new TestClient(t.app, '10.0.0.6');
      const r = await c.login('nobody-here', TEST_PASSWORD);
      expect(r.statusCode).toBe(401);
      expect(r.json().error.code).toBe('INVALID_CREDENTIALS');
    });

    it('a login body shorter than its Content-Length is a clean 400 (not 415), and the server stays up', async () => {
      const c = new TestClient(t.app, '10.0.0.7');
      await c.get('/api/v1/auth/csrf');
      const body = JSON.stringify({ username: t.fx.users.office, password: TEST_PASSWORD });
      const r = await c.request('POST', '/api/v1/auth/login', body, { headers: { 'content-type': 'application/json', 'content-length': String(body.length + 10) } });
      expect(r.statusCode).toBe(400);
      expect(r.json().error).toMatchObject({ code: 'BODY_INCOMPLETE', zh: expect.stringContaining('不完整'), en: expect.stringContaining('Content-Length') });
      expect(r.cookies.find((k) => k.name === 'jf_sid')).toBeUndefined();
      expect((await c.login(t.fx.users.office, TEST_PASSWORD)).statusCode).toBe(200);
    });

    it('refuses a state-changing request without the CSRF token, or with a forged one', async () => {
      const c = await loggedIn(t.app, t.fx.users.school_admin, TEST_PASSWORD);
      const none = await c.request('POST', '/api/v1/auth/logout', {}, { csrf: null });
      expect(none.statusCode).toBe(403);
      expect(none.json().error.code).toBe('CSRF_FAILED');
      const forged = await c.request('POST', '/api/v1/auth/logout', {}, { csrf: 'forged-token' });
      expect(forged.statusCode).toBe(403);
      // login itself needs the double-submit token
      const anon = new TestClient(t.app);
      const r = await anon.request('POST', '/api/v1/auth/login', { username: t.fx.users.teacher, password: TEST_PASSWORD });
      expect(r.statusCode).toBe(403);
      expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200); // still logged in
    });

    it('logout ends the session', async () => {
      const c = await loggedIn(t.app, t.fx.users.teacher, TEST_PASSWORD);
      expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(204);
      const me = await c.get('/api/v1/auth/me');
      expect(me.statusCode).toBe(401);
      expect(me.json().error.code).toBe('UNAUTHENTICATED');
    });

    it('ends a session idle for 30 minutes, and any session after 12 hours', async () => {
      const idle = await loggedIn(t.app, t.fx.users.teacher, TEST_PASSWORD);
      const sidIdle = await t.deps.db.selectFrom('sessions').select('id').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
      await t.deps.db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - 31 * 60_000).toISOString() }).where('id', '=', sidIdle.id).execute();
      expect((await idle.get('/api/v1/auth/me')).statusCode).toBe(401);
      expect(await t.deps.db.selectFrom('sessions').select('id').where('id', '=', sidIdle.id).executeTakeFirst()).toBeUndefined();

      const old = await loggedIn(t.app, t.fx.users.teacher, TEST_PASSWORD);
      const sidOld = await t.deps.db.selectFrom('sessions').select('id').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
      await t.deps.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', sidOld.id).execute();
      expect((await old.get('/api/v1/auth/me')).statusCode).toBe(401);
    });

    it('a session made by one app process is valid in another (sessions live in the database)', async () => {
      const other = await buildApp({ deps: t.deps });
      try {
        const c = await loggedIn(t.app, t.fx.users.leader, TEST_PASSWORD);
        const res = await other.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `jf_sid=${c.cookie('jf_sid')}` } });
        expect(res.statusCode).toBe(200);
        expect(res.json().user.username).toBe(t.fx.users.leader);
      } finally {
        await other.close();
      }
    });

    it('an account created by an admin must change its password first; the policy is enforced', async () => {
      const admin = await loggedIn(t.app, t.fx.users.sysadmin, TEST_PASSWORD);
      const created = await admin.post('/api/v1/users', { username: 'newteacher1', displayName: '新教师', orgId: t.fx.schoolA.id, role: 'teacher' });
      expect(created.statusCode).toBe(201);
      const initial = created.json().initialPassword as string;
      const c = await loggedIn(t.app, 'newteacher1', initial);
      expect((await c.get('/api/v1/auth/me')).json().mustChangePassword).toBe(true);
      const blocked = await c.get('/api/v1/home/stats');
      expect(blocked.statusCode).toBe(403);
      expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
      const weak = await c.post('/api/v1/auth/change-password', { currentPassword: initial, newPassword: 'abcdefgh' });
      expect(weak.statusCode).toBe(422);
      expect(weak.json().error.code).toBe('PASSWORD_POLICY');
      const withName = await c.post('/api/v1/auth/change-password', { currentPassword: initial, newPassword: 'Newteacher1!' });
      expect(withName.json().error.code).toBe('PASSWORD_POLICY');
      const wrong = await c.post('/api/v1/auth/change-password', { currentPassword: 'nope', newPassword: 'Good#Pass2026' });
      expect(wrong.json().error.code).toBe('WRONG_PASSWORD');
      const same = await c.post('/api/v1/auth/change-password', { currentPassword: initial, newPassword: initial });
      expect(same.json().error.code).toBe('PASSWORD_REUSED');
      const ok = await c.post('/api/v1/auth/change-password', { currentPassword: initial, newPassword: 'Good#Pass2026' });
      expect(ok.statusCode).toBe(204);
      expect((await c.get('/api/v1/home/stats')).statusCode).toBe(200);
      expect((await new TestClient(t.app).login('newteacher1', initial)).statusCode).toBe(401);
      expect((await new TestClient(t.app).login('newteacher1', 'Good#Pass2026')).statusCode).toBe(200);
    });

    it('a disabled account cannot sign in', async () => {
      await t.deps.db.updateTable('users').set({ status: 'disabled' }).where('username', '=', t.fx.users.enterprise).execute();
      const r = await new TestClient(t.app).login(t.fx.users.enterprise, TEST_PASSWORD);
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe('ACCOUNT_DISABLED');
      await t.deps.db.updateTable('users').set({ status: 'active' }).where('username', '=', t.fx.users.enterprise).execute();
    });

    it('sends the security headers', async () => {
      const r = await t.app.inject({ method: 'GET', url: '/api/v1/public/regions' });
      expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('DENY');
    });
  });
}

for (const dialect of DIALECTS) {
  describe(`session cache [${dialect}]`, () => {
    const t = useTestApp(dialect);

    it('a logout in this process is immediate; a session deleted elsewhere dies within the cache time', async () => {
      const { configureSessionCache } = await import('./sessions');
      configureSessionCache(300);
      try {
        const a = await loggedIn(t.app, t.fx.users.leader, TEST_PASSWORD);
        expect((await a.get('/api/v1/auth/me')).statusCode).toBe(200);
        await a.post('/api/v1/auth/logout');
        expect((await a.get('/api/v1/auth/me')).statusCode).toBe(401);

        const b = await loggedIn(t.app, t.fx.users.leader, TEST_PASSWORD);
        expect((await b.get('/api/v1/auth/me')).statusCode).toBe(200);
        // another process logs the user out: the row goes, this process's cache notices within 300 ms
        await t.deps.db.deleteFrom('sessions').execute();
        await new Promise((r) => setTimeout(r, 350));
        expect((await b.get('/api/v1/auth/me')).statusCode).toBe(401);

        // a password change is seen at once (no stale "must change" flag)
        const c = await loggedIn(t.app, t.fx.users.school_admin, TEST_PASSWORD);
        await t.deps.db.updateTable('users').set({ must_change_password: 1 }).where('username', '=', t.fx.users.school_admin).execute();
        await new Promise((r) => setTimeout(r, 350));
        expect((await c.get('/api/v1/home/stats')).statusCode).toBe(403);
        expect((await c.post('/api/v1/auth/change-password', { currentPassword: TEST_PASSWORD, newPassword: 'Another#Pass9' })).statusCode).toBe(204);
        expect((await c.get('/api/v1/home/stats')).statusCode).toBe(200);
      } finally {
        configureSessionCache(0);
      }
    });
  });
}
