import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZBurdenEstimate, ZItemInput } from '../../../domain/register/schemas';
import { ZRuleSetValues } from '../../../domain/register/ruleset';
import { ITEM_KINDS } from '../../../domain/register/kinds';
import type { TDeps } from '../../context';
import { onePage, sendXlsx, streamXlsx } from '../../http/excel';
import { ctxOf } from '../../http/guards';
import { ZIdParam, ZPage } from '../../http/schemas';
import { findItems, getItem, createItem, updateItem } from './items';
import { findSimilarItems } from './similar';
import { noticeHtml, qrPng, qrSvg, verifyUrl } from './notice';
import { findSchoolItems, refuseDemand } from './school';
import { closePlan, findLeads, findTargetSchools, getPlan, getRuleSet, openPlan, saveRuleSet } from './admin';
import { ITEM_STATUSES } from './policy';
import { BASELINE_DECISION_FILTERS, BASELINE_DECISIONS, BASELINE_TEMPLATE_HEADERS, ZBaselineEntry, addBaselineEntries, decideBaselineEntry, getBaseline, parseBaselineWorkbook } from './baseline';
import { findSecondments, getRegisterSummary, SECONDMENT_STATES } from './secondments';
import { exportBaseline, exportItems, exportLeads, exportPlan, exportSchoolItems, exportSecondments, type TExport } from './exports';
import { recordItemUse } from './uses';
import { approveItem, cancelItem, changeEstimate, completeItem, fileItem, mergeItem, rejectItem, returnTeacher, reviewItem, revokeItem, submitItem } from './workflow';
import { AppError } from '../../http/errors';

const ZDate = z.iso.date();
const ZReason = z.object({ reason: z.string().trim().max(1000) });
const ZItemListQuery = ZPage.extend({
  status: z.enum(ITEM_STATUSES).optional(),
  kind: z.string().max(32).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().trim().max(100).optional(),
});
const ZYear = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
const ZSecondmentQuery = z.object({ state: z.enum(SECONDMENT_STATES).optional() });

function sendExport(reply: Parameters<typeof sendXlsx>[0], x: TExport) {
  return sendXlsx(reply, x.filename, x.stream, { totalRows: x.total, columns: x.columns });
}

function baseUrl(deps: TDeps, req: { protocol: string; host: string }): string {
  return process.env.JIANFU_PUBLIC_URL ?? `${req.protocol}://${req.host}`;
}

