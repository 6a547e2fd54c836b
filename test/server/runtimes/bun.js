// docs/server.md's Bun recipe, run under the real `bun` by test/server/runtimes.test.ts (127.0.0.1, any free port).
/* global Bun */
import { createBillingProxy } from '../../../dist/server/index.js';

const billing = createBillingProxy({
  apiKey: process.env.SAIKU_API_KEY ?? '',
  baseUrl: process.env.SAIKU_BASE_URL,
  timeoutMs: Number(process.env.SAIKU_TIMEOUT_MS ?? 10_000),
});

const server = Bun.serve({ hostname: '127.0.0.1', port: 0, fetch: billing });
console.log(`listening on ${server.url.origin}`);
