/**
 * Benchmark runner.
 *
 *   npm run bench                                  list the benchmarks
 *   npm run bench -- <name> [--dialect sqlite|postgres] [--strict]
 *   npm run bench -- all --dialect postgres
 *
 * Every figure is printed with its ratio against a baseline measured in the same run; targets are
 * judged on ratios. The exit code is non-zero on a FAIL only with --strict (and always on a crash).
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { TDialect } from '../src/server/config';
import { authEndpointBench } from './authEndpoint';
import { collectionsFillBench } from './collectionsFill';
import { complaintsBench } from './complaints';
import { dashboardBench } from './dashboard';
import { exportBench } from './export';
import { headerMatchBench } from './headerMatch';
import { loginBench } from './login';
import { type TBench, printResult } from './report';
import { rosterImportBench } from './rosterImport';
import { verifyBench } from './verify';

const BENCHES: TBench[] = [authEndpointBench, loginBench, verifyBench, dashboardBench, exportBench, headerMatchBench, collectionsFillBench, rosterImportBench, complaintsBench];

function usage(): void {
  console.log('usage: npm run bench -- <name|all> [--dialect sqlite|postgres] [--strict]\n\nbenchmarks:');
  for (const b of BENCHES) console.log(`  ${b.name.padEnd(14)} ${b.summary}`);
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { dialect: { type: 'string', default: 'sqlite' }, strict: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
  const name = positionals[0];
  if (!name || values.help) {
    usage();
    return 0;
  }
  const dialect = values.dialect;
  if (dialect !== 'sqlite' && dialect !== 'postgres') {
    console.error(`--dialect must be sqlite or postgres (got ${dialect})`);
    return 2;
  }
  const selected = name === 'all' ? BENCHES : BENCHES.filter((b) => b.name === name);
  if (selected.length === 0) {
    console.error(`unknown benchmark "${name}"`);
    usage();
    return 2;
  }

  const log = (line: string) => console.log(line);
  log(`jianfu bench: node ${process.version}, ${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), dialect ${dialect}${values.strict ? ', strict' : ''}`);
  if (process.env.JIANFU_SCRYPT_LOG_N !== undefined) {
    log(`WARNING: JIANFU_SCRYPT_LOG_N=${process.env.JIANFU_SCRYPT_LOG_N} is set; it lowers the password hashing cost below production.`);
  }
  let failed = 0;
  const summary: string[] = [];
  for (const b of selected) {
    log(`\n-- ${b.name}: ${b.summary}`);
    const t0 = Date.now();
    const result = await b.run({ dialect: dialect as TDialect, log });
    const f = printResult(b.name, dialect as TDialect, result, log);
    log(`  (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    failed += f;
    summary.push(`${b.name} [${dialect}]: ${f === 0 ? 'PASS' : 'FAIL'}`);
  }
  log(`\n${summary.join('\n')}`);
  if (failed > 0 && !values.strict) log('(failures do not change the exit code without --strict)');
  return failed > 0 && values.strict ? 1 : 0;
}

// Exit explicitly: a crashed benchmark may leave a server or pool open.
main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(2);
  },
);
