import { beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../../domain/i18n';
import { useTestApp } from '../../testing/app';
import { loggedIn, type TestClient } from '../../testing/client';
import { DIALECTS } from '../../testing/db';
import { TEST_PASSWORD } from '../../testing/fixture';
import { readDocx } from './docx/read';
import { buildReportScenario, type TScenario } from './testScenario';

for (const dialect of DIALECTS) {
  describe(`school plan and report access [${dialect}]`, () => {
    const t = useTestApp(dialect);
    let sc: TScenario;
    const sessions = new Map<string, Promise<TestClient>>();
    const as = (u: keyof typeof t.fx.users) => {
      if (!sessions.has(u)) sessions.set(u, loggedIn(t.app, t.fx.users[u], TEST_PASSWORD));
      return sessions.get(u)!;
    };
    beforeAll(async () => {
      sc = await buildReportScenario(t.deps, t.fx);
    });
    const plan = (org: number, from = sc.from, to = sc.to) => `/api/v1/reports/school-plan.docx?org=${org}&from=${from}&to=${to}`;
    const issuesAndExports = async () => ({
      issues: (await t.deps.db.selectFrom('report_issues').selectAll().orderBy('id').execute()).length,
      exports: (await t.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'report.export').execute()).length,
    });

    it('lists the approved items reaching the school with their numbers, the caps in force and the channels', async () => {
      const office = await as('office');
      // the rule set in force is the one of the year the period ends in
      const year = Number(sc.to.slice(0, 4));
      expect((await office.request('PUT', `/api/v1/rulesets/${year}`, { values: { socialAffairMaxPerSchoolYear: 4 } })).statusCode).toBe(200);
      const school = await as('school_admin');
      const res = await school.get(plan(t.fx.schoolA.id));
      expect(res.statusCode, res.body).toBe(200);
      const p = (await readDocx(res.rawPayload)).paragraphs;
      const text = p.join('\n');
      // every approved or completed item linked to school A whose window meets the period, numbered
      const linked = await t.deps.db
        .selectFrom('item_schools as s')
        .innerJoin('items as i', 'i.id', 's.item_id')
        .select(['i.title', 'i.admission_no', 'i.window_start', 'i.window_end'])
        .where('s.school_org_id', '=', t.fx.schoolA.id)
        .where('i.status', 'in', ['approved', 'completed'])
        .where('i.window_start', '<=', sc.to)
        .where('i.window_end', '>=', sc.from)
        .execute();
      expect(linked.length).toBe(5); // the form, three secondments, the meeting
      expect(text).toContain(`进入本校的事项共${linked.length}项`);
      for (const it of linked) {
        expect(it.admission_no).toMatch(/^余教减准〔\d{4}〕\d+号$/);
        expect(text).toContain(`${it.title}（${it.admission_no}，人事科，${formatDate(it.window_start)}至${formatDate(it.window_end)}）`);
      }
      // revoked and refused items are not listed
      const revoked = await t.deps.db.selectFrom('items').select('title').where('id', '=', sc.ids.revoked).executeTakeFirstOrThrow();
      expect(text).not.toContain(revoked.title);
      expect(p).toContain('（一）报表统计调研事项（1项）');
      // caps: the county's own rule set overrides the default 6
      expect(text).toContain('社会事务进校园每学年每校不超过4项次');
      expect(text).toContain('综合督导（综合检查）每校每年不超过1次');
      expect(text).toContain('须提前30日向学校公布');
      expect(text).toContain('不得以截图留痕、照片留痕、台账留痕');
      expect(text).toContain('余杭区监督电话0571-12345678、监督信箱jf@example.cn。');
      expect(p[0]).toMatch(/^余教减备〔\d{4}〕\d+号$/);
      expect(p.at(-2)).toBe('甲小学');
      // no group yet: the leadership section is left out
      expect(text).not.toContain('领导小组');
    });

    it('adds the school’s leadership group once the school records it', async () => {
      const school = await as('school_admin');
      const put = await school.request('PUT', `/api/v1/orgs/${t.fx.schoolA.id}/leadership/teacher_burden`, {
        name: '甲小学减轻教师负担工作领导小组',
        members: [
          { role: 'leader', name: '肖平平', post: '甲小学校长' },
          { role: 'member', name: '李晓杰', post: '甲小学教务主任' },
        ],
      });
      expect(put.statusCode, put.body).toBe(200);
      const p = (await readDocx((await school.get(plan(t.fx.schoolA.id))).rawPayload)).paragraphs;
      expect(p).toContain('一、强化组织领导');
      expect(p).toContain('组　长：肖平平　甲小学校长');
      expect(p).toContain('成　员：李晓杰　甲小学教务主任');
      expect(p).toContain('二、严格执行进校事项准入');
    });

    it('is 404 outside the scope, 403 without the ability, 422 for the wrong org or period — and writes nothing', async () => {
      const before = await issuesAndExports();
      const school = await as('school_admin');
      const other = await school.get(plan(t.fx.schoolB.id));
      expect(other.statusCode).toBe(404);
      expect(other.json().error.code).toBe('NOT_FOUND');
      expect(other.body).not.toContain(t.fx.schoolB.name);
      expect((await school.get(`/api/v1/reports/county-stage.docx?org=${t.fx.county.id}&from=${sc.from}&to=${sc.to}`)).statusCode).toBe(404);
      expect((await school.get(`/api/v1/reports/county-stage.docx?org=${t.fx.schoolA.id}&from=${sc.from}&to=${sc.to}`)).json().error.code).toBe('REPORT_ORG_INVALID');
      const otherCounty = await as('otherOffice');
      const foreign = await otherCounty.get(`/api/v1/reports/county-stage.docx?org=${t.fx.county.id}&from=${sc.from}&to=${sc.to}`);
      expect(foreign.statusCode).toBe(404);
      expect((await otherCounty.get(plan(t.fx.schoolA.id))).statusCode).toBe(404);
      expect((await otherCounty.get(plan(999_999))).statusCode).toBe(404);
      const teacher = await as('teacher');
      expect((await teacher.get(plan(t.fx.schoolA.id))).json().error.code).toBe('FORBIDDEN');
      const sys = await as('sysadmin');
      expect((await sys.get(plan(t.fx.schoolA.id))).json().error.code).toBe('SEPARATION_OF_DUTIES');
      expect((await school.get(plan(t.fx.schoolA.id, sc.to, sc.from))).json().error.code).toBe('REPORT_PERIOD_INVALID');
      expect((await school.get(plan(t.fx.schoolA.id, '2020-01-01', '2026-12-31'))).json().error.code).toBe('REPORT_PERIOD_INVALID');
      const badDate = await school.get(plan(t.fx.schoolA.id, '2026-02-30', sc.to));
      expect(badDate.statusCode).toBe(400);
      expect(badDate.json().error.code).toBe('VALIDATION_FAILED');
      expect((await school.get('/api/v1/reports/school-plan.docx?org=abc&from=2026-01-01&to=2026-02-01')).statusCode).toBe(400);
      // the database re-read: no number issued, no export recorded
      expect(await issuesAndExports()).toEqual(before);
      // and the server is still up
      expect((await school.get(plan(t.fx.schoolA.id))).statusCode).toBe(200);
    });
  });
}
