import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { TDeps } from '../../context';
import { ctxOf } from '../../http/guards';
import { getHomeStats } from './service';

export const homeRoutes: FastifyPluginAsyncZod<{ deps: TDeps }> = async (app, { deps }) => {
  app.get('/home/stats', {
    schema: {
      tags: ['home'],
      summary: 'Counts in scope for the home page',
      response: { 200: z.object({ orgs: z.number(), schools: z.number(), teachers: z.number(), users: z.number(), lockedUsers: z.number(), auditToday: z.number().nullable() }) },
    },
    handler: (req) => getHomeStats(ctxOf(deps, req)),
  });
};
