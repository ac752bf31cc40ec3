import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { label } from '../../../domain/i18n';
import { addDays } from '../../../domain/register/schoolYear';
import { chinaToday } from '../../../domain/time';
import { useTestApp } from '../../testing/app';
import { loggedIn, type TestClient } from '../../testing/client';
import { DIALECTS } from '../../testing/db';
import { firstSheet } from '../../testing/xlsx';
import { TEST_PASSWORD } from '../../testing/fixture';
import { templateXlsx } from './testkit';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MB20 = 20 * 1024 * 1024;

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
    justification: '按新口径采集',
    ...extra,
  };
}


for (const dialect of DIALECTS) {
  describe(`collections: upload size, atomic submit, closing, list export [${dialect}]`, () => {
    const t = useTestApp(dialect);
    const sessions = new Map<string, Promise<TestClient>>();
    const as = (u: keyof typeof t.fx.users) => {
      if (!sessions.has(u)) sessions.set(u, loggedIn(t.app, t.fx.users[u], TEST_PASSWORD));
      return sessions.get(u)!;
    };
    const count = async (table: 'collections' | 'items' | 'item_events') => Number((await t.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const auditCount = async (action: string) => (await t.deps.db.selectFrom('audit_log').select('id').where('action', '=', action).execute()).length;

    /** A draft over school A (3 teachers). */
    async function draft(title: string): Promise<number> {
      const section = await as('section');
      const res = await section.request('POST', `/api/v1/collections?title=${encodeURIComponent(title)}&fileName=t.xlsx`, await templateXlsx(), { headers: { 'content-type': XLSX } });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().id as number;
      expect((await section.patch(`/api/v1/collections/${id}`, { schoolIds: [t.fx.schoolA.id] })).statusCode).toBe(200);
      return id;
    }
    /** Submitted, reviewed and approved: open on the next look. Returns the item id. */
    async function approved(id: number): Promise<number> {
      const sub = await (await as('section')).post(`/api/v1/collections/${id}/submit`, submitBody());
      expect(sub.statusCode, sub.body).toBe(200);
      const itemId = sub.json().item.id as number;
      expect((await (await as('office')).post(`/api/v1/items/${itemId}/review`, { decision: 'pass' })).statusCode).toBe(200);
      const ap = await (await as('leader')).post(`/api/v1/items/${itemId}/approve`, {});
      expect(ap.statusCode, ap.body).toBe(200);
      return itemId;
    }
    /** The teacher's response in a collection (opening it first, as the teacher's task list does). */
    async function responseOf(collectionId: number): Promise<number> {
      const tasks = (await (await as('teacher')).get('/api/v1/collections/tasks')).json();
      const task = tasks.items.find((x: { collectionId: number }) => x.collectionId === collectionId);
      expect(task).toBeTruthy();
      return task.responseId as number;
    }
    const answer = { answers: { 5: '2' }, corrections: [], commitment: { accepted: true } };

    it('answers an upload over 20 MB with the file error naming 20 MB, whether raw, as base64 or past the body limit', async () => {
      const section = await as('section');
      const before = await count('collections');
      const over = Buffer.alloc(MB20 + 1, 0x50);
      const raw = await section.request('POST', '/api/v1/collections?fileName=big.xlsx', over, { headers: { 'content-type': XLSX } });
      expect([raw.statusCode, raw.json().error.code]).toEqual([413, 'FILE_TOO_LARGE']);
      expect(raw.json().error.zh).toContain('20 MB');
      expect(raw.json().error.en).toContain('20 MB');
      const json = await section.post('/api/v1/collections', { fileName: 'big.xlsx', contentBase64: over.toString('base64') });
      expect([json.statusCode, json.json().error.code]).toEqual([413, 'FILE_TOO_LARGE']);
      // past the route's body limit (30 MB) Fastify refuses the body before the handler: still the file error
      const huge = Buffer.alloc(31 * 1024 * 1024, 0x50);
      const refused = await section.request('POST', '/api/v1/collections?fileName=huge.xlsx', huge, { headers: { 'content-type': XLSX } });
      expect([refused.statusCode, refused.json().error.code]).toEqual([413, 'FILE_TOO_LARGE']);
      const roster = await (await as('school_admin')).request('POST', `/api/v1/roster/imports?schoolId=${t.fx.schoolA.id}`, huge, { headers: { 'content-type': XLSX } });
      expect([roster.statusCode, roster.json().error.code]).toEqual([413, 'FILE_TOO_LARGE']);
      // other routes keep the generic answer for an oversized body
      const generic = await section.request('PATCH', '/api/v1/collections/1', { title: 'x'.repeat(1024 * 1024 + 10) });
      expect(generic.json().error.code).toBe('PAYLOAD_TOO_LARGE');
      expect(await count('collections')).toBe(before);
    });

    it('submits atomically: a failure in the last step leaves no item, no link, no events, no audit rows', async () => {
      const id = await draft('原子提交测试');
      const items = await count('items');
      const events = await count('item_events');
      const audits = await Promise.all(['item.create', 'item.submit', 'collection.link_item', 'collection.submit'].map(auditCount));
      // the database refuses the collection's move to `submitted`: the very last write of the submit
      if (dialect === 'postgres') {
        await sql`CREATE FUNCTION jf_fail_submit() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql`.execute(t.deps.db);
        await sql`CREATE TRIGGER jf_fail_submit BEFORE UPDATE ON collections FOR EACH ROW WHEN (NEW.status = 'submitted') EXECUTE FUNCTION jf_fail_submit()`.execute(t.deps.db);
      } else {
        await sql`CREATE TRIGGER jf_fail_submit BEFORE UPDATE ON collections FOR EACH ROW WHEN NEW.status = 'submitted' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`.execute(t.deps.db);
      }
      try {
        const res = await (await as('section')).post(`/api/v1/collections/${id}/submit`, submitBody());
        expect(res.statusCode).toBe(500);
      } finally {
        await sql`DROP TRIGGER jf_fail_submit${sql.raw(dialect === 'postgres' ? ' ON collections' : '')}`.execute(t.deps.db);
        if (dialect === 'postgres') await sql`DROP FUNCTION jf_fail_submit()`.execute(t.deps.db);
      }
      expect(await t.deps.db.selectFrom('collections').select(['status', 'item_id']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ status: 'draft', item_id: null });
      expect(await count('items')).toBe(items);
      expect(await count('item_events')).toBe(events);
      expect(await Promise.all(['item.create', 'item.submit', 'collection.link_item', 'collection.submit'].map(auditCount))).toEqual(audits);
      // the same submit, once the database lets it through, does it all once
      const ok = await (await as('section')).post(`/api/v1/collections/${id}/submit`, submitBody());
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ status: 'submitted', item: { status: 'submitted' } });
      expect(await count('items')).toBe(items + 1);
      expect(await Promise.all(['item.create', 'item.submit', 'collection.link_item', 'collection.submit'].map(auditCount))).toEqual(audits.map((n) => n + 1));
    });

    let completedId = 0;
    let expiredId = 0;

    it('takes answers while the item is live, and closes once it is completed: answers refused, the final file still there', async () => {
      await t.deps.db.updateTable('users').set({ teacher_id: t.fx.teacherIdsA[0]! }).where('username', '=', t.fx.users.teacher).execute();
      completedId = await draft('办结后关闭');
      const itemId = await approved(completedId);
      const rid = await responseOf(completedId);
      const sent = await (await as('teacher')).post(`/api/v1/collections/responses/${rid}`, answer);
      expect(sent.statusCode, sent.body).toBe(200);
      expect((await (await as('section')).post(`/api/v1/items/${itemId}/complete`, {})).statusCode).toBe(200);

      const again = await (await as('teacher')).post(`/api/v1/collections/responses/${rid}`, answer);
      expect([again.statusCode, again.json().error.code, again.json().error.reason]).toEqual([409, 'COLLECTION_CLOSED', 'completed']);
      expect(again.json().error.zh).toContain('已结束');
      const row = await t.deps.db.selectFrom('collections').select(['status', 'closed_at']).where('id', '=', completedId).executeTakeFirstOrThrow();
      expect(row.status).toBe('closed');
      expect(row.closed_at).toBeTruthy();
      expect(await t.deps.db.selectFrom('audit_log').select('after_json').where('action', '=', 'collection.close').where('object_id', '=', String(completedId)).execute()).toHaveLength(1);
      const page = (await (await as('teacher')).get(`/api/v1/collections/responses/${rid}`)).json();
      expect(page).toMatchObject({ open: false, closeReason: 'completed' });
      const view = (await (await as('section')).get(`/api/v1/collections/${completedId}`)).json();
      expect(view).toMatchObject({ status: 'closed', closeReason: 'completed', can: { download: true } });
      expect((await (await as('section')).get(`/api/v1/collections/${completedId}/file.xlsx`)).statusCode).toBe(200);
      expect((await (await as('school_admin')).get(`/api/v1/collections/${completedId}/school/file.xlsx`)).statusCode).toBe(200);
      expect((await (await as('school_admin')).post(`/api/v1/collections/${completedId}/school/remind`, {})).json().error.code).toBe('COLLECTION_CLOSED');
    });

    it('counts a collection past its window end as closed before anyone looks, then refuses its answers', async () => {
      expiredId = await draft('过期后关闭');
      const itemId = await approved(expiredId);
      const rid = await responseOf(expiredId);
      expect((await t.deps.db.selectFrom('collections').select('status').where('id', '=', expiredId).executeTakeFirstOrThrow()).status).toBe('open');
      await t.deps.db.updateTable('items').set({ window_end: addDays(chinaToday(), -1) }).where('id', '=', itemId).execute();
      const section = await as('section');
      // the list and its filters already say closed, while the row still says open
      const closed = (await section.get('/api/v1/collections?status=closed')).json();
      expect(closed.items.map((c: { id: number }) => c.id)).toContain(expiredId);
      expect(closed.items.find((c: { id: number }) => c.id === expiredId).status).toBe('closed');
      expect((await section.get('/api/v1/collections?status=open')).json().items.map((c: { id: number }) => c.id)).not.toContain(expiredId);
      const task = (await (await as('teacher')).get('/api/v1/collections/tasks')).json().items.find((x: { collectionId: number }) => x.collectionId === expiredId);
      expect(task.open).toBe(false);
      const refused = await (await as('teacher')).post(`/api/v1/collections/responses/${rid}`, answer);
      expect([refused.statusCode, refused.json().error.code, refused.json().error.reason]).toEqual([409, 'COLLECTION_CLOSED', 'expired']);
      expect((await t.deps.db.selectFrom('collection_responses').select('status').where('id', '=', rid).executeTakeFirstOrThrow()).status).toBe('pending');
      expect((await t.deps.db.selectFrom('collections').select('status').where('id', '=', expiredId).executeTakeFirstOrThrow()).status).toBe('closed');
      expect((await section.get(`/api/v1/collections/${expiredId}/file.xlsx`)).statusCode).toBe(200);
    });

    it('stops a revoked collection from its effective date: no answers and no file, for the requester or the school', async () => {
      const id = await draft('撤销后停止');
      const itemId = await approved(id);
      const rid = await responseOf(id);
      // revoked from tomorrow: still valid today
      const later = await (await as('office')).post(`/api/v1/items/${itemId}/revoke`, { reason: '上级通知停止', effectiveDate: addDays(chinaToday(), 1) });
      expect(later.statusCode, later.body).toBe(200);
      expect((await (await as('section')).get(`/api/v1/collections/${id}`)).json()).toMatchObject({ status: 'open', closeReason: null, can: { download: true } });
      const sent = await (await as('teacher')).post(`/api/v1/collections/responses/${rid}`, answer);
      expect(sent.statusCode, sent.body).toBe(200);
      // the effective date reached
      await t.deps.db.updateTable('items').set({ revoked_at: chinaToday() }).where('id', '=', itemId).execute();
      const refused = await (await as('teacher')).post(`/api/v1/collections/responses/${rid}`, answer);
      expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'COLLECTION_WITHDRAWN']);
      expect(refused.json().error.en).toContain('revoked');
      const view = (await (await as('section')).get(`/api/v1/collections/${id}`)).json();
      expect(view).toMatchObject({ status: 'closed', closeReason: 'withdrawn', can: { download: false } });
      const file = await (await as('section')).get(`/api/v1/collections/${id}/file.xlsx`);
      expect([file.statusCode, file.json().error.code]).toEqual([409, 'COLLECTION_WITHDRAWN']);
      expect((await (await as('school_admin')).get(`/api/v1/collections/${id}/school/file.xlsx`)).json().error.code).toBe('COLLECTION_WITHDRAWN');
      expect(await t.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'collection.export').where('object_id', '=', String(id)).execute()).toHaveLength(0);
    });

    it('exports the collections list as filtered on screen: same rows as the total, Chinese headers, frozen, audited, scoped', async () => {
      const section = await as('section');
      for (const status of ['closed', 'draft', undefined] as const) {
        const qs = status ? `?status=${status}` : '';
        const list = (await section.get(`/api/v1/collections${qs}`)).json();
        const res = await section.get(`/api/v1/collections/export.xlsx${qs}`);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.headers['x-total-rows']).toBe(String(list.total));
        const ws = await firstSheet(res.rawPayload);
        expect(ws.actualRowCount - 1).toBe(list.total);
        expect(ws.getRow(1).values).toEqual([undefined, label('collections.export.id'), '采集名称', '发起单位', '采集对象', '准入编号', '状态', '已有数据列数', '模板列数', '重复度', '已填报', '应填报', '节省工时（小时）', '创建日期']);
        expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        const ids = list.items.map((c: { id: number }) => c.id);
        for (let r = 2; r <= ws.actualRowCount; r++) expect(ids).toContain(ws.getRow(r).getCell(1).value);
        if (status === 'closed') {
          expect(list.total).toBe(3);
          const row = [...Array(ws.actualRowCount - 1).keys()].map((i) => ws.getRow(i + 2)).find((x) => x.getCell(1).value === completedId)!;
          expect(row.getCell(6).value).toBe('已结束');
          expect(row.getCell(13).value).toBeInstanceOf(Date);
        }
      }
      expect(await t.deps.db.selectFrom('audit_log').select('after_json').where('action', '=', 'collection.list_export').execute()).toHaveLength(3);
      // another county's office sees none of them; a teacher has no collection.read
      const other = await (await as('otherOffice')).get('/api/v1/collections/export.xlsx');
      expect(other.headers['x-total-rows']).toBe('0');
      expect((await firstSheet(other.rawPayload)).actualRowCount).toBe(1);
      expect((await (await as('teacher')).get('/api/v1/collections/export.xlsx')).statusCode).toBe(403);
      expect(expiredId).toBeGreaterThan(0);
    });
  });
}
