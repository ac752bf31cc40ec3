import { describe, expect, it, vi } from 'vitest';
import type * as TPasswordModule from '../../security/password';
import { useTestApp } from '../../testing/app';
import { TestClient } from '../../testing/client';
import { DIALECTS } from '../../testing/db';
import { TEST_PASSWORD } from '../../testing/fixture';

/**
 * A gate on the password check: the next check of `password` waits (after hashing, before the
 * login goes on) until the test opens it. This pins down the race the lockout must survive: a
 * right password checked while wrong ones lock the account. The hashing itself is real.
 */
const gate = vi.hoisted(() => ({ held: null as null | { password: string; entered: () => void; opened: Promise<void> } }));
vi.mock('../../security/password', async (importOriginal) => {
  const real = await importOriginal<typeof TPasswordModule>();
  return {
    ...real,
    verifyPassword: async (password: string, stored: string) => {
      const ok = await real.verifyPassword(password, stored);
      const g = gate.held;
      if (g && g.password === password) {
        gate.held = null;
        g.entered();
        await g.opened;
      }
      return ok;
    },
  };
});

/** Holds the next check of `password`; resolves `entered` once a login is waiting there. */
function holdNextCheck(password: string) {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  const entered = new Promise<void>((r) => (gate.held = { password, entered: r, opened }));
  return { entered, open };
}

for (const dialect of DIALECTS) {
  describe(`login lockout under concurrent attempts [${dialect}]`, () => {
    const t = useTestApp(dialect);
    const lockOf = async (username: string) => t.deps.db.selectFrom('users').select(['locked_until', 'failed_attempts']).where('username', '=', username).executeTakeFirstOrThrow();

    it('ten concurrent wrong passwords lock the account; a right one checked meanwhile gets 423 and does not lift the lock', async () => {
      const user = t.fx.users.section;
      // the right password passes the first lock check, then waits inside the password check
      const held = holdNextCheck(TEST_PASSWORD);
      const right = new TestClient(t.app, '10.1.0.1').login(user, TEST_PASSWORD);
      await held.entered;
      // meanwhile ten wrong ones, all at once (each from its own address: the per-IP limit is not under test)
      const wrong = await Promise.all(Array.from({ length: 10 }, (_, i) => new TestClient(t.app, `10.1.1.${i}`).login(user, 'Wrong#pass1')));
      const codes = wrong.map((r) => r.statusCode).sort();
      // exactly five failures are counted (the fifth locks); the others find the account locked
      expect(codes).toEqual([401, 401, 401, 401, 401, 423, 423, 423, 423, 423]);
      const locked = await lockOf(user);
      expect(locked.locked_until! > new Date().toISOString()).toBe(true);

      held.open();
      const res = await right;
      expect(res.statusCode).toBe(423);
      expect(res.json().error.code).toBe('ACCOUNT_LOCKED');
      expect(res.cookies.find((c) => c.name === 'jf_sid')).toBeUndefined();
      // the database still holds the lock, and no session was made
      expect(await lockOf(user)).toEqual(locked);
      const u = await t.deps.db.selectFrom('users').select('id').where('username', '=', user).executeTakeFirstOrThrow();
      expect(await t.deps.db.selectFrom('sessions').select('id').where('user_id', '=', u.id).execute()).toEqual([]);
      const actions = (await t.deps.db.selectFrom('audit_log').select('action').where('actor_username', '=', user).execute()).map((a) => a.action);
      expect(actions.filter((a) => a === 'auth.account_locked')).toHaveLength(1);
      expect(actions.filter((a) => a === 'auth.login_failed')).toHaveLength(4);
      expect(actions).not.toContain('auth.login');

      // the right password keeps getting 423 until the lock runs out, then it works
      const later = new TestClient(t.app, '10.1.2.1');
      expect((await later.login(user, TEST_PASSWORD)).statusCode).toBe(423);
      await t.deps.db.updateTable('users').set({ locked_until: new Date(Date.now() - 1000).toISOString() }).where('username', '=', user).execute();
      expect((await later.login(user, TEST_PASSWORD)).statusCode).toBe(200);
      expect(await lockOf(user)).toEqual({ locked_until: null, failed_attempts: 0 });
    });

    it('a wrong password checked while the account got locked is answered 423 and not counted into a new series', async () => {
      const user = t.fx.users.teacherB;
      const held = holdNextCheck('Late#wrong1');
      const late = new TestClient(t.app, '10.2.0.1').login(user, 'Late#wrong1');
      await held.entered;
      const c = new TestClient(t.app, '10.2.0.2');
      for (let i = 0; i < 5; i++) expect((await c.login(user, 'Wrong#pass1')).statusCode).toBe(401);
      const locked = await lockOf(user);
      expect(locked.failed_attempts).toBe(0);
      held.open();
      expect((await late).statusCode).toBe(423);
      expect(await lockOf(user)).toEqual(locked);
    });
  });
}
