// The real-browser end-to-end suite: the demo exactly as `npm start` serves it (real proxy, the
// simulator standing in for Saiku, 127.0.0.1), driven in Debian's Chromium by playwright-core.
// Run with `npm run test:e2e`. Files run one after another in one fork, so at most one Chromium
// and one demo server are alive at a time on a 2-core machine.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: `${import.meta.dirname}/..`,
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['e2e/**/*.e2e.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    // On CI a failed flow runs once more from a fresh browser context (both attempts are in the
    // log). Locally it fails at once. Every browser step and CDP call is bounded, so a hang names itself.
    retry: process.env.CI ? 1 : 0,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
