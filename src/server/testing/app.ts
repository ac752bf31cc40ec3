import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { TDialect } from '../config';
import { buildApp } from '../http/app';
import { createTestDeps, type TTestDeps } from './db';
import { buildFixture, type TFixture } from './fixture';

export interface TTestEnv {
  deps: TTestDeps;
  app: FastifyInstance;
  fx: TFixture;
}

/** Per-suite fresh database on `dialect`, the app over it, and the fixture county. */
export function useTestApp(dialect: TDialect, opts: { beforeReady?: (app: FastifyInstance) => void } = {}): TTestEnv {
  const env = {} as TTestEnv;
  beforeAll(async () => {
    env.deps = await createTestDeps(dialect);
    env.app = await buildApp({ deps: env.deps });
    opts.beforeReady?.(env.app);
    await env.app.ready();
    env.fx = await buildFixture(env.deps);
  });
  afterAll(async () => {
    await env.app?.close();
    await env.deps?.close();
  });
  return env;
}
