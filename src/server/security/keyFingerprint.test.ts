import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeps } from '../boot';
import { loadConfig } from '../config';
import { DIALECTS, TEST_PG_URL } from '../testing/db';
import { KeyMismatchError, keyFingerprint } from './keyFingerprint';

describe('keyFingerprint', () => {
  it('tells keys apart and does not contain the key', () => {
    const a = crypto.randomBytes(32).toString('hex');
    const b = crypto.randomBytes(32).toString('hex');
    expect(keyFingerprint(a)).toBe(keyFingerprint(a));
    expect(keyFingerprint(a)).not.toBe(keyFingerprint(b));
    expect(keyFingerprint(a)).not.toContain(a);
    expect(keyFingerprint(a)).not.toContain(a.slice(0, 16));
  });
});

for (const dialect of DIALECTS) {
  describe(`one field-encryption key per database [${dialect}]`, () => {
    const dirs: string[] = [];
    let schema = '';
    const tmp = () => {
      const d = fs.mkdtempSync(path.join(os.tmpdir(), 'jianfu-key-'));
      dirs.push(d);
      return d;
    };
    /** A process's environment: its own data dir (as on its own host), the shared database. */
    const envOf = (dataDir: string, secret?: string) => ({
      JIANFU_DATA_DIR: dataDir,
      ...(secret ? { JIANFU_SECRET_KEY: secret } : {}),
      ...(schema ? { DATABASE_URL: `${TEST_PG_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}` } : {}),
    });
    const start = (env: NodeJS.ProcessEnv) => createDeps(loadConfig(env));
    beforeAll(async () => {
      if (dialect !== 'postgres') return;
      schema = `key_${crypto.randomBytes(5).toString('hex')}`;
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`CREATE SCHEMA ${schema}`);
      await c.end();
    });
    afterAll(async () => {
      for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
      if (!schema) return;
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    });

    it('the first process stores its key fingerprint; a process with another key refuses to start, one with the same key starts', async () => {
      const first = tmp();
      const p1 = await start(envOf(first));
      const key = fs.readFileSync(path.join(first, 'secret.key'), 'utf8').trim();
      const sealed = p1.fieldCrypto.encrypt('110101199003071234');
      await p1.close();

      // PostgreSQL: a second host without JIANFU_SECRET_KEY makes its own secret.key.
      // SQLite: the same database file started with some other JIANFU_SECRET_KEY.
      const otherDir = dialect === 'postgres' ? tmp() : first;
      const otherEnv = dialect === 'postgres' ? envOf(otherDir) : envOf(first, crypto.randomBytes(32).toString('hex'));
      const refused = await start(otherEnv).then(
        () => null,
        (err: unknown) => err,
      );
      expect(refused).toBeInstanceOf(KeyMismatchError);
      const message = (refused as Error).message;
      expect(message).toContain('JIANFU_SECRET_KEY');
      expect(message).toContain('拒绝启动');
      expect(message).toContain(dialect === 'postgres' ? path.join(otherDir, 'secret.key') : 'from JIANFU_SECRET_KEY');

      // the same key given through the environment works anywhere, and reads what the first wrote
      const p3 = await start(envOf(otherDir, key));
      try {
        expect(p3.fieldCrypto.decrypt(sealed)).toBe('110101199003071234');
        const rows = await p3.db.withTables<{ settings: { key: string; value: string } }>().selectFrom('settings').selectAll().execute();
        expect(rows).toEqual([{ key: 'field_key_fingerprint', value: keyFingerprint(key), updated_at: expect.any(String) }]);
        expect(rows[0]!.value).not.toContain(key);
      } finally {
        await p3.close();
      }
      // and the first process starts again
      await (await start(envOf(first))).close();
    });
  });
}
