import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { matchHeaderLine } from '../domain/collections/headerSet';
import { SIMILARITY_THRESHOLD, textSimilarity } from '../domain/register/similarity';
import { ROLES, type TRole } from '../domain/roles';
import { loadConfig } from '../server/config';
import type { TDeps } from '../server/context';
import { DEMO_ACCOUNTS, DEMO_COUNTY_CODE, DEMO_DEFAULT_PASSWORD, isDatabaseEmpty, seedDemoCounty } from '../server/demo/demoCounty';
import { systemCtx } from '../server/demo/factories';
import { createDeps, WEB_DIST } from '../server/boot';
import { buildApp } from '../server/http/app';
import { AppError } from '../server/http/errors';
import { KeyMismatchError } from '../server/security/keyFingerprint';
import { createUser, findUserIdByUsername, resetPassword } from '../server/modules/users/service';

interface TCommand {
  summary: string;
  usage: string;
  options: Record<string, { type: 'string' | 'boolean'; short?: string; description: string }>;
  /** How many positional arguments it takes (default none). */
  positionals?: number;
  run: (values: Record<string, string | boolean | undefined>, positionals: string[]) => Promise<number>;
}

function demoPassword(): string {
  return process.env.JIANFU_DEMO_PASSWORD || DEMO_DEFAULT_PASSWORD;
}

/** `seed --scale`: the synthetic province (src/server/demo/province), timed. */
async function seedScale(scale: string): Promise<number> {
  const { SCALES, PROVINCE_ACCOUNTS, seedProvince } = await import('../server/demo/province');
  if (!(SCALES as readonly string[]).includes(scale)) {
    console.error(`--scale must be one of: ${SCALES.join(', ')}`);
    return 2;
  }
  const deps = await createDeps();
  try {
    const s = await seedProvince(deps, { scale: scale as (typeof SCALES)[number], password: demoPassword() });
    console.log(`Synthetic ${scale} loaded on ${deps.dialect} in ${s.seconds.toFixed(1)} s: ${s.orgs} orgs, ${s.teachers} teachers, ${s.items.items} items (${s.items.links} school links, ${s.items.baseline} baseline entries), ${s.cases ?? 'no'} cases`);
    console.log(`Phases (s): ${Object.entries(s.phases).map(([k, t]) => `${k} ${t}`).join(', ')}`);
    console.log(`Accounts (password ${process.env.JIANFU_DEMO_PASSWORD ? '<JIANFU_DEMO_PASSWORD>' : demoPassword()}): ${PROVINCE_ACCOUNTS.map((a) => `${a.username} (${a.role})`).join(', ')}`);
    return 0;
  } catch (err) {
    console.error((err as Error).message);
    return 1;
  } finally {
    await deps.close();
  }
}

function printDemoLogins(accounts: readonly (typeof DEMO_ACCOUNTS)[number][] = DEMO_ACCOUNTS): void {
  const pw = demoPassword();
  console.log('\n演示账号 Demo logins (password 密码: %s)', process.env.JIANFU_DEMO_PASSWORD ? '<JIANFU_DEMO_PASSWORD>' : pw);
  for (const a of accounts) console.log(`  ${a.username.padEnd(11)} ${a.role.padEnd(13)} ${a.where}`);
}

/** The demo accounts this database holds: none unless it was seeded with the demo county (and they are still in it). */
async function demoAccountsIn(deps: TDeps): Promise<(typeof DEMO_ACCOUNTS)[number][]> {
  const county = await deps.db.selectFrom('orgs').select('path').where('code', '=', DEMO_COUNTY_CODE).where('kind', '=', 'region').executeTakeFirst();
  if (!county) return [];
  const rows = await deps.db
    .selectFrom('users')
    .innerJoin('orgs', 'orgs.id', 'users.org_id')
    .select('users.username')
    .where('users.username', 'in', DEMO_ACCOUNTS.map((a) => a.username))
    .where('orgs.path', 'like', `${county.path}%`)
    .execute();
  const present = new Set(rows.map((r) => r.username));
  return DEMO_ACCOUNTS.filter((a) => present.has(a.username));
}

