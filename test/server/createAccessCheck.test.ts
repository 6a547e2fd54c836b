// createAccessCheck against a fake Saiku on a real loopback socket: what check and guard answer, how
// long a state is kept (Date faked, nothing else), the bound on tenants kept, one read for concurrent
// checks, outages, and a Keyv store shared with the proxy.
import Keyv from 'keyv';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlanInfo } from '../../src/core';
import { createAccessCheck, createBillingProxy, type AccessStateStore } from '../../src/server';
import { fakeApiKey, freeStateBody, sendJson, startFakeSaiku, stateBody, type FakeSaiku } from './fakeSaiku';

const plans = [
  { tier: 'starter', price: { amount: 0, currency: 'usd' } },
  { tier: 'team', entitlements: ['forecasts'], price: { amount: 4900, currency: 'usd', interval: 'month' } },
  { tier: 'business', entitlements: ['forecasts', 'sso'] },
  { tier: 'enterprise', entitlements: ['forecasts', 'sso'], contactUrl: 'mailto:sales@acme.test' },
] as const satisfies readonly PlanInfo[];

const app = 'https://app.example.com';
const request = () => new Request(`${app}/api/forecasts`);
const stateReads = () => fake.received.filter((received) => received.path === '/me/billing/state').length;

let fake: FakeSaiku;
beforeAll(async () => {
  fake = await startFakeSaiku();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  // Only Date is faked: the fake Saiku's socket and the time limits keep real timers.
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-06T12:00:00Z') });
});
afterEach(() => vi.useRealTimers());

function accessCheck(options: Partial<Parameters<typeof createAccessCheck<typeof plans>>[0]> = {}) {
  return createAccessCheck({ apiKey: fakeApiKey, baseUrl: fake.baseUrl, plans, ...options });
}

describe('check and guard', () => {
  it('grants a feature the tenant’s plan lists, and guard lets the request through', async () => {
    const access = accessCheck();
    expect(await access.check(request(), { feature: 'forecasts' })).toEqual({
      allowed: true,
      reason: 'granted',
      state: stateBody,
    });
    expect(await access.guard(request(), { feature: 'forecasts' })).toBeNull();
    expect(await access.check(request(), { feature: 'sso' })).toMatchObject({
      allowed: false,
      reason: 'no_access',
    });
    expect(await access.check(request(), { tier: 'team' })).toMatchObject({ allowed: true });
    expect(await access.check(request())).toMatchObject({ allowed: true, reason: 'granted' });
  });

  it('answers 402 payment_required with the requirement and the plans that unlock it', async () => {
    fake.state = freeStateBody;
    const access = accessCheck();
    expect(await access.check(request(), { feature: 'forecasts' })).toEqual({
      allowed: false,
      reason: 'no_access',
      state: freeStateBody,
    });
    const refused = await access.guard(request(), { feature: 'forecasts' });
    expect(refused?.status).toBe(402);
    expect(refused?.headers.get('content-type')).toMatch(/^application\/json/);
    expect(refused?.headers.get('cache-control')).toBe('no-store');
    const body = await refused?.json();
    expect(body).toMatchObject({
      error: 'payment_required',
      requirement: { feature: 'forecasts' },
      plans: [plans[1], plans[2], plans[3]],
    });
    expect(body.message).toEqual(expect.any(String));
    const byTier = await (await access.guard(request(), { tier: 'business' }))?.json();
    expect(byTier.plans.map((plan: PlanInfo) => plan.tier)).toEqual(['business', 'enterprise']);
    const anyPlan = await (await access.guard(request()))?.json();
    expect(anyPlan).toMatchObject({ requirement: null });
    expect(anyPlan.plans.map((plan: PlanInfo) => plan.tier)).toEqual(['team', 'business', 'enterprise']);
  });

  it('answers 401 when the apiKey function names no tenant, without calling Saiku', async () => {
    const access = accessCheck({ apiKey: () => null });
    expect(await access.check(request(), { feature: 'forecasts' })).toEqual({
      allowed: false,
      reason: 'unauthorized',
      state: null,
    });
    const refused = await access.guard(request(), { feature: 'forecasts' });
    expect(refused?.status).toBe(401);
    expect(await refused?.json()).toMatchObject({ error: 'unauthorized' });
    expect(fake.received).toHaveLength(0);
  });

  it('answers 401 for a key Saiku does not know, and tells onError', async () => {
    const heard: Error[] = [];
    const access = accessCheck({
      apiKey: 'sk_test_NobodyKnowsThisKey',
      onError: (error) => void heard.push(error),
    });
    expect(await access.check(request(), { feature: 'forecasts' })).toMatchObject({
      allowed: false,
      reason: 'unauthorized',
      state: null,
    });
    expect((await access.guard(request(), { feature: 'forecasts' }))?.status).toBe(401);
    expect(heard[0]).toMatchObject({ code: 'unauthorized', status: 401 });
  });

  it('refuses a malformed requirement or option with a TypeError', async () => {
    const access = accessCheck();
    // @ts-expect-error: a requirement is a feature or a tier
    await expect(access.check(request(), { feature: '' })).rejects.toThrow(TypeError);
    // @ts-expect-error: not a feature the plans declare
    await expect(access.check(request(), { feature: 'forecast' })).resolves.toMatchObject({
      allowed: false,
    });
    expect(() => accessCheck({ cache: { ttlMs: -1 } })).toThrow(/ttlMs/);
    expect(() => accessCheck({ cache: { maxEntries: 0 } })).toThrow(/maxEntries/);
    // @ts-expect-error: a store needs get and set
    expect(() => accessCheck({ cache: { store: { get() {} } } })).toThrow(/get\(key\) and set/);
    // @ts-expect-error: not a policy
    expect(() => accessCheck({ onUnavailable: 'allow' })).toThrow(/onUnavailable/);
    expect(() => accessCheck({ cache: false, onUnavailable: 'last-known' })).toThrow(/last-known/);
    expect(() => accessCheck({ apiKey: 'short' })).toThrow(/createAccessCheck: the API key is shorter/);
    // @ts-expect-error: plans are required
    expect(() => createAccessCheck({ apiKey: fakeApiKey })).toThrow(/plans/);
  });
});

