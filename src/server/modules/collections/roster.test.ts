import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/app';
import { loggedIn, type TestClient } from '../../testing/client';
import { DIALECTS } from '../../testing/db';
import { TEST_PASSWORD } from '../../testing/fixture';
import { insertTeacher } from '../teachers/repo';
import { idOf, rosterXlsx, type TRosterPerson } from './testkit';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

for (const dialect of DIALECTS) {
  describe(`roster import [${dialect}]`, () => {
    const t = useTestApp(dialect);
    const as = (u: keyof typeof t.fx.users) => loggedIn(t.app, t.fx.users[u], TEST_PASSWORD);
    const upload = (c: TestClient, schoolId: number, buf: Buffer) => c.request('POST', `/api/v1/roster/imports?schoolId=${schoolId}&fileName=roster.xlsx`, buf, { headers: { 'content-type': XLSX } });
    const count = async (table: 'teachers' | 'master_values' | 'master_value_history') => Number((await t.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const jobStatus = async (id: number) => (await t.deps.db.selectFrom('roster_imports').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

    it('previews with per-row reasons, refuses "all" while rows are invalid, writes nothing before commit', async () => {
      const school = await as('school_admin');
      const existing = await t.deps.db.selectFrom('teachers').select(['id', 'id_number_enc', 'name']).where('id', '=', t.fx.teacherIdsA[0]!).executeTakeFirstOrThrow();
      const existingId = t.deps.fieldCrypto.decrypt(existing.id_number_enc);
      const good: TRosterPerson = { name: '周晓梅', birthDate: '1986-04-12', seq: 22 };
      const badChecksum = idOf({ birthDate: '1990-01-01', seq: 31 }).slice(0, 17) + (idOf({ birthDate: '1990-01-01', seq: 31 }).endsWith('0') ? '1' : '0');
      const people: TRosterPerson[] = [
        good,
        { name: existing.name, birthDate: `${existingId.slice(6, 10)}-${existingId.slice(10, 12)}-${existingId.slice(12, 14)}`, seq: 0, idNumber: existingId, mobile: '13700001111' },
        { name: '错校验', birthDate: '1990-01-01', seq: 31, idNumber: badChecksum },
        { name: '生日不符', birthDate: '1988-08-08', seq: 41, birthCell: '1988-08-09' },
        { name: '重复者', birthDate: '1986-04-12', seq: 22 },
        { name: '性别不符', birthDate: '1991-02-03', seq: 51, gender: '女' },
        { name: '电话错', birthDate: '1992-03-04', seq: 61, mobile: '1234' },
      ];
      const before = { teachers: await count('teachers'), values: await count('master_values') };
      const res = await upload(school, t.fx.schoolA.id, await rosterXlsx(people));
      expect(res.statusCode, res.body).toBe(201);
      const job = res.json();
      expect(job.status).toBe('preview');
      expect(job.summary).toEqual({ total: 7, valid: 2, invalid: 5, new: 1, updated: 1 });
      const byName = new Map<string, { valid: boolean; action: string; reasons: { zh: string }[]; idNumberMasked: string }>(job.rows.items.map((r: { name: string }) => [r.name, r]));
      expect(byName.get('周晓梅')).toMatchObject({ valid: true, action: 'new' });
      expect(byName.get(existing.name)).toMatchObject({ valid: true, action: 'update' });
      expect(byName.get('错校验')!.reasons[0]!.zh).toContain('身份证件号');
      expect(byName.get('生日不符')!.reasons.map((r) => r.zh).join()).toContain('出生日期');
      expect(byName.get('重复者')!.reasons.map((r) => r.zh).join()).toContain('重复');
      expect(byName.get('性别不符')!.reasons.map((r) => r.zh).join()).toContain('性别');
      expect(byName.get('电话错')!.reasons.map((r) => r.zh).join()).toContain('手机');
      // masked in the list: never the full ID number or phone
      expect(byName.get('周晓梅')!.idNumberMasked).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
      expect(res.body).not.toContain(idOf(good));
      expect(res.body).not.toContain('13912345678');
      expect(await count('teachers')).toBe(before.teachers);
      expect(await count('master_values')).toBe(before.values);

      const all = await school.post(`/api/v1/roster/imports/${job.id}/commit`, { mode: 'all' });
      expect(all.statusCode).toBe(422);
      expect(all.json().error.code).toBe('IMPORT_ROWS_INVALID');
      expect(all.json().error.rows.length).toBe(5);
      expect(await jobStatus(job.id)).toBe('preview');
      expect(await count('teachers')).toBe(before.teachers);

      // the error report: an Excel row per rejected row with its reason, the export audited
      const report = await school.get(`/api/v1/roster/imports/${job.id}/errors.xlsx`);
      expect(report.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      expect(ws.rowCount).toBe(6);
      expect(String(ws.getCell(2, 4).value)).toMatch(/身份证件号/);
      const audited = await t.deps.db.selectFrom('audit_log').select('action').where('object_type', '=', 'roster_import').where('object_id', '=', String(job.id)).execute();
      expect(audited.map((a) => a.action).sort()).toEqual(['roster.error_report', 'roster.preview']);

      // valid only: one new teacher, one updated, values with their source, the audit row in the same commit
      const ok = await school.post(`/api/v1/roster/imports/${job.id}/commit`, { mode: 'valid' });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().result).toMatchObject({ created: 1, updated: 1, skipped: 5 });
      expect(await count('teachers')).toBe(before.teachers + 1);
      const added = await t.deps.db.selectFrom('teachers').selectAll().where('id_number_hmac', '=', t.deps.fieldCrypto.lookupHash(idOf(good))).executeTakeFirstOrThrow();
      expect(added).toMatchObject({ org_id: t.fx.schoolA.id, name: '周晓梅', gender: 'female', birth_date: '1986-04-12', subject: '语文' });
      const values = await t.deps.db.selectFrom('master_values').selectAll().where('subject_type', '=', 'teacher').where('subject_id', '=', added.id).execute();
      expect(values.every((v) => v.source === `roster_import:${job.id}`)).toBe(true);
      const idRow = values.find((v) => v.catalog_key === 'teacher.idNumber')!;
      expect(idRow.value_text).toBeNull();
      expect(t.deps.fieldCrypto.decrypt(idRow.value_enc!)).toBe(idOf(good));
      expect(idRow.value_masked).toMatch(/^\d{3}\*+/);
      const updated = await t.deps.db.selectFrom('teachers').select(['mobile_masked']).where('id', '=', existing.id).executeTakeFirstOrThrow();
      expect(updated.mobile_masked).toBe('137****1111');
      expect((await school.post(`/api/v1/roster/imports/${job.id}/commit`, { mode: 'valid' })).statusCode).toBe(409);
      expect(await t.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'roster.commit').where('object_id', '=', String(job.id)).execute()).toHaveLength(1);
    });

    it('re-import updates changed values and keeps their history; unchanged values keep their source', async () => {
      const office = await as('office');
      const p: TRosterPerson = { name: '韩冬', birthDate: '1984-11-30', seq: 71, mobile: '13600001234' };
      const first = (await upload(office, t.fx.schoolB.id, await rosterXlsx([p]))).json();
      expect((await office.post(`/api/v1/roster/imports/${first.id}/commit`, { mode: 'all' })).statusCode).toBe(200);
      const teacher = await t.deps.db.selectFrom('teachers').select('id').where('id_number_hmac', '=', t.deps.fieldCrypto.lookupHash(idOf(p))).executeTakeFirstOrThrow();
      const second = (await upload(office, t.fx.schoolB.id, await rosterXlsx([{ ...p, mobile: '13600005678', subject: '数学' }]))).json();
      expect(second.summary).toMatchObject({ new: 0, updated: 1 });
      expect((await office.post(`/api/v1/roster/imports/${second.id}/commit`, { mode: 'all' })).statusCode).toBe(200);
      const now = await t.deps.db.selectFrom('master_values').selectAll().where('subject_id', '=', teacher.id).where('subject_type', '=', 'teacher').execute();
      const of = (k: string) => now.find((v) => v.catalog_key === k)!;
      expect(of('teacher.teachingSubject')).toMatchObject({ value_text: '数学', source: `roster_import:${second.id}` });
      expect(of('teacher.mobile').value_masked).toBe('136****5678');
      expect(of('teacher.name').source).toBe(`roster_import:${first.id}`);
      const history = await t.deps.db.selectFrom('master_value_history').selectAll().where('subject_id', '=', teacher.id).orderBy('catalog_key').execute();
      expect(history.map((h) => h.catalog_key)).toEqual(['teacher.mobile', 'teacher.teachingSubject']);
      expect(history[1]).toMatchObject({ value_text: '语文', source: `roster_import:${first.id}`, superseded_by_source: `roster_import:${second.id}` });
      expect(t.deps.fieldCrypto.decrypt(history[0]!.value_enc!)).toBe('13600001234');
      // the teacher's master data, masked, with source and history
      const md = await office.get(`/api/v1/teachers/${teacher.id}/master-data`);
      expect(md.statusCode).toBe(200);
      expect(md.json().values.find((v: { key: string }) => v.key === 'teacher.mobile').value).toBe('136****5678');
      expect(md.json().history).toHaveLength(2);
      expect(md.body).not.toContain('13600005678');
    });

    it('rolls the whole commit back when a row fails on the way', async () => {
      const school = await as('school_admin');
      const a: TRosterPerson = { name: '先写入', birthDate: '1987-05-06', seq: 81 };
      const b: TRosterPerson = { name: '后冲突', birthDate: '1989-07-08', seq: 91 };
      const job = (await upload(school, t.fx.schoolA.id, await rosterXlsx([a, b]))).json();
      expect(job.summary).toMatchObject({ valid: 2, new: 2 });
      // meanwhile the second teacher is registered at another school
      await insertTeacher(t.deps.db, t.deps.fieldCrypto, { orgId: t.fx.schoolB.id, name: '后冲突', idNumber: idOf(b) });
      const [teachers, values, audits] = [await count('teachers'), await count('master_values'), await t.deps.db.selectFrom('audit_log').select('id').execute()];
      const res = await school.post(`/api/v1/roster/imports/${job.id}/commit`, { mode: 'valid' });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.rows[0].zh).toContain('其他学校');
      expect(await count('teachers')).toBe(teachers);
      expect(await count('master_values')).toBe(values);
      expect(await t.deps.db.selectFrom('teachers').select('id').where('id_number_hmac', '=', t.deps.fieldCrypto.lookupHash(idOf(a))).execute()).toHaveLength(0);
      expect(await jobStatus(job.id)).toBe('preview');
      expect(await t.deps.db.selectFrom('audit_log').select('id').execute()).toHaveLength(audits.length);
    });

    it('scopes imports: own school only for a school admin, the region for the office, 404 elsewhere (database unchanged)', async () => {
      const school = await as('school_admin');
      const buf = await rosterXlsx([{ name: '越界', birthDate: '1990-10-10', seq: 101 }]);
      expect((await upload(school, t.fx.schoolB.id, buf)).statusCode).toBe(404);
      const other = await as('otherOffice');
      expect((await upload(other, t.fx.schoolA.id, buf)).statusCode).toBe(404);
      expect((await upload(await as('teacher'), t.fx.schoolA.id, buf)).statusCode).toBe(403);
      expect((await upload(await as('section'), t.fx.schoolA.id, buf)).statusCode).toBe(404);
      // JSON with base64 works too
      const job = await school.post(`/api/v1/roster/imports?schoolId=${t.fx.schoolA.id}`, { fileName: 'r.xlsx', contentBase64: buf.toString('base64') });
      expect(job.statusCode, job.body).toBe(201);
      const id = job.json().id as number;
      expect((await other.get(`/api/v1/roster/imports/${id}`)).statusCode).toBe(404);
      expect((await other.post(`/api/v1/roster/imports/${id}/commit`, { mode: 'all' })).statusCode).toBe(404);
      expect((await other.get(`/api/v1/roster/imports/${id}/errors.xlsx`)).statusCode).toBe(404);
      expect(await jobStatus(id)).toBe('preview');
      expect(await t.deps.db.selectFrom('teachers').select('id').where('name', '=', '越界').execute()).toHaveLength(0);
      // bad files get a clear error and nothing else happens
      const junk = await school.request('POST', `/api/v1/roster/imports?schoolId=${t.fx.schoolA.id}`, Buffer.from('not a spreadsheet'), { headers: { 'content-type': XLSX } });
      expect(junk.statusCode).toBe(422);
      expect(junk.json().error.zh).toBeTruthy();
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('x').addRow(['学校', '地址']);
      const noCols = await upload(school, t.fx.schoolA.id, Buffer.from(await wb.xlsx.writeBuffer()));
      expect(noCols.json().error.code).toBe('ROSTER_COLUMNS_MISSING');
      expect((await school.post(`/api/v1/roster/imports/${id}/commit`, { mode: 'sideways' })).statusCode).toBe(400);
    });
  });
}
