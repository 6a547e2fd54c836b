// The proxy's guards for hosts with many users: no duplicate subscriptions, a limit on session mints,
// and what it does with a hostile or broken upstream (a body that never ends, a huge answer, a
// session URL off Stripe). Against a real fake Saiku server on 127.0.0.1.
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BillingError, createProxyBackend } from '../../src/core';
import {
  createBillingProxy,
  createMemoryRateLimiter,
  type ProxyOptions,
  type RateLimiterLike,
} from '../../src/server';
import {
  checkoutBody,
  freeStateBody,
  portalBody,
  sendJson,
  startFakeSaiku,
  stateBody,
  type FakeSaiku,
} from './fakeSaiku';

const app = 'https://app.example.com';
const successUrl = `${app}/billing?saiku_checkout=success`;
const cancelUrl = `${app}/billing`;
const validCheckout = { tier: 'team', successUrl, cancelUrl };
const sameOrigin = { Origin: app, 'Sec-Fetch-Site': 'same-origin' };

let fake: FakeSaiku;
beforeAll(async () => {
  fake = await startFakeSaiku();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());
afterEach(() => vi.useRealTimers());

function proxy(options: Partial<ProxyOptions> = {}) {
  return createBillingProxy({ apiKey: fake.apiKey, baseUrl: fake.baseUrl, ...options });
}

function postJson(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${app}/api/billing/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...sameOrigin, ...headers },
    body: JSON.stringify(body),
  });
}

