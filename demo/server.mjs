// `npm start`: the demo host app on http://127.0.0.1:5173, with the real billing proxy mounted as
// middleware. Without SAIKU_API_KEY the proxy's upstream is the built-in billing simulator (no
// account needed); with it, the real Saiku API (SAIKU_API_URL overrides the base URL).
// This is also what the end-to-end tests start: `startDemoServer({ port: 0 })`.
// GET /api/forecasts is the host's own billed API, guarded on the server with createAccessCheck.
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import Keyv from 'keyv';
import { createServer as createViteServer } from 'vite';

const root = resolve(import.meta.dirname, '..');
const simulatorPath = '/__saiku';
const controlPath = '/__demo/simulator';
const forecastsPath = '/api/forecasts';

/**
 * Starts the demo. `port: 0` picks a free port (tests). Resolves with the URL, the simulator
 * (null against the real API) and a `close()`.
 */
export async function startDemoServer({
  port = 5173,
  host = '127.0.0.1',
  apiKey = process.env.SAIKU_API_KEY,
  apiUrl = process.env.SAIKU_API_URL,
  webhookDelayMs = 1500,
  silent = false,
  // The proxy's limit on session mints; the default (10 a minute) unless a caller passes its own or false.
  rateLimit = undefined,
} = {}) {
  const server = createServer();
  const vite = await createViteServer({
    configFile: resolve(root, 'demo/vite.config.ts'),
    // Vite's WebSocket rides on the demo's own server. Left alone, middleware mode opens it on the
    // fixed port 24678 on every interface (even with hmr off, and the page always connects): two
    // demos, or `npm start` beside the e2e suite, collide and the page throws on the other's socket.
    server: { middlewareMode: true, hmr: !silent, ws: { server } },
    appType: 'spa',
    logLevel: silent ? 'silent' : 'info',
  });
  const load = (file) => vite.ssrLoadModule(resolve(root, file));
  const { createAccessCheck, createBillingProxy, toNodeHandler } = await load('src/server/index.ts');
  const mock = await load('src/mock/index.ts');
  const { demoPlans } = await load('demo/plans.ts');
  // The simulator's default tenant, the one its stand-in pages and the demo's panel act for.
  const { defaultApiKey } = await load('src/mock/createBillingSimulator.ts');

  // Ask the OS for the port first: the simulator's page URLs and the allowed origins need it.
  await new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const address = server.address();
  const origin = `http://${host}:${address.port}`;
  const allowedOrigins = [origin, `http://localhost:${address.port}`];

  const useSimulator = !apiKey;
  const simulator = useSimulator
    ? mock.createBillingSimulator({ webhookDelayMs, publicUrl: `${origin}${simulatorPath}` })
    : null;
  // How both the proxy and the access check reach Saiku: the simulator, or the real API with the key.
  const upstream = simulator
    ? {
        apiKey: defaultApiKey,
        baseUrl: 'http://saiku-simulator.internal',
        fetch: (input, init) => simulator.fetch(new Request(input, init)),
      }
    : { apiKey, ...(apiUrl ? { baseUrl: apiUrl } : {}) };
  // One store for the proxy and the access check (in memory here; Redis with several servers): every
  // state the page reads through the proxy is what /api/forecasts checks, so after a Checkout they agree.
  const store = new Keyv();
  const proxy = createBillingProxy({
    ...upstream,
    allowedOrigins,
    // The simulator's stand-in Checkout and Portal pages live on this server, over loopback http.
    ...(simulator ? { allowedRedirectHosts: [new URL(simulator.pages.checkout).host] } : {}),
    rateLimit,
    cache: { store },
  });
  const access = createAccessCheck({ ...upstream, plans: demoPlans, cache: { store } });
  const forecastsMiddleware = toNodeHandler(
    (request) => forecasts(request, access, simulator ? simulator.now() : new Date()),
    { basePath: forecastsPath },
  );
  const proxyMiddleware = toNodeHandler(proxy);
  const simulatorMiddleware = simulator
    ? toNodeHandler((request) => simulator.fetch(request), { basePath: simulatorPath })
    : null;

  server.on('request', (req, res) => {
    const next = () => vite.middlewares(req, res);
    if (req.url?.startsWith(controlPath)) return control(req, res, simulator, mock, store);
    if (req.url?.startsWith(forecastsPath)) return forecastsMiddleware(req, res, next);
    if (simulatorMiddleware && req.url?.startsWith(simulatorPath)) return simulatorMiddleware(req, res, next);
    return proxyMiddleware(req, res, next);
  });

  return {
    url: origin,
    simulator,
    async close() {
      await vite.close();
      await new Promise((done) => server.close(() => done()));
      server.closeAllConnections?.();
    },
  };
}

