// docs/server.md's Next.js App Router route, `app/api/billing/[...path]/route.ts`, on the edge runtime.
// test/server/runtimes.test.ts bundles it as Next does and runs it in next's own EdgeRuntime.
import { createBillingProxy } from '../../../dist/server/index.js';

export const runtime = 'edge';

const handler = createBillingProxy({
  apiKey: process.env.SAIKU_API_KEY ?? '',
  baseUrl: process.env.SAIKU_BASE_URL,
  timeoutMs: Number(process.env.SAIKU_TIMEOUT_MS ?? 10_000),
});

export { handler as GET, handler as POST };
