/**
 * Public complaint endpoints (no login, no CSRF: under /api/v1/public). Each is rate-limited per
 * address with the shared limiter; a complaint also needs a solved challenge.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZComplaintInput, ZOrgSearch } from '../../../domain/cases/schemas';
import type { TDeps } from '../../context';
import { AppError, errorBody } from '../../http/errors';
import { SharedRateLimiter } from '../../http/sharedLimiter';
import { addComplaintImage } from './attachments';
import { issueChallenge } from './challenge';
import { createComplaint, findPublicOrgs, trackComplaint } from './complaints';
import { caseSettings, LIMITS } from './settings';
import { publicComplaintStats } from './stats';

const ZTrackingParam = z.object({ trackingNo: z.string().trim().min(1).max(40) });
const ZKeyQuery = z.object({ key: z.string().trim().max(64).optional() });

function keyOf(req: FastifyRequest, query: { key?: string | undefined }): string | undefined {
  const h = req.headers['x-complaint-key'];
  return (Array.isArray(h) ? h[0] : h) ?? query.key;
}

export const complaintPublicRoutes: FastifyPluginAsyncZod<{ deps: TDeps }> = async (app, { deps }) => {
  const settings = caseSettings();
  const limiters = {
    complaint: new SharedRateLimiter(deps.db, { name: 'complaint', limit: settings.complaintsPerHour, windowSeconds: 3600 }),
    upload: new SharedRateLimiter(deps.db, { name: 'complaint-upload', limit: settings.uploadsPerHour, windowSeconds: 3600 }),
    track: new SharedRateLimiter(deps.db, { name: 'complaint-track', limit: settings.tracksPerMinute, windowSeconds: 60 }),
    orgs: new SharedRateLimiter(deps.db, { name: 'org-search', limit: settings.orgSearchesPerMinute, windowSeconds: 60 }),
    challenge: new SharedRateLimiter(deps.db, { name: 'challenge', limit: settings.challengesPerMinute, windowSeconds: 60 }),
  };
  app.addHook('onClose', async () => {
    for (const l of Object.values(limiters)) {
      await l.flush();
      l.close();
    }
  });
  const limited = (l: SharedRateLimiter, req: FastifyRequest, reply: FastifyReply, retryAfter: number) => {
    if (l.hit(req.ip)) return false;
    void reply.status(429).header('retry-after', String(retryAfter)).send(errorBody('RATE_LIMITED', req.id));
    return true;
  };
  // images arrive as the raw body, whatever content-type the browser claims: the bytes decide
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: LIMITS.imageBytes + 1024 * 1024 }, (_req, body, done) => done(null, body));

  app.get('/public/challenge', {
    config: { auth: 'none' },
    schema: { tags: ['public'], summary: 'A challenge to solve before filing a complaint' },
    handler: async (req, reply) => {
      if (limited(limiters.challenge, req, reply, 60)) return reply;
      return issueChallenge(deps, { difficulty: settings.difficulty, seconds: settings.challengeSeconds });
    },
  });

  app.get('/public/orgs', {
    config: { auth: 'none' },
    schema: { tags: ['public'], summary: 'Organisations by part of their name (complaint form)', querystring: z.object({ q: ZOrgSearch, region: z.string().regex(/^\d{6}$/).optional() }) },
    handler: async (req, reply) => {
      if (limited(limiters.orgs, req, reply, 60)) return reply;
      return findPublicOrgs(deps, req.query);
    },
  });

  app.post('/public/complaints', {
    config: { auth: 'none' },
    schema: { tags: ['public'], summary: 'File a complaint (anonymous or named)', body: ZComplaintInput },
    handler: async (req, reply) => {
      if (limited(limiters.complaint, req, reply, 3600)) return reply;
      const created = await createComplaint(deps, { input: req.body, ip: req.ip, requestId: req.id, minDifficulty: settings.difficulty });
      return reply.status(201).send(created);
    },
  });

  app.get('/public/complaints/stats', {
    config: { auth: 'none' },
    schema: { tags: ['public'], summary: 'Monthly complaints by category, share closed on time, median days', querystring: z.object({ months: z.coerce.number().int().min(1).max(36).default(12), region: z.string().regex(/^\d{6}$/).optional() }) },
    handler: async (req) => {
      const stats = await publicComplaintStats(deps.db, req.query);
      if (!stats) throw new AppError('NOT_FOUND');
      return stats;
    },
  });

  app.post('/public/complaints/:trackingNo/attachments', {
    config: { auth: 'none' },
    bodyLimit: LIMITS.imageBytes + 1024 * 1024,
    schema: { tags: ['public'], summary: 'Add an image to a complaint (raw body; key in x-complaint-key or ?key=)', params: ZTrackingParam, querystring: ZKeyQuery },
    handler: async (req, reply) => {
      if (limited(limiters.upload, req, reply, 3600)) return reply;
      if (!Buffer.isBuffer(req.body)) throw new AppError('IMAGE_TYPE_UNSUPPORTED');
      const saved = await addComplaintImage(deps, { trackingNo: req.params.trackingNo, key: keyOf(req, req.query), body: req.body, ip: req.ip, requestId: req.id });
      return reply.status(201).send(saved);
    },
  });

  app.get('/public/complaints/:trackingNo', {
    config: { auth: 'none' },
    schema: { tags: ['public'], summary: 'Follow a complaint with its tracking number and key', params: ZTrackingParam, querystring: ZKeyQuery },
    handler: async (req, reply) => {
      if (limited(limiters.track, req, reply, 60)) return reply;
      const view = await trackComplaint(deps, { trackingNo: req.params.trackingNo, key: keyOf(req, req.query) });
      if (!view) throw new AppError('NOT_FOUND');
      return view;
    },
  });
};
