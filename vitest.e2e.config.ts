import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // set before any server module loads: scrypt at a low cost (the cost is stored in each hash), no session cache
    env: { JIANFU_SCRYPT_LOG_N: '10', LOG_LEVEL: 'silent', JIANFU_SESSION_CACHE_MS: '0' },
  },
});
