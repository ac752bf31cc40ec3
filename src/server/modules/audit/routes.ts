import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { TDeps } from '../../context';
import { ctxOf } from '../../http/guards';
import { rowBytesEstimate } from '../../http/excel';
import { AUDIT_EXPORT_MAX_ROWS, ZAuditQuery, exportAuditEntries, findAuditEntries } from './service';

const ZAuditItem = z.object({
  id: z.number(),
  at: z.string(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  actorOrgName: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});

export const auditRoutes: FastifyPluginAsyncZod<{ deps: TDeps }> = async (app, { deps }) => {
  app.get('/audit', {
    schema: { tags: ['audit'], summary: 'The audit log (read-only)', querystring: ZAuditQuery, response: { 200: z.object({ items: z.array(ZAuditItem), total: z.number() }) } },
    handler: (req) => findAuditEntries(ctxOf(deps, req), req.query),
  });
  app.get('/audit/export.xlsx', {
    schema: { tags: ['audit'], summary: 'Export the filtered audit log as Excel', querystring: ZAuditQuery.omit({ page: true, pageSize: true }) },
    handler: async (req, reply) => {
      const ctx = ctxOf(deps, req);
      const stream = await exportAuditEntries(ctx, req.query);
      // the filtered count, for the download's progress (the export stops at AUDIT_EXPORT_MAX_ROWS)
      const { total } = await findAuditEntries(ctx, { ...req.query, page: 1, pageSize: 1 });
      const name = encodeURIComponent(`操作日志-${new Date().toISOString().slice(0, 10)}.xlsx`);
      return reply
        .header('x-total-rows', String(Math.min(Number(total), AUDIT_EXPORT_MAX_ROWS)))
        .header('x-row-bytes', String(rowBytesEstimate(12)))
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="audit.xlsx"; filename*=UTF-8''${name}`)
        .send(stream);
    },
  });
};
