/**
 * Uses of approved items recorded by the school (`item_uses`): the school view and its export
 * count them against the item's cap; past the cap a use is refused; only the school's
 * administrator records them, only for approved items that reach the school, within the window.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../domain/register/schoolYear';
import { chinaToday } from '../../../domain/time';
import { useTestApp } from '../../testing/app';
import { loggedIn, type TestClient } from '../../testing/client';
import { DIALECTS } from '../../testing/db';
import { TEST_PASSWORD } from '../../testing/fixture';
import { itemInput } from '../../testing/items';

for (const dialect of DIALECTS) {
  describe(`school: uses against caps [${dialect}]`, () => {
    const t = useTestApp(dialect);
    const sessions = new Map<string, Promise<TestClient>>();
    const as = (u: keyof typeof t.fx.users) => {
      if (!sessions.has(u)) sessions.set(u, loggedIn(t.app, t.fx.users[u], TEST_PASSWORD));
      return sessions.get(u)!;
    };
    const today = chinaToday();
    /** An approved training (no notice period) for the listed schools, starting today: every use below is dated today, in one year. */
    async function approved(schoolIds: number[], o: { frequencyCap?: number; startInDays?: number } = {}) {
      const section = await as('section');
      const input = itemInput('training', { startInDays: o.startInDays ?? 0, targetScope: { mode: 'list', schoolIds, roles: ['teacher'] }, ...(o.frequencyCap ? { frequencyCap: o.frequencyCap } : {}) });
      const id = (await section.post('/api/v1/items', input)).json().id as number;
      expect((await section.post(`/api/v1/items/${id}/submit`)).statusCode).toBe(200);
      expect((await (await as('office')).post(`/api/v1/items/${id}/review`, { decision: 'pass' })).statusCode).toBe(200);
      const ap = await (await as('leader')).post(`/api/v1/items/${id}/approve`, {});
      expect(ap.statusCode, ap.body).toBe(200);
      return id;
    }
    const usesInDb = async (itemId: number) => Number((await t.deps.db.selectFrom('item_uses').select((eb) => eb.fn.countAll<number>().as('n')).where('item_id', '=', itemId).executeTakeFirstOrThrow()).n);
    const viewOf = async (u: 'school_admin' | 'teacher') => (await (await as(u)).get('/api/v1/school/items')).json() as { canRecordUse: boolean; usesYear: number; items: { id: number; admissionNo: string; uses: number; frequencyCap: number | null }[] };

    it('records real uses: the view counts them against the cap, the third of a cap of 2 is refused, each use audited', async () => {
      const id = await approved([t.fx.schoolA.id], { frequencyCap: 2 });
      const school = await as('school_admin');
      let view = await viewOf('school_admin');
      expect(view.canRecordUse).toBe(true);
      expect(view.usesYear).toBe(Number(today.slice(0, 4)));
      // nothing is invented: an item whose window has started has 0 uses until the school records one
      expect(view.items.find((i) => i.id === id)).toMatchObject({ uses: 0, frequencyCap: 2 });

      const first = await school.post(`/api/v1/school/items/${id}/uses`, { usedOn: today, note: ' 第一次 ' });
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json()).toMatchObject({ itemId: id, usedOn: today, note: '第一次', uses: 1, frequencyCap: 2 });
      expect((await school.post(`/api/v1/school/items/${id}/uses`, { usedOn: today })).json()).toMatchObject({ uses: 2 });
      view = await viewOf('school_admin');
      expect(view.items.find((i) => i.id === id)).toMatchObject({ uses: 2, frequencyCap: 2 });
      // a teacher sees the same count, and may not record
      const tv = await viewOf('teacher');
      expect(tv.canRecordUse).toBe(false);
      expect(tv.items.find((i) => i.id === id)?.uses).toBe(2);

      const third = await school.post(`/api/v1/school/items/${id}/uses`, { usedOn: today });
      expect(third.statusCode).toBe(409);
      const err = third.json().error;
      expect(err).toMatchObject({ code: 'USE_CAP_EXCEEDED', cap: 2, uses: 2 });
      expect(err.zh).toContain('拒绝未登记事项');
      expect(err.en).toContain('Refuse an unregistered demand');
      expect(await usesInDb(id)).toBe(2);

      const stored = await t.deps.db.selectFrom('item_uses').selectAll().where('item_id', '=', id).orderBy('id').execute();
      expect(stored.map((r) => [r.school_org_id, r.used_on, r.note])).toEqual([
        [t.fx.schoolA.id, today, '第一次'],
        [t.fx.schoolA.id, today, null],
      ]);
      expect(stored.every((r) => typeof r.recorded_by === 'number' && r.created_at.endsWith('Z'))).toBe(true);
      const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'actor_username', 'after_json']).where('action', '=', 'item.use').where('object_id', '=', String(id)).orderBy('id').execute();
      expect(audit).toHaveLength(2);
      expect(audit.every((a) => a.actor_username === t.fx.users.school_admin)).toBe(true);
      expect(JSON.parse(String(audit[1]!.after_json))).toMatchObject({ usedOn: today, uses: 2, cap: 2 });
    });

    it('two uses recorded at once for the last place under the cap: one is recorded, the other refused', async () => {
      const id = await approved([t.fx.schoolA.id], { frequencyCap: 1 });
      const a = await as('school_admin');
      const b = await loggedIn(t.app, t.fx.users.school_admin, TEST_PASSWORD);
      const both = await Promise.all([a.post(`/api/v1/school/items/${id}/uses`, { usedOn: today }), b.post(`/api/v1/school/items/${id}/uses`, { usedOn: today })]);
      expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      expect(await usesInDb(id)).toBe(1);
    });

    it('an item without a cap counts uses without limit', async () => {
      const id = await approved([t.fx.schoolA.id, t.fx.schoolB.id]);
      const school = await as('school_admin');
      for (let i = 0; i < 3; i++) expect((await school.post(`/api/v1/school/items/${id}/uses`, { usedOn: today })).statusCode).toBe(201);
      expect((await viewOf('school_admin')).items.find((i) => i.id === id)).toMatchObject({ uses: 3, frequencyCap: null });
      // school B's count is its own
      const teacherB = await loggedIn(t.app, t.fx.users.teacherB, TEST_PASSWORD);
      const viewB = (await teacherB.get('/api/v1/school/items')).json() as { items: { id: number; uses: number }[] };
      expect(viewB.items.find((i) => i.id === id)?.uses).toBe(0);
    });

    it("another school's item, a draft, an unknown id: 404; a teacher or a section: 403; nothing recorded", async () => {
      const school = await as('school_admin');
      const onlyB = await approved([t.fx.schoolB.id], { frequencyCap: 5 });
      expect((await school.post(`/api/v1/school/items/${onlyB}/uses`, { usedOn: today })).statusCode).toBe(404);
      const draft = (await (await as('section')).post('/api/v1/items', itemInput('training', { startInDays: 0, targetScope: { mode: 'list', schoolIds: [t.fx.schoolA.id], roles: ['teacher'] } }))).json().id as number;
      expect((await school.post(`/api/v1/school/items/${draft}/uses`, { usedOn: today })).statusCode).toBe(404);
      expect((await school.post('/api/v1/school/items/999999/uses', { usedOn: today })).statusCode).toBe(404);

      const mine = await approved([t.fx.schoolA.id], { frequencyCap: 5 });
      const byTeacher = await (await as('teacher')).post(`/api/v1/school/items/${mine}/uses`, { usedOn: today });
      expect(byTeacher.statusCode).toBe(403);
      expect(byTeacher.json().error.code).toBe('FORBIDDEN');
      expect((await (await as('section')).post(`/api/v1/school/items/${mine}/uses`, { usedOn: today })).statusCode).toBe(403);
      expect((await (await as('sysadmin')).post(`/api/v1/school/items/${mine}/uses`, { usedOn: today })).json().error.code).toBe('SEPARATION_OF_DUTIES');
      for (const id of [onlyB, draft, mine]) expect(await usesInDb(id)).toBe(0);
      expect(await t.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'item.use').where('object_id', 'in', [String(onlyB), String(draft), String(mine)]).execute()).toEqual([]);
    });

    it('a use is dated within the window and not in the future; a bad body is 400', async () => {
      const id = await approved([t.fx.schoolA.id], { frequencyCap: 5 });
      const school = await as('school_admin');
      for (const usedOn of [addDays(today, -1), addDays(today, 1)]) {
        const res = await school.post(`/api/v1/school/items/${id}/uses`, { usedOn });
        expect(res.statusCode, usedOn).toBe(422);
        expect(res.json().error.code).toBe('USE_DATE_INVALID');
      }
      const later = await approved([t.fx.schoolA.id], { frequencyCap: 5, startInDays: 3 });
      expect((await school.post(`/api/v1/school/items/${later}/uses`, { usedOn: today })).json().error.code).toBe('USE_DATE_INVALID');
      expect((await school.post(`/api/v1/school/items/${id}/uses`, { usedOn: '2026-13-01' })).statusCode).toBe(400);
      expect((await school.post(`/api/v1/school/items/${id}/uses`, {})).statusCode).toBe(400);
      expect(await usesInDb(id)).toBe(0);
      expect(await usesInDb(later)).toBe(0);
    });

    it("exports the school's list with uses against caps, Chinese headers and real dates; audited", async () => {
      const id = await approved([t.fx.schoolA.id], { frequencyCap: 3 });
      const school = await as('school_admin');
      expect((await school.post(`/api/v1/school/items/${id}/uses`, { usedOn: today })).statusCode).toBe(201);
      const res = await school.get('/api/v1/school/items/export.xlsx');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('本校进校事项-甲小学');
      const view = await viewOf('school_admin');
      expect(res.headers['x-total-rows']).toBe(String(view.items.length));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['准入编号', '核验码', '类别', '事项名称', '开始日期', '结束日期', '撤销生效日期', '本年已开展（次）', '每校每年次数上限']);
      expect(ws.getColumn(4).width).toBe(40);
      expect(ws.rowCount).toBe(view.items.length + 1);
      const rows = Array.from({ length: ws.rowCount - 1 }, (_, i) => (ws.getRow(i + 2).values as unknown[]).slice(1));
      const row = rows.find((r) => r[0] === view.items.find((i) => i.id === id)?.admissionNo)!;
      expect(row[2]).toBe('培训');
      expect(row[4]).toBeInstanceOf(Date);
      expect((row[4] as Date).toISOString().slice(0, 10)).toBe(today);
      expect(row.slice(7, 9)).toEqual([1, 3]);
      const audit = await t.deps.db.selectFrom('audit_log').select(['actor_username', 'after_json']).where('action', '=', 'school_item.export').execute();
      expect(audit).toHaveLength(1);
      expect(JSON.parse(String(audit[0]!.after_json))).toMatchObject({ rows: view.items.length });
      // the register's staff have no school view
      expect((await (await as('section')).get('/api/v1/school/items/export.xlsx')).statusCode).toBe(403);
    });
  });
}
