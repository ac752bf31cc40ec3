import path from 'node:path';

export type TDialect = 'sqlite' | 'postgres';

export interface TConfig {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | null;
  dialect: TDialect;
  /** Secret for SM4 field encryption and HMAC lookups; generated into the data dir when absent. */
  secretKeyHex: string | null;
  cookieSecure: boolean;
  logLevel: string;
  trustProxy: boolean;
  /** How long a process may reuse a session it loaded (ms); see modules/auth/sessions.ts. */
  sessionCacheMs: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): TConfig {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  const dialect: TDialect = databaseUrl && /^postgres(ql)?:\/\//.test(databaseUrl) ? 'postgres' : 'sqlite';
  if (databaseUrl && dialect !== 'postgres') {
    throw new Error(`DATABASE_URL must start with postgres:// (got "${databaseUrl.split(':')[0]}:")`);
  }
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT is not a port number: ${env.PORT}`);
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    dataDir: path.resolve(env.JIANFU_DATA_DIR ?? 'data'),
    databaseUrl,
    dialect,
    secretKeyHex: env.JIANFU_SECRET_KEY ?? null,
    cookieSecure: env.JIANFU_COOKIE_SECURE === '1',
    logLevel: env.LOG_LEVEL ?? 'warn',
    trustProxy: env.JIANFU_TRUST_PROXY === '1',
    sessionCacheMs: Math.max(0, Number(env.JIANFU_SESSION_CACHE_MS ?? 2000) || 0),
  };
}

/** Security policy (等保 2.0 level 3, application layer). */
export const SECURITY = {
  maxFailedLogins: 5,
  lockMinutes: 15,
  idleTimeoutMinutes: 30,
  absoluteTimeoutHours: 12,
  /** scrypt cost; tests lower N through JIANFU_SCRYPT_LOG_N (the cost is stored in each hash). */
  scrypt: { N: 2 ** Number(process.env.JIANFU_SCRYPT_LOG_N ?? 15), r: 8, p: 1, keyLen: 64, maxmem: 128 * 1024 * 1024 },
  bodyLimitBytes: 1024 * 1024,
} as const;
