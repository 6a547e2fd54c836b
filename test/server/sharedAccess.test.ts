// Access checks across servers, for real: a Redis of its own (redis-server on 127.0.0.1 and a free
// port) and two host servers on two ports, each with its own Keyv + @keyv/redis client, its own proxy
// and its own access check guarding GET /api/forecasts. They share nothing but Redis: one upstream read
// serves both within the TTL, and a state read through one server's proxy is what the other's check sees.
import KeyvRedis from '@keyv/redis';
import Keyv from 'keyv';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlanInfo } from '../../src/core';
import { createAccessCheck, createBillingProxy, toNodeHandler } from '../../src/server';
import { fakeApiKey, freeStateBody, startFakeSaiku, stateBody, type FakeSaiku } from './fakeSaiku';
import { listen, type Listening } from './listen';
import { startRedis, type Started } from './processes';

const plans: readonly PlanInfo[] = [
  { tier: 'starter' },
  { tier: 'team', entitlements: ['forecasts'] },
  { tier: 'business', entitlements: ['forecasts'] },
];

interface HostServer {
  origin: string;
  heard: string[];
  close(): Promise<void>;
}

/** One host server: the proxy at /api/billing and a guarded /api/forecasts, both on `store`. */
async function hostServer(store: Keyv): Promise<HostServer> {
  const heard: string[] = [];
  const shared = {
    apiKey: fakeApiKey,
    baseUrl: fake.baseUrl,
    timeoutMs: 1_000,
    cache: { store },
    onError: (error: Error) => void heard.push(error.message),
  };
  const access = createAccessCheck({ ...shared, plans });
  const billing = toNodeHandler(createBillingProxy(shared));
  const forecasts = toNodeHandler(
    async (request) =>
      (await access.guard(request, { feature: 'forecasts' })) ?? Response.json({ forecasts: [120, 135] }),
    { basePath: '/api/forecasts' },
  );
  const server: Listening = await listen((req, res) => billing(req, res, () => forecasts(req, res)));
  return { origin: server.origin, heard, close: () => server.close() };
}

let fake: FakeSaiku;
let redis: { url: string; process: Started };
const stores: Keyv[] = [];
const clients: KeyvRedis<unknown>[] = [];
let a: HostServer;
let b: HostServer;

beforeAll(async () => {
  fake = await startFakeSaiku();
  redis = await startRedis();
  for (let i = 0; i < 2; i++) {
    const client = new KeyvRedis(redis.url, { throwOnConnectError: false });
    clients.push(client);
    const store = new Keyv(client);
    store.on('error', () => {}); // what a failed store costs a check reaches onError
    stores.push(store);
  }
  [a, b] = (await Promise.all(stores.map(hostServer))) as [HostServer, HostServer];
}, 60_000);

afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  // Forced: with Redis stopped (the last test), a polite QUIT would wait for a reconnect.
  await Promise.all(clients.map((client) => client.disconnect(true).catch(() => {})));
  await redis?.process.stop();
  await fake?.close();
});

beforeEach(() => {
  fake.reset();
  fake.state = freeStateBody;
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-06T12:00:00Z') });
});
afterEach(() => vi.useRealTimers());

const stateReads = () => fake.received.filter((received) => received.path === '/me/billing/state').length;
const forecastsOn = async (server: HostServer) => (await fetch(`${server.origin}/api/forecasts`)).status;

describe('two servers, one Redis', () => {
  it('make one upstream read for a tenant within the TTL, across both', async () => {
    await stores[0]?.clear();
    expect(await forecastsOn(a)).toBe(402);
    expect(await forecastsOn(b)).toBe(402);
    const concurrent = await Promise.all(Array.from({ length: 10 }, (_, i) => forecastsOn(i % 2 ? a : b)));
    expect(concurrent).toEqual(Array(10).fill(402));
    expect(stateReads()).toBe(1);

    vi.advanceTimersByTime(30_000);
    expect(await forecastsOn(b)).toBe(402);
    expect(await forecastsOn(a)).toBe(402);
    expect(stateReads()).toBe(2);
  });

  it('see on one server the state read through the other server’s proxy', async () => {
    await stores[0]?.clear();
    expect(await forecastsOn(a)).toBe(402);
    // The tenant pays for Team: within the TTL both servers still hold the free state…
    fake.state = stateBody;
    expect(await forecastsOn(a)).toBe(402);
    expect(await forecastsOn(b)).toBe(402);
    // …until the browser, back from Checkout, reads its state through server B's proxy.
    const read = await fetch(`${b.origin}/api/billing/state`);
    expect(await read.json()).toMatchObject({ tier: 'team', billedFeaturesActive: true });
    expect(await forecastsOn(a)).toBe(200);
    expect(await forecastsOn(b)).toBe(200);
    expect(stateReads()).toBe(2);
    expect([...a.heard, ...b.heard]).toEqual([]);
  });

  it('read Saiku themselves while Redis is down, and tell onError', async () => {
    await redis.process.stop();
    fake.state = stateBody;
    expect(await forecastsOn(a)).toBe(200);
    expect(stateReads()).toBe(1);
    expect(a.heard.length).toBeGreaterThan(0);
  }, 20_000);
});