function postForm(
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Request {
  return new Request(`${app}/api/billing/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...sameOrigin, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

const upstreamRoutes = () => fake.received.map((request) => `${request.method} ${request.path}`);

async function expectError(response: Response, status: number, code: string): Promise<void> {
  expect(response.status).toBe(status);
  expect(await response.json()).toEqual({ error: code, message: expect.any(String) });
}

describe('the duplicate guard (blockDuplicateSubscriptions)', () => {
  it('refuses a JSON Checkout for a subscribed tenant with 409 already_subscribed, minting nothing', async () => {
    const response = await proxy()(postJson('checkout-session', validCheckout));
    await expectError(response, 409, 'already_subscribed');
    expect(upstreamRoutes()).toEqual(['GET /me/billing/state']);
  });

  it('sends a Checkout form post for such a tenant into a Portal session, returning to the cancel page', async () => {
    const response = await proxy()(postForm('checkout', validCheckout));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(portalBody.url);
    expect(upstreamRoutes()).toEqual(['GET /me/billing/state', 'POST /me/billing/portal-session']);
    // The cancel page, marked as a return from the Portal (which is where the user went).
    const returnUrl = new URL(cancelUrl);
    returnUrl.searchParams.set('saiku_portal', 'return');
    expect(JSON.parse(fake.received[1]?.body ?? '')).toEqual({ returnUrl: returnUrl.href });
  });

  it('lets a Checkout through for a tenant without one, after reading its state', async () => {
    fake.state = freeStateBody;
    const response = await proxy()(postJson('checkout-session', validCheckout));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(checkoutBody);
    expect(upstreamRoutes()).toEqual(['GET /me/billing/state', 'POST /me/billing/checkout-session']);
  });

  it.each([
    ['paused', true],
    ['incomplete', true],
    ['past_due', true],
    ['some_status_stripe_adds_later', true],
    ['canceled', false],
    ['incomplete_expired', false],
    ['', false],
  ])('treats a tenant with a Stripe customer and status "%s" as subscribed: %s', async (status, blocked) => {
    fake.state = { ...stateBody, subscriptionStatus: status };
    const response = await proxy()(postJson('checkout-session', validCheckout));
    expect(response.status).toBe(blocked ? 409 : 200);
  });

  it('lets a Checkout through for a tenant with a status but no Stripe customer', async () => {
    fake.state = { ...stateBody, stripeCustomerId: null };
    expect((await proxy()(postJson('checkout-session', validCheckout))).status).toBe(200);
  });

  it('answers a failed state read as the upstream failure it is (502, 504), never with a Checkout', async () => {
    fake.answerWith((request, res) => {
      if (request.path === '/me/billing/state') sendJson(res, 500, { error: 'internal' });
      else sendJson(res, 200, checkoutBody);
    });
    await expectError(await proxy()(postJson('checkout-session', validCheckout)), 502, 'upstream');
    await expectError(await proxy()(postForm('checkout', validCheckout)), 502, 'upstream');
    fake.answerWith((request, res) => {
      if (request.path !== '/me/billing/state') sendJson(res, 200, checkoutBody);
      // else: never answer
    });
    await expectError(
      await proxy({ timeoutMs: 100 })(postJson('checkout-session', validCheckout)),
      504,
      'timeout',
    );
    expect(upstreamRoutes().filter((route) => route.startsWith('POST'))).toEqual([]);
  });

  it('reads no state and forwards the Checkout when turned off', async () => {
    const response = await proxy({ blockDuplicateSubscriptions: false })(
      postJson('checkout-session', validCheckout),
    );
    expect(response.status).toBe(200);
    expect(upstreamRoutes()).toEqual(['POST /me/billing/checkout-session']);
  });

  it('reaches the browser client as BillingError already_subscribed', async () => {
    const handler = proxy();
    const backend = createProxyBackend({
      baseUrl: `${app}/api/billing`,
      fetch: (input, init) => {
        const request = new Request(input, init);
        return handler(
          new Request(request, { headers: { ...sameOrigin, 'Content-Type': 'application/json' } }),
        );
      },
    });
    const error = await backend.createCheckoutSession(validCheckout).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BillingError);
    expect(error).toMatchObject({ code: 'already_subscribed', status: 409 });
  });
});

describe('the rate limit on session mints (rateLimit)', () => {
  beforeEach(() => {
    fake.state = freeStateBody;
    vi.useFakeTimers({ toFake: ['Date'] });
  });

  const mints: readonly [() => Request, ...(() => Request)[]] = [
    () => postJson('checkout-session', validCheckout),
    () => postJson('portal-session', { returnUrl: cancelUrl }),
    () => postForm('checkout', validCheckout),
    () => postForm('portal', { returnUrl: cancelUrl }),
  ];

  it('allows 10 mints a minute per tenant (Checkout, Portal, JSON, forms); the 11th is 429 + Retry-After', async () => {
    const handler = proxy();
    for (let i = 0; i < 10; i++) {
      const makeRequest = mints[i % mints.length] ?? mints[0];
      const response = await handler(makeRequest());
      expect(response.status, `mint ${i + 1}`).toBeLessThan(400);
    }
    const forwarded = fake.received.length;
    vi.advanceTimersByTime(20_000);
    const refused = await handler(postJson('checkout-session', validCheckout));
    await expectError(refused, 429, 'rate_limited');
    expect(refused.headers.get('retry-after')).toBe('40');
    expect(fake.received).toHaveLength(forwarded);

    vi.advanceTimersByTime(40_000);
    expect((await handler(postJson('checkout-session', validCheckout))).status).toBe(200);
  });

  it('sends a form post over the limit back to its page with billing_error=rate_limited', async () => {
    const handler = proxy();
    for (let i = 0; i < 10; i++) await handler(postJson('portal-session', { returnUrl: cancelUrl }));
    const checkout = await handler(
      postForm('checkout', { ...validCheckout, cancelUrl: `${app}/plans?tab=1` }),
    );
    expect(checkout.status).toBe(303);
    expect(checkout.headers.get('location')).toBe(`${app}/plans?tab=1&billing_error=rate_limited`);
    const portal = await handler(postForm('portal', { returnUrl: cancelUrl }));
    expect(portal.headers.get('location')).toBe(`${cancelUrl}?billing_error=rate_limited`);
  });

  // Issue 26: with the markers left on, the page reported a canceled Checkout, or polled for a Portal
  // return, though the user never left it.
  it('sends a form post over the limit back without the return markers, as the page never left', async () => {
    const handler = proxy();
    for (let i = 0; i < 10; i++) await handler(postJson('portal-session', { returnUrl: cancelUrl }));
    const page = `${app}/plans?tab=1`;
    const posts = {
      // What the library's own no-JavaScript forms send: URLs that carry their markers.
      'checkout, marked URLs': postForm('checkout', {
        tier: 'team',
        successUrl: `${page}&saiku_checkout=success`,
        cancelUrl: `${page}&saiku_checkout=canceled`,
      }),
      'portal, marked URL': postForm('portal', { returnUrl: `${page}&saiku_portal=return` }),
      // A form that names no URLs: they default to its Referer, with the markers added.
      'checkout, URLs from the Referer': postForm('checkout', { tier: 'team' }, { Referer: page }),
      'portal, URL from the Referer': postForm('portal', {}, { Referer: page }),
    };
    for (const [name, request] of Object.entries(posts)) {
      const response = await handler(request);
      expect(response.status, name).toBe(303);
      const location = new URL(response.headers.get('location') ?? '');
      expect(location.searchParams.get('billing_error'), name).toBe('rate_limited');
      expect(location.searchParams.has('saiku_checkout'), name).toBe(false);
      expect(location.searchParams.has('saiku_portal'), name).toBe(false);
      expect(location.href, name).toBe(`${page}&billing_error=rate_limited`);
    }
  });

  it('does not limit state reads', async () => {
    const handler = proxy();
    for (let i = 0; i < 10; i++) await handler(postJson('portal-session', { returnUrl: cancelUrl }));
    for (let i = 0; i < 15; i++)
      expect((await handler(new Request(`${app}/api/billing/state`))).status).toBe(200);
  });

  it('keeps one budget per tenant, named by a hash of its key, never the key', async () => {
    const keys: string[] = [];
    const recording: RateLimiterLike = {
      consume: (key) => {
        keys.push(key);
        return Promise.resolve();
      },
    };
    await proxy({ rateLimit: { limiter: recording } })(postJson('portal-session', { returnUrl: cancelUrl }));
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^saiku-billing:[0-9a-f]{64}$/);
    expect(keys[0]).not.toContain(fake.apiKey);

    // Two tenants behind one proxy: the second still has its whole budget.
    const other = await startFakeSaiku('sk_test_Other0Tenant');
    try {
      const handler = createBillingProxy({
        apiKey: (request) => request.headers.get('x-tenant-key'),
        baseUrl: fake.baseUrl,
      });
      const asTenant = (key: string) =>
        postJson('portal-session', { returnUrl: cancelUrl }, { 'X-Tenant-Key': key });
      for (let i = 0; i < 10; i++) await handler(asTenant(fake.apiKey));
      expect((await handler(asTenant(fake.apiKey))).status).toBe(429);
      // Saiku refuses the other key (401), but the limit let it through: its budget is untouched.
      expect((await handler(asTenant(other.apiKey))).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('spends the budget key(request) names, e.g. the signed-in user', async () => {
    const handler = proxy({ rateLimit: { key: (request) => request.headers.get('x-user') ?? 'anonymous' } });
    for (let i = 0; i < 10; i++)
      await handler(postJson('portal-session', { returnUrl: cancelUrl }, { 'X-User': 'alice' }));
    expect(
      (await handler(postJson('portal-session', { returnUrl: cancelUrl }, { 'X-User': 'alice' }))).status,
    ).toBe(429);
    expect(
      (await handler(postJson('portal-session', { returnUrl: cancelUrl }, { 'X-User': 'bob' }))).status,
    ).toBe(200);
  });

  it('takes rate-limiter-flexible’s RateLimiterMemory as it is', async () => {
    vi.useRealTimers();
    const handler = proxy({ rateLimit: { limiter: new RateLimiterMemory({ points: 2, duration: 60 }) } });
    expect((await handler(postJson('portal-session', { returnUrl: cancelUrl }))).status).toBe(200);
    expect((await handler(postJson('portal-session', { returnUrl: cancelUrl }))).status).toBe(200);
    const refused = await handler(postJson('portal-session', { returnUrl: cancelUrl }));
    await expectError(refused, 429, 'rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
  });

  it('lets requests through and tells onError when the limiter fails (its store is down)', async () => {
    const heard: Error[] = [];
    const down: RateLimiterLike = { consume: () => Promise.reject(new Error('connect ECONNREFUSED')) };
    const handler = proxy({ rateLimit: { limiter: down }, onError: (error) => void heard.push(error) });
    expect((await handler(postJson('checkout-session', validCheckout))).status).toBe(200);
    expect(heard).toHaveLength(1);
    expect(heard[0]?.message).toMatch(/rate limiter failed/);
    expect((heard[0]?.cause as Error).message).toBe('connect ECONNREFUSED');
  });

  it('lets a request through and tells onError when the limiter does not answer within timeoutMs', async () => {
    vi.useRealTimers();
    const heard: Error[] = [];
    const hung: RateLimiterLike = { consume: () => new Promise(() => {}) };
    const handler = proxy({
      rateLimit: { limiter: hung },
      timeoutMs: 100,
      onError: (error) => void heard.push(error),
    });
    expect((await handler(postJson('portal-session', { returnUrl: cancelUrl }))).status).toBe(200);
    expect(heard).toHaveLength(1);
    expect((heard[0]?.cause as Error).message).toMatch(/did not answer within 100 ms/);
  });

  it('mints without a limit when turned off', async () => {
    const handler = proxy({ rateLimit: false });
    for (let i = 0; i < 15; i++)
      expect((await handler(postJson('portal-session', { returnUrl: cancelUrl }))).status).toBe(200);
  });

  it('refuses a misused option with a TypeError at creation', () => {
    expect(() => proxy({ rateLimit: { limiter: {} as RateLimiterLike } })).toThrow(TypeError);
    expect(() => proxy({ rateLimit: true as unknown as false })).toThrow(TypeError);
    expect(() => proxy({ blockDuplicateSubscriptions: 'no' as unknown as boolean })).toThrow(TypeError);
    expect(() => createMemoryRateLimiter(0, 60_000)).toThrow(TypeError);
    expect(() => createMemoryRateLimiter(10, -1)).toThrow(TypeError);
    expect(() => proxy({ allowedRedirectHosts: 'checkout.stripe.com' as unknown as string[] })).toThrow(
      TypeError,
    );
  });
});
