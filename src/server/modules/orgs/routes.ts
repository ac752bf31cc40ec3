import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { TDeps } from '../../context';
import { sendXlsx } from '../../http/excel';
import { ctxOf } from '../../http/guards';
import { ZIdParam, ZPage } from '../../http/schemas';
import { findTeachers } from '../teachers/service';
import { ZOrg, ZOrgCreate, ZOrgNode, ZOrgUpdate, ZTeacherListItem } from './schemas';
import { exportTeachers } from './export';
import { createOrg, getOrg, getOrgTree, updateOrg } from './service';

const ZTeacherQuery = z.object({ q: z.string().trim().max(50).optional() });

export const orgRoutes: FastifyPluginAsyncZod<{ deps: TDeps }> = async (app, { deps }) => {
  app.get('/orgs/tree', {
    schema: { tags: ['orgs'], summary: "The actor's org subtree", response: { 200: z.array(ZOrgNode) } },
    handler: (req) => getOrgTree(ctxOf(deps, req)),
  });
  app.get('/orgs/:id', {
    schema: {
      tags: ['orgs'],
      summary: 'One org with its path and counts',
      params: ZIdParam,
      response: {
        200: ZOrg.extend({
          path: z.array(z.object({ id: z.number(), name: z.string() })),
          counts: z.object({ children: z.number(), users: z.number(), teachers: z.number() }),
        }),
      },
    },
    handler: (req) => getOrg(ctxOf(deps, req), req.params.id),
  });
  app.post('/orgs', {
    schema: { tags: ['orgs'], summary: 'Create an org under a parent', body: ZOrgCreate, response: { 201: ZOrg } },
    handler: async (req, reply) => reply.status(201).send(await createOrg(ctxOf(deps, req), req.body)),
  });
  app.patch('/orgs/:id', {
    schema: { tags: ['orgs'], summary: 'Edit an org', params: ZIdParam, body: ZOrgUpdate, response: { 200: ZOrg } },
    handler: (req) => updateOrg(ctxOf(deps, req), req.params.id, req.body),
  });
  app.get('/orgs/:id/teachers', {
    schema: {
      tags: ['orgs'],
      summary: 'Teachers of an org subtree (masked)',
      params: ZIdParam,
      querystring: ZPage.extend(ZTeacherQuery.shape),
      response: { 200: z.object({ items: z.array(ZTeacherListItem), total: z.number() }) },
    },
    handler: (req) => findTeachers(ctxOf(deps, req), { orgId: req.params.id, ...req.query }),
  });
  app.get('/orgs/:id/teachers/export.xlsx', {
    schema: { tags: ['orgs'], summary: 'Export the filtered teacher list of an org subtree to Excel (masked, audited; x-total-rows for progress)', params: ZIdParam, querystring: ZTeacherQuery },
    handler: async (req, reply) => {
      const x = await exportTeachers(ctxOf(deps, req), { orgId: req.params.id, ...req.query });
      return sendXlsx(reply, x.filename, x.stream, { totalRows: x.total, columns: x.columns });
    },
  });
};
