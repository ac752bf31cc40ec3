import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { label } from '../../../domain/i18n';
import { chinaToday } from '../../../domain/time';
import type { TDeps } from '../../context';
import { onePage, sendXlsx, streamXlsx } from '../../http/excel';
import { AppError, handleError } from '../../http/errors';
import { ctxOf } from '../../http/guards';
import { ZIdParam, ZPage } from '../../http/schemas';
import { authorize } from '../../policy';
import { catalogKeys, catalogLabel } from './catalogAccess';
import { requesterFile, schoolFile, templateFile } from './export';
import { findMyTasks, getResponse, submitResponse } from './fill';
import { getTeacherMasterData } from './masterView';
import { collectionHoursSaved } from './open';
import { COLLECTION_LIST_STATUSES, findCollections, getCollection, getCollectionOfItem } from './present';
import { exportCollections } from './listExport';
import { createCollection, MAX_TEMPLATE_BYTES, submitCollection, updateCollection } from './request';
import { commitRosterImport, discardRosterImport, findRosterImports, getRosterImport, previewRosterImport, rosterErrorRows } from './rosterImport';
import { ZCollectionPatch, ZCollectionSubmit, ZDecision, ZRemind, ZResponseSubmit, ZRosterCommit, ZRosterQuery, ZTemplateQuery, ZUpload } from './schemas';
import { decideCorrection, findSchoolCollections, getSchoolProgress, remindPending } from './school';

/** An uploaded .xlsx: the raw body (content-type xlsx or octet-stream) or JSON `{fileName, contentBase64}`. */
function uploaded(req: FastifyRequest, fallbackName: string | undefined): { fileName: string; content: Buffer } {
  if (Buffer.isBuffer(req.body)) {
    if (req.body.length > MAX_TEMPLATE_BYTES) throw new AppError('FILE_TOO_LARGE');
    return { fileName: fallbackName ?? 'upload.xlsx', content: req.body };
  }
  // a file over 20 MB sent as base64 is refused as too large, not as unreadable
  const b64 = (req.body as { contentBase64?: unknown } | null)?.contentBase64;
  if (typeof b64 === 'string' && Math.floor((b64.replace(/=+$/, '').length * 3) / 4) > MAX_TEMPLATE_BYTES) throw new AppError('FILE_TOO_LARGE');
  const parsed = ZUpload.safeParse(req.body);
  if (!parsed.success) throw new AppError('INVALID_SPREADSHEET');
  const content = Buffer.from(parsed.data.contentBase64, 'base64');
  if (content.length > MAX_TEMPLATE_BYTES) throw new AppError('FILE_TOO_LARGE');
  return { fileName: parsed.data.fileName, content };
}

/**
 * Upload routes answer a body over their limit with the file error (20 MB, what to do), not the
 * generic PAYLOAD_TOO_LARGE: Fastify refuses such a body before the handler runs.
 */
function uploadErrors(err: Error, req: FastifyRequest, reply: FastifyReply): void {
  const tooLarge = (err as FastifyError).code === 'FST_ERR_CTP_BODY_TOO_LARGE' || (err as FastifyError).statusCode === 413;
  void handleError(tooLarge && !(err instanceof AppError) ? new AppError('FILE_TOO_LARGE', { cause: err }) : err, req, reply);
}

function sendFile(reply: FastifyReply, fileName: string, buf: Buffer) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(buf);
}

/** The roster columns of the national teacher management system's export, as the empty template offers them. */
const ROSTER_TEMPLATE_KEYS = ['teacher.name', 'teacher.gender', 'teacher.idType', 'teacher.idNumber', 'teacher.birthDate', 'teacher.ethnicity', 'teacher.politicalStatus', 'teacher.workStartDate', 'teacher.schoolJoinDate', 'teacher.highestEducation', 'teacher.professionalTitle', 'teacher.teachingStage', 'teacher.teachingSubject', 'teacher.mobile'];

const UPLOAD_LIMIT = 30 * 1024 * 1024;
const ZRosterUploadQuery = z.object({ schoolId: z.coerce.number().int().positive(), fileName: z.string().trim().max(200).optional() });
const ZDay = z.iso.date();
const ZCollectionListQuery = ZPage.extend({ status: z.enum(COLLECTION_LIST_STATUSES).optional() });

