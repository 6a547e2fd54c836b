// Rate limits across servers, for real: a Redis of its own (redis-server on 127.0.0.1 and a free port),
// two proxy processes (docs/server.md's Express recipe with a RateLimiterRedis, over the BUILT
// dist/server/index.js) sharing one budget; then Redis stops and requests still pass, onError told.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeStateBody, startFakeSaiku, type FakeSaiku } from './fakeSaiku';
import { start, startRedis, type Started } from './processes';

const root = resolve(import.meta.dirname, '../..');
let fake: FakeSaiku;
let redis: Started;
const servers: { origin: string; process: Started }[] = [];

beforeAll(async () => {
  if (!existsSync(resolve(root, 'dist/server/index.js'))) {
    throw new Error('dist/server/index.js is missing: run `npm run build` first (npm test builds first).');
  }
  fake = await startFakeSaiku();
  fake.state = freeStateBody;
  const started = await startRedis();
  redis = started.process;
  const redisPort = new URL(started.url).port;
  const env: Record<string, string> = {
    SAIKU_API_KEY: fake.apiKey,
    SAIKU_BASE_URL: fake.baseUrl,
    REDIS_PORT: redisPort,
    PATH: process.env.PATH ?? '',
  };
  for (let i = 0; i < 2; i++) {
    const server = start(process.execPath, [resolve(import.meta.dirname, 'sharedLimit/express.mjs')], env);
    const [, origin] = await server.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
    servers.push({ origin: origin ?? '', process: server });
  }
}, 60_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.process.stop()));
  await redis?.stop();
  await fake?.close();
});

function mint(origin: string, route: 'checkout-session' | 'portal-session'): Promise<Response> {
  const body =
    route === 'checkout-session'
      ? { tier: 'team', successUrl: `${origin}/ok`, cancelUrl: `${origin}/billing` }
      : { returnUrl: `${origin}/billing` };
  return fetch(`${origin}/api/billing/${route}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify(body),
  });
}

const mintsForwarded = () => fake.received.filter((request) => request.method === 'POST').length;

describe('a rate limit shared by two servers through Redis', () => {
  it('spends one budget of 10 mints a minute across both; the 11th is refused by either server', async () => {
    const [a, b] = servers as [(typeof servers)[0], (typeof servers)[0]];
    for (let i = 0; i < 10; i++) {
      const server = i % 2 === 0 ? a : b;
      const response = await mint(server.origin, i % 3 === 0 ? 'portal-session' : 'checkout-session');
      expect(response.status, `mint ${i + 1} on server ${i % 2 === 0 ? 'A' : 'B'}`).toBe(200);
    }
    expect(mintsForwarded()).toBe(10);
    for (const server of [a, b]) {
      const refused = await mint(server.origin, 'checkout-session');
      expect(refused.status).toBe(429);
      expect(await refused.json()).toMatchObject({ error: 'rate_limited' });
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
    }
    expect(mintsForwarded()).toBe(10);
    // State reads are not limited.
    expect((await fetch(`${a.origin}/api/billing/state`)).status).toBe(200);
  }, 30_000);

  it('lets requests through and tells onError on each server when Redis stops', async () => {
    await redis.stop();
    const before = mintsForwarded();
    for (const server of servers) {
      expect((await mint(server.origin, 'portal-session')).status).toBe(200);
      await server.process.waitFor(/onError: The rate limiter failed/);
    }
    expect(mintsForwarded()).toBe(before + 2);
  }, 30_000);
});
