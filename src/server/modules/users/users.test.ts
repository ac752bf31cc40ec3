import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/app';
import { TestClient, loggedIn } from '../../testing/client';
import { DIALECTS } from '../../testing/db';
import { TEST_PASSWORD } from '../../testing/fixture';

for (const dialect of DIALECTS) {
  describe(`users [${dialect}]`, () => {
    const t = useTestApp(dialect);

    it('sysadmin creates a user: temporary password, audited with masked fields, username unique', async () => {
      const sys = await loggedIn(t.app, t.fx.users.sysadmin, TEST_PASSWORD);
      const res = await sys.post('/api/v1/users', { username: 'zhangsan', displayName: '张三', orgId: t.fx.section.id, role: 'section' });
      expect(res.statusCode).toBe(201);
      const { user, initialPassword } = res.json();
      expect(user.mustChangePassword).toBe(true);
      expect(initialPassword).toMatch(/^.{12}$/);
      const row = await t.deps.db.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^scrypt\$/);
      expect(row.password_hash).not.toContain(initialPassword);
      const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'user.create').where('object_id', '=', String(user.id)).executeTakeFirstOrThrow();
      expect(audit.after_json).not.toContain(initialPassword);
      expect(audit.actor_role).toBe('sysadmin');
      const dup = await sys.post('/api/v1/users', { username: 'zhangsan', displayName: '张三2', orgId: t.fx.section.id, role: 'section' });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error.code).toBe('USERNAME_TAKEN');
    });

    it('refuses a teacher outside a school, a bad username, and 三员 accounts from the web', async () => {
      const sys = await loggedIn(t.app, t.fx.users.sysadmin, TEST_PASSWORD);
      const mismatch = await sys.post('/api/v1/users', { username: 'lisi', displayName: '李四', orgId: t.fx.section.id, role: 'teacher' });
      expect(mismatch.statusCode).toBe(422);
      expect(mismatch.json().error.code).toBe('ROLE_ORG_MISMATCH');
      const badName = await sys.post('/api/v1/users', { username: '李四', displayName: '李四', orgId: t.fx.schoolA.id, role: 'teacher' });
      expect(badName.statusCode).toBe(400);
      expect(badName.json().error.fields[0].path).toBe('username');
      const sep = await sys.post('/api/v1/users', { username: 'audit2', displayName: '审计管理员2', orgId: t.fx.county.id, role: 'auditadmin' });
      expect(sep.statusCode).toBe(403);
      const outside = await sys.post('/api/v1/users', { username: 'wangwu', displayName: '王五', orgId: t.fx.otherCounty.id, role: 'leader' });
      expect(outside.statusCode).toBe(404);
      expect(await t.deps.db.selectFrom('users').select('id').where('username', 'in', ['lisi', 'audit2', 'wangwu']).execute()).toHaveLength(0);
    });

    it('only secadmin changes roles and unlocks; sysadmin edits and resets', async () => {
      const sys = await loggedIn(t.app, t.fx.users.sysadmin, TEST_PASSWORD);
      const sec = await loggedIn(t.app, t.fx.users.secadmin, TEST_PASSWORD);
      const target = await t.deps.db.selectFrom('users').select('id').where('username', '=', t.fx.users.section).executeTakeFirstOrThrow();
      expect((await sys.patch(`/api/v1/users/${target.id}`, { role: 'office' })).statusCode).toBe(403);
      expect((await sec.patch(`/api/v1/users/${target.id}`, { displayName: 'x' })).statusCode).toBe(403);
      const promoted = await sec.patch(`/api/v1/users/${target.id}`, { role: 'office' });
      expect(promoted.statusCode).toBe(200);
      expect(promoted.json().role).toBe('office');
      const toAdmin = await sec.patch(`/api/v1/users/${target.id}`, { role: 'sysadmin' });
      expect(toAdmin.statusCode).toBe(403);
      // lock, then unlock
      const c = new TestClient(t.app, '10.1.1.1');
      for (let i = 0; i < 5; i++) await c.login(t.fx.users.section, 'Wrong#pass1');
      expect((await c.login(t.fx.users.section, TEST_PASSWORD)).statusCode).toBe(423);
      const list = (await sec.get(`/api/v1/users?q=${t.fx.users.section}`)).json();
      expect(list.items[0].locked).toBe(true);
      expect((await sys.post(`/api/v1/users/${target.id}/unlock`)).statusCode).toBe(403);
      expect((await sec.post(`/api/v1/users/${target.id}/unlock`)).statusCode).toBe(204);
      expect((await c.login(t.fx.users.section, TEST_PASSWORD)).statusCode).toBe(200);
      // reset password ends sessions and forces a change
      const reset = await sys.post(`/api/v1/users/${target.id}/reset-password`);
      expect(reset.statusCode).toBe(200);
      expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
      const again = await loggedIn(t.app, t.fx.users.section, reset.json().initialPassword);
      expect((await again.get('/api/v1/auth/me')).json().mustChangePassword).toBe(true);
    });

    it('disabling a user ends their sessions; nobody disables themself', async () => {
      const sys = await loggedIn(t.app, t.fx.users.sysadmin, TEST_PASSWORD);
      const victim = await loggedIn(t.app, t.fx.users.auditor, TEST_PASSWORD);
      const id = (await t.deps.db.selectFrom('users').select('id').where('username', '=', t.fx.users.auditor).executeTakeFirstOrThrow()).id;
      expect((await sys.patch(`/api/v1/users/${id}`, { status: 'disabled' })).statusCode).toBe(200);
      expect((await victim.get('/api/v1/auth/me')).statusCode).toBe(401);
      const self = (await t.deps.db.selectFrom('users').select('id').where('username', '=', t.fx.users.sysadmin).executeTakeFirstOrThrow()).id;
      expect((await sys.patch(`/api/v1/users/${self}`, { status: 'disabled' })).statusCode).toBe(403);
      expect((await sys.patch(`/api/v1/users/${id}`, { status: 'active' })).statusCode).toBe(200);
    });

    it('lists are scoped: a school admin sees only its school’s users; an outsider id is 404', async () => {
      const school = await loggedIn(t.app, t.fx.users.school_admin, TEST_PASSWORD);
      const list = (await school.get('/api/v1/users?pageSize=200')).json();
      expect(list.items.every((u: { orgId: number }) => u.orgId === t.fx.schoolA.id)).toBe(true);
      expect((await school.get(`/api/v1/users?orgId=${t.fx.schoolB.id}`)).statusCode).toBe(404);
      const teacher = await loggedIn(t.app, t.fx.users.teacher, TEST_PASSWORD);
      expect((await teacher.get('/api/v1/users')).statusCode).toBe(403);
      const sys = await loggedIn(t.app, t.fx.users.sysadmin, TEST_PASSWORD);
      const other = (await t.deps.db.selectFrom('users').select('id').where('username', '=', t.fx.users.otherOffice).executeTakeFirstOrThrow()).id;
      const before = await t.deps.db.selectFrom('users').selectAll().where('id', '=', other).executeTakeFirstOrThrow();
      expect((await sys.patch(`/api/v1/users/${other}`, { displayName: 'hacked' })).statusCode).toBe(404);
      expect((await sys.post(`/api/v1/users/${other}/reset-password`)).statusCode).toBe(404);
      expect(await t.deps.db.selectFrom('users').selectAll().where('id', '=', other).executeTakeFirstOrThrow()).toEqual(before);
    });
  });
}