describe('the cache', () => {
  it('reads Saiku once per ttlMs (30 s by default)', async () => {
    const access = accessCheck();
    await access.check(request(), { feature: 'forecasts' });
    vi.advanceTimersByTime(29_999);
    await access.guard(request(), { feature: 'forecasts' });
    await access.check(request(), { tier: 'team' });
    expect(stateReads()).toBe(1);
    vi.advanceTimersByTime(1);
    await access.check(request(), { feature: 'forecasts' });
    expect(stateReads()).toBe(2);
  });

  it('takes its own ttlMs, and reads every time with cache: false', async () => {
    const short = accessCheck({ cache: { ttlMs: 1_000 } });
    await short.check(request());
    vi.advanceTimersByTime(999);
    await short.check(request());
    expect(stateReads()).toBe(1);
    vi.advanceTimersByTime(1);
    await short.check(request());
    expect(stateReads()).toBe(2);

    const uncached = accessCheck({ cache: false });
    await uncached.check(request());
    await uncached.check(request());
    expect(stateReads()).toBe(4);
  });

  it('keeps at most maxEntries tenants, forgetting the least recently used', async () => {
    // Three tenants, one key each: the fake knows every key that starts with sk_test_tenant_.
    fake.answerWith((received, res) => {
      const key = received.headers.authorization?.replace('Bearer ', '') ?? '';
      if (!key.startsWith('sk_test_tenant_')) return sendJson(res, 401, { error: 'unauthorized' });
      sendJson(res, 200, { ...stateBody, tenantId: key });
    });
    const tenant = (name: string) => new Request(app, { headers: { 'x-tenant': name } });
    const access = accessCheck({
      apiKey: (req) => `sk_test_tenant_${req.headers.get('x-tenant')}`,
      cache: { maxEntries: 2 },
    });
    await access.check(tenant('a'));
    await access.check(tenant('b'));
    await access.check(tenant('a')); // a is now the most recently used
    expect(stateReads()).toBe(2);
    await access.check(tenant('c')); // b goes
    expect(stateReads()).toBe(3);
    await access.check(tenant('a'));
    await access.check(tenant('c'));
    expect(stateReads()).toBe(3);
    expect((await access.check(tenant('b'))).state?.tenantId).toBe('sk_test_tenant_b');
    expect(stateReads()).toBe(4);
  });

  it('makes one upstream read for a tenant’s concurrent checks', async () => {
    const access = accessCheck();
    const requirements = [{ feature: 'forecasts' }, { feature: 'sso' }, { tier: 'team' }, undefined] as const;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => access.check(request(), requirements[i % 4])),
    );
    expect(stateReads()).toBe(1);
    expect(results.map((result) => result.allowed).slice(0, 4)).toEqual([true, false, true, true]);
  });

  it('makes one upstream read for concurrent checks with cache: false too', async () => {
    const access = accessCheck({ cache: false });
    await Promise.all([access.check(request()), access.check(request()), access.guard(request())]);
    expect(stateReads()).toBe(1);
  });
});

