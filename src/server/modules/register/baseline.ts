import ExcelJS from 'exceljs';
import { checkWorkbookFile } from '../collections/xlsxFile';
import { z } from 'zod';
import { label, LABELS } from '../../../domain/i18n';
import { reductionAgainstBaseline, teacherHoursPerYear, type TKindTally } from '../../../domain/register/burden';
import { ITEM_KINDS, type TItemKind } from '../../../domain/register/kinds';
import type { TCtx } from '../../context';
import { nowIso } from '../../context';
import { AppError } from '../../http/errors';
import { authorize } from '../../policy';
import { recordAudit } from '../audit/record';
import { regionPathOf } from '../auth/sessions';
import { regionIdOf } from './items';
import { loadRuleValues } from './ruleContext';

export const BASELINE_DECISIONS = ['keep', 'merge', 'cancel'] as const;
/** A list filter on the decision: one of them, or none taken yet. */
export const BASELINE_DECISION_FILTERS = [...BASELINE_DECISIONS, 'undecided'] as const;
export type TBaselineDecisionFilter = (typeof BASELINE_DECISION_FILTERS)[number];

export const ZBaselineEntry = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  kind: z.enum(ITEM_KINDS),
  title: z.string().trim().min(2).max(200),
  issuerName: z.string().trim().min(2).max(100),
  minutesPerRespondent: z.number().min(0).max(6000),
  respondents: z.number().int().min(0).max(10_000_000),
  timesPerYear: z.number().min(0).max(365),
  decision: z.enum(BASELINE_DECISIONS).optional(),
  reason: z.string().trim().max(500).optional(),
});
export type TBaselineEntry = z.infer<typeof ZBaselineEntry>;

async function region(ctx: TCtx) {
  const path = await regionPathOf(ctx.db, ctx.actor.orgPath);
  return { path, id: regionIdOf(path) };
}

function checkDecision(e: { decision?: string | undefined; reason?: string | undefined }): void {
  if (e.decision && e.decision !== 'keep' && !e.reason?.trim()) throw new AppError('REASON_REQUIRED');
}

export async function addBaselineEntries(ctx: TCtx, entries: TBaselineEntry[]) {
  authorize(ctx.actor, 'register.manage');
  entries.forEach(checkDecision);
  const r = await region(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const at = nowIso();
    const ids: number[] = [];
    for (const e of entries) {
      const { id } = await trx
        .insertInto('baseline_items')
        .values({
          region_org_id: r.id,
          year: e.year,
          kind: e.kind,
          title: e.title,
          issuer_name: e.issuerName,
          minutes_per_respondent: e.minutesPerRespondent,
          respondents: e.respondents,
          times_per_year: e.timesPerYear,
          teacher_hours: teacherHoursPerYear(e),
          decision: e.decision ?? null,
          decision_reason: e.reason?.trim() || null,
          created_by: ctx.actor.userId,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(id);
    }
    await recordAudit(trx, ctx, { action: 'baseline.add', objectType: 'baseline', objectId: ids.join(','), after: { count: ids.length, year: entries[0]?.year } });
    return { ids };
  });
}

export async function decideBaselineEntry(ctx: TCtx, id: number, opts: { decision: (typeof BASELINE_DECISIONS)[number]; reason?: string | undefined }) {
  authorize(ctx.actor, 'register.manage');
  checkDecision(opts);
  const r = await region(ctx);
  const row = await ctx.db.selectFrom('baseline_items').selectAll().where('id', '=', id).where('region_org_id', '=', r.id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('baseline_items').set({ decision: opts.decision, decision_reason: opts.reason?.trim() || null, updated_at: nowIso() }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'baseline.decide', objectType: 'baseline', objectId: id, before: { decision: row.decision, reason: row.decision_reason }, after: opts });
  });
}

/**
 * The inventory of a baseline year with each entry's decision, and the reduction per kind
 * (count and teacher-hours) of the register's approved items of `year` against it, next to the target.
 */
export async function getBaseline(ctx: TCtx, opts: { baselineYear: number; year: number }) {
  authorize(ctx.actor, 'register.read');
  const r = await region(ctx);
  const entries = await ctx.db.selectFrom('baseline_items').selectAll().where('region_org_id', '=', r.id).where('year', '=', opts.baselineYear).orderBy('kind').orderBy('id').execute();
  const current = await ctx.db
    .selectFrom('items')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('teacher_hours').as('h')])
    .where('region_org_id', '=', r.id)
    .where('status', 'in', ['approved', 'completed'])
    .where('valid_from', '<=', `${opts.year}-12-31`)
    .where('valid_to', '>=', `${opts.year}-01-01`)
    .groupBy('kind')
    .execute();
  const tally = new Map<TItemKind, TKindTally>();
  for (const e of entries) {
    const k = e.kind as TItemKind;
    const t = tally.get(k) ?? { kind: k, count: 0, hours: 0 };
    t.count++;
    t.hours += e.teacher_hours;
    tally.set(k, t);
  }
  const values = await loadRuleValues(ctx.db, { regionPath: r.path, year: opts.year });
  const report = reductionAgainstBaseline({
    baseline: [...tally.values()],
    current: current.map((c) => ({ kind: c.kind as TItemKind, count: Number(c.n), hours: Number(c.h ?? 0) })),
    target: values.reductionTarget,
  });
  const decisions = { keep: 0, merge: 0, cancel: 0, undecided: 0 };
  for (const e of entries) decisions[(e.decision as keyof typeof decisions | null) ?? 'undecided']++;
  // the clean-up (清理精简) as decided: entries cancelled or merged into another leave the inventory
  // with their hours; kept and not yet decided ones stay
  const planned = reductionAgainstBaseline({
    baseline: [...tally.values()],
    current: entries.filter((e) => e.decision !== 'cancel' && e.decision !== 'merge').map((e) => ({ kind: e.kind as TItemKind, count: 1, hours: e.teacher_hours })),
    target: values.reductionTarget,
  });
  return {
    baselineYear: opts.baselineYear,
    year: opts.year,
    entries: entries.map((e) => ({ id: e.id, kind: e.kind, title: e.title, issuerName: e.issuer_name, minutesPerRespondent: e.minutes_per_respondent, respondents: e.respondents, timesPerYear: e.times_per_year, teacherHours: e.teacher_hours, decision: e.decision, reason: e.decision_reason })),
    decisions,
    report,
    planned,
  };
}

