import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { TDeps } from '../../context';
import { sendXlsx } from '../../http/excel';
import { ctxOf } from '../../http/guards';
import { ZIdParam } from '../../http/schemas';
import { ZUser, ZUserCreate, ZUserQuery, ZUserUpdate } from './schemas';
import { exportUsers } from './export';
import { createUser, findUsers, resetPassword, unlockUser, updateUser } from './service';

export const userRoutes: FastifyPluginAsyncZod<{ deps: TDeps }> = async (app, { deps }) => {
  app.get('/users', {
    schema: { tags: ['users'], summary: 'Users in scope', querystring: ZUserQuery, response: { 200: z.object({ items: z.array(ZUser), total: z.number() }) } },
    handler: (req) => findUsers(ctxOf(deps, req), req.query),
  });
  app.get('/users/export.xlsx', {
    schema: { tags: ['users'], summary: 'Export the filtered users to Excel', querystring: ZUserQuery.omit({ page: true, pageSize: true }) },
    handler: async (req, reply) => {
      const x = await exportUsers(ctxOf(deps, req), req.query);
      return sendXlsx(reply, x.filename, x.stream, { totalRows: x.total, columns: x.columns });
    },
  });
  app.post('/users', {
    schema: { tags: ['users'], summary: 'Create a user (temporary password, must change at first login)', body: ZUserCreate, response: { 201: z.object({ user: ZUser, initialPassword: z.string() }) } },
    handler: async (req, reply) => reply.status(201).send(await createUser(ctxOf(deps, req), req.body)),
  });
  app.patch('/users/:id', {
    schema: { tags: ['users'], summary: 'Edit, disable or change the role of a user', params: ZIdParam, body: ZUserUpdate, response: { 200: ZUser } },
    handler: (req) => updateUser(ctxOf(deps, req), req.params.id, req.body),
  });
  app.post('/users/:id/reset-password', {
    schema: { tags: ['users'], summary: 'Reset to a temporary password', params: ZIdParam, response: { 200: z.object({ initialPassword: z.string() }) } },
    handler: (req) => resetPassword(ctxOf(deps, req), { userId: req.params.id }),
  });
  app.post('/users/:id/unlock', {
    schema: { tags: ['users'], summary: 'Unlock a locked account', params: ZIdParam },
    handler: async (req, reply) => {
      await unlockUser(ctxOf(deps, req), req.params.id);
      return reply.status(204).send();
    },
  });
};
