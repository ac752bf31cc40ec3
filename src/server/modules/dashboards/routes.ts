import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PANEL_KEYS, presetPeriod, type TPeriod } from '../../../domain/dashboards/types';
import { label } from '../../../domain/i18n';
import { MAX_PERIOD_DAYS, periodDays } from '../../../domain/reports/period';
import { chinaToday } from '../../../domain/time';
import type { TDeps } from '../../context';
import { sendXlsx } from '../../http/excel';
import { ctxOf } from '../../http/guards';
import { ZIdParam } from '../../http/schemas';
import { panelWorkbook } from './export';
import { getDashboard } from './service';

/** A period of China calendar days: both ends or neither (this year), `from` ≤ `to`, at most 5 years. */
export const ZPeriodQuery = z
  .object({ from: z.iso.date().optional(), to: z.iso.date().optional() })
  .refine((p) => !!p.from === !!p.to, { path: ['to'], message: 'from and to go together' })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { path: ['to'], message: 'to must not be before from' })
  .refine((p) => !p.from || !p.to || p.from > p.to || periodDays({ from: p.from, to: p.to }) <= MAX_PERIOD_DAYS, { path: ['to'], message: 'at most 5 years (as the reports)' });

export function periodOf(q: { from?: string | undefined; to?: string | undefined }): TPeriod {
  return q.from && q.to ? { from: q.from, to: q.to } : presetPeriod('thisYear', chinaToday());
}

export const dashboardRoutes: FastifyPluginAsyncZod<{ deps: TDeps }> = async (app, { deps }) => {
  app.get('/dashboards/:id', {
    schema: { tags: ['dashboards'], summary: 'Every panel of the dashboard of an org (county bureau or region, region above counties, school) for a period', params: ZIdParam, querystring: ZPeriodQuery },
    handler: (req) => getDashboard(ctxOf(deps, req), { orgId: req.params.id, period: periodOf(req.query) }),
  });
  app.get('/dashboards/:id/export.xlsx', {
    schema: {
      tags: ['dashboards'],
      summary: "One panel's data as Excel (the panel's table view)",
      params: ZIdParam,
      querystring: ZPeriodQuery.and(z.object({ panel: z.enum(PANEL_KEYS) })),
    },
    handler: async (req, reply) => {
      const d = await getDashboard(ctxOf(deps, req), { orgId: req.params.id, period: periodOf(req.query) });
      const panel = req.query.panel;
      const stream = panelWorkbook(d, panel);
      return sendXlsx(reply, `${d.org.name}-${label(`dash.panel.${panel}`)}-${d.period.from}至${d.period.to}.xlsx`, stream);
    },
  });
};
