// docs/server.md's Deno recipe, run under the real `deno` by test/server/runtimes.test.ts (127.0.0.1, any free port),
// with --allow-net=127.0.0.1 --allow-env=SAIKU_API_KEY,SAIKU_BASE_URL and nothing more.
/* global Deno */
import { createBillingProxy } from '../../../dist/server/index.js';

const billing = createBillingProxy({
  apiKey: Deno.env.get('SAIKU_API_KEY') ?? '',
  baseUrl: Deno.env.get('SAIKU_BASE_URL'),
  timeoutMs: Number(Deno.env.get('SAIKU_TIMEOUT_MS') ?? 10_000),
});

Deno.serve(
  {
    hostname: '127.0.0.1',
    port: 0,
    onListen: ({ port }) => console.log(`listening on http://127.0.0.1:${port}`),
  },
  billing,
);
