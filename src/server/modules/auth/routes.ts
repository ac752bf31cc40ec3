import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { abilitiesOf } from '../../../domain/abilities';
import type { TDeps } from '../../context';
import { AppError } from '../../http/errors';
import { IDLE_TIMEOUT_SECONDS, cookieOptions, ctxOf } from '../../http/guards';
import { hitRateLimit } from '../../http/rateLimit';
import { ZError } from '../../http/schemas';
import { changePassword, login, logout } from './service';
import { CSRF_COOKIE, SESSION_COOKIE, deleteSession, loadActor } from './sessions';

export const ZLoginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
});

export const ZMe = z.object({
  user: z.object({
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    role: z.string(),
    org: z.object({ id: z.number(), name: z.string(), kind: z.string(), code: z.string().nullable() }),
  }),
  abilities: z.array(z.string()),
  mustChangePassword: z.boolean(),
  csrfToken: z.string(),
  idleTimeoutSeconds: z.number(),
});

/** Login attempts per IP per minute, on top of the per-account lockout. */
const LOGIN_IP_LIMIT = 30;

export const authRoutes: FastifyPluginAsyncZod<{ deps: TDeps }> = async (app, { deps }) => {
  const me = (actor: NonNullable<Parameters<typeof ctxOf>[1]['actor']>) => ({
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      role: actor.role,
      org: { id: actor.orgId, name: actor.orgName, kind: actor.orgKind, code: actor.orgCode },
    },
    abilities: [...abilitiesOf(actor.role)],
    mustChangePassword: actor.mustChangePassword,
    csrfToken: actor.csrfToken,
    idleTimeoutSeconds: IDLE_TIMEOUT_SECONDS,
  });

  app.get('/auth/csrf', {
    config: { auth: 'none' },
    schema: { tags: ['auth'], summary: 'Issue the CSRF cookie', response: { 200: z.object({ csrfToken: z.string() }) } },
    handler: async (req, reply) => ({ csrfToken: app.ensureCsrfCookie(req, reply) }),
  });

  app.post('/auth/login', {
    config: { auth: 'none' },
    schema: { tags: ['auth'], summary: 'Sign in', body: ZLoginBody, response: { 200: ZMe, 401: ZError, 423: ZError } },
    handler: async (req, reply) => {
      const hits = await hitRateLimit(deps.db, { key: `login:${req.ip}`, windowSeconds: 60 });
      if (hits > LOGIN_IP_LIMIT) throw new AppError('RATE_LIMITED');
      const result = await login(deps, {
        username: req.body.username,
        password: req.body.password,
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
        requestId: req.id,
      });
      if (req.actor) await deleteSession(deps.db, req.actor.sessionId);
      reply.setCookie(SESSION_COOKIE, result.token, cookieOptions(deps.config.cookieSecure, true));
      reply.setCookie(CSRF_COOKIE, result.csrfToken, cookieOptions(deps.config.cookieSecure, false));
      const actor = await loadActor(deps.db, result.token);
      if (!actor) throw new AppError('INTERNAL');
      return me(actor);
    },
  });

  app.post('/auth/logout', {
    config: { duringPasswordChange: true },
    schema: { tags: ['auth'], summary: 'Sign out' },
    handler: async (req, reply) => {
      await logout(ctxOf(deps, req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      reply.clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  });

  app.get('/auth/me', {
    config: { duringPasswordChange: true },
    schema: { tags: ['auth'], summary: 'The signed-in user, role, org and abilities', response: { 200: ZMe, 401: ZError } },
    handler: async (req) => me(ctxOf(deps, req).actor),
  });

  app.post('/auth/change-password', {
    config: { duringPasswordChange: true },
    schema: {
      tags: ['auth'],
      summary: 'Change own password',
      body: z.object({ currentPassword: z.string().min(1).max(128), newPassword: z.string().min(1).max(128) }),
    },
    handler: async (req, reply) => {
      await changePassword(ctxOf(deps, req), req.body);
      return reply.status(204).send();
    },
  });
};
