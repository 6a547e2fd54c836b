// docs/server.md's Cloudflare Workers recipe: a module worker, run in workerd through miniflare by
// test/server/runtimes.test.ts. The key is a binding (a secret in production), so it is read from `env`.
import { createBillingProxy } from '../../../dist/server/index.js';

export default {
  fetch: (request, env) =>
    createBillingProxy({
      apiKey: env.SAIKU_API_KEY ?? '',
      baseUrl: env.SAIKU_BASE_URL,
      timeoutMs: Number(env.SAIKU_TIMEOUT_MS ?? 10_000),
    })(request),
};
