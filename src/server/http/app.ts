import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { SECURITY } from '../config';
import type { TDeps } from '../context';
import { auditRoutes } from '../modules/audit/routes';
import { authRoutes } from '../modules/auth/routes';
import { homeRoutes } from '../modules/home/routes';
import { orgRoutes } from '../modules/orgs/routes';
import { leadershipRoutes } from '../modules/leadership/routes';
import { reportRoutes } from '../modules/reports/routes';
import { publicRoutes } from '../modules/public/routes';
import { registerRoutes } from '../modules/register/routes';
import { collectionRoutes } from '../modules/collections/routes';
import { dashboardRoutes } from '../modules/dashboards/routes';
import { caseRoutes } from '../modules/cases/routes';
import { complaintPublicRoutes } from '../modules/cases/publicRoutes';
import { userRoutes } from '../modules/users/routes';
import { errorBody, handleError } from './errors';
import { configureSessionCache } from '../modules/auth/sessions';
import { guardsPlugin } from './guards';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');
// swagger-ui needs inline scripts on its own page only
const DOCS_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");

export interface TAppOptions {
  deps: TDeps;
  /** Folder of the built web app (dist/web); pages are served from it when present. */
  webDir?: string | null;
  logger?: boolean | { level: string };
}

export async function buildApp(opts: TAppOptions): Promise<FastifyInstance> {
  const { deps } = opts;
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: SECURITY.bodyLimitBytes,
    trustProxy: deps.config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((err, req, reply) => handleError(err as Error, req, reply));

  configureSessionCache(deps.config.sessionCacheMs);
  const baseHeaders: Record<string, string> = {
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'same-origin',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
    ...(deps.config.cookieSecure ? { 'strict-transport-security': 'max-age=31536000' } : {}),
  };
  const apiHeaders = { ...baseHeaders, 'cache-control': 'no-store' };
  const docsHeaders = { ...baseHeaders, 'content-security-policy': DOCS_CSP };
  // set before anything else runs, so that every answer (errors included) carries them
  app.addHook('onRequest', (req, reply, done) => {
    const url = req.url;
    reply.headers(url.startsWith('/api/docs') ? docsHeaders : url.startsWith('/api/') ? apiHeaders : baseHeaders);
    reply.header('x-request-id', req.id);
    done();
  });

  // spreadsheets are uploaded as the request body; size limits are set per route
  app.addContentTypeParser(
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'],
    { parseAs: 'buffer' },
    (_req, body, done) => done(null, body),
  );
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Jianfu 减负 API', version: '1' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'jf_sid' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  await app.register(guardsPlugin, { deps });

  app.get('/healthz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await sql`select 1`.execute(deps.db);
      return { ok: true };
    } catch {
      return reply.status(503).send({ ok: false });
    }
  });

  await app.register(
    async (api) => {
      await api.register(authRoutes, { deps });
      await api.register(homeRoutes, { deps });
      await api.register(orgRoutes, { deps });
      await api.register(leadershipRoutes, { deps });
      await api.register(reportRoutes, { deps });
      await api.register(userRoutes, { deps });
      await api.register(auditRoutes, { deps });
      await api.register(registerRoutes, { deps });
      await api.register(collectionRoutes, { deps });
      await api.register(dashboardRoutes, { deps });
      await api.register(publicRoutes, { deps });
      await api.register(caseRoutes, { deps });
      await api.register(complaintPublicRoutes, { deps });
    },
    { prefix: '/api/v1' },
  );

  const webDir = opts.webDir && fs.existsSync(path.join(opts.webDir, 'index.html')) ? opts.webDir : null;
  if (webDir) {
    await app.register(fastifyStatic, { root: webDir, prefix: '/', index: false, wildcard: false, serve: true });
  }
  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split('?')[0] ?? '';
    if (url.startsWith('/api/') || url === '/api' || req.method !== 'GET' || !webDir) {
      return reply.status(404).send(errorBody('ROUTE_NOT_FOUND', req.id));
    }
    if (/\.[a-z0-9]+$/i.test(url)) return reply.status(404).send(errorBody('ROUTE_NOT_FOUND', req.id));
    const page = url === '/admin' || url.startsWith('/admin/') ? 'admin.html' : 'index.html';
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile(page);
  });
  return app;
}
