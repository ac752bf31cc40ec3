import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../http/app';
import { useTestApp } from '../testing/app';
import { loggedIn } from '../testing/client';
import { DIALECTS, TEST_PG_URL, createTestDeps } from '../testing/db';
import { TEST_PASSWORD } from '../testing/fixture';
import { openPostgres, openSqlite } from './connect';

describe('the embedded database file', () => {
  it('is opened in WAL mode, with foreign keys on and a busy timeout (settings the in-memory test databases never show)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianfu-db-'));
    const handle = openSqlite(path.join(dir, 'jianfu.db'));
    try {
      const one = async (q: string) => Object.values((await sql.raw(q).execute(handle.db)).rows[0] as Record<string, unknown>)[0];
      expect(await one('pragma journal_mode')).toBe('wal');
      expect(await one('pragma foreign_keys')).toBe(1);
      expect(await one('pragma busy_timeout')).toBe(5000);
      expect(await one('pragma synchronous')).toBe(1); // NORMAL
    } finally {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

for (const dialect of DIALECTS) {
  describe(`guarantees of every write [${dialect}]`, () => {
    const t = useTestApp(dialect);

    it('a write whose audit row cannot be written is not made: the audit row is in the same transaction', async () => {
      const { db } = t.deps;
      // the database refuses this one audit action, as a full disk or a lost connection would
      if (dialect === 'sqlite') {
        await sql.raw(`CREATE TRIGGER refuse_org_update_audit BEFORE INSERT ON audit_log WHEN NEW.action = 'org.update' BEGIN SELECT RAISE(ABORT, 'audit refused'); END`).execute(db);
      } else {
        await sql.raw(`CREATE FUNCTION refuse_org_update_audit() RETURNS trigger AS $$ BEGIN IF NEW.action = 'org.update' THEN RAISE EXCEPTION 'audit refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`).execute(db);
        await sql.raw(`CREATE TRIGGER refuse_org_update_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_org_update_audit()`).execute(db);
      }
      try {
        const sys = await loggedIn(t.app, t.fx.users.sysadmin, TEST_PASSWORD);
        const before = await db.selectFrom('orgs').select(['name', 'updated_at']).where('id', '=', t.fx.schoolA.id).executeTakeFirstOrThrow();
        const res = await sys.patch(`/api/v1/orgs/${t.fx.schoolA.id}`, { name: '改名未留痕的学校' });
        expect(res.statusCode).toBe(500);
        expect(res.json().error.requestId).toBeTruthy();
        expect(res.body).not.toContain('audit refused');
        const after = await db.selectFrom('orgs').select(['name', 'updated_at']).where('id', '=', t.fx.schoolA.id).executeTakeFirstOrThrow();
        expect(after).toEqual(before);
        // the server is still up and answers the next request
        expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      } finally {
        await sql.raw('DROP TRIGGER refuse_org_update_audit' + (dialect === 'postgres' ? ' ON audit_log' : '')).execute(db);
        if (dialect === 'postgres') await sql.raw('DROP FUNCTION refuse_org_update_audit()').execute(db);
      }
    });
  });

  describe(`/healthz [${dialect}]`, () => {
    it('answers 503 when the database does not answer, and the server stays up', async () => {
      const deps = await createTestDeps(dialect);
      // a connection of its own, closed under the app (the suite's schema is dropped as usual)
      const own = dialect === 'sqlite' ? openSqlite(':memory:') : openPostgres(TEST_PG_URL, { max: 2 });
      const app = await buildApp({ deps: { ...deps, db: own.db } });
      await app.ready();
      expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ ok: true });
      await own.close();
      const down = await app.inject({ method: 'GET', url: '/healthz' });
      expect(down.statusCode).toBe(503);
      expect(down.json()).toEqual({ ok: false });
      expect((await app.inject({ method: 'GET', url: '/no/such/route' })).statusCode).toBe(404);
      await app.close().catch(() => undefined);
      await deps.close();
    });
  });
}
