/** Staff endpoints of the supervision module: cases, their steps and files, the holiday calendar, task logs. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CASE_CATEGORIES, CASE_CHANNELS, CASE_SOURCES, CASE_STATUSES } from '../../../domain/cases/enums';
import {
  ZAssignInput,
  ZCaseSearch,
  ZCloseInput,
  ZDate,
  ZHolidayInput,
  ZMergeInput,
  ZRectifyInput,
  ZReassignInput,
  ZReopenInput,
  ZReplyInput,
  ZStaffCaseInput,
  ZTasklogInput,
  ZVerifyInput,
} from '../../../domain/cases/schemas';
import type { TDeps } from '../../context';
import { ctxOf } from '../../http/guards';
import { sendXlsx } from '../../http/excel';
import { AppError } from '../../http/errors';
import { ZIdParam, ZPage } from '../../http/schemas';
import { addEvidence, getAttachment } from './attachments';
import { deleteHoliday, findHolidays, saveHoliday } from './calendar';
import { createStaffCase, findCases, findOverdueCases, getCase } from './cases';
import { exportCases } from './export';
import { LIMITS } from './settings';
import { findCaseStats } from './stats';
import { createTaskLog, findMyTaskLogs } from './taskLog';
import { findTaskLogStats } from './taskLogStats';
import { assignCase, closeCase, mergeCase, reassignCase, rectifyCase, reopenCase, replyCase, verifyCase } from './workflow';

const ZCaseListQuery = ZPage.extend({
  status: z.enum(CASE_STATUSES).optional(),
  category: z.enum(CASE_CATEGORIES).optional(),
  source: z.enum(CASE_SOURCES).optional(),
  channel: z.enum(CASE_CHANNELS).optional(),
  overdue: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  orgId: z.coerce.number().int().positive().max(2 ** 31 - 1).optional(),
  groupId: z.coerce.number().int().positive().max(2 ** 31 - 1).optional(),
  q: ZCaseSearch,
});
const ZPeriod = z.object({ from: ZDate.optional(), to: ZDate.optional() });
const ZDateParam = z.object({ date: ZDate });
const tags = ['cases'];

export const caseRoutes: FastifyPluginAsyncZod<{ deps: TDeps }> = async (app, { deps }) => {
  // evidence arrives as the raw body; the bytes decide what it is
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: LIMITS.evidenceBytes + 1024 * 1024 }, (_req, body, done) => done(null, body));

  app.get('/cases', { schema: { tags, summary: 'Cases in scope', querystring: ZCaseListQuery }, handler: (req) => findCases(ctxOf(deps, req), req.query) });
  app.get('/cases/export.xlsx', {
    schema: { tags, summary: 'Export the filtered cases to Excel (streamed, x-total-rows for progress; audited)', querystring: ZCaseListQuery.omit({ page: true, pageSize: true }) },
    handler: async (req, reply) => {
      const x = await exportCases(ctxOf(deps, req), req.query);
      return sendXlsx(reply, x.filename, x.stream, { totalRows: x.total, columns: x.columns });
    },
  });
  app.get('/cases/overdue', { schema: { tags, summary: 'The daily overdue list' }, handler: (req) => findOverdueCases(ctxOf(deps, req)) });
  app.get('/cases/stats', { schema: { tags, summary: 'Counts by category and source (office, leader)', querystring: ZPeriod }, handler: (req) => findCaseStats(ctxOf(deps, req), req.query) });
  app.post('/cases', {
    schema: { tags, summary: 'Enter a hotline call, letter, visit or finding', body: ZStaffCaseInput },
    handler: async (req, reply) => reply.status(201).send(await createStaffCase(ctxOf(deps, req), req.body)),
  });
  app.get('/cases/:id', { schema: { tags, summary: 'One case with its steps, files and what the actor may do', params: ZIdParam }, handler: (req) => getCase(ctxOf(deps, req), req.params.id) });
  app.post('/cases/:id/assign', { schema: { tags, params: ZIdParam, body: ZAssignInput }, handler: (req) => assignCase(ctxOf(deps, req), req.params.id, req.body) });
  app.post('/cases/:id/verify', { schema: { tags, params: ZIdParam, body: ZVerifyInput }, handler: (req) => verifyCase(ctxOf(deps, req), req.params.id, req.body) });
  app.post('/cases/:id/rectify', { schema: { tags, params: ZIdParam, body: ZRectifyInput }, handler: (req) => rectifyCase(ctxOf(deps, req), req.params.id, req.body) });
  app.post('/cases/:id/close', { schema: { tags, params: ZIdParam, body: ZCloseInput }, handler: (req) => closeCase(ctxOf(deps, req), req.params.id, req.body) });
  app.post('/cases/:id/reply', { schema: { tags, params: ZIdParam, body: ZReplyInput }, handler: (req) => replyCase(ctxOf(deps, req), req.params.id, req.body) });
  app.post('/cases/:id/reassign', { schema: { tags, params: ZIdParam, body: ZReassignInput }, handler: (req) => reassignCase(ctxOf(deps, req), req.params.id, req.body) });
  app.post('/cases/:id/merge', { schema: { tags, params: ZIdParam, body: ZMergeInput }, handler: (req) => mergeCase(ctxOf(deps, req), req.params.id, req.body) });
  app.post('/cases/:id/reopen', { schema: { tags, params: ZIdParam, body: ZReopenInput }, handler: (req) => reopenCase(ctxOf(deps, req), req.params.id, req.body) });
  app.post('/cases/:id/attachments', {
    bodyLimit: LIMITS.evidenceBytes + 1024 * 1024,
    schema: { tags, summary: 'Attach evidence (raw body: JPEG, PNG, WebP or PDF)', params: ZIdParam },
    handler: async (req, reply) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError('IMAGE_TYPE_UNSUPPORTED');
      return reply.status(201).send(await addEvidence(ctxOf(deps, req), req.params.id, req.body));
    },
  });
  app.get('/cases/:id/attachments/:attachmentId', {
    schema: { tags, summary: 'A file of a case', params: ZIdParam.extend({ attachmentId: z.coerce.number().int().positive().max(2 ** 31 - 1) }) },
    handler: async (req, reply) => {
      const file = await getAttachment(ctxOf(deps, req), req.params.id, req.params.attachmentId);
      const ext = file.contentType.split('/')[1];
      return reply.type(file.contentType).header('content-disposition', `inline; filename="case-${req.params.id}-${req.params.attachmentId}.${ext}"`).send(file.data);
    },
  });

  app.get('/holidays', { schema: { tags, summary: 'The holiday calendar of a year', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }) }, handler: (req) => findHolidays(ctxOf(deps, req), req.query.year) });
  app.put('/holidays/:date', { schema: { tags, summary: 'Set a holiday or make-up working day', params: ZDateParam, body: ZHolidayInput }, handler: (req) => saveHoliday(ctxOf(deps, req), req.params.date, req.body) });
  app.delete('/holidays/:date', {
    schema: { tags, summary: 'Remove a calendar entry', params: ZDateParam },
    handler: async (req, reply) => {
      await deleteHoliday(ctxOf(deps, req), req.params.date);
      return reply.status(204).send();
    },
  });

  app.post('/tasklog', { schema: { tags: ['tasklog'], summary: 'Log a demand received (teachers)', body: ZTasklogInput }, handler: async (req, reply) => reply.status(201).send(await createTaskLog(ctxOf(deps, req), req.body)) });
  app.get('/tasklog', { schema: { tags: ['tasklog'], summary: 'My entries and this term’s hours', querystring: ZPage }, handler: (req) => findMyTaskLogs(ctxOf(deps, req), req.query) });
  app.get('/tasklog/stats', { schema: { tags: ['tasklog'], summary: 'Counts and hours per issuer (never per teacher)', querystring: ZPeriod }, handler: (req) => findTaskLogStats(ctxOf(deps, req), req.query) });
};
