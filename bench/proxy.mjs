// What the billing proxy costs: autocannon against a fake Saiku API directly, then through the
// proxy in front of it, all on 127.0.0.1, in one run; prints requests/s, p50 and p99 of both and
// their ratio, the mean latency (connections / requests per second: autocannon's percentiles are
// whole milliseconds), the CPU time each server spent per request (steadier than requests/s on a
// shared machine), and how many connections the proxy opened to the fake (keep-alive: as many as
// the load's connections, not one per request). Beside it, the baseline: a hand-written fetch
// passthrough (no checks) on node:http and behind toNodeHandler, with the proxy's CPU per request
// split into the adapter's share and its own steps. Each server runs in its own process so the load
// generator does not share their event loop. Not a test. Run `npm run build` first.
// usage: node bench/proxy.mjs [--duration 10] [--connections 10] [--delay ms] [--entry path] [--guards]
//   --entry path the server entry to measure (default dist/server/index.js): a copy of an older
//                build's dist, to compare two versions with the same bench.
//   --delay ms   the fake Saiku answers after this long. Without it, two scenarios run: 0 ms (the
//                proxy's raw cost, which no upstream hides) and 20 ms (a fast real API, whose
//                answer needs a database and a network hop).
//   --guards     instead, what the guards cost: a JSON Checkout with the duplicate guard's state read
//                and without it (fake Saiku at 20 ms, or --delay), and a Portal mint with no rate
//                limit, the in-memory limiter and a RateLimiterRedis on a redis-server of its own
//                (fake Saiku at 0 ms, so the limiter's cost is not hidden).
import { fork, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '..');
const apiKey = 'sk_bench_0123456789';
const state = {
  tenantId: '81e301f2-4c1e-4a4f-9d7e-1f0c2b3a4d5e',
  tier: 'team',
  stripeCustomerId: 'cus_bench',
  subscriptionStatus: 'active',
  currentPeriodEnd: '2026-06-23T00:00:00Z',
  trialEndsAt: null,
  billedFeaturesActive: true,
};

