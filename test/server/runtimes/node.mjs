// docs/server.md's Node `http` recipe, run under Node 20 (the oldest the package supports: the machine's
// /usr/bin/node, not the Node 22 the tools run on) by test/server/runtimes.test.ts (127.0.0.1, any free port).
import { createServer } from 'node:http';
import { createBillingProxy, toNodeHandler } from '../../../dist/server/index.js';

const billing = createBillingProxy({
  apiKey: process.env.SAIKU_API_KEY ?? '',
  baseUrl: process.env.SAIKU_BASE_URL,
  timeoutMs: Number(process.env.SAIKU_TIMEOUT_MS ?? 10_000),
});

const server = createServer(toNodeHandler(billing)).listen(0, '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port} (Node ${process.version})`);
});
