import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // JIANFU_TEST_TODAY=YYYY-MM-DD runs the suite on another day (see the file)
    setupFiles: ['src/server/testing/clock.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // scrypt at a low cost in tests only; production hashes use N = 2^15 (the cost is stored in each hash)
    env: { JIANFU_SCRYPT_LOG_N: '10', LOG_LEVEL: 'silent', JIANFU_SESSION_CACHE_MS: '0' },
  },
});
