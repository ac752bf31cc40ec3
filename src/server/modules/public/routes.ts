import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { TDeps } from '../../context';

const ZRegion = z.object({ code: z.string(), name: z.string(), hotline: z.string().nullable(), mailbox: z.string().nullable() });

/** Public, no login: the regions with their supervision hotline and mailbox. */
export const publicRoutes: FastifyPluginAsyncZod<{ deps: TDeps }> = async (app, { deps }) => {
  app.get('/public/regions', {
    config: { auth: 'none' },
    schema: { tags: ['public'], summary: 'Regions with their public complaint hotline and mailbox', response: { 200: z.array(ZRegion) } },
    handler: async () => {
      const rows = await deps.db
        .selectFrom('orgs')
        .select(['code', 'name', 'hotline', 'mailbox'])
        .where('kind', '=', 'region')
        .where('status', '=', 'active')
        .where('code', 'is not', null)
        .orderBy('code')
        .execute();
      return rows.map((r) => ({ code: r.code!, name: r.name, hotline: r.hotline, mailbox: r.mailbox }));
    },
  });
};