const { values: args } = parseArgs({
  options: {
    role: { type: 'string' },
    upstream: { type: 'string' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    delay: { type: 'string' },
    entry: { type: 'string' },
    guards: { type: 'boolean', default: false },
    guard: { type: 'string', default: 'none' },
    'redis-port': { type: 'string' },
  },
});
const serverEntry = resolve(args.entry ?? resolve(root, 'dist/server/index.js'));

/**
 * Listens on 127.0.0.1 (port 0) and reports the port to the parent process; then answers its
 * `stats` messages with the CPU time used and the connections accepted so far.
 */
function serve(listener) {
  const server = createServer(listener);
  server.keepAliveTimeout = 60_000;
  let connections = 0;
  server.on('connection', () => connections++);
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
  process.on('message', (message) => {
    if (message === 'stats') process.send({ cpu: process.cpuUsage(), connections });
  });
  process.on('disconnect', () => process.exit(0));
}

if (args.role === 'upstream') {
  // The fake Saiku API: checks the key, answers the sessions and the state (a free tenant under
  // --guards, so the duplicate guard lets its Checkouts through).
  const body = JSON.stringify(
    args.guards
      ? { ...state, stripeCustomerId: null, subscriptionStatus: '', billedFeaturesActive: false }
      : state,
  );
  const sessions = {
    '/me/billing/checkout-session': JSON.stringify({
      url: 'https://checkout.stripe.com/c/pay/cs_1',
      sessionId: 'cs_1',
    }),
    '/me/billing/portal-session': JSON.stringify({ url: 'https://billing.stripe.com/p/session/ps_1' }),
  };
  const delay = Number(args.delay ?? 0);
  serve((req, res) => {
    const answer = () => {
      if (req.headers.authorization !== `Bearer ${apiKey}`) {
        res.writeHead(401, { 'Content-Type': 'application/json' }).end('{"error":"unauthorized"}');
      } else {
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(sessions[req.url] ?? body);
      }
    };
    req.resume();
    req.on('end', () => (delay > 0 ? setTimeout(answer, delay) : answer()));
  });
} else if (args.role === 'passthrough' || args.role === 'passthrough-adapted') {
  // The baseline: what a host writes by hand without the library, forwarding the state with the key
  // and copying the answer; no check, no parsing, no redaction. `passthrough` answers on node:http
  // directly; `passthrough-adapted` is the same fetch-standard handler behind our toNodeHandler, so the
  // difference between the two is the adapter's share and the rest is the proxy's own work.
  const forward = async () => {
    const answer = await fetch(`${args.upstream}/me/billing/state`, {
      headers: { authorization: `Bearer ${apiKey}`, accept: 'application/json' },
    });
    return { status: answer.status, type: answer.headers.get('content-type'), body: await answer.text() };
  };
  if (args.role === 'passthrough') {
    serve(async (_req, res) => {
      const { status, type, body } = await forward();
      res.writeHead(status, { 'content-type': type ?? 'application/json', 'cache-control': 'no-store' });
      res.end(body);
    });
  } else {
    const { toNodeHandler } = await import(serverEntry);
    const handler = async () => {
      const { status, type, body } = await forward();
      return new Response(body, {
        status,
        headers: { 'content-type': type ?? 'application/json', 'cache-control': 'no-store' },
      });
    };
    serve(toNodeHandler(handler, { basePath: '/api/billing' }));
  }
} else if (args.role === 'proxy') {
  const { createBillingProxy, toNodeHandler } = await import(serverEntry);
  serve(
    toNodeHandler(
      createBillingProxy({ apiKey, baseUrl: args.upstream, ...(await guardOptions(args.guard)) }),
    ),
  );
} else {
  await main();
}

/**
 * The proxy's guards for one bench server. The limiters get a budget no load reaches, so every
 * request pays for the limiter and none is refused: the cost measured is the check itself.
 */
async function guardOptions(guard) {
  const budget = 1e9;
  switch (guard) {
    case 'none':
      return {};
    case 'off':
      return { blockDuplicateSubscriptions: false, rateLimit: false };
    case 'duplicate':
      return { blockDuplicateSubscriptions: true, rateLimit: false };
    case 'memory': {
      const { createMemoryRateLimiter } = await import(serverEntry);
      return { rateLimit: { limiter: createMemoryRateLimiter(budget, 60_000) } };
    }
    case 'redis': {
      const { Redis } = await import('ioredis');
      const { RateLimiterRedis } = await import('rate-limiter-flexible');
      const redis = new Redis({
        host: '127.0.0.1',
        port: Number(args['redis-port']),
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
      });
      redis.on('error', () => {});
      await once(redis, 'ready');
      const limiter = new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: 'bench',
        points: budget,
        duration: 60,
      });
      return { rateLimit: { limiter } };
    }
    default:
      throw new Error(`unknown --guard ${guard}`);
  }
}

function start(role, extra = []) {
  const child = fork(
    import.meta.filename,
    [`--role=${role}`, `--entry=${serverEntry}`, ...(args.guards ? ['--guards'] : []), ...extra],
    {
      stdio: 'inherit',
    },
  );
  return new Promise((resolvePort, reject) => {
    child.once('message', ({ port }) => resolvePort({ child, url: `http://127.0.0.1:${port}` }));
    child.once('exit', (code) => reject(new Error(`${role} exited with ${code}`)));
  });
}

/** CPU time (µs) and connections accepted so far, from a server's process. */
function stats({ child }) {
  return new Promise((resolve) => {
    child.once('message', ({ cpu, connections }) => resolve({ cpu: cpu.user + cpu.system, connections }));
    child.send('stats');
  });
}

/** Loads `url`; `servers` are the processes whose CPU time per request to report. */
async function load(name, url, servers, headers = {}, request = {}) {
  const { default: autocannon } = await import('autocannon');
  const duration = Number(args.duration);
  const connections = Number(args.connections);
  // A short warm-up so the JIT and the keep-alive pools are ready, then the measured run.
  await autocannon({ url, connections, duration: 1, headers, ...request });
  const before = await Promise.all(servers.map(stats));
  const result = await autocannon({ url, connections, duration, headers, ...request });
  const after = await Promise.all(servers.map(stats));
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
    throw new Error(
      `${name}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers`,
    );
  }
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    // Little's law for a closed loop: each connection has one request in flight at a time.
    mean: (connections * 1000) / result.requests.average,
    cpu: after.map((s, i) => (s.cpu - before[i].cpu) / result.requests.total),
    total: result.requests.total,
    // Connections the last server accepted during the warm-up and the run.
    opened: after.at(-1).connections,
  };
}