export const registerRoutes: FastifyPluginAsyncZod<{ deps: TDeps }> = async (app, { deps }) => {
  app.get('/items', { schema: { tags: ['register'], summary: 'Items in scope', querystring: ZItemListQuery }, handler: (req) => findItems(ctxOf(deps, req), req.query) });
  app.get('/items/export.xlsx', {
    schema: { tags: ['register'], summary: 'Export the filtered items to Excel (streamed, x-total-rows for progress)', querystring: ZItemListQuery.omit({ page: true, pageSize: true }) },
    handler: async (req, reply) => {
      const x = await exportItems(ctxOf(deps, req), req.query);
      return sendXlsx(reply, x.filename, x.stream, { totalRows: x.total, columns: x.columns });
    },
  });
  app.get('/items/:id', { schema: { tags: ['register'], summary: 'One item with its events and what the actor may do', params: ZIdParam }, handler: (req) => getItem(ctxOf(deps, req), req.params.id) });
  app.get('/items/:id/similar', { schema: { tags: ['register'], summary: 'Merge suggestions', params: ZIdParam }, handler: (req) => findSimilarItems(ctxOf(deps, req), req.params.id) });
  app.post('/items', {
    schema: { tags: ['register'], summary: 'Register a draft (findings are a submit-stage preview)', body: ZItemInput },
    handler: async (req, reply) => reply.status(201).send(await createItem(ctxOf(deps, req), req.body)),
  });
  app.patch('/items/:id', { schema: { tags: ['register'], summary: 'Edit a draft or returned item', params: ZIdParam, body: ZItemInput }, handler: (req) => updateItem(ctxOf(deps, req), req.params.id, req.body) });
  app.post('/items/:id/submit', { schema: { tags: ['register'], summary: 'Submit for review', params: ZIdParam }, handler: (req) => submitItem(ctxOf(deps, req), req.params.id) });
  app.post('/items/:id/review', {
    schema: { tags: ['register'], summary: 'Office review: pass, return or reject', params: ZIdParam, body: z.object({ decision: z.enum(['pass', 'return', 'reject']), reason: z.string().trim().max(1000).optional() }) },
    handler: (req) => reviewItem(ctxOf(deps, req), req.params.id, req.body),
  });
  app.post('/items/:id/approve', { schema: { tags: ['register'], summary: 'Leader approval: numbers the item', params: ZIdParam, body: ZReason.partial() }, handler: (req) => approveItem(ctxOf(deps, req), req.params.id, req.body) });
  app.post('/items/:id/file', { schema: { tags: ['register'], summary: 'File (备案) a document or meeting', params: ZIdParam, body: ZReason.partial() }, handler: (req) => fileItem(ctxOf(deps, req), req.params.id, req.body) });
  app.post('/items/:id/reject', { schema: { tags: ['register'], params: ZIdParam, body: ZReason }, handler: (req) => rejectItem(ctxOf(deps, req), req.params.id, req.body) });
  app.post('/items/:id/cancel', { schema: { tags: ['register'], params: ZIdParam, body: ZReason }, handler: (req) => cancelItem(ctxOf(deps, req), req.params.id, req.body) });
  app.post('/items/:id/complete', { schema: { tags: ['register'], params: ZIdParam }, handler: (req) => completeItem(ctxOf(deps, req), req.params.id) });
  app.post('/items/:id/merge', {
    schema: { tags: ['register'], summary: 'Merge into another item', params: ZIdParam, body: z.object({ intoId: z.number().int().positive(), reason: z.string().trim().max(1000) }) },
    handler: (req) => mergeItem(ctxOf(deps, req), req.params.id, req.body),
  });
  app.post('/items/:id/revoke', {
    schema: { tags: ['register'], summary: 'Revoke an approved item', params: ZIdParam, body: z.object({ reason: z.string().trim().max(1000), effectiveDate: ZDate }) },
    handler: (req) => revokeItem(ctxOf(deps, req), req.params.id, req.body),
  });
  app.post('/items/:id/estimate', {
    schema: { tags: ['register'], summary: 'Change the burden estimate', params: ZIdParam, body: z.object({ burden: ZBurdenEstimate, reason: z.enum(['program_change', 're_estimate']), note: z.string().trim().max(1000) }) },
    handler: (req) => changeEstimate(ctxOf(deps, req), req.params.id, req.body),
  });
  app.post('/items/:id/return-teacher', {
    schema: { tags: ['register'], summary: 'A seconded teacher is back (清退)', params: ZIdParam, body: z.object({ returnedAt: ZDate }) },
    handler: (req) => returnTeacher(ctxOf(deps, req), req.params.id, req.body),
  });
  const numbered = async (id: number, req: Parameters<typeof ctxOf>[1]) => {
    const it = await getItem(ctxOf(deps, req), id);
    if (!it.verifyCode) throw new AppError('ITEM_STATE_CONFLICT');
    return it;
  };
  app.get('/items/:id/qr.svg', { schema: { tags: ['register'], params: ZIdParam }, handler: async (req, reply) => {
    const it = await numbered(req.params.id, req);
    return reply.type('image/svg+xml').send(await qrSvg(verifyUrl(baseUrl(deps, req), it.verifyCode!)));
  } });
  app.get('/items/:id/qr.png', { schema: { tags: ['register'], params: ZIdParam }, handler: async (req, reply) => {
    const it = await numbered(req.params.id, req);
    return reply.type('image/png').header('content-disposition', `attachment; filename="${it.verifyCode}.png"`).send(await qrPng(verifyUrl(baseUrl(deps, req), it.verifyCode!)));
  } });
  app.get('/items/:id/notice', { schema: { tags: ['register'], summary: 'Printable A4 notice', params: ZIdParam }, handler: async (req, reply) => {
    const it = await numbered(req.params.id, req);
    return reply.type('text/html; charset=utf-8').send(await noticeHtml(it, baseUrl(deps, req)));
  } });

  app.get('/register/schools', { schema: { tags: ['register'], summary: 'Schools an item may target (the actor’s region)' }, handler: (req) => findTargetSchools(ctxOf(deps, req)) });
  app.get('/plans', { schema: { tags: ['register'], summary: 'The annual plan of a year', querystring: ZYear }, handler: (req) => getPlan(ctxOf(deps, req), req.query.year) });
  app.post('/plans', { schema: { tags: ['register'], summary: 'Open the annual plan', body: z.object({ year: z.number().int().min(2000).max(2100) }) }, handler: async (req, reply) => reply.status(201).send(await openPlan(ctxOf(deps, req), req.body.year)) });
  app.post('/plans/:id/close', { schema: { tags: ['register'], summary: 'Close the annual plan: later items of the year are 一事一报', params: ZIdParam }, handler: (req) => closePlan(ctxOf(deps, req), req.params.id) });
  app.get('/plans/export.xlsx', {
    schema: { tags: ['register'], summary: 'Export the annual plan of a year to Excel (audited)', querystring: ZYear },
    handler: async (req, reply) => sendExport(reply, await exportPlan(ctxOf(deps, req), req.query)),
  });
  app.get('/rulesets', { schema: { tags: ['register'], summary: 'Rule set in force (resolved, own, inherited)', querystring: ZYear }, handler: (req) => getRuleSet(ctxOf(deps, req), req.query.year) });
  app.put('/rulesets/:year', {
    schema: { tags: ['register'], summary: "Edit the region's rule set", params: ZYear, body: z.object({ values: ZRuleSetValues, admissionPrefix: z.string().trim().min(2).max(12).optional() }) },
    handler: (req) => saveRuleSet(ctxOf(deps, req), req.params.year, req.body),
  });
  app.get('/school/items/export.xlsx', {
    schema: { tags: ['register'], summary: 'Export what may enter my school this term, with uses against caps (audited)', querystring: z.object({ date: ZDate.optional() }) },
    handler: async (req, reply) => sendExport(reply, await exportSchoolItems(ctxOf(deps, req), req.query)),
  });
  app.post('/school/items/:id/uses', {
    schema: { tags: ['register'], summary: 'The school records that an approved item was held (refused past its yearly cap)', params: ZIdParam, body: z.object({ usedOn: ZDate, note: z.string().trim().max(500).optional() }) },
    handler: async (req, reply) => reply.status(201).send(await recordItemUse(ctxOf(deps, req), req.params.id, req.body)),
  });
  app.get('/school/items', { schema: { tags: ['register'], summary: 'What may enter my school this term', querystring: z.object({ date: ZDate.optional() }) }, handler: (req) => findSchoolItems(ctxOf(deps, req), req.query) });
  app.post('/school/refuse', {
    schema: { tags: ['register'], summary: 'Refuse an unregistered demand (becomes a lead)', body: z.object({ what: z.string().trim().min(2).max(1000), from: z.string().trim().min(1).max(200), date: ZDate, code: z.string().trim().max(40).optional() }) },
    handler: async (req, reply) => reply.status(201).send(await refuseDemand(ctxOf(deps, req), req.body)),
  });
  app.get('/secondments/export.xlsx', {
    schema: { tags: ['register'], summary: 'Export the secondment clearance list to Excel (audited)', querystring: ZSecondmentQuery },
    handler: async (req, reply) => {
      const x = await exportSecondments(ctxOf(deps, req), req.query);
      return sendXlsx(reply, x.filename, x.stream, { totalRows: x.total, columns: x.columns });
    },
  });
  app.get('/secondments', { schema: { tags: ['register'], summary: 'Clearance list of seconded teachers', querystring: ZSecondmentQuery }, handler: (req) => findSecondments(ctxOf(deps, req), req.query) });
  app.get('/register/summary', { schema: { tags: ['register'], summary: 'Returned teachers, stopped trainings, items by status', querystring: ZYear }, handler: (req) => getRegisterSummary(ctxOf(deps, req), req.query) });
  app.get('/baseline', {
    schema: { tags: ['register'], summary: 'Baseline inventory and reduction against it', querystring: z.object({ baselineYear: z.coerce.number().int().min(2000).max(2100), year: z.coerce.number().int().min(2000).max(2100) }) },
    handler: (req) => getBaseline(ctxOf(deps, req), req.query),
  });
  app.get('/baseline/export.xlsx', {
    schema: {
      tags: ['register'],
      summary: 'Export the baseline inventory of a year to Excel (audited)',
      querystring: z.object({ baselineYear: z.coerce.number().int().min(2000).max(2100), year: z.coerce.number().int().min(2000).max(2100), kind: z.enum(ITEM_KINDS).optional(), decision: z.enum(BASELINE_DECISION_FILTERS).optional() }),
    },
    handler: async (req, reply) => {
      const x = await exportBaseline(ctxOf(deps, req), req.query);
      return sendXlsx(reply, x.filename, x.stream, { totalRows: x.total, columns: x.columns });
    },
  });
  app.post('/baseline', {
    schema: { tags: ['register'], summary: 'Enter baseline items', body: z.object({ entries: z.array(ZBaselineEntry).min(1).max(500) }) },
    handler: async (req, reply) => reply.status(201).send(await addBaselineEntries(ctxOf(deps, req), req.body.entries)),
  });
  app.patch('/baseline/:id', {
    schema: { tags: ['register'], summary: 'Mark a baseline item keep / merge / cancel', params: ZIdParam, body: z.object({ decision: z.enum(BASELINE_DECISIONS), reason: z.string().trim().max(500).optional() }) },
    handler: async (req, reply) => {
      await decideBaselineEntry(ctxOf(deps, req), req.params.id, req.body);
      return reply.status(204).send();
    },
  });
  app.get('/baseline/template.xlsx', { schema: { tags: ['register'], summary: 'Empty import template' }, handler: (_req, reply) => {
    const stream = streamXlsx<string[]>({ sheet: '全面登记', pages: onePage([]), columns: BASELINE_TEMPLATE_HEADERS.map((h, i) => ({ header: h, width: i === 1 ? 40 : 16, value: (r) => r[i] ?? null })) });
    return sendXlsx(reply, '全面登记导入模板.xlsx', stream);
  } });
  app.post('/baseline/import', {
    bodyLimit: 5 * 1024 * 1024,
    schema: { tags: ['register'], summary: 'Import baseline items from the Excel template (all rows or none)', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }) },
    handler: async (req, reply) => {
      const ctx = ctxOf(deps, req);
      if (!Buffer.isBuffer(req.body)) throw new AppError('INVALID_SPREADSHEET');
      const { entries, errors } = await parseBaselineWorkbook(req.body, req.query.year);
      if (errors.length) throw new AppError('IMPORT_ROWS_INVALID', { extra: { rows: errors } });
      if (!entries.length) throw new AppError('INVALID_SPREADSHEET');
      return reply.status(201).send(await addBaselineEntries(ctx, entries));
    },
  });
  app.get('/leads/export.xlsx', { schema: { tags: ['register'], summary: 'Export the leads to Excel (audited)' }, handler: async (req, reply) => sendExport(reply, await exportLeads(ctxOf(deps, req))) });
  app.get('/leads', { schema: { tags: ['register'], summary: 'Leads for the office', querystring: ZPage }, handler: (req) => findLeads(ctxOf(deps, req), req.query) });
};
