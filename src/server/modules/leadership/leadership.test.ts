import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/app';
import { loggedIn, type TestClient } from '../../testing/client';
import { DIALECTS } from '../../testing/db';
import { TEST_PASSWORD } from '../../testing/fixture';

const GROUP = {
  name: '余杭区教育系统减轻中小学教师负担工作领导小组',
  officeLocation: '办公室设在区教育局人事科',
  officeDirector: '王秀英',
  members: [
    { role: 'leader', name: '张局长', post: '区教育局局长' },
    { role: 'deputy', name: '李副局长', post: '区教育局副局长' },
    { role: 'member', name: '赵科长', post: '人事科科长' },
  ],
};

for (const dialect of DIALECTS) {
  describe(`leadership groups [${dialect}]`, () => {
    const t = useTestApp(dialect);
    const sessions = new Map<string, Promise<TestClient>>();
    const as = (u: keyof typeof t.fx.users) => {
      if (!sessions.has(u)) sessions.set(u, loggedIn(t.app, t.fx.users[u], TEST_PASSWORD));
      return sessions.get(u)!;
    };
    const path = (org: number, topic = 'teacher_burden') => `/api/v1/orgs/${org}/leadership/${topic}`;
    const groupRows = async (org: number) => {
      const g = await t.deps.db.selectFrom('leadership_groups').selectAll().where('org_id', '=', org).execute();
      const m = g.length ? await t.deps.db.selectFrom('leadership_members').selectAll().where('group_id', 'in', g.map((x) => x.id)).orderBy('sort_order').execute() : [];
      return { g, m };
    };

    it('the office records its bureau’s group, members in order, audited with before and after', async () => {
      const office = await as('office');
      const empty = await office.get(`/api/v1/orgs/${t.fx.bureau.id}/leadership`);
      expect(empty.json()).toMatchObject({ orgId: t.fx.bureau.id, canEdit: true, groups: [] });
      const saved = await office.request('PUT', path(t.fx.bureau.id), GROUP);
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({ topic: 'teacher_burden', name: GROUP.name, officeLocation: GROUP.officeLocation, officeDirector: '王秀英', members: GROUP.members });
      const rows = await groupRows(t.fx.bureau.id);
      expect(rows.m.map((m) => [m.role, m.name, m.sort_order])).toEqual([
        ['leader', '张局长', 1],
        ['deputy', '李副局长', 2],
        ['member', '赵科长', 3],
      ]);
      // replacing keeps one group and replaces its members
      const again = await office.request('PUT', path(t.fx.bureau.id), { ...GROUP, members: [GROUP.members[0]] });
      expect(again.json().members).toHaveLength(1);
      const after = await groupRows(t.fx.bureau.id);
      expect(after.g).toHaveLength(1);
      expect(after.m).toHaveLength(1);
      const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'leadership.save').where('object_id', '=', `${t.fx.bureau.id}:teacher_burden`).orderBy('id').execute();
      expect(audit).toHaveLength(2);
      expect(audit[0]!.before_json).toBe('null');
      expect(JSON.parse(audit[1]!.before_json!).members).toHaveLength(3);
      expect(JSON.parse(audit[1]!.after_json!).members).toHaveLength(1);
      expect(audit[1]!.actor_username).toBe(t.fx.users.office);
      // the county region is the office's too; a school in its scope is not its own
      expect((await office.request('PUT', path(t.fx.county.id), GROUP)).statusCode).toBe(200);
      const school = await office.request('PUT', path(t.fx.schoolA.id), GROUP);
      expect(school.statusCode).toBe(403);
      expect(school.json().error.code).toBe('LEADERSHIP_EDIT_FORBIDDEN');
      expect((await office.get(`/api/v1/orgs/${t.fx.schoolA.id}/leadership`)).json().canEdit).toBe(false);
    });

    it('a school edits its own group only; another school’s is 404 and stays unchanged', async () => {
      const admin = await as('school_admin');
      const own = await admin.request('PUT', path(t.fx.schoolA.id), { name: '甲小学减轻教师负担工作领导小组', members: [{ role: 'leader', name: '肖平平', post: '校长' }] });
      expect(own.statusCode, own.body).toBe(200);
      expect(own.json()).toMatchObject({ officeLocation: null, officeDirector: null });
      const before = await groupRows(t.fx.schoolB.id);
      const other = await admin.request('PUT', path(t.fx.schoolB.id), GROUP);
      expect(other.statusCode).toBe(404);
      expect(other.json().error.code).toBe('NOT_FOUND');
      expect((await admin.get(`/api/v1/orgs/${t.fx.schoolB.id}/leadership`)).statusCode).toBe(404);
      expect((await admin.request('DELETE', path(t.fx.schoolB.id))).statusCode).toBe(404);
      expect(await groupRows(t.fx.schoolB.id)).toEqual(before);
      // the bureau above the school is outside a school's scope
      expect((await admin.request('PUT', path(t.fx.bureau.id), GROUP)).statusCode).toBe(404);
      // a teacher reads the school's group but may not edit it
      const teacher = await as('teacher');
      const read = await teacher.get(`/api/v1/orgs/${t.fx.schoolA.id}/leadership`);
      expect(read.json()).toMatchObject({ canEdit: false, groups: [{ name: '甲小学减轻教师负担工作领导小组' }] });
      expect((await teacher.request('PUT', path(t.fx.schoolA.id), GROUP)).json().error.code).toBe('FORBIDDEN');
      const sys = await as('sysadmin');
      expect((await sys.request('PUT', path(t.fx.county.id), GROUP)).json().error.code).toBe('SEPARATION_OF_DUTIES');
      const other2 = await as('otherOffice');
      expect((await other2.get(`/api/v1/orgs/${t.fx.bureau.id}/leadership`)).statusCode).toBe(404);
    });

    it('refuses a group without a leader, out of order, of an unknown topic; deletes with an audit row', async () => {
      const office = await as('office');
      const noLeader = await office.request('PUT', path(t.fx.bureau.id, 'student_burden'), { ...GROUP, members: [{ role: 'member', name: '赵科长' }] });
      expect(noLeader.statusCode).toBe(400);
      expect(noLeader.json().error.code).toBe('VALIDATION_FAILED');
      const disorder = await office.request('PUT', path(t.fx.bureau.id, 'student_burden'), { ...GROUP, members: [GROUP.members[2], GROUP.members[0]] });
      expect(disorder.statusCode).toBe(400);
      expect((await office.request('PUT', path(t.fx.bureau.id, 'tea_breaks'), GROUP)).statusCode).toBe(400);
      expect((await office.request('PUT', path(t.fx.bureau.id, 'student_burden'), { ...GROUP, extra: 1 })).statusCode).toBe(400);
      expect((await office.request('PUT', path(t.fx.bureau.id, 'student_burden'), { ...GROUP, members: [] })).statusCode).toBe(400);
      expect((await groupRows(t.fx.bureau.id)).g.map((g) => g.topic)).toEqual(['teacher_burden']);
      const del = await office.request('DELETE', path(t.fx.county.id));
      expect(del.statusCode).toBe(204);
      expect((await groupRows(t.fx.county.id)).g).toHaveLength(0);
      expect((await office.request('DELETE', path(t.fx.county.id))).statusCode).toBe(404);
      const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'leadership.delete').executeTakeFirstOrThrow();
      expect(JSON.parse(audit.before_json!).name).toBe(GROUP.name);
    });
  });
}
