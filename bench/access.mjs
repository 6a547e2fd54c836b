// What the server's access check costs a request: `check(request, { feature })` timed one at a time,
// with a warm in-memory cache, with a Redis store (Keyv + @keyv/redis on a redis-server of its own),
// and with `cache: false`, which reads Saiku on every check: the billing simulator, served over HTTP
// on 127.0.0.1 from a process of its own (so a read pays a real loopback round trip, and not the
// network hop to the real API, which is far slower). Prints the mean, p50 and p99 wall time per check,
// this process's CPU time per check, and how many times each mode read Saiku. Not a test. Run
// `npm run build` first.
// usage: node bench/access.mjs [--iterations 5000] [--entry path]
//   --entry path  the server entry to measure (default dist/server/index.js)
import { fork, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import os from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    role: { type: 'string' },
    iterations: { type: 'string', default: '5000' },
    entry: { type: 'string' },
  },
});
const serverEntry = resolve(args.entry ?? resolve(root, 'dist/server/index.js'));

/** The child: the simulator's Saiku API on 127.0.0.1, a Team subscriber under its default key. */
async function serveSaiku() {
  const { createBillingSimulator } = await import(resolve(root, 'dist/mock/index.js'));
  // The default tenant's key, from the module that defines it (no longer a /mock export).
  const { defaultApiKey } = await import(resolve(root, 'dist/mock/createBillingSimulator.js'));
  const { toNodeHandler } = await import(serverEntry);
  const simulator = createBillingSimulator({ scenario: 'active' });
  const server = createServer(toNodeHandler((request) => simulator.fetch(request), { basePath: '/me' }));
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port, apiKey: defaultApiKey }));
}

async function freePort() {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  return port;
}

async function startRedis() {
  const port = await freePort();
  const redis = spawn(
    '/usr/bin/redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise((resolveReady, reject) => {
    let out = '';
    redis.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('Ready to accept connections')) resolveReady();
    });
    redis.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
  return { url: `redis://127.0.0.1:${port}`, stop: () => redis.kill() };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];

/** Times `iterations` checks one after another, after a warm-up of a tenth as many. */
async function measure(label, access, reads, iterations) {
  const request = new Request('https://app.example.com/api/forecasts');
  const requirement = { feature: 'forecasts' };
  for (let i = 0; i < Math.max(50, iterations / 10); i++) await access.check(request, requirement);
  const readsBefore = reads.count;
  const times = new Float64Array(iterations);
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    const result = await access.check(request, requirement);
    times[i] = Number(process.hrtime.bigint() - start) / 1_000;
    if (!result.allowed) throw new Error(`${label}: the check answered ${result.reason}`);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const sorted = [...times].sort((x, y) => x - y);
  const mean = sorted.reduce((sum, time) => sum + time, 0) / iterations;
  const cpuPerCheck = (cpu.user + cpu.system) / iterations;
  const fmt = (us) => `${us.toFixed(1).padStart(7)} µs`;
  console.log(
    `  ${label.padEnd(38)} mean ${fmt(mean)}   p50 ${fmt(percentile(sorted, 50))}   p99 ${fmt(
      percentile(sorted, 99),
    )}   CPU ${fmt(cpuPerCheck)}   Saiku reads ${reads.count - readsBefore}`,
  );
}

async function main() {
  const iterations = Number(args.iterations);
  const saiku = fork(import.meta.filename, [
    '--role',
    'saiku',
    ...(args.entry ? ['--entry', serverEntry] : []),
  ]);
  const [{ port, apiKey }] = await once(saiku, 'message');
  const redis = await startRedis();
  const { createAccessCheck } = await import(serverEntry);
  const { default: Keyv } = await import('keyv');
  const { default: KeyvRedis } = await import('@keyv/redis');
  const plans = [{ tier: 'starter' }, { tier: 'team', entitlements: ['forecasts'] }];
  const make = (cache) => {
    const reads = { count: 0 };
    const access = createAccessCheck({
      apiKey,
      baseUrl: `http://127.0.0.1:${port}`,
      plans,
      cache,
      fetch: (input, init) => {
        reads.count++;
        return fetch(input, init);
      },
    });
    return { access, reads };
  };
  const hour = 3_600_000;
  const client = new KeyvRedis(redis.url);
  const store = new Keyv(client);
  try {
    console.log(
      `check(request, { feature }), one at a time, ${iterations} checks per mode, ` +
        `Node ${process.version}, ${os.availableParallelism()} CPUs\n`,
    );
    const uncached = make(false);
    await measure('no cache: reads Saiku (simulator, HTTP)', uncached.access, uncached.reads, iterations);
    const memory = make({ ttlMs: hour });
    await measure('warm in-memory cache (lru-cache)', memory.access, memory.reads, iterations);
    const shared = make({ ttlMs: hour, store });
    await measure('Redis store (Keyv + @keyv/redis)', shared.access, shared.reads, iterations);
  } finally {
    await client.disconnect(true).catch(() => {});
    redis.stop();
    saiku.kill();
  }
}

if (args.role === 'saiku') await serveSaiku();
else await main();