describe('when Saiku is unavailable', () => {
  const failing = () =>
    fake.answerWith((_received, res) => sendJson(res, 500, { error: 'internal', message: 'down' }));

  it('denies by default: reason unavailable, guard 503, onError told', async () => {
    const heard: Error[] = [];
    const access = accessCheck({ onError: (error) => void heard.push(error) });
    await access.check(request());
    vi.advanceTimersByTime(30_000);
    failing();
    expect(await access.check(request(), { feature: 'forecasts' })).toEqual({
      allowed: false,
      reason: 'unavailable',
      state: null,
    });
    const refused = await access.guard(request(), { feature: 'forecasts' });
    expect(refused?.status).toBe(503);
    expect(await refused?.json()).toMatchObject({ error: 'unavailable' });
    expect(heard.length).toBeGreaterThan(0);
  });

  it("answers from the last state read with 'last-known', for lastKnownMs", async () => {
    const access = accessCheck({ onUnavailable: 'last-known', cache: { lastKnownMs: 3_600_000 } });
    expect(await access.check(request(), { feature: 'forecasts' })).toMatchObject({ allowed: true });
    vi.advanceTimersByTime(60_000);
    failing();
    expect(await access.check(request(), { feature: 'forecasts' })).toEqual({
      allowed: true,
      reason: 'granted',
      state: stateBody,
    });
    expect(await access.guard(request(), { feature: 'sso' }).then((r) => r?.status)).toBe(402);
    expect(stateReads()).toBe(3); // past ttlMs, Saiku is asked each time
    vi.advanceTimersByTime(3_600_000);
    expect(await access.check(request(), { feature: 'forecasts' })).toMatchObject({
      allowed: false,
      reason: 'unavailable',
    });
  });

  it("denies with 'last-known' when no state was ever read", async () => {
    failing();
    const access = accessCheck({ onUnavailable: 'last-known' });
    expect((await access.guard(request()))?.status).toBe(503);
  });

  it('answers unavailable when the host’s apiKey function throws', async () => {
    const heard: Error[] = [];
    const access = accessCheck({
      apiKey: () => {
        throw new Error('session store down');
      },
      onError: (error) => void heard.push(error),
    });
    expect(await access.check(request())).toMatchObject({ reason: 'unavailable' });
    expect(heard.map((error) => error.message)).toEqual(['session store down']);
  });
});

