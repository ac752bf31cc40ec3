/**
 * `jianfu report county-stage|school-plan --org <code> --from <date> --to <date> --out <file.docx>`:
 * the same reports as the web download, for the system (no actor), audited as an export.
 * Every refusal says what is wrong in Chinese and English and exits with code 2.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ERRORS } from '../../../domain/errors';
import { label, type TLabelKey } from '../../../domain/i18n';
import { isIsoDate } from '../../../domain/register/schoolYear';
import { periodProblem, REPORT_TYPES, type TReportType } from '../../../domain/reports/period';
import { sentence } from '../../../domain/reports/text';
import type { TDeps } from '../../context';
import { systemCtx } from '../../demo/factories';
import { AppError } from '../../http/errors';
import { exportReport } from './service';

export const REPORT_USAGE = `jianfu report ${REPORT_TYPES.join('|')} --org <region code | 学校标识码 | org code> --from YYYY-MM-DD --to YYYY-MM-DD --out <file.docx>`;

export interface TReportCliArgs {
  type: string | undefined;
  org: string | undefined;
  from: string | undefined;
  to: string | undefined;
  out: string | undefined;
}

interface TIo {
  log: (s: string) => void;
  error: (s: string) => void;
}

const both = (key: TLabelKey, vars: Record<string, string | number> = {}) => `${sentence(key, vars, 'zh')} / ${sentence(key, vars, 'en')}`;

/** Why the output path cannot be written, or null. Checked before any work is done. */
function outProblem(out: string): string | null {
  if (!out.toLowerCase().endsWith('.docx')) return both('rpt.cli.outExt');
  const abs = path.resolve(out);
  try {
    if (fs.existsSync(abs) && fs.statSync(abs).isDirectory()) return both('rpt.cli.badOut', { path: abs, reason: 'EISDIR' });
    fs.accessSync(fs.existsSync(abs) ? abs : path.dirname(abs), fs.constants.W_OK);
    return null;
  } catch (err) {
    return both('rpt.cli.badOut', { path: abs, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message });
  }
}

export async function runReportCli(args: TReportCliArgs, io: TIo, openDeps: () => Promise<TDeps & { close: () => Promise<void> }>): Promise<number> {
  const fail = (msg: string) => {
    io.error(msg);
    return 2;
  };
  if (!args.type || !(REPORT_TYPES as readonly string[]).includes(args.type)) return fail(`${label('reports.type')} / Report: ${REPORT_TYPES.join(', ')}\n\nUsage: ${REPORT_USAGE}`);
  if (!args.org || !args.from || !args.to || !args.out) return fail(`Usage: ${REPORT_USAGE}`);
  for (const d of [args.from, args.to]) if (!isIsoDate(d)) return fail(both('rpt.cli.badDate', { value: d }));
  if (periodProblem({ from: args.from, to: args.to })) return fail(`${ERRORS.REPORT_PERIOD_INVALID.zh} / ${ERRORS.REPORT_PERIOD_INVALID.en}`);
  const bad = outProblem(args.out);
  if (bad) return fail(bad);
  const deps = await openDeps();
  try {
    const code = args.org.trim().toUpperCase();
    const org = await deps.db.selectFrom('orgs').select('id').where('code', '=', code).orderBy('depth').executeTakeFirst();
    if (!org) return fail(both('rpt.cli.unknownOrg', { code: args.org }));
    let file;
    try {
      file = await exportReport(systemCtx(deps), { type: args.type as TReportType, orgId: org.id, from: args.from, to: args.to });
    } catch (err) {
      if (err instanceof AppError) return fail(`${ERRORS[err.code].zh} / ${ERRORS[err.code].en}`);
      throw err;
    }
    const abs = path.resolve(args.out);
    try {
      await fs.promises.writeFile(abs, file.buffer);
    } catch (err) {
      return fail(both('rpt.cli.badOut', { path: abs, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message }));
    }
    io.log(both('rpt.cli.written', { docNo: file.docNo, path: abs }));
    return 0;
  } finally {
    await deps.close();
  }
}