const KIND_BY_LABEL = new Map<string, TItemKind>();
for (const k of ITEM_KINDS) {
  const l = LABELS[`itemKind.${k}`];
  if (l) for (const part of [l[0], ...l[0].split('/')]) KIND_BY_LABEL.set(part.trim(), k);
  KIND_BY_LABEL.set(k, k);
}
const DECISION_BY_LABEL: Record<string, (typeof BASELINE_DECISIONS)[number]> = { 保留: 'keep', 合并: 'merge', 取消: 'cancel', keep: 'keep', merge: 'merge', cancel: 'cancel' };

export const BASELINE_TEMPLATE_HEADERS = ['类别', '事项名称', '发起单位', '每人每次用时（分钟）', '涉及教师人数', '每年次数', '处理意见（保留/合并/取消）', '理由'];

export interface TRowError {
  row: number;
  zh: string;
  en: string;
}

/**
 * Reads a baseline workbook (first sheet; headers as in BASELINE_TEMPLATE_HEADERS on row 1).
 * Every row is validated; one bad row refuses the whole file, with a reason per row.
 */
export async function parseBaselineWorkbook(buf: Buffer, year: number): Promise<{ entries: TBaselineEntry[]; errors: TRowError[] }> {
  // the container checks of every upload (an .xls, an encrypted file, a zip bomb) before exceljs sees it
  try {
    checkWorkbookFile(buf);
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_A_SPREADSHEET') throw new AppError('INVALID_SPREADSHEET');
    throw e;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new AppError('INVALID_SPREADSHEET');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('INVALID_SPREADSHEET');
  const headers = (ws.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? '').trim());
  if (BASELINE_TEMPLATE_HEADERS.slice(0, 6).some((h, i) => headers[i] !== h)) throw new AppError('INVALID_SPREADSHEET', { extra: { expectedHeaders: BASELINE_TEMPLATE_HEADERS } });
  const entries: TBaselineEntry[] = [];
  const errors: TRowError[] = [];
  const cell = (r: ExcelJS.Row, i: number) => {
    const v = r.getCell(i).value;
    return v == null ? '' : typeof v === 'object' && 'text' in v ? String((v as { text: unknown }).text) : String(v as string | number);
  };
  for (let n = 2; n <= Math.min(ws.rowCount, 5001); n++) {
    const r = ws.getRow(n);
    if (!r.hasValues) continue;
    const kind = KIND_BY_LABEL.get(cell(r, 1).trim());
    const decisionText = cell(r, 7).trim();
    const decision = decisionText ? DECISION_BY_LABEL[decisionText] : undefined;
    const parsed = ZBaselineEntry.safeParse({
      year,
      kind: kind ?? cell(r, 1),
      title: cell(r, 2),
      issuerName: cell(r, 3),
      minutesPerRespondent: Number(cell(r, 4)),
      respondents: Number(cell(r, 5)),
      timesPerYear: Number(cell(r, 6)),
      ...(decision ? { decision } : {}),
      ...(cell(r, 8).trim() ? { reason: cell(r, 8) } : {}),
    });
    if (!kind) errors.push({ row: n, zh: `第${n}行：类别"${cell(r, 1)}"无法识别`, en: `Row ${n}: unknown kind "${cell(r, 1)}"` });
    else if (decisionText && !decision) errors.push({ row: n, zh: `第${n}行：处理意见须为保留、合并或取消`, en: `Row ${n}: the decision must be keep, merge or cancel` });
    else if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? '');
      errors.push({ row: n, zh: `第${n}行：${label(`baseline.field.${field}`)}填写有误`, en: `Row ${n}: ${label(`baseline.field.${field}`, 'en')} is invalid` });
    } else if (parsed.data.decision && parsed.data.decision !== 'keep' && !parsed.data.reason) errors.push({ row: n, zh: `第${n}行：合并或取消须填写理由`, en: `Row ${n}: merging or cancelling needs a reason` });
    else entries.push(parsed.data);
  }
  if (ws.rowCount > 5001) errors.push({ row: 5002, zh: '一次最多导入5000行', en: 'At most 5,000 rows per import' });
  return { entries, errors };
}