async function main() {
  if (!existsSync(serverEntry)) {
    console.error(`${serverEntry} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
  if (args.guards) return guards();
  const delays = args.delay === undefined ? [0, 20] : [Number(args.delay)];
  const guard = setTimeout(() => {
    console.error('bench/proxy.mjs: gave up after 180 s');
    process.exit(1);
  }, 180_000);
  console.log(
    `GET state, ${args.connections} connections, ${args.duration} s per run, ` +
      `Node ${process.version}, ${os.cpus().length} CPUs`,
  );
  for (const delay of delays) {
    const upstream = await start('upstream', [`--delay=${delay}`]);
    const to = [`--upstream=${upstream.url}`];
    const [proxy, passthrough, adapted] = await Promise.all([
      start('proxy', to),
      start('passthrough', to),
      start('passthrough-adapted', to),
    ]);
    try {
      // Direct, the load generator sends the key itself, as a server calling Saiku would.
      const direct = await load('fake Saiku, direct', `${upstream.url}/me/billing/state`, [upstream], {
        authorization: `Bearer ${apiKey}`,
      });
      const state = '/api/billing/state';
      const byHand = await load('hand-written fetch', `${passthrough.url}${state}`, [passthrough, upstream]);
      const byHandAdapted = await load('same, toNodeHandler', `${adapted.url}${state}`, [adapted, upstream]);
      const proxied = await load('through the proxy', `${proxy.url}${state}`, [proxy, upstream]);
      report(delay, direct, proxied);
      reportBaseline(byHand, byHandAdapted, proxied);
    } finally {
      for (const server of [proxy, passthrough, adapted, upstream]) server.child.kill();
    }
  }
  clearTimeout(guard);
}

/** POSTs a JSON session request through a proxy with the given guard; fake Saiku answers after `delay`. */
async function mintThrough(name, guard, route, delay, extra = []) {
  const upstream = await start('upstream', [`--delay=${delay}`]);
  const proxy = await start('proxy', [`--upstream=${upstream.url}`, `--guard=${guard}`, ...extra]);
  const body =
    route === 'checkout-session'
      ? { tier: 'team', successUrl: `${proxy.url}/ok`, cancelUrl: `${proxy.url}/billing` }
      : { returnUrl: `${proxy.url}/billing` };
  try {
    return await load(
      name,
      `${proxy.url}/api/billing/${route}`,
      [proxy, upstream],
      { 'content-type': 'application/json', origin: proxy.url },
      { method: 'POST', body: JSON.stringify(body) },
    );
  } finally {
    proxy.child.kill();
    upstream.child.kill();
  }
}

async function guards() {
  const delay = args.delay === undefined ? 20 : Number(args.delay);
  const timer = setTimeout(() => {
    console.error('bench/proxy.mjs --guards: gave up after 180 s');
    process.exit(1);
  }, 180_000);
  const runs = `${args.connections} connections, ${args.duration} s per run`;
  console.log(`POST through the proxy, ${runs}, Node ${process.version}, ${os.cpus().length} CPUs`);
  const signed = (n, digits) => `${n >= 0 ? '+' : ''}${n.toFixed(digits)}`;
  const row = (r, base) => {
    const rps = `${r.rps.toFixed(0).padStart(6)} req/s`;
    const mean = `mean ${r.mean.toFixed(2).padStart(6)} ms${base ? ` (${signed(r.mean - base.mean, 2)} ms)` : ''}`;
    const cpuDelta = base ? ` (${signed(r.cpu[0] - base.cpu[0], 0)} µs)` : '';
    const cpu = `proxy CPU ${r.cpu[0].toFixed(0)} µs/request${cpuDelta}`;
    return `  ${r.name.padEnd(38)} ${rps}   p50 ${String(r.p50).padStart(3)} ms   ${mean}   ${cpu}`;
  };

  console.log(`\nduplicate guard: JSON Checkout, fake Saiku answers after ${delay} ms (no rate limit)`);
  const unguarded = await mintThrough('without the guard', 'off', 'checkout-session', delay);
  console.log(row(unguarded));
  console.log(
    row(
      await mintThrough('with the guard (one state read)', 'duplicate', 'checkout-session', delay),
      unguarded,
    ),
  );

  console.log(
    '\nrate limit: JSON Portal mint, fake Saiku answers at once (no duplicate guard on this route)',
  );
  console.log(`  in-memory limiter alone, in process: ${await limiterAlone()}`);
  const port = await freePort();
  const redis = spawn(
    '/usr/bin/redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    await new Promise((resolveReady, reject) => {
      let out = '';
      redis.stdout.on('data', (chunk) => {
        out += chunk;
        if (out.includes('Ready to accept connections')) resolveReady();
      });
      redis.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
    });
    const off = await mintThrough('no limit', 'off', 'portal-session', 0);
    console.log(row(off));
    console.log(
      row(await mintThrough('in-memory limiter (the default)', 'memory', 'portal-session', 0), off),
    );
    console.log(
      row(
        await mintThrough('RateLimiterRedis (local redis-server)', 'redis', 'portal-session', 0, [
          `--redis-port=${port}`,
        ]),
        off,
      ),
    );
  } finally {
    redis.kill();
  }
  clearTimeout(timer);
}

/** The default limit's own work, without HTTP: hash the key (Web Crypto), then spend from a fixed window. */
async function limiterAlone() {
  const { createMemoryRateLimiter } = await import(serverEntry);
  const limiter = createMemoryRateLimiter(1e9, 60_000);
  const encoder = new TextEncoder();
  const check = async (i) => {
    await crypto.subtle.digest('SHA-256', encoder.encode(`${apiKey}${i % 1000}`));
    await limiter.consume(`tenant-${i % 1000}`);
  };
  for (let i = 0; i < 20_000; i++) await check(i);
  const runs = 200_000;
  const started = performance.now();
  for (let i = 0; i < runs; i++) await check(i);
  const us = ((performance.now() - started) * 1000) / runs;
  return `${us.toFixed(1)} µs a request (hash + consume, 1 000 tenants)`;
}

function freePort() {
  const server = createServer();
  return new Promise((resolvePort) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    }),
  );
}

/**
 * The proxy's CPU per request beside a hand-written passthrough's (same fake Saiku, same load), and
 * where the difference goes: the adapter (the passthrough behind toNodeHandler, minus on node:http)
 * and the proxy's own steps (the proxy, minus the adapted passthrough).
 */
function reportBaseline(byHand, byHandAdapted, proxied) {
  const us = (n) => `${n.toFixed(0)} µs`;
  const signed = (n) => `${n >= 0 ? '+' : ''}${n.toFixed(0)} µs`;
  const [hand, adapted, proxy] = [byHand.cpu[0], byHandAdapted.cpu[0], proxied.cpu[0]];
  console.log(
    `  beside a passthrough  CPU per request: hand-written fetch on node:http ${us(hand)}, ` +
      `the same behind toNodeHandler ${us(adapted)}, the proxy ${us(proxy)} ` +
      `(${signed(proxy - hand)}: adapter ${signed(adapted - hand)}, proxy's own steps ${signed(proxy - adapted)}); ` +
      `req/s ${byHand.rps.toFixed(0)} / ${byHandAdapted.rps.toFixed(0)} / ${proxied.rps.toFixed(0)}`,
  );
}

function report(delay, direct, proxied) {
  const row = (r) =>
    `  ${r.name.padEnd(20)} ${r.rps.toFixed(0).padStart(7)} req/s   ` +
    `p50 ${String(r.p50).padStart(3)} ms   p99 ${String(r.p99).padStart(3)} ms   ` +
    `mean ${r.mean.toFixed(2).padStart(6)} ms`;
  const ratio = (a, b) => (b > 0 ? (a / b).toFixed(2) : 'n/a');
  const us = (n) => `${n.toFixed(0)} µs`;
  console.log(`\nfake Saiku answers after ${delay} ms`);
  console.log(row(direct));
  console.log(row(proxied));
  console.log(
    `  proxy / direct       req/s ${ratio(proxied.rps, direct.rps)}   ` +
      `p50 ${ratio(proxied.p50, direct.p50)}   p99 ${ratio(proxied.p99, direct.p99)}   ` +
      `mean ${ratio(proxied.mean, direct.mean)}   ` +
      `(p50 +${proxied.p50 - direct.p50} ms, mean +${(proxied.mean - direct.mean).toFixed(2)} ms)`,
  );
  console.log(
    `  CPU per request      fake ${us(direct.cpu[0])} direct, ${us(proxied.cpu[1])} behind the proxy; ` +
      `proxy ${us(proxied.cpu[0])}; ` +
      `the proxy opened ${proxied.opened} connections to the fake for ${proxied.total} requests`,
  );
}