export const collectionRoutes: FastifyPluginAsyncZod<{ deps: TDeps }> = async (app, { deps }) => {
  // ---- roster import: upload → preview → commit all / valid only ----
  app.get('/roster/template.xlsx', { schema: { tags: ['collections'], summary: 'Empty roster template (national teacher system columns)' }, handler: (req, reply) => {
    authorize(ctxOf(deps, req).actor, 'roster.import');
    const stream = streamXlsx<string[]>({ sheet: catalogLabel('teacher.school'), pages: onePage([]), columns: ROSTER_TEMPLATE_KEYS.map((k) => ({ header: catalogLabel(k), width: k === 'teacher.idNumber' ? 22 : 14, value: () => null })) });
    return sendXlsx(reply, `roster-${chinaToday()}.xlsx`, stream);
  } });
  app.post('/roster/imports', {
    bodyLimit: UPLOAD_LIMIT,
    errorHandler: uploadErrors,
    schema: { tags: ['collections'], summary: 'Upload a teacher roster: validated preview stored as an import job', querystring: ZRosterUploadQuery },
    handler: async (req, reply) => {
      const ctx = ctxOf(deps, req);
      const file = uploaded(req, req.query.fileName);
      return reply.status(201).send(await previewRosterImport(ctx, { schoolId: req.query.schoolId, ...file }));
    },
  });
  app.get('/roster/imports', { schema: { tags: ['collections'], summary: 'Import jobs of a school', querystring: z.object({ schoolId: z.coerce.number().int().positive() }) }, handler: (req) => findRosterImports(ctxOf(deps, req), req.query) });
  app.get('/roster/imports/:id', { schema: { tags: ['collections'], summary: 'An import job with its per-row results', params: ZIdParam, querystring: ZRosterQuery }, handler: (req) => getRosterImport(ctxOf(deps, req), req.params.id, req.query) });
  app.post('/roster/imports/:id/commit', { schema: { tags: ['collections'], summary: 'Commit all rows (refused if any is invalid) or only the valid ones', params: ZIdParam, body: ZRosterCommit }, handler: (req) => commitRosterImport(ctxOf(deps, req), req.params.id, req.body) });
  app.post('/roster/imports/:id/discard', { schema: { tags: ['collections'], params: ZIdParam }, handler: async (req, reply) => {
    await discardRosterImport(ctxOf(deps, req), req.params.id);
    return reply.status(204).send();
  } });
  app.get('/roster/imports/:id/errors.xlsx', { schema: { tags: ['collections'], summary: 'Excel error report: a reason per rejected row', params: ZIdParam }, handler: async (req, reply) => {
    const { rows } = await rosterErrorRows(ctxOf(deps, req), req.params.id);
    const stream = streamXlsx({
      sheet: 'errors',
      pages: onePage(rows),
      columns: [
        { header: label('collections.roster.row'), width: 8, value: (r) => r.row },
        { header: catalogLabel('teacher.name'), width: 12, value: (r) => r.name },
        { header: catalogLabel('teacher.idNumber'), width: 22, value: (r) => r.idNumberMasked },
        { header: label('collections.roster.reason'), width: 80, value: (r) => r.reasons.map((x) => x.zh).join('；') },
      ],
    });
    return sendXlsx(reply, `roster-errors-${req.params.id}.xlsx`, stream);
  } });
  app.get('/teachers/:id/master-data', { schema: { tags: ['collections'], summary: "A teacher's master data with source, time and history (masked)", params: ZIdParam }, handler: (req) => getTeacherMasterData(ctxOf(deps, req), req.params.id) });

  // ---- collection requests (requester side; reviewers read them) ----
  app.get('/collections', { schema: { tags: ['collections'], summary: 'Collections requested in scope (status as shown)', querystring: ZCollectionListQuery }, handler: (req) => findCollections(ctxOf(deps, req), req.query) });
  app.get('/collections/export.xlsx', {
    schema: { tags: ['collections'], summary: 'Export the filtered collections list to Excel (streamed, x-total-rows for progress; audited)', querystring: ZCollectionListQuery.omit({ page: true, pageSize: true }) },
    handler: async (req, reply) => {
      const x = await exportCollections(ctxOf(deps, req), req.query);
      return sendXlsx(reply, x.filename, x.stream, { totalRows: x.total, columns: x.columns });
    },
  });
  app.post('/collections', {
    bodyLimit: UPLOAD_LIMIT,
    errorHandler: uploadErrors,
    schema: { tags: ['collections'], summary: 'Upload a template: a draft with every column matched, the reuse ratio and the overlap', querystring: ZTemplateQuery },
    handler: async (req, reply) => {
      const file = uploaded(req, req.query.fileName);
      return reply.status(201).send(await createCollection(ctxOf(deps, req), { title: req.query.title, subjectType: req.query.subjectType, ...file }));
    },
  });
  app.get('/collections/catalog', {
    schema: { tags: ['collections'], summary: 'Catalog keys a column may be matched to', querystring: z.object({ subject: z.enum(['teacher', 'school']).default('teacher') }) },
    handler: (req) => {
      authorize(ctxOf(deps, req).actor, 'collection.read');
      return catalogKeys(req.query.subject).map((key) => ({ key, zh: catalogLabel(key, 'zh'), en: catalogLabel(key, 'en') }));
    },
  });
  app.get('/collections/school', { schema: { tags: ['collections'], summary: 'Collections open for my school, with its progress' }, handler: (req) => findSchoolCollections(ctxOf(deps, req)) });
  app.get('/collections/tasks', { schema: { tags: ['collections'], summary: 'What I have to fill, with reminders' }, handler: (req) => findMyTasks(ctxOf(deps, req)) });
  app.get('/collections/hours', {
    schema: { tags: ['collections'], summary: 'Hours saved by collections of my scope', querystring: z.object({ from: ZDay, to: ZDay }) },
    handler: (req) => {
      const ctx = ctxOf(deps, req);
      authorize(ctx.actor, 'collection.read');
      return collectionHoursSaved({ db: ctx.db, orgPath: ctx.actor.scopePath, from: req.query.from, to: req.query.to });
    },
  });
  app.get('/collections/by-item/:id', { schema: { tags: ['collections'], summary: 'The collection a register item registers', params: ZIdParam }, handler: (req) => getCollectionOfItem(ctxOf(deps, req), req.params.id) });
  app.get('/collections/:id', { schema: { tags: ['collections'], summary: 'One collection: matches, reuse, overlap, progress, hours saved', params: ZIdParam }, handler: (req) => getCollection(ctxOf(deps, req), req.params.id) });
  app.patch('/collections/:id', { schema: { tags: ['collections'], summary: 'Edit the draft: population, matches, title', params: ZIdParam, body: ZCollectionPatch }, handler: (req) => updateCollection(ctxOf(deps, req), req.params.id, req.body) });
  app.post('/collections/:id/submit', { schema: { tags: ['collections'], summary: 'Submit for register approval (data_collection item)', params: ZIdParam, body: ZCollectionSubmit }, handler: (req) => submitCollection(ctxOf(deps, req), req.params.id, req.body) });
  app.get('/collections/:id/file.xlsx', { schema: { tags: ['collections'], summary: 'The template filled from master data (audited)', params: ZIdParam }, handler: async (req, reply) => {
    const f = await requesterFile(ctxOf(deps, req), req.params.id);
    return sendFile(reply, f.fileName, f.buf);
  } });
  app.get('/collections/:id/template.xlsx', { schema: { tags: ['collections'], summary: 'The uploaded template', params: ZIdParam }, handler: async (req, reply) => {
    const f = await templateFile(ctxOf(deps, req), req.params.id);
    return sendFile(reply, f.fileName, f.buf);
  } });

  // ---- the school: progress, reminders, corrections, its own file ----
  app.get('/collections/:id/school', { schema: { tags: ['collections'], summary: "The school's progress and corrections", params: ZIdParam }, handler: (req) => getSchoolProgress(ctxOf(deps, req), req.params.id) });
  app.post('/collections/:id/school/remind', { schema: { tags: ['collections'], summary: 'Remind those who have not filled', params: ZIdParam, body: ZRemind }, handler: (req) => remindPending(ctxOf(deps, req), req.params.id, req.body) });
  app.get('/collections/:id/school/file.xlsx', { schema: { tags: ['collections'], summary: "The school's rows, personal data masked (audited)", params: ZIdParam }, handler: async (req, reply) => {
    const f = await schoolFile(ctxOf(deps, req), req.params.id);
    return sendFile(reply, f.fileName, f.buf);
  } });
  app.post('/collections/corrections/:id/decide', { schema: { tags: ['collections'], summary: 'Confirm or reject a correction', params: ZIdParam, body: ZDecision }, handler: (req) => decideCorrection(ctxOf(deps, req), req.params.id, req.body) });

  // ---- the teacher's page ----
  app.get('/collections/responses/:id', { schema: { tags: ['collections'], summary: 'My page: held values, what to type, the commitment', params: ZIdParam }, handler: (req) => getResponse(ctxOf(deps, req), req.params.id) });
  app.post('/collections/responses/:id', { schema: { tags: ['collections'], summary: 'Send my answers, corrections and signed commitment', params: ZIdParam, body: ZResponseSubmit }, handler: (req) => submitResponse(ctxOf(deps, req), req.params.id, req.body) });
};