/**
 * `GET /api/forecasts`: the demo's billed feature, served only to a tenant whose plan lists
 * `forecasts` (402 `payment_required` with the plans that do, otherwise): six months of projected
 * revenue from `now`, in minor units.
 */
async function forecasts(request, access, now) {
  if (new URL(request.url).pathname !== forecastsPath)
    return Response.json({ error: 'not_found', message: 'There is nothing at this path.' }, { status: 404 });
  if (request.method !== 'GET')
    return Response.json(
      { error: 'method_not_allowed', message: 'This route takes GET only.' },
      { status: 405, headers: { Allow: 'GET' } },
    );
  const refused = await access.guard(request, { feature: 'forecasts' });
  if (refused) return refused;
  const months = Array.from({ length: 6 }, (_, i) => {
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i + 1, 1));
    return { month: month.toISOString().slice(0, 7), revenue: 412_000 + i * 23_500 };
  });
  return Response.json({ currency: 'usd', forecasts: months }, { headers: { 'Cache-Control': 'no-store' } });
}

/** The simulator panel's endpoint: read the clock, move it, fail a payment, switch scenario. */
async function control(req, res, simulator, mock, store) {
  const reply = (status, body) => {
    res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  if (!simulator) return reply(200, { mode: 'saiku' });
  const info = () => ({
    mode: 'simulator',
    now: simulator.now().toISOString(),
    scenarios: Object.keys(mock.scenarios),
  });
  if (req.method === 'GET') return reply(200, info());
  if (req.method !== 'POST') return reply(405, { error: 'method_not_allowed' });
  let body;
  try {
    let text = '';
    for await (const chunk of req) {
      text += chunk;
      if (text.length > 4096) return reply(413, { error: 'payload_too_large' });
    }
    body = JSON.parse(text);
  } catch {
    return reply(400, { error: 'Send JSON.' });
  }
  try {
    if (body.action === 'advance' && Number.isFinite(body.ms) && body.ms > 0 && body.ms <= 400 * 86_400_000) {
      simulator.advance(body.ms);
    } else if (body.action === 'failNextPayment') {
      simulator.failNextPayment();
    } else if (body.action === 'scenario' && Object.hasOwn(mock.scenarios, body.scenario)) {
      simulator.setScenario(body.scenario);
    } else {
      return reply(400, { error: 'Unknown action.' });
    }
  } catch (error) {
    return reply(409, { error: error instanceof Error ? error.message : String(error) });
  }
  // The state changed behind the proxy's back: the access check reads it afresh.
  await store.clear();
  return reply(200, info());
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 5173);
  try {
    const demo = await startDemoServer({ port });
    const mode = demo.simulator
      ? 'the built-in billing simulator stands in for Saiku (no key needed)'
      : `the real Saiku API${process.env.SAIKU_API_URL ? ` at ${process.env.SAIKU_API_URL}` : ''}`;
    console.log(
      `\n  @saiku/billing-react demo: ${demo.url}/\n  Proxy at ${demo.url}/api/billing; ${mode}.\n`,
    );
    const stop = () => void demo.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    if (error && error.code === 'EADDRINUSE') {
      console.error(
        `\n  Port ${port} is already in use on 127.0.0.1. Stop whatever is using it, or run PORT=5174 npm start.\n`,
      );
    } else {
      console.error(error);
    }
    process.exit(1);
  }
}
