import { describe, expect, it } from 'vitest';
import { makeSchoolCode } from '../../../domain/validators/schoolCode';
import { useTestApp } from '../../testing/app';
import { loggedIn } from '../../testing/client';
import { DIALECTS } from '../../testing/db';
import { TEST_PASSWORD } from '../../testing/fixture';

for (const dialect of DIALECTS) {
  describe(`orgs and scope [${dialect}]`, () => {
    const t = useTestApp(dialect);

    it("a teacher of school A asking for school B's data gets 404, and school B is unchanged", async () => {
      const c = await loggedIn(t.app, t.fx.users.teacher, TEST_PASSWORD);
      const before = await t.deps.db.selectFrom('orgs').selectAll().where('id', '=', t.fx.schoolB.id).executeTakeFirstOrThrow();
      const read = await c.get(`/api/v1/orgs/${t.fx.schoolB.id}`);
      expect(read.statusCode).toBe(404);
      expect(read.json().error.code).toBe('NOT_FOUND');
      expect(read.body).not.toContain(t.fx.schoolB.name);
      expect((await c.get(`/api/v1/orgs/${t.fx.schoolB.id}/teachers`)).statusCode).toBe(404);
      const write = await c.patch(`/api/v1/orgs/${t.fx.schoolB.id}`, { name: '被篡改的学校' });
      expect(write.statusCode).toBe(404);
      const after = await t.deps.db.selectFrom('orgs').selectAll().where('id', '=', t.fx.schoolB.id).executeTakeFirstOrThrow();
      expect(after).toEqual(before);
      // an id that does not exist looks the same
      expect((await c.get('/api/v1/orgs/999999')).json().error.code).toBe('NOT_FOUND');
      // own school is visible
      expect((await c.get(`/api/v1/orgs/${t.fx.schoolA.id}`)).statusCode).toBe(200);
    });

    it('the org tree is the actor’s subtree; county-wide roles see the county', async () => {
      const teacher = await loggedIn(t.app, t.fx.users.teacher, TEST_PASSWORD);
      const tree = (await teacher.get('/api/v1/orgs/tree')).json();
      expect(tree).toHaveLength(1);
      expect(tree[0].id).toBe(t.fx.schoolA.id);
      const office = await loggedIn(t.app, t.fx.users.office, TEST_PASSWORD);
      const officeTree = (await office.get('/api/v1/orgs/tree')).json();
      expect(officeTree[0].id).toBe(t.fx.county.id);
      expect(JSON.stringify(officeTree)).not.toContain('富阳');
      const other = await loggedIn(t.app, t.fx.users.otherOffice, TEST_PASSWORD);
      expect((await other.get(`/api/v1/orgs/${t.fx.schoolA.id}`)).statusCode).toBe(404);
    });

    it('teacher lists are masked and need teacher.read', async () => {
      const school = await loggedIn(t.app, t.fx.users.school_admin, TEST_PASSWORD);
      const res = await school.get(`/api/v1/orgs/${t.fx.schoolA.id}/teachers`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.total).toBe(3);
      for (const item of body.items) {
        expect(item.idNumberMasked).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
        expect(item.mobileMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
      }
      const teacher = await loggedIn(t.app, t.fx.users.teacher, TEST_PASSWORD);
      expect((await teacher.get(`/api/v1/orgs/${t.fx.schoolA.id}/teachers`)).statusCode).toBe(403);
      const sys = await loggedIn(t.app, t.fx.users.sysadmin, TEST_PASSWORD);
      const denied = await sys.get(`/api/v1/orgs/${t.fx.schoolA.id}/teachers`);
      expect(denied.statusCode).toBe(403);
      expect(denied.json().error.code).toBe('SEPARATION_OF_DUTIES');
    });

    it('sysadmin creates a school only with a valid 学校标识码 of the right type prefix, audited', async () => {
      const sys = await loggedIn(t.app, t.fx.users.sysadmin, TEST_PASSWORD);
      const good = makeSchoolCode({ type: 'primary', provinceCode: '33', seq: 77 });
      const wrongType = makeSchoolCode({ type: 'junior', provinceCode: '33', seq: 78 });
      const bad = await sys.post('/api/v1/orgs', { parentId: t.fx.bureau.id, kind: 'school', name: '丙小学', code: wrongType, schoolType: 'primary' });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().error.code).toBe('INVALID_CODE');
      // a code of another province (11: Beijing) for a school of this county
      const elsewhere = await sys.post('/api/v1/orgs', { parentId: t.fx.bureau.id, kind: 'school', name: '丙小学', code: makeSchoolCode({ type: 'primary', provinceCode: '11', seq: 77 }), schoolType: 'primary' });
      expect(elsewhere.statusCode).toBe(422);
      expect(elsewhere.json().error).toMatchObject({ code: 'INVALID_CODE', fields: [{ path: 'code', zh: expect.stringContaining('33') }] });
      const wrongParent = await sys.post('/api/v1/orgs', { parentId: t.fx.schoolA.id, kind: 'school', name: '丙小学', code: good, schoolType: 'primary' });
      expect(wrongParent.json().error.code).toBe('ORG_PARENT_INVALID');
      const ok = await sys.post('/api/v1/orgs', { parentId: t.fx.bureau.id, kind: 'school', name: '丙小学', code: good, schoolType: 'primary' });
      expect(ok.statusCode).toBe(201);
      const dup = await sys.post('/api/v1/orgs', { parentId: t.fx.bureau.id, kind: 'school', name: '丁小学', code: good, schoolType: 'primary' });
      expect(dup.statusCode).toBe(409);
      const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'org.create').where('object_id', '=', String(ok.json().id)).executeTakeFirstOrThrow();
      expect(audit.actor_username).toBe(t.fx.users.sysadmin);
      expect(audit.actor_role).toBe('sysadmin');
      expect(audit.ip).toBe('127.0.0.1');
      expect(JSON.parse(audit.after_json!).code).toBe(good);
      const path = (await t.deps.db.selectFrom('orgs').select('path').where('id', '=', ok.json().id).executeTakeFirstOrThrow()).path;
      expect(path).toBe(`${t.fx.bureau.path}${ok.json().id}/`);
    });

    it('regions need a GB/T 2260 code under their parent; enterprises a valid GB 32100 code', async () => {
      const sys = await loggedIn(t.app, t.fx.users.sysadmin, TEST_PASSWORD);
      const r1 = await sys.post('/api/v1/orgs', { parentId: t.fx.county.id, kind: 'enterprise', name: '假企业', code: '91330110MA2XXXXX0X' });
      expect(r1.json().error.code).toBe('INVALID_CODE');
      const r2 = await sys.post('/api/v1/orgs', { parentId: t.fx.county.id, kind: 'agency', name: '财政局' });
      expect(r2.statusCode).toBe(201);
      const upd = await sys.patch(`/api/v1/orgs/${r2.json().id}`, { hotline: '0571-88888888', mailbox: 'czj@example.cn' });
      expect(upd.json().hotline).toBe('0571-88888888');
      const badPatch = await sys.patch(`/api/v1/orgs/${r2.json().id}`, { parentId: 1 });
      expect(badPatch.statusCode).toBe(400);
      const audit = await t.deps.db.selectFrom('audit_log').select(['before_json', 'after_json']).where('action', '=', 'org.update').where('object_id', '=', String(r2.json().id)).executeTakeFirstOrThrow();
      expect(JSON.parse(audit.before_json!).hotline).toBeNull();
      expect(JSON.parse(audit.after_json!).hotline).toBe('0571-88888888');
    });

    it('business roles cannot manage orgs (403), the 三员 cannot read business records', async () => {
      const leader = await loggedIn(t.app, t.fx.users.leader, TEST_PASSWORD);
      const r = await leader.post('/api/v1/orgs', { parentId: t.fx.bureau.id, kind: 'section', name: '新股室' });
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe('FORBIDDEN');
      for (const u of [t.fx.users.sysadmin, t.fx.users.secadmin, t.fx.users.auditadmin]) {
        const c = await loggedIn(t.app, u, TEST_PASSWORD);
        const me = (await c.get('/api/v1/auth/me')).json();
        expect(me.abilities).not.toContain('business.view');
        expect(me.abilities).not.toContain('teacher.read');
      }
    });
  });
}
