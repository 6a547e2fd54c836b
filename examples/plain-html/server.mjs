// A server-rendered admin page with no React: examples/plain-html/index.html, the standalone elements
// file (dist/standalone.js), and the real billing proxy in front of the billing simulator (no key needed).
// `npm run build && node examples/plain-html/server.mjs` serves it on http://127.0.0.1:5180; the e2e
// test e2e/elements.e2e.test.ts starts it with `startPlainPage({ port: 0 })`.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const simulatorPath = '/__saiku';

/** Starts the page's server. Resolves with its URL, the simulator and a `close()`. */
export async function startPlainPage({ port = 5180, host = '127.0.0.1', webhookDelayMs = 1500 } = {}) {
  const { createBillingProxy, toNodeHandler } = await import(resolve(root, 'dist/server/index.js'));
  const { createBillingSimulator } = await import(resolve(root, 'dist/mock/index.js'));
  // The simulator's default tenant (docs/simulator.md).
  const defaultApiKey = 'sk_test_simulator';
  const server = createServer();
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => done());
  });
  const origin = `http://${host}:${server.address().port}`;
  const simulator = createBillingSimulator({ webhookDelayMs, publicUrl: `${origin}${simulatorPath}` });
  const proxy = toNodeHandler(
    createBillingProxy({
      apiKey: defaultApiKey,
      baseUrl: 'http://saiku-simulator.internal',
      fetch: (input, init) => simulator.fetch(new Request(input, init)),
      allowedOrigins: [origin],
      // The simulator's stand-in Checkout and Portal pages live on this server, over loopback http.
      allowedRedirectHosts: [new URL(simulator.pages.checkout).host],
      rateLimit: false,
    }),
  );
  const hosts = `checkout.stripe.com billing.stripe.com ${new URL(simulator.pages.checkout).host}`;
  const pages = toNodeHandler((request) => simulator.fetch(request), { basePath: simulatorPath });
  const files = {
    '/': ['examples/plain-html/index.html', 'text/html; charset=utf-8'],
    '/standalone.js': ['dist/standalone.js', 'text/javascript; charset=utf-8'],
  };

  server.on('request', async (req, res) => {
    const notFound = () => {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('Not found');
    };
    if (req.url?.startsWith(simulatorPath)) return pages(req, res, notFound);
    const file = files[new URL(req.url ?? '/', origin).pathname];
    if (!file) return proxy(req, res, notFound);
    const body = await readFile(resolve(root, file[0]));
    res.writeHead(200, { 'Content-Type': file[1], 'Cache-Control': 'no-store' });
    res.end(file[0].endsWith('.html') ? body.toString().replace('{{allowedRedirectHosts}}', hosts) : body);
  });

  return {
    url: origin,
    simulator,
    close: () => new Promise((done) => server.close(() => done())).then(() => server.closeAllConnections?.()),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const page = await startPlainPage({ port: Number(process.env.PORT ?? 5180) });
  console.log(`\n  A page with no React, the elements and the real proxy: ${page.url}/\n`);
}
