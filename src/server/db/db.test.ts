import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestDeps, type TTestDeps } from '../testing/db';
import { buildFixture } from '../testing/fixture';
import { migrateToLatest } from './migrate';

for (const dialect of DIALECTS) {
  describe(`database [${dialect}]`, () => {
    let deps: TTestDeps;
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
      await buildFixture(deps);
    });
    afterAll(() => deps.close());

    it('returns counts and sums as numbers', async () => {
      const r = await deps.db
        .selectFrom('orgs')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('depth').as('s'), eb.fn.max('depth').as('m')])
        .executeTakeFirstOrThrow();
      expect(typeof r.n).toBe('number');
      expect(typeof r.s).toBe('number');
      expect(r.n).toBeGreaterThan(5);
      const real = await sql<{ x: number }>`select sum(teacher_hours) as x from items`.execute(deps.db);
      expect(real.rows[0]!.x === null || typeof real.rows[0]!.x === 'number').toBe(true);
    });

    it('migrations are idempotent and enforce foreign keys', async () => {
      expect(await migrateToLatest(deps.db, dialect)).toEqual([]);
      await expect(
        deps.db.insertInto('users').values({ username: 'ghost', display_name: 'x', org_id: 999_999, role: 'teacher', password_hash: 'x', must_change_password: 1, status: 'active', failed_attempts: 0, created_at: 'x', updated_at: 'x' }).execute(),
      ).rejects.toThrow();
    });

    it('rolls a transaction back whole', async () => {
      const before = (await deps.db.selectFrom('orgs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
      await expect(
        deps.db.transaction().execute(async (trx) => {
          await trx.insertInto('orgs').values({ parent_id: null, kind: 'region', code: '110000', name: '北京市', path: '/x/', depth: 0, status: 'active', created_at: 'x', updated_at: 'x' }).execute();
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect((await deps.db.selectFrom('orgs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n).toBe(before);
    });
  });
}
