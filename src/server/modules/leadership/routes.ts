import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LEADERSHIP_ROLES, LEADERSHIP_TOPICS, ZLeadershipGroupInput } from '../../../domain/leadership/schemas';
import type { TDeps } from '../../context';
import { ctxOf } from '../../http/guards';
import { ZIdParam } from '../../http/schemas';
import { deleteLeadership, getLeadership, saveLeadership } from './service';

const ZGroup = z.object({
  topic: z.enum(LEADERSHIP_TOPICS),
  name: z.string(),
  officeLocation: z.string().nullable(),
  officeDirector: z.string().nullable(),
  members: z.array(z.object({ role: z.enum(LEADERSHIP_ROLES), name: z.string(), post: z.string() })),
  updatedAt: z.string(),
});
const ZTopicParam = ZIdParam.extend({ topic: z.enum(LEADERSHIP_TOPICS) });

/** 领导小组 of an org: read by the org's scope, written by the office / a school for their own org. */
export const leadershipRoutes: FastifyPluginAsyncZod<{ deps: TDeps }> = async (app, { deps }) => {
  app.get('/orgs/:id/leadership', {
    schema: { tags: ['orgs'], summary: 'Leadership groups of an org', params: ZIdParam, response: { 200: z.object({ orgId: z.number(), orgName: z.string(), canEdit: z.boolean(), groups: z.array(ZGroup) }) } },
    handler: (req) => getLeadership(ctxOf(deps, req), req.params.id),
  });
  app.put('/orgs/:id/leadership/:topic', {
    schema: { tags: ['orgs'], summary: 'Create or replace the leadership group of a topic', params: ZTopicParam, body: ZLeadershipGroupInput, response: { 200: ZGroup } },
    handler: (req) => saveLeadership(ctxOf(deps, req), { orgId: req.params.id, topic: req.params.topic, data: req.body }),
  });
  app.delete('/orgs/:id/leadership/:topic', {
    schema: { tags: ['orgs'], summary: 'Remove the leadership group of a topic', params: ZTopicParam },
    handler: async (req, reply) => {
      await deleteLeadership(ctxOf(deps, req), { orgId: req.params.id, topic: req.params.topic });
      return reply.status(204).send();
    },
  });
};
