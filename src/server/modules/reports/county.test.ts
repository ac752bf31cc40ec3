import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../domain/register/schoolYear';
import { useTestApp } from '../../testing/app';
import { loggedIn, type TestClient } from '../../testing/client';
import { DIALECTS } from '../../testing/db';
import { TEST_PASSWORD } from '../../testing/fixture';
import { systemCtx } from '../../demo/factories';
import { readDocx } from './docx/read';
import { getReport } from './service';
import { buildReportScenario, type TScenario } from './testScenario';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

for (const dialect of DIALECTS) {
  describe(`county stage report from live data [${dialect}]`, () => {
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
    const url = (o: { org?: number; from?: string; to?: string } = {}) => `/api/v1/reports/county-stage.docx?org=${o.org ?? t.fx.county.id}&from=${o.from ?? sc.from}&to=${o.to ?? sc.to}`;

    /** The figures as the database holds them, counted here without the report module. */
    async function databaseCounts() {
      const db = t.deps.db;
      const n = (r: { n: unknown }) => Number(r.n);
      const baseline = (kinds: string[]) =>
        db.selectFrom('baseline_items').select((eb) => eb.fn.countAll().as('n')).where('kind', 'in', kinds).where('decision', 'in', ['cancel', 'merge']).executeTakeFirstOrThrow().then(n);
      const register = (kinds: string[]) =>
        db.selectFrom('items').select((eb) => eb.fn.countAll().as('n')).where('kind', 'in', kinds).where('status', 'in', ['rejected', 'revoked', 'merged']).executeTakeFirstOrThrow().then(n);
      const trainings = (await db.selectFrom('items').select('details_json').where('kind', '=', 'training').where('status', 'in', ['rejected', 'revoked']).execute()).filter(
        (r) => (JSON.parse(r.details_json) as { relevantToTeaching: boolean }).relevantToTeaching === false,
      ).length;
      const returned = n(await db.selectFrom('items').select((eb) => eb.fn.countAll().as('n')).where('kind', '=', 'secondment').where('returned_at', 'is not', null).executeTakeFirstOrThrow());
      const cancelledHours = Number((await db.selectFrom('baseline_items').select((eb) => eb.fn.sum('teacher_hours').as('h')).where('decision', '=', 'cancel').executeTakeFirstOrThrow()).h);
      const revokedHours = Number((await db.selectFrom('items').select('teacher_hours').where('status', '=', 'revoked').executeTakeFirstOrThrow()).teacher_hours);
      const estimate = JSON.parse((await db.selectFrom('item_events').select('data_json').where('action', '=', 'estimate').executeTakeFirstOrThrow()).data_json!) as { reductionHours: number };
      const decisions = await db.selectFrom('baseline_items').select(['decision', (eb) => eb.fn.countAll().as('n')]).groupBy('decision').execute();
      return {
        inspection: (await baseline(['inspection', 'supervision'])) + (await register(['inspection', 'supervision'])),
        assessment: (await baseline(['assessment', 'evaluation'])) + (await register(['assessment', 'evaluation'])),
        forms: (await baseline(['data_collection'])) + (await register(['data_collection'])),
        trainings,
        returned,
        hours: Math.round((cancelledHours + revokedHours + estimate.reductionHours) * 10) / 10,
        decisions: Object.fromEntries(decisions.map((d) => [d.decision ?? 'pending', Number(d.n)])),
        baselineTotal: decisions.reduce((a, d) => a + Number(d.n), 0),
      };
    }

    it('prints the seed’s result sentence with the figures the database holds', async () => {
      const db = await databaseCounts();
      // the scenario: 3 + 1 (merged) + 1 supervision cancelled + 1 inspection refused; 1 cancelled + 1 revoked; 2 forms cancelled
      expect(db).toMatchObject({ inspection: 6, assessment: 2, forms: 2, trainings: 1, returned: 2 });
      const office = await as('office');
      const res = await office.get(url());
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe(DOCX);
      const text = (await readDocx(res.rawPayload)).paragraphs.join('\n');
      expect(text).toContain(`已整改督查检查事项${db.inspection}项、评比考核事项${db.assessment}项、减少报表填写事项${db.forms}项、制止指派教师参加与教育教学无关的培训${db.trainings}次，清退抽调借用教师${db.returned}人。`);
      expect(text).toContain('清退抽调借用教师2人');
      expect(text).toContain(`合计为教师减少非教学工作负担约${db.hours}小时`);
      expect(text).toContain('上述整改事项中，清理存量事项8项，审批中不予批准、撤销或合并新增事项2项。');
      // inventory: every decision as counted
      expect(text).toContain(`共登记${db.baselineTotal}项`);
      expect(text).toContain(`保留${db.decisions.keep}项、合并${db.decisions.merge}项、取消${db.decisions.cancel}项，${db.decisions.pending}项尚在审核`);
      // measures: the meeting against the previous period, the approvals, the clearance list
      expect(text).toContain('召开涉校会议1次（其中视频会议1次），上一同期0次，增加1次');
      expect(text).toContain('受理申请2项（其中一事一报2项），审批通过1项，退回修改0项，不予批准1项');
      expect(text).toContain('清单在册3人，已返回原学校2人，仍在借用1人');
      // publicity: the county's hotline and mailbox
      expect(text).toContain('向社会公开监督电话0571-12345678和监督信箱jf@example.cn');
      // no leadership group yet, and no complaints source: both left out
      expect(text).not.toContain('领导小组名单');
      expect(text).not.toContain('投诉举报');
      expect(text).toMatch(/^余教减报〔\d{4}〕\d+号/);
    });

    it('writes the leadership roster once the bureau has its group, and keeps the number when generated again', async () => {
      const office = await as('office');
      const first = await office.get(url());
      const put = await office.request('PUT', `/api/v1/orgs/${t.fx.bureau.id}/leadership/teacher_burden`, {
        name: '余杭区教育系统减轻中小学教师负担工作领导小组',
        officeLocation: '办公室设在区教育局人事科',
        officeDirector: '王秀英',
        members: [
          { role: 'leader', name: '张局长', post: '区教育局局长' },
          { role: 'deputy', name: '李副局长', post: '区教育局副局长' },
          { role: 'member', name: '赵科长', post: '人事科科长' },
          { role: 'member', name: '钱科长', post: '基础教育科科长' },
        ],
      });
      expect(put.statusCode, put.body).toBe(200);
      const second = await office.get(url());
      const p = (await readDocx(second.rawPayload)).paragraphs;
      expect(p).toContain('一、加强工作领导，提高认识和政治站位');
      expect(p.join('\n')).toContain('成立余杭区教育系统减轻中小学教师负担工作领导小组');
      expect(p).toContain('组　长：张局长　区教育局局长');
      expect(p).toContain('副组长：李副局长　区教育局副局长');
      expect(p).toContain('成　员：赵科长　人事科科长');
      expect(p).toContain('　　　　钱科长　基础教育科科长');
      expect(p).toContain('领导小组办公室设在区教育局人事科，王秀英任办公室主任，具体负责日常工作。');
      expect(second.headers['x-document-number']).toBe(first.headers['x-document-number']);
      const issue = await t.deps.db.selectFrom('report_issues').selectAll().where('org_id', '=', t.fx.county.id).executeTakeFirstOrThrow();
      expect(issue.generations).toBeGreaterThanOrEqual(2);
      expect(decodeURIComponent(String(second.headers['x-document-number']))).toBe(issue.doc_no);
      const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'report.export').where('object_id', '=', String(issue.id)).execute();
      expect(audit.length).toBe(issue.generations);
      expect(audit[0]!.actor_username).toBe(t.fx.users.office);
      expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ type: 'county-stage', orgId: t.fx.county.id, docNo: issue.doc_no });
    });

    it('leaves out every section whose data does not exist in the period', async () => {
      const empty = await getReport(systemCtx(t.deps), { type: 'county-stage', orgId: t.fx.county.id, from: '2001-01-01', to: '2001-12-31' });
      const headings = empty.doc.blocks.filter((b) => b.kind === 'h1').map((b) => b.text);
      // the roster and the hotline exist whatever the period; nothing else does in 2001
      expect(headings).toEqual(['一、加强工作领导，提高认识和政治站位', '二、加强宣传引导，主动接受社会监督']);
      const text = empty.doc.blocks.map((b) => b.text).join('\n');
      expect(text).not.toContain('清退');
      expect(text).not.toContain('已整改');
      expect(text).not.toContain('全面登记');
      // a period ending the day before every event: results and measures are left out too
      const before = await getReport(systemCtx(t.deps), { type: 'county-stage', orgId: t.fx.county.id, from: addDays(sc.today, -30), to: addDays(sc.today, -1) });
      expect(before.report.type === 'county-stage' && before.report.facts.results.teachersReturned).toBe(0);
      expect(before.doc.blocks.some((b) => b.text.includes('整治效果明显'))).toBe(false);
    });

    it('reports for the bureau as for its county, and refuses other kinds of org', async () => {
      const byBureau = await getReport(systemCtx(t.deps), { type: 'county-stage', orgId: t.fx.bureau.id, from: sc.from, to: sc.to });
      expect(byBureau.doc.title).toBe('教育局关于减轻中小学教师负担工作阶段性进展情况的报告');
      expect(byBureau.report.type === 'county-stage' && byBureau.report.facts.results.teachersReturned).toBe(2);
      await expect(getReport(systemCtx(t.deps), { type: 'county-stage', orgId: t.fx.schoolA.id, from: sc.from, to: sc.to })).rejects.toMatchObject({ code: 'REPORT_ORG_INVALID' });
      await expect(getReport(systemCtx(t.deps), { type: 'school-plan', orgId: t.fx.county.id, from: sc.from, to: sc.to })).rejects.toMatchObject({ code: 'REPORT_ORG_INVALID' });
    });

    it('counts the complaints the cases module received and closed in the period', async () => {
      const office = await as('office');
      const entered = await office.post('/api/v1/cases', { channel: 'hotline', category: 'repeated_forms', targetOrgId: t.fx.schoolA.id, text: '学校一周内三次要求教师重复填报同一张信息表。', receivedOn: sc.from, anonymous: true });
      expect(entered.statusCode, entered.body).toBe(201);
      const counted = await t.deps.db.selectFrom('cases').select((eb) => eb.fn.countAll().as('n')).where('received_on', '>=', sc.from).where('received_on', '<=', sc.to).executeTakeFirstOrThrow();
      const text = (await readDocx((await office.get(url())).rawPayload)).paragraphs.join('\n');
      expect(text).toContain(`受理教师和群众投诉举报${Number(counted.n)}件，办结0件。`);
    });
  });
}