describe('the key', () => {
  const key = 'sk_live_51Hq4eC39HqLyjWDarjtT1zdp7dc';

  it('never appears in an answer, in what onError hears, or in a shared store', async () => {
    const echo = (status: number) =>
      fake.answerWith((received, res) =>
        sendJson(res, status, {
          ...freeStateBody,
          error: 'x',
          message: `bad ${received.headers.authorization}`,
        }),
      );
    const store = new Keyv();
    const heard: string[] = [];
    const access = createAccessCheck({
      apiKey: key,
      baseUrl: fake.baseUrl,
      plans,
      cache: { store },
      onError: (error) => void heard.push(`${error.message}\n${error.stack}`),
    });
    {
      echo(200);
      const refused = await access.guard(request(), { feature: 'forecasts' });
      expect(refused?.status).toBe(402);
      const stored = [...(store.store as Map<string, unknown>).entries()];
      expect(stored).toHaveLength(1);
      expect(JSON.stringify(stored)).not.toContain(key);
      vi.advanceTimersByTime(30_000);
      for (const status of [500, 400]) {
        echo(status);
        const answer = await access.guard(request(), { feature: 'forecasts' });
        expect(answer?.status).toBe(503);
        expect(await answer?.text()).not.toContain(key);
        expect(JSON.stringify(await access.check(request()))).not.toContain(key);
      }
      expect(heard.join('\n')).toContain('[redacted]');
      expect(heard.join('\n')).not.toContain(key);
    }
  });
});

describe('a shared store', () => {
  it('serves two checks with one upstream read', async () => {
    const store = new Keyv();
    const first = accessCheck({ cache: { store } });
    const second = accessCheck({ cache: { store } });
    await first.check(request());
    expect(await second.check(request(), { feature: 'forecasts' })).toMatchObject({ allowed: true });
    expect(stateReads()).toBe(1);
    vi.advanceTimersByTime(30_000);
    await second.check(request());
    expect(stateReads()).toBe(2);
  });

  it('is refreshed by the proxy with every state it reads', async () => {
    fake.state = freeStateBody;
    const store = new Keyv();
    const access = accessCheck({ cache: { store } });
    const proxy = createBillingProxy({ apiKey: fakeApiKey, baseUrl: fake.baseUrl, cache: { store } });
    expect((await access.guard(request(), { feature: 'forecasts' }))?.status).toBe(402);
    // The tenant pays; within the TTL the check still has the free state…
    fake.state = stateBody;
    expect((await access.guard(request(), { feature: 'forecasts' }))?.status).toBe(402);
    // …until the browser reads the new state through the proxy.
    const read = await proxy(new Request(`${app}/api/billing/state`));
    expect(await read.json()).toEqual(stateBody);
    expect(await access.guard(request(), { feature: 'forecasts' })).toBeNull();
    expect(stateReads()).toBe(2);
  });

  it('refreshes it from the duplicate guard’s read before a Checkout too', async () => {
    fake.state = freeStateBody;
    const store = new Keyv();
    const proxy = createBillingProxy({ apiKey: fakeApiKey, baseUrl: fake.baseUrl, cache: { store } });
    const response = await proxy(
      new Request(`${app}/api/billing/checkout-session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: app },
        body: JSON.stringify({ tier: 'team', successUrl: `${app}/ok`, cancelUrl: `${app}/no` }),
      }),
    );
    expect(response.status).toBe(200);
    const access = accessCheck({ cache: { store } });
    expect(await access.check(request())).toMatchObject({ reason: 'no_access', state: freeStateBody });
    expect(stateReads()).toBe(1);
  });

  it('falls back to Saiku when the store fails, and tells onError', async () => {
    const broken: AccessStateStore = {
      get: () => Promise.reject(new Error('store down')),
      set: () => Promise.reject(new Error('store down')),
    };
    const heard: string[] = [];
    const access = accessCheck({
      cache: { store: broken },
      onError: (error) => void heard.push(error.message),
    });
    expect(await access.check(request(), { feature: 'forecasts' })).toMatchObject({ allowed: true });
    expect(heard).toEqual(['store down', 'store down']);
  });

  it('ignores what it cannot parse in the store', async () => {
    const store = new Keyv();
    const access = accessCheck({ cache: { store } });
    await access.check(request());
    const map = store.store as Map<string, unknown>;
    for (const name of map.keys()) await store.set(name.replace(/^keyv:/, ''), '{"v":1,"state":{"tier":3}}');
    expect(await access.check(request(), { feature: 'forecasts' })).toMatchObject({ allowed: true });
    expect(stateReads()).toBe(2);
  });
});
