import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { REPORT_TYPES, ZReportQuery } from '../../../domain/reports/period';
import type { TDeps } from '../../context';
import { ctxOf } from '../../http/guards';
import { exportReport } from './service';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** `GET /reports/<type>.docx?org=&from=&to=`: a GB/T 9704 Word report from live data, audited as an export. */
export const reportRoutes: FastifyPluginAsyncZod<{ deps: TDeps }> = async (app, { deps }) => {
  for (const type of REPORT_TYPES) {
    app.get(`/reports/${type}.docx`, {
      schema: { tags: ['reports'], summary: `Word report: ${type} (GB/T 9704 layout)`, querystring: ZReportQuery },
      handler: async (req, reply) => {
        const file = await exportReport(ctxOf(deps, req), { type, orgId: req.query.org, from: req.query.from, to: req.query.to });
        return reply
          .header('content-type', DOCX)
          .header('content-disposition', `attachment; filename="report.docx"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
          .header('x-document-number', encodeURIComponent(file.docNo))
          .send(file.buffer);
      },
    });
  }
};
