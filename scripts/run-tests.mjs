// `npm test`: unit and integration tests on SQLite and, when it answers, PostgreSQL.
// JIANFU_TEST_PG=required (set by CI) makes PostgreSQL mandatory: no silent skip.
import { spawnSync } from 'node:child_process';
import pg from 'pg';

const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const required = process.env.JIANFU_TEST_PG === 'required';

async function pgAvailable() {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('select 1');
    return true;
  } catch (err) {
    if (required) console.error(`PostgreSQL at ${url.replace(/\/\/[^@]*@/, '//')} is required but did not answer: ${err.message}`);
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

const hasPg = process.env.JIANFU_TEST_DIALECTS ? process.env.JIANFU_TEST_DIALECTS.includes('postgres') : await pgAvailable();
if (required && !hasPg) process.exit(1);
const dialects = process.env.JIANFU_TEST_DIALECTS ?? (hasPg ? 'sqlite,postgres' : 'sqlite');
console.log(`Database tests run on: ${dialects}`);
const res = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, JIANFU_TEST_DIALECTS: dialects } });
if (!dialects.includes('postgres')) {
  console.log('\n*** PostgreSQL was SKIPPED: no server answered at TEST_DATABASE_URL. Only SQLite was tested. ***');
}
process.exit(res.status ?? 1);