const COMMANDS: Record<string, TCommand> = {
  'catalog match': {
    summary: 'Match spreadsheet column headers (one per line on stdin; a multi-row header as "学历 | 最高学历", top row first) to catalog fields',
    usage: 'jianfu catalog match --subject teacher|school < headers.txt   → [{"header", "field": key|null, "confidence": 0..1}]   (a line "上 | 下" is a two-row header; "\\n" a line break in a cell)',
    options: { subject: { type: 'string', description: 'teacher or school: decides ambiguous labels such as 联系电话' } },
    run: async (v) => {
      const subject = v.subject;
      if (subject !== 'teacher' && subject !== 'school') {
        console.error('--subject 须为 teacher 或 school / --subject must be teacher or school');
        return 2;
      }
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      const lines = Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
      if (lines.length && lines[lines.length - 1] === '') lines.pop();
      // each line in the notation of bench/data/headers.tsv: ` | ` between the rows of a multi-row header
      const out = lines.map((header) => ({ header, ...matchHeaderLine(header, subject) }));
      process.stdout.write(`${JSON.stringify(out)}\n`);
      return 0;
    },
  },
  'text similar': {
    summary: 'Chinese text similarity of two files (the threshold the register uses for duplicates)',
    usage: 'jianfu text similar <fileA> <fileB>   → {"score": 0..1, "duplicate": true|false}',
    options: {},
    positionals: 2,
    run: async (_v, [a, b]) => {
      const read = (f: string) => fs.promises.readFile(f, 'utf8');
      let ta: string;
      let tb: string;
      try {
        [ta, tb] = await Promise.all([read(a!), read(b!)]);
      } catch (err) {
        console.error(`Cannot read ${(err as NodeJS.ErrnoException).path ?? 'file'}: ${(err as Error).message}`);
        return 1;
      }
      const score = textSimilarity(ta, tb);
      console.log(JSON.stringify({ score: Math.round(score * 10_000) / 10_000, duplicate: score >= SIMILARITY_THRESHOLD }));
      return 0;
    },
  },
  serve: {
    summary: 'Migrate, load the demo county into an empty database, and serve the app',
    usage: 'jianfu serve [--no-demo]   (HOST, PORT, DATABASE_URL, JIANFU_DATA_DIR from the environment)',
    options: { 'no-demo': { type: 'boolean', description: 'do not load the demo county into an empty database' } },
    run: async (v) => {
      const config = loadConfig();
      let deps: Awaited<ReturnType<typeof createDeps>>;
      try {
        deps = await createDeps(config);
      } catch (err) {
        if (!(err instanceof KeyMismatchError)) throw err;
        console.error(err.message);
        return 1;
      }
      let seeded = false;
      if (!v['no-demo'] && process.env.JIANFU_NO_DEMO !== '1' && (await isDatabaseEmpty(deps))) {
        const s = await seedDemoCounty(deps, { password: demoPassword() });
        console.log(`已载入演示县 Demo county loaded: ${s.county.name} (${s.county.code}), ${s.schools} schools, ${s.teachers} teachers`);
        seeded = true;
      }
      const app = await buildApp({ deps, webDir: WEB_DIST, logger: { level: config.logLevel } });
      await app.listen({ host: config.host, port: config.port });
      const addr = app.server.address();
      const port = typeof addr === 'object' && addr ? addr.port : config.port;
      console.log(`\nJianfu 减负 is running: http://${config.host}:${port}/  (staff: http://${config.host}:${port}/admin/)`);
      console.log(`Database: ${deps.dialect === 'sqlite' ? `SQLite ${config.dataDir}/jianfu.db` : 'PostgreSQL'}`);
      // the demo logins and their password only where the demo county was loaded, never for a real database
      const demo = seeded ? DEMO_ACCOUNTS : await demoAccountsIn(deps);
      if (demo.length > 0) printDemoLogins(demo);
      const stop = async () => {
        await app.close();
        await deps.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
      return new Promise<number>(() => undefined);
    },
  },
  migrate: {
    summary: 'Bring the database schema up to date',
    usage: 'jianfu migrate',
    options: {},
    run: async () => {
      const deps = await createDeps(loadConfig(), { migrate: false });
      const { migrateToLatest } = await import('../server/db/migrate');
      const done = await migrateToLatest(deps.db, deps.dialect);
      console.log(done.length ? `Applied: ${done.join(', ')}` : 'Already up to date.');
      await deps.close();
      return 0;
    },
  },
  seed: {
    summary: 'Load the demo county (only into an empty database), or a synthetic province (--scale province|county)',
    usage: 'jianfu seed --demo | jianfu seed --scale province|county',
    options: {
      demo: { type: 'boolean', description: 'load the fictional 青禾县 with its bureau, schools, teachers and demo accounts' },
      scale: { type: 'string', description: 'synthetic province: "province" (16 cities, 130 counties, 20k schools, 1M teachers, 500k items, 200k cases) or "county" (a small one); progress on stderr' },
    },
    run: async (v) => {
      if (v.scale !== undefined) return seedScale(String(v.scale));
      if (!v.demo) {
        console.error('Say what to seed: --demo or --scale province|county');
        return 2;
      }
      const deps = await createDeps();
      try {
        if (!(await isDatabaseEmpty(deps))) {
          console.error('数据库非空，未载入演示数据 / The database is not empty; the demo county was not loaded.');
          return 1;
        }
        const s = await seedDemoCounty(deps, { password: demoPassword() });
        console.log(`Demo county loaded: ${s.county.name} (${s.county.code}), ${s.schools} schools, ${s.teachers} teachers, ${s.users} accounts`);
        printDemoLogins();
        return 0;
      } finally {
        await deps.close();
      }
    },
  },
  report: {
    summary: 'Write a GB/T 9704 Word report from live data (county-stage | school-plan)',
    usage: 'jianfu report county-stage|school-plan --org <code> --from YYYY-MM-DD --to YYYY-MM-DD --out <file.docx>',
    options: {
      org: { type: 'string', description: 'region code (county stage report) or 学校标识码 (school plan), or the org code' },
      from: { type: 'string', description: 'first day of the period, YYYY-MM-DD' },
      to: { type: 'string', description: 'last day of the period, YYYY-MM-DD' },
      out: { type: 'string', description: 'the .docx file to write' },
    },
    positionals: 1,
    run: async (v, [type]) => {
      const { runReportCli } = await import('../server/modules/reports/cli');
      const s = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
      return runReportCli({ type, org: s('org'), from: s('from'), to: s('to'), out: s('out') }, { log: (m) => console.log(m), error: (m) => console.error(m) }, () => createDeps());
    },
  },
  'user create': {
    summary: 'Create an account (prints a temporary password that must be changed at first login)',
    usage: 'jianfu user create --username NAME --display-name TEXT --org ORG_ID_OR_CODE --role ROLE',
    options: {
      username: { type: 'string', description: 'login name' },
      'display-name': { type: 'string', description: 'name shown on screen' },
      org: { type: 'string', description: 'org id, or its code (region code, 学校标识码, USCC)' },
      role: { type: 'string', description: `one of: ${ROLES.join(', ')}` },
    },
    run: async (v) => {
      const role = String(v.role ?? '');
      if (!v.username || !v.org || !(ROLES as readonly string[]).includes(role)) {
        console.error(`Missing or wrong options.\n${COMMANDS['user create']!.usage}`);
        return 2;
      }
      const deps = await createDeps();
      try {
        const orgArg = String(v.org);
        const org = await deps.db
          .selectFrom('orgs')
          .select('id')
          .where((eb) => (/^\d{1,9}$/.test(orgArg) ? eb.or([eb('id', '=', Number(orgArg)), eb('code', '=', orgArg)]) : eb('code', '=', orgArg)))
          .executeTakeFirst();
        if (!org) {
          console.error(`No org with id or code ${orgArg}`);
          return 1;
        }
        const r = await createUser(systemCtx(deps), { username: String(v.username), displayName: String(v['display-name'] ?? v.username), orgId: org.id, role: role as TRole });
        console.log(`Created ${r.user.username} (${r.user.role}, ${r.user.orgName}). Temporary password: ${r.initialPassword}`);
        return 0;
      } finally {
        await deps.close();
      }
    },
  },
  'user reset-password': {
    summary: 'Reset a password to a temporary one (must be changed at next login) and unlock the account',
    usage: 'jianfu user reset-password --username NAME',
    options: { username: { type: 'string', description: 'login name' } },
    run: async (v) => {
      if (!v.username) {
        console.error(COMMANDS['user reset-password']!.usage);
        return 2;
      }
      const deps = await createDeps();
      try {
        const id = await findUserIdByUsername(deps.db, String(v.username));
        if (!id) {
          console.error(`No user ${String(v.username)}`);
          return 1;
        }
        const r = await resetPassword(systemCtx(deps), { userId: id });
        console.log(`Temporary password for ${String(v.username)}: ${r.initialPassword}`);
        return 0;
      } finally {
        await deps.close();
      }
    },
  },
};

function help(): string {
  const lines = ['jianfu — 减负 burden-reduction work system', '', 'Commands:'];
  for (const [name, c] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(22)} ${c.summary}`);
  lines.push('', 'Run `jianfu <command> --help` for its options.');
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const two = argv.slice(0, 2).join(' ');
  const name = COMMANDS[two] ? two : argv[0];
  const rest = argv.slice(name === two ? 2 : 1);
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return 0;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    console.error(`Unknown command: ${argv.join(' ')}\n\n${help()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`${cmd.summary}\n\nUsage: ${cmd.usage}\n`);
    for (const [k, o] of Object.entries(cmd.options)) console.log(`  --${k.padEnd(16)} ${o.description}`);
    return 0;
  }
  const options = Object.fromEntries(Object.entries(cmd.options).map(([k, o]) => [k, { type: o.type }]));
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    const parsed = parseArgs({ args: rest, options, allowPositionals: !!cmd.positionals });
    values = parsed.values as Record<string, string | boolean | undefined>;
    positionals = parsed.positionals;
    if (positionals.length !== (cmd.positionals ?? 0)) throw new Error(`expected ${cmd.positionals ?? 0} argument(s), got ${positionals.length}`);
  } catch (err) {
    console.error(`${(err as Error).message}\n\nUsage: ${cmd.usage}`);
    return 2;
  }
  try {
    return await cmd.run(values, positionals);
  } catch (err) {
    if (err instanceof AppError) {
      console.error(`${err.code}: ${err.status} — ${(await import('../domain/errors')).ERRORS[err.code].zh}`);
      return 1;
    }
    throw err;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
