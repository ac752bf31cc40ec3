import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { SECURITY } from '../config';
import type { TActor, TCtx, TDeps } from '../context';
import { CSRF_COOKIE, SESSION_COOKIE, loadActor, peekCachedActor, randomToken } from '../modules/auth/sessions';
import { AppError } from './errors';

declare module 'fastify' {
  interface FastifyRequest {
    actor: TActor | null;
  }
  interface FastifyContextConfig {
    /** `required` (default under /api/v1), `none` for public and login routes. */
    auth?: 'required' | 'none';
    /** Reachable while the user must still change the password. */
    duringPasswordChange?: boolean;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function isPublicPath(url: string): boolean {
  return url.startsWith('/api/v1/public/') || url.startsWith('/api/docs') || url === '/healthz' || !url.startsWith('/api/');
}

export function cookieOptions(secure: boolean, httpOnly: boolean) {
  return { path: '/', httpOnly, sameSite: 'strict' as const, secure };
}

/**
 * Session loading, CSRF (double-submit cookie, bound to the session once logged in), the
 * authentication gate and the forced password change, in one place.
 */
export const guardsPlugin = fp(async (app: FastifyInstance, opts: { deps: TDeps }) => {
  const { deps } = opts;
  app.decorateRequest('actor', null);

  function checkCsrf(req: FastifyRequest): void {
    if (!STATE_CHANGING.has(req.method)) return;
    const header = req.headers['x-csrf-token'];
    const cookie = req.cookies[CSRF_COOKIE];
    const sent = Array.isArray(header) ? header[0] : header;
    const expected = req.actor ? req.actor.csrfToken : cookie;
    if (!sent || !cookie || sent !== cookie || sent !== expected) throw new AppError('CSRF_FAILED');
  }

  // callback style: a session found in the short-lived cache costs no promise at all
  app.addHook('onRequest', (req, reply, done) => {
    const url = req.url.split('?')[0] ?? '';
    if (isPublicPath(url)) return done();
    const token = req.cookies[SESSION_COOKIE];
    const finish = (actor: TActor | null) => {
      req.actor = actor;
      if (token && !actor) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      try {
        checkCsrf(req);
        done();
      } catch (err) {
        done(err as Error);
      }
    };
    if (!token) return finish(null);
    const cached = peekCachedActor(token);
    if (cached) return finish(cached);
    loadActor(deps.db, token).then(finish, (err: unknown) => done(err as Error));
  });

  app.addHook('preHandler', (req, _reply, done) => {
    const url = req.url.split('?')[0] ?? '';
    const cfg = req.routeOptions.config;
    if (isPublicPath(url) || cfg.auth === 'none') return done();
    if (!req.actor) return done(new AppError('UNAUTHENTICATED'));
    if (req.actor.mustChangePassword && !cfg.duringPasswordChange) return done(new AppError('PASSWORD_CHANGE_REQUIRED'));
    done();
  });

  /** Issues a CSRF cookie to a browser that has none yet (before login). */
  app.decorate('ensureCsrfCookie', (req: FastifyRequest, reply: FastifyReply): string => {
    const existing = req.actor?.csrfToken ?? req.cookies[CSRF_COOKIE];
    const token = existing ?? randomToken(24);
    if (!existing || req.cookies[CSRF_COOKIE] !== token) reply.setCookie(CSRF_COOKIE, token, cookieOptions(deps.config.cookieSecure, false));
    return token;
  });
});

declare module 'fastify' {
  interface FastifyInstance {
    ensureCsrfCookie: (req: FastifyRequest, reply: FastifyReply) => string;
  }
}

/** The service context of an authenticated request. */
export function ctxOf(deps: TDeps, req: FastifyRequest): TCtx {
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  return { ...deps, actor: req.actor, ip: req.ip, requestId: req.id };
}

export const IDLE_TIMEOUT_SECONDS = SECURITY.idleTimeoutMinutes * 60;
