import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../domain/register/schoolYear';
import { chinaToday } from '../../../domain/time';
import { makeSchool } from '../../demo/factories';
import { useTestApp } from '../../testing/app';
import { loggedIn, type TestClient } from '../../testing/client';
import { DIALECTS } from '../../testing/db';
import { TEST_PASSWORD } from '../../testing/fixture';
import { collectionHoursSaved } from './open';
import { TEMPLATE_HEADERS, templateXlsx } from './testkit';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function submitBody(extra: Record<string, unknown> = {}) {
  const today = chinaToday();
  return {
    legalBasis: '《教育统计管理规定》',
    windowStart: addDays(today, 1),
    windowEnd: addDays(today, 20),
    announcedAt: today,
    planned: false,
    adhoc: { reason: '上级临时部署', urgency: 'normal' },
    approvalNo: '余统制〔2026〕5号',
    validUntil: addDays(today, 60),
    statsOfficeFiled: true,
    ...extra,
  };
}

for (const dialect of DIALECTS) {
  describe(`collection requests, filling and files [${dialect}]`, () => {
    const t = useTestApp(dialect);
    const sessions = new Map<string, Promise<TestClient>>();
    const as = (u: keyof typeof t.fx.users) => {
      if (!sessions.has(u)) sessions.set(u, loggedIn(t.app, t.fx.users[u], TEST_PASSWORD));
      return sessions.get(u)!;
    };
    const uploadTemplate = async (c: TestClient, title: string) =>
      c.request('POST', `/api/v1/collections?title=${encodeURIComponent(title)}&fileName=${encodeURIComponent('教师情况表.xlsx')}`, await templateXlsx(), { headers: { 'content-type': XLSX } });

    async function approve(itemId: number) {
      expect((await (await as('office')).post(`/api/v1/items/${itemId}/review`, { decision: 'pass' })).statusCode).toBe(200);
      const ap = await (await as('leader')).post(`/api/v1/items/${itemId}/approve`, {});
      expect(ap.statusCode, ap.body).toBe(200);
    }

    let collectionId = 0;
    let itemId = 0;

    it('uploads a template: columns matched, reuse ratio over the population, schools outside the region refused', async () => {
      const section = await as('section');
      const res = await uploadTemplate(section, '2026年教师情况统计');
      expect(res.statusCode, res.body).toBe(201);
      const c = res.json();
      collectionId = c.id;
      expect(c.status).toBe('draft');
      expect(c.columns.map((x: { header: string }) => x.header)).toEqual(TEMPLATE_HEADERS);
      expect(c.columns.map((x: { field: string | null }) => x.field)).toEqual(['teacher.name', 'teacher.gender', 'teacher.birthDate', 'teacher.mobile', 'teacher.teachingSubject', null]);
      // every school of the region by default: 5 teachers, 5 of 6 columns held
      expect(c.schools.map((s: { id: number }) => s.id).sort()).toEqual([t.fx.schoolA.id, t.fx.schoolB.id].sort());
      expect(c.reuse).toMatchObject({ columns: 6, matched: 5, held: 5, population: 5, cellsTotal: 30, cellsHeld: 25 });
      // population: school A only; the subject column marked as a new field, then restored
      const narrowed = await section.patch(`/api/v1/collections/${c.id}`, { schoolIds: [t.fx.schoolA.id], columns: [{ index: 4, field: null, mode: 'new' }] });
      expect(narrowed.statusCode, narrowed.body).toBe(200);
      expect(narrowed.json().reuse).toMatchObject({ held: 4, population: 3 });
      expect(narrowed.json().columns[4]).toMatchObject({ field: null, mode: 'new', suggested: 'teacher.teachingSubject' });
      const restored = await section.patch(`/api/v1/collections/${c.id}`, { columns: [{ index: 4, field: null, mode: 'auto' }] });
      expect(restored.json().reuse).toMatchObject({ held: 5, population: 3, cellsHeld: 15 });
      expect((await section.patch(`/api/v1/collections/${c.id}`, { columns: [{ index: 5, field: 'school.name', mode: 'manual' }] })).json().error.code).toBe('VALIDATION_FAILED');
      // a school of another county: 404, nothing changed
      const farBureau = (await t.deps.db.selectFrom('orgs').selectAll().where('name', '=', '富阳教育局').executeTakeFirstOrThrow());
      const far = await makeSchool(t.deps, { parent: farBureau, name: '富阳某小学', type: 'primary', seq: 88 });
      expect((await section.patch(`/api/v1/collections/${c.id}`, { schoolIds: [far.id] })).statusCode).toBe(404);
      expect((await t.deps.db.selectFrom('collection_schools').select('school_org_id').where('collection_id', '=', c.id).execute()).map((r) => r.school_org_id)).toEqual([t.fx.schoolA.id]);
      // out of scope: another county's office, a school
      expect((await (await as('otherOffice')).get(`/api/v1/collections/${c.id}`)).statusCode).toBe(404);
      expect((await (await as('otherOffice')).patch(`/api/v1/collections/${c.id}`, { title: '改名' })).statusCode).toBe(404);
      expect((await t.deps.db.selectFrom('collections').select('title').where('id', '=', c.id).executeTakeFirstOrThrow()).title).toBe('2026年教师情况统计');
      expect((await (await as('teacher')).get(`/api/v1/collections/${c.id}`)).statusCode).toBe(404);
    });

    it('goes through register approval as a data_collection item linked to the collection', async () => {
      const section = await as('section');
      const res = await section.post(`/api/v1/collections/${collectionId}/submit`, submitBody());
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'submitted', item: { status: 'submitted' } });
      itemId = res.json().item.id;
      const item = (await (await as('office')).get(`/api/v1/items/${itemId}`)).json();
      expect(item).toMatchObject({ kind: 'data_collection', details: { collectionId, fieldCount: 6 }, schools: [{ id: t.fx.schoolA.id }] });
      expect(item.burden.respondents).toBe(3);
      // the reviewer sees the collection (reuse and overlap) from the item
      const seen = await (await as('office')).get(`/api/v1/collections/by-item/${itemId}`);
      expect(seen.json()).toMatchObject({ id: collectionId, reuse: { held: 5, columns: 6 }, overlap: { max: 0 } });
      expect(seen.json().can).toMatchObject({ edit: false, download: false });
      await approve(itemId);
      const open = (await section.get(`/api/v1/collections/${collectionId}`)).json();
      expect(open.status).toBe('open');
      expect(open.progress).toMatchObject({ done: 0, total: 3 });
      expect(open.hoursSaved).toEqual({ cellsPrefilled: 15, secondsPerCell: 15, hours: Math.round(((15 * 15) / 3600) * 100) / 100 });
      expect(open.can.download).toBe(true);
    });

    it('flags overlap with the last 12 months and requires a justification above the threshold', async () => {
      const section = await as('section');
      const again = (await uploadTemplate(section, '再次统计教师情况')).json();
      const narrowed = (await section.patch(`/api/v1/collections/${again.id}`, { schoolIds: [t.fx.schoolA.id, t.fx.schoolB.id] })).json();
      // same keys; half the schools shared → 1 × 1/2 = 0.5, below 0.6
      expect(narrowed.overlap).toMatchObject({ max: 0.5, threshold: 0.6, requiresJustification: false });
      const same = (await section.patch(`/api/v1/collections/${again.id}`, { schoolIds: [t.fx.schoolA.id] })).json();
      expect(same.overlap).toMatchObject({ max: 1, requiresJustification: true });
      expect(same.overlap.items[0]).toMatchObject({ collectionId, title: '2026年教师情况统计', keyShare: 1, populationShare: 1, sharedKeys: ['teacher.name', 'teacher.gender', 'teacher.birthDate', 'teacher.mobile', 'teacher.teachingSubject'] });
      const refused = await section.post(`/api/v1/collections/${again.id}/submit`, submitBody());
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.code).toBe('JUSTIFICATION_REQUIRED');
      expect(refused.json().error.overlap.items[0].collectionId).toBe(collectionId);
      expect((await t.deps.db.selectFrom('collections').select(['status', 'item_id']).where('id', '=', again.id).executeTakeFirstOrThrow())).toEqual({ status: 'draft', item_id: null });
      const ok = await section.post(`/api/v1/collections/${again.id}/submit`, submitBody({ justification: '省厅要求按新口径重新采集' }));
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ status: 'submitted', justification: '省厅要求按新口径重新采集' });
    });

    it('a teacher fills only the new column on one page, signs the commitment, asks for a correction; the school confirms it', async () => {
      await t.deps.db.updateTable('users').set({ teacher_id: t.fx.teacherIdsA[0]! }).where('username', '=', t.fx.users.teacher).execute();
      const teacher = await as('teacher');
      const tasks = (await teacher.get('/api/v1/collections/tasks')).json();
      expect(tasks.items).toHaveLength(1);
      const rid = tasks.items[0].responseId as number;
      const page = (await teacher.get(`/api/v1/collections/responses/${rid}`)).json();
      expect(page.fields.filter((f: { toType: boolean }) => f.toType).map((f: { header: string }) => f.header)).toEqual(['本学期公开课节数']);
      const mobile = page.fields.find((f: { field: string }) => f.field === 'teacher.mobile');
      const heldSubject = page.fields.find((f: { field: string }) => f.field === 'teacher.teachingSubject').held.value as string;
      const newSubject = heldSubject === '道德与法治' ? '科学' : '道德与法治';
      expect(mobile.held.value).toMatch(/^1\d{2}\*{4}\d{4}$/);
      // teacher B's school is not in the population; another teacher may not open this page
      expect((await (await as('teacherB')).get(`/api/v1/collections/responses/${rid}`)).statusCode).toBe(404);
      const missing = await teacher.post(`/api/v1/collections/responses/${rid}`, { answers: {}, corrections: [], commitment: { accepted: true } });
      expect(missing.json().error.code).toBe('ANSWERS_INVALID');
      const unsigned = await teacher.post(`/api/v1/collections/responses/${rid}`, { answers: { 5: '3' }, corrections: [], commitment: { accepted: false } });
      expect(unsigned.json().error.code).toBe('COMMITMENT_REQUIRED');
      const sent = await teacher.post(`/api/v1/collections/responses/${rid}`, { answers: { 5: '3' }, corrections: [{ index: 4, value: newSubject, note: '本学期改教' }], commitment: { accepted: true } });
      expect(sent.statusCode, sent.body).toBe(200);
      expect(sent.json()).toMatchObject({ status: 'submitted' });
      const stored = await t.deps.db.selectFrom('collection_responses').selectAll().where('id', '=', rid).executeTakeFirstOrThrow();
      expect(stored.commitment_text).toContain('承诺');
      expect(stored.committed_ip).toBe('127.0.0.1');
      expect(stored.committed_at).toBeTruthy();

      const school = await as('school_admin');
      const progress = (await school.get(`/api/v1/collections/${collectionId}/school`)).json();
      expect(progress.progress).toEqual({ done: 1, total: 3 });
      expect(progress.corrections).toHaveLength(1);
      expect(progress.corrections[0]).toMatchObject({ key: 'teacher.teachingSubject', newValue: newSubject, status: 'pending' });
      const reminded = await school.post(`/api/v1/collections/${collectionId}/school/remind`, {});
      expect(reminded.json()).toEqual({ reminded: 2 });
      expect(await t.deps.db.selectFrom('collection_reminders').select('id').where('collection_id', '=', collectionId).execute()).toHaveLength(2);
      // another county's office cannot decide it; the school can
      const cid = progress.corrections[0].id as number;
      expect((await (await as('otherOffice')).post(`/api/v1/collections/corrections/${cid}/decide`, { decision: 'confirm' })).statusCode).toBe(403);
      const confirmed = await school.post(`/api/v1/collections/corrections/${cid}/decide`, { decision: 'confirm' });
      expect(confirmed.statusCode, confirmed.body).toBe(200);
      expect((await school.post(`/api/v1/collections/corrections/${cid}/decide`, { decision: 'reject', reason: 'x' })).statusCode).toBe(409);
      const mv = await t.deps.db.selectFrom('master_values').selectAll().where('subject_id', '=', t.fx.teacherIdsA[0]!).where('subject_type', '=', 'teacher').execute();
      expect(mv.find((v) => v.catalog_key === 'teacher.teachingSubject')).toMatchObject({ value_text: newSubject, source: `collection:${collectionId}` });
      expect((await t.deps.db.selectFrom('teachers').select('subject').where('id', '=', t.fx.teacherIdsA[0]!).executeTakeFirstOrThrow()).subject).toBe(newSubject);
    });

    it('writes the requester’s own template filled from master data: styles, merges, widths kept; exports audited; personal data masked for the school', async () => {
      const section = await as('section');
      const res = await section.get(`/api/v1/collections/${collectionId}/file.xlsx`);
      expect(res.statusCode, res.body).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('教师情况表')!;
      expect(ws.model.merges).toContain('A1:F1');
      expect(ws.getCell('A1').value).toBe('2026年教师情况统计表');
      expect(ws.getColumn(1).width).toBe(10);
      expect(ws.getColumn(6).width).toBe(18);
      expect((ws.getCell(2, 1).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFDDEEFF');
      expect(ws.getRow(2).values).toEqual([undefined, ...TEMPLATE_HEADERS]);
      const teachers = await t.deps.db.selectFrom('teachers').selectAll().where('org_id', '=', t.fx.schoolA.id).orderBy('id').execute();
      expect(teachers).toHaveLength(3);
      teachers.forEach((tr, i) => {
        const row = ws.getRow(3 + i);
        expect(row.getCell(1).value).toBe(tr.name);
        expect(row.getCell(2).value).toBe(tr.gender === 'male' ? '男' : '女');
        expect((row.getCell(3).value as Date).toISOString().slice(0, 10)).toBe(tr.birth_date);
        expect(row.getCell(4).value).toBe(t.deps.fieldCrypto.decrypt(tr.mobile_enc!));
        expect(row.getCell(3).border?.top?.style).toBe('thin');
        expect(row.getCell(3).numFmt).toBe('yyyy-mm-dd');
      });
      expect(ws.getRow(3).getCell(5).value).toBe(teachers[0]!.subject);
      expect(ws.getRow(3).getCell(6).value).toBe('3');
      expect(ws.getRow(4).getCell(6).value).toBeNull();
      const exports = await t.deps.db.selectFrom('audit_log').select(['action', 'after_json']).where('action', '=', 'collection.export').execute();
      expect(exports).toHaveLength(1);
      expect(exports[0]!.after_json).toContain('decrypted');

      // the school gets its rows with phones masked; the leader (not the requester) gets no file
      const schoolRes = await (await as('school_admin')).get(`/api/v1/collections/${collectionId}/school/file.xlsx`);
      expect(schoolRes.statusCode).toBe(200);
      const swb = new ExcelJS.Workbook();
      await swb.xlsx.load(schoolRes.rawPayload as unknown as ArrayBuffer);
      expect(String(swb.getWorksheet('教师情况表')!.getCell(3, 4).value)).toMatch(/^1\d{2}\*{4}\d{4}$/);
      expect((await (await as('leader')).get(`/api/v1/collections/${collectionId}/file.xlsx`)).statusCode).toBe(403);
      expect((await (await as('otherOffice')).get(`/api/v1/collections/${collectionId}/file.xlsx`)).statusCode).toBe(404);
      expect(await t.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'collection.export').execute()).toHaveLength(2);
    });

    it('counts hours saved for the reports module and shows them in the list', async () => {
      const county = await t.deps.db.selectFrom('orgs').select('path').where('id', '=', t.fx.county.id).executeTakeFirstOrThrow();
      const today = chinaToday();
      const saved = await collectionHoursSaved({ db: t.deps.db, orgPath: county.path, from: addDays(today, -1), to: today });
      expect(saved).toEqual({ collections: 1, cellsPrefilled: 15, hours: Math.round(((15 * 15) / 3600) * 100) / 100 });
      expect((await collectionHoursSaved({ db: t.deps.db, orgPath: county.path, from: addDays(today, -30), to: addDays(today, -2) })).collections).toBe(0);
      const list = (await (await as('section')).get('/api/v1/collections')).json();
      expect(list.total).toBe(2);
      expect(list.items.find((i: { id: number }) => i.id === collectionId)).toMatchObject({ status: 'open', progress: { done: 1, total: 3 }, reuse: { held: 5, columns: 6 } });
      expect((await (await as('otherOffice')).get('/api/v1/collections')).json().total).toBe(0);
    });
  });
}
