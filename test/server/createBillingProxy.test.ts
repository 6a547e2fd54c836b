// The proxy's rules, one test each, against a real fake Saiku server on 127.0.0.1.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBillingProxy, type ProxyOptions } from '../../src/server';
import {
  checkoutBody,
  closedPort,
  portalBody,
  sendJson,
  startFakeSaiku,
  stateBody,
  type FakeSaiku,
} from './fakeSaiku';

const app = 'https://app.example.com';
const successUrl = `${app}/billing?checkout=success`;
const cancelUrl = `${app}/billing`;
const validCheckout = { tier: 'team', successUrl, cancelUrl };

let fake: FakeSaiku;
beforeAll(async () => {
  fake = await startFakeSaiku();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

function proxy(options: Partial<ProxyOptions> = {}) {
  // Rules other than the guards: the fake's tenant is active, and guards.test.ts covers the guards.
  return createBillingProxy({
    apiKey: fake.apiKey,
    baseUrl: fake.baseUrl,
    blockDuplicateSubscriptions: false,
    rateLimit: false,
    ...options,
  });
}

/** What a same-origin browser fetch sends. */
const sameOrigin = { Origin: app, 'Sec-Fetch-Site': 'same-origin' };

function get(path: string, headers: Record<string, string> = {}): Request {
  return new Request(`${app}/api/billing/${path}`, { headers });
}

function postJson(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${app}/api/billing/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...sameOrigin, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
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

async function jsonOf(response: Response): Promise<Record<string, unknown>> {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return (await response.json()) as Record<string, unknown>;
}

/** Asserts the `{ error, message }` body and status, and returns the message. */
async function expectError(response: Response, status: number, code: string): Promise<string> {
  expect(response.status).toBe(status);
  const body = await jsonOf(response);
  expect(body).toEqual({ error: code, message: expect.any(String) });
  return body.message as string;
}

function forwardedBody(index = 0): unknown {
  const request = fake.received[index];
  if (!request) throw new Error(`the fake received only ${fake.received.length} requests`);
  return JSON.parse(request.body);
}

describe('routes', () => {
  it('answers GET state with the tenant’s billing state, fetched with the Bearer key', async () => {
    const response = await proxy()(get('state'));
    expect(response.status).toBe(200);
    expect(await jsonOf(response)).toEqual(stateBody);
    expect(fake.received).toHaveLength(1);
    expect(fake.received[0]).toMatchObject({ method: 'GET', path: '/me/billing/state' });
    expect(fake.received[0]?.headers.authorization).toBe(`Bearer ${fake.apiKey}`);
  });

  it('mints a checkout session from JSON and answers with its URL and id', async () => {
    const response = await proxy()(
      postJson('checkout-session', { ...validCheckout, email: 'alice@acme.com', name: 'Acme' }),
    );
    expect(response.status).toBe(200);
    expect(await jsonOf(response)).toEqual(checkoutBody);
    expect(fake.received[0]).toMatchObject({ method: 'POST', path: '/me/billing/checkout-session' });
    expect(forwardedBody()).toEqual({ ...validCheckout, email: 'alice@acme.com', name: 'Acme' });
  });

  it('mints a portal session from JSON and answers with its URL', async () => {
    const response = await proxy()(postJson('portal-session', { returnUrl: cancelUrl }));
    expect(response.status).toBe(200);
    expect(await jsonOf(response)).toEqual(portalBody);
    expect(forwardedBody()).toEqual({ returnUrl: cancelUrl });
  });

  it('sends a no-JavaScript checkout form post to Stripe with 303 See Other', async () => {
    const response = await proxy()(postForm('checkout', validCheckout));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(checkoutBody.url);
    expect(forwardedBody()).toEqual(validCheckout);
  });

  it('sends a no-JavaScript portal form post to Stripe with 303 See Other', async () => {
    const response = await proxy()(postForm('portal', { returnUrl: cancelUrl }));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(portalBody.url);
  });

  // The components' buttons submit one shared, empty form and carry their fields in formaction's query.
  it("reads a form post's fields from its action's query string too, as the buttons send them", async () => {
    const query = new URLSearchParams(validCheckout);
    const response = await proxy()(
      new Request(`${app}/api/billing/checkout?${query}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...sameOrigin },
        body: '',
      }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(checkoutBody.url);
    expect(forwardedBody()).toEqual(validCheckout);
  });

  it('refuses a form field sent both in the query and in the body (400), rather than pick one', async () => {
    const request = new Request(`${app}/api/billing/checkout?tier=team`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...sameOrigin },
      body: 'tier=enterprise',
    });
    await expectError(await proxy()(request), 400, 'invalid_request');
    expect(fake.received).toHaveLength(0);
  });

  it('reads no JSON route field from the query string', async () => {
    const request = new Request(
      `${app}/api/billing/portal-session?returnUrl=${encodeURIComponent(cancelUrl)}`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...sameOrigin },
        body: '{}',
      },
    );
    await expectError(await proxy()(request), 400, 'invalid_request');
  });

  const portalFormNoCustomer =
    'sends a portal form post back to its page with billing_error=no_customer when ' +
    'there is nothing to manage';
  it(portalFormNoCustomer, async () => {
    fake.answerWith((_request, res) =>
      sendJson(res, 409, { error: 'no_customer', message: 'No Stripe customer.' }),
    );
    const response = await proxy()(postForm('portal', { returnUrl: `${app}/billing?tab=plan` }));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${app}/billing?tab=plan&billing_error=no_customer`);
  });

  it('returns a form post that names no URLs to the page it came from (its Referer), with the markers', async () => {
    const referer = `${app}/settings/billing?tab=plan&billing_error=no_customer`;
    const response = await proxy()(postForm('checkout', { tier: 'team' }, { Referer: referer }));
    expect(response.status).toBe(303);
    expect(forwardedBody()).toEqual({
      tier: 'team',
      successUrl: `${app}/settings/billing?tab=plan&saiku_checkout=success`,
      cancelUrl: `${app}/settings/billing?tab=plan&saiku_checkout=canceled`,
    });
  });

  it('returns a form post to the origin root when its Referer is on another origin', async () => {
    const response = await proxy()(postForm('portal', {}, { Referer: 'https://elsewhere.example/page' }));
    expect(response.status).toBe(303);
    expect(forwardedBody()).toEqual({ returnUrl: `${app}/?saiku_portal=return` });
  });

  it('answers 404 for an unknown path under basePath and for paths outside it, sending nothing upstream', async () => {
    const handler = proxy();
    await expectError(await handler(get('invoices')), 404, 'not_found');
    await expectError(await handler(get('')), 404, 'not_found');
    await expectError(await handler(new Request(`${app}/api/other/state`)), 404, 'not_found');
    await expectError(await handler(get('constructor')), 404, 'not_found');
    expect(fake.received).toHaveLength(0);
  });

  it('answers 405 with Allow for a route asked with the wrong method', async () => {
    const handler = proxy();
    const post = await handler(postJson('state', {}));
    await expectError(post, 405, 'method_not_allowed');
    expect(post.headers.get('allow')).toBe('GET');
    const get405 = await handler(get('checkout-session'));
    await expectError(get405, 405, 'method_not_allowed');
    expect(get405.headers.get('allow')).toBe('POST');
    expect(
      (await handler(new Request(`${app}/api/billing/portal`, { method: 'DELETE' }))).headers.get('allow'),
    ).toBe('POST');
    expect(fake.received).toHaveLength(0);
  });

  it('serves its routes under a custom basePath', async () => {
    const handler = proxy({ basePath: '/billing-proxy/' });
    expect((await handler(new Request(`${app}/billing-proxy/state`))).status).toBe(200);
    expect((await handler(get('state'))).status).toBe(404);
  });

  it('shows a person without JavaScript a small HTML page, with a way back, when a form post is refused', async () => {
    const response = await proxy()(
      postForm(
        'checkout',
        { tier: '<script>' },
        { Accept: 'text/html,*/*;q=0.8', Referer: `${app}/billing` },
      ),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain(`href="${app}/billing"`);
    expect(html).not.toContain('<script>');
    expect(fake.received).toHaveLength(0);
  });
});

describe('the key', () => {
  it('answers 401 and sends nothing upstream when the key resolver returns null', async () => {
    const response = await proxy({ apiKey: () => null })(get('state'));
    await expectError(response, 401, 'unauthorized');
    expect(fake.received).toHaveLength(0);
  });

  it('answers 500 without detail when the key resolver throws, and tells onError', async () => {
    const heard: Error[] = [];
    const response = await proxy({
      apiKey: () => {
        throw new Error('session store down at db.internal:5432');
      },
      onError: (error) => void heard.push(error),
    })(get('state'));
    const message = await expectError(response, 500, 'internal');
    expect(message).not.toContain('db.internal');
    expect(fake.received).toHaveLength(0);
    expect(heard).toHaveLength(1);
    expect(heard[0]?.message).toBe('session store down at db.internal:5432');
  });

  it('uses the key the resolver picks for this request', async () => {
    const response = await proxy({
      apiKey: async (request) => (request.headers.get('x-tenant') === 'acme' ? fake.apiKey : null),
    })(get('state', { 'X-Tenant': 'acme' }));
    expect(response.status).toBe(200);
    expect(fake.received[0]?.headers.authorization).toBe(`Bearer ${fake.apiKey}`);
  });

  it('answers 500 and tells onError when the configured key is empty (an unset environment variable)', async () => {
    const heard: Error[] = [];
    const response = await proxy({ apiKey: '', onError: (error) => void heard.push(error) })(get('state'));
    await expectError(response, 500, 'internal');
    expect(heard[0]?.message).toMatch(/apiKey is an empty string/);
    expect(fake.received).toHaveLength(0);
  });
});

describe('what it refuses, before anything goes upstream', () => {
  it('refuses a JSON route whose body is not JSON-typed (415)', async () => {
    const handler = proxy();
    await expectError(
      await handler(postJson('checkout-session', validCheckout, { 'Content-Type': 'text/plain' })),
      415,
      'unsupported_media_type',
    );
    await expectError(
      await handler(postForm('checkout-session', validCheckout)),
      415,
      'unsupported_media_type',
    );
    await expectError(
      await handler(
        new Request(`${app}/api/billing/portal-session`, { method: 'POST', headers: sameOrigin }),
      ),
      415,
      'unsupported_media_type',
    );
    expect(fake.received).toHaveLength(0);
  });

  it('refuses a form route whose body is not a urlencoded form (415)', async () => {
    await expectError(await proxy()(postJson('checkout', validCheckout)), 415, 'unsupported_media_type');
    expect(fake.received).toHaveLength(0);
  });

  it('refuses a body declared over 16 KiB (413) without reading any of it', async () => {
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const request = new Request(`${app}/api/billing/checkout-session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(1024 * 1024), ...sameOrigin },
      body,
      duplex: 'half',
    } as RequestInit);
    await expectError(await proxy()(request), 413, 'payload_too_large');
    // A stream fills its one-chunk queue by itself; the proxy pulled nothing more.
    expect(pulls).toBeLessThanOrEqual(1);
    expect(fake.received).toHaveLength(0);
  });

  it('stops reading a streamed body as soon as it passes 16 KiB (413)', async () => {
    let pulls = 0;
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        controller.enqueue(new TextEncoder().encode(' '.repeat(1024)));
      },
      cancel() {
        cancelled = true;
      },
    });
    const request = new Request(`${app}/api/billing/checkout-session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...sameOrigin },
      body,
      duplex: 'half',
    } as RequestInit);
    await expectError(await proxy()(request), 413, 'payload_too_large');
    expect(pulls).toBeLessThan(20);
    expect(cancelled).toBe(true);
    expect(fake.received).toHaveLength(0);
  });

  it('accepts a body of exactly 16 KiB', async () => {
    const padded = JSON.stringify(validCheckout);
    const body = padded.slice(0, -1) + ' '.repeat(16 * 1024 - padded.length) + '}';
    expect(new TextEncoder().encode(body).byteLength).toBe(16 * 1024);
    expect((await proxy()(postJson('checkout-session', body))).status).toBe(200);
  });

  it('refuses malformed JSON, and JSON that is not an object (400)', async () => {
    const handler = proxy();
    await expectError(
      await handler(postJson('checkout-session', '{"tier": "team",')),
      400,
      'invalid_request',
    );
    await expectError(await handler(postJson('checkout-session', '[]')), 400, 'invalid_request');
    await expectError(await handler(postJson('portal-session', 'null')), 400, 'invalid_request');
    await expectError(await handler(postJson('portal-session', '')), 400, 'invalid_request');
    expect(fake.received).toHaveLength(0);
  });

  it('refuses a tier that is not a string among the allowed tiers (400)', async () => {
    const handler = proxy();
    for (const tier of ['platinum', 'Team', 7, null, ['team'], 'toString']) {
      await expectError(
        await handler(postJson('checkout-session', { ...validCheckout, tier })),
        400,
        'invalid_request',
      );
    }
    const { tier: _tier, ...noTier } = validCheckout;
    await expectError(await handler(postJson('checkout-session', noTier)), 400, 'invalid_request');
    await expectError(
      await handler(postForm('checkout', { ...validCheckout, tier: 'platinum' })),
      400,
      'invalid_request',
    );
    expect(fake.received).toHaveLength(0);
  });

  it('accepts the tiers the tiers option names, and only those', async () => {
    const handler = proxy({ tiers: ['pro'] });
    expect((await handler(postJson('checkout-session', { ...validCheckout, tier: 'pro' }))).status).toBe(200);
    await expectError(await handler(postJson('checkout-session', validCheckout)), 400, 'invalid_request');
    expect(fake.received).toHaveLength(1);
  });

  it('refuses an email or name that is not a short string (400)', async () => {
    const handler = proxy();
    const bad = [
      { email: 42 },
      { email: 'not an email' },
      { email: `${'a'.repeat(250)}@acme.com` },
      { name: { first: 'Al' } },
      { name: 'x'.repeat(257) },
      { name: 'Acme\r\nBcc: all' },
    ];
    for (const fields of bad) {
      await expectError(
        await handler(postJson('checkout-session', { ...validCheckout, ...fields })),
        400,
        'invalid_request',
      );
    }
    expect(fake.received).toHaveLength(0);
  });

  it('refuses a return URL that is not absolute, not https, or on another origin (400)', async () => {
    const handler = proxy();
    const bad = [
      '/billing',
      '//evil.example/billing',
      'http://app.example.com/billing',
      'javascript:alert(1)',
      'https://evil.example/billing',
      'https://app.example.com.evil.example/',
      'https://user:pass@app.example.com/billing',
      `https://app.example.com/${'x'.repeat(2100)}`,
    ];
    for (const url of bad) {
      await expectError(
        await handler(postJson('checkout-session', { ...validCheckout, successUrl: url })),
        400,
        'invalid_request',
      );
      await expectError(
        await handler(postJson('checkout-session', { ...validCheckout, cancelUrl: url })),
        400,
        'invalid_request',
      );
      await expectError(
        await handler(postJson('portal-session', { returnUrl: url })),
        400,
        'invalid_request',
      );
    }
    await expectError(await handler(postJson('portal-session', {})), 400, 'invalid_request');
    expect(fake.received).toHaveLength(0);
  });

  it('accepts plain http return URLs only on a loopback host', async () => {
    const local = 'http://localhost:3000';
    const handler = proxy();
    const request = new Request(`${local}/api/billing/portal-session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: local },
      body: JSON.stringify({ returnUrl: `${local}/billing` }),
    });
    expect((await handler(request)).status).toBe(200);
    expect(forwardedBody()).toEqual({ returnUrl: `${local}/billing` });
  });

  it('accepts return URLs on the origins allowedOrigins names instead of its own', async () => {
    const handler = proxy({ allowedOrigins: ['https://admin.example.com/'] });
    const fromAdmin = { Origin: 'https://admin.example.com', 'Sec-Fetch-Site': 'same-site' };
    const ok = await handler(
      postJson('portal-session', { returnUrl: 'https://admin.example.com/billing' }, fromAdmin),
    );
    expect(ok.status).toBe(200);
    await expectError(
      await handler(postJson('portal-session', { returnUrl: cancelUrl }, fromAdmin)),
      400,
      'invalid_request',
    );
    expect(fake.received).toHaveLength(1);
  });

  it('refuses a cross-site POST: an Origin that is not allowed, or Sec-Fetch-Site: cross-site (403)', async () => {
    const handler = proxy();
    const attempts: Record<string, string>[] = [
      { Origin: 'https://evil.example' },
      { Origin: 'null' },
      { Origin: 'http://app.example.com' },
      { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'same-origin' },
      { Origin: app, 'Sec-Fetch-Site': 'cross-site' },
      { Origin: '', 'Sec-Fetch-Site': 'cross-site' },
    ];
    for (const headers of attempts) {
      await expectError(
        await handler(postJson('checkout-session', validCheckout, headers)),
        403,
        'forbidden',
      );
      await expectError(
        await handler(postForm('portal', { returnUrl: cancelUrl }, headers)),
        403,
        'forbidden',
      );
    }
    expect(fake.received).toHaveLength(0);
  });

  it('accepts a POST without Origin or Sec-Fetch-Site (a server-side caller)', async () => {
    const request = new Request(`${app}/api/billing/portal-session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ returnUrl: cancelUrl }),
    });
    expect((await proxy()(request)).status).toBe(200);
  });

  it('refuses a form that sends a field twice (400)', async () => {
    const request = new Request(`${app}/api/billing/checkout`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...sameOrigin },
      body: 'tier=team&tier=enterprise',
    });
    await expectError(await proxy()(request), 400, 'invalid_request');
    expect(fake.received).toHaveLength(0);
  });
});

describe('what it forwards', () => {
  it('forwards only the fields the Saiku API names, normalised', async () => {
    await proxy()(
      postJson('checkout-session', {
        ...validCheckout,
        priceId: 'price_free',
        trialDays: 365,
        tenantId: 'other',
      }),
    );
    expect(forwardedBody()).toEqual(validCheckout);
  });

  it('lets customer(request) fill email and name on the server, overriding the browser', async () => {
    await proxy({ customer: () => ({ email: 'owner@acme.com', name: 'Acme Corp' }) })(
      postJson('checkout-session', { ...validCheckout, email: 'mallory@evil.example', name: 'Mallory' }),
    );
    expect(forwardedBody()).toEqual({ ...validCheckout, email: 'owner@acme.com', name: 'Acme Corp' });
  });

  it('never forwards the browser’s cookies, Authorization or other headers', async () => {
    await proxy()(
      postJson(
        'portal-session',
        { returnUrl: cancelUrl },
        {
          Cookie: 'session=browser-secret',
          Authorization: 'Bearer browser-token',
          'X-Forwarded-For': '10.0.0.1',
        },
      ),
    );
    const headers = fake.received[0]?.headers ?? {};
    expect(headers.cookie).toBeUndefined();
    expect(headers.authorization).toBe(`Bearer ${fake.apiKey}`);
    expect(headers['x-forwarded-for']).toBeUndefined();
    expect(JSON.stringify(headers)).not.toContain('browser-');
  });

  it('answers 502 when Saiku cannot be reached', async () => {
    const response = await proxy({ baseUrl: `http://127.0.0.1:${await closedPort()}` })(get('state'));
    await expectError(response, 502, 'upstream');
  });

  it('answers 504 when Saiku does not answer within timeoutMs', async () => {
    fake.answerWith(() => undefined);
    await expectError(await proxy({ timeoutMs: 50 })(get('state')), 504, 'timeout');
  });

  it('answers 504 on time even when a custom fetch ignores its abort signal', async () => {
    const stuck: typeof fetch = () => new Promise<Response>(() => undefined);
    await expectError(await proxy({ fetch: stuck, timeoutMs: 50 })(get('state')), 504, 'timeout');
  });

  it('answers 500 without detail when customer(request) throws, and tells onError', async () => {
    const heard: Error[] = [];
    const response = await proxy({
      customer: () => Promise.reject(new Error('profile service down')),
      onError: (error) => void heard.push(error),
    })(postJson('checkout-session', validCheckout));
    expect(await expectError(response, 500, 'internal')).not.toContain('profile');
    expect(heard[0]?.message).toBe('profile service down');
    expect(fake.received).toHaveLength(0);
  });

  it('answers 502 when Saiku fails (5xx), without passing its message on', async () => {
    fake.answerWith((_request, res) =>
      sendJson(res, 503, { error: 'maintenance', message: 'db-7 is rebooting' }),
    );
    const message = await expectError(await proxy()(get('state')), 502, 'upstream');
    expect(message).not.toContain('db-7');
  });

  it('answers 502 when Saiku’s answer is not the documented shape', async () => {
    const handler = proxy();
    fake.answerWith((_request, res) => sendJson(res, 200, { ...stateBody, billedFeaturesActive: 'yes' }));
    await expectError(await handler(get('state')), 502, 'upstream');
    fake.answerWith((_request, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html>Bad gateway</html>');
    });
    await expectError(await handler(get('state')), 502, 'upstream');
    fake.answerWith((_request, res) => sendJson(res, 200, { url: 'javascript:alert(1)', sessionId: 'cs_1' }));
    await expectError(await handler(postJson('checkout-session', validCheckout)), 502, 'upstream');
    await expectError(await handler(postForm('checkout', validCheckout)), 502, 'upstream');
  });

  it('passes Saiku’s 4xx on with its status and the same error shape', async () => {
    const handler = proxy();
    fake.answerWith((_request, res) =>
      sendJson(res, 400, { error: 'invalid_request', message: 'successUrl must be HTTPS' }),
    );
    expect(
      await expectError(await handler(postJson('checkout-session', validCheckout)), 400, 'invalid_request'),
    ).toBe('successUrl must be HTTPS');
    fake.answerWith((_request, res) =>
      sendJson(res, 401, { error: 'unauthorized', message: 'Invalid API key.' }),
    );
    await expectError(await handler(get('state')), 401, 'unauthorized');
    fake.answerWith((_request, res) =>
      sendJson(res, 409, { error: 'no_customer', message: 'Run checkout first.' }),
    );
    await expectError(
      await handler(postJson('portal-session', { returnUrl: cancelUrl })),
      409,
      'no_customer',
    );
    fake.answerWith((_request, res) =>
      sendJson(res, 429, { error: 'rate_limited', message: 'Slow down.' }, { 'Retry-After': '30' }),
    );
    const limited = await handler(get('state'));
    await expectError(limited, 429, 'rate_limited');
    expect(limited.headers.get('retry-after')).toBe('30');
  });

  it('does not follow a redirect from Saiku with the key (502)', async () => {
    fake.answerWith((request, res) => {
      if (request.path === '/me/billing/state') {
        res.writeHead(302, { Location: '/collect-key' });
        res.end();
      } else sendJson(res, 200, stateBody);
    });
    await expectError(await proxy()(get('state')), 502, 'upstream');
    expect(fake.received.map((request) => request.path)).toEqual(['/me/billing/state']);
  });

  it('passes none of Saiku’s headers on', async () => {
    fake.answerWith((_request, res) =>
      sendJson(res, 200, stateBody, {
        'Set-Cookie': 'upstream=1',
        'X-Saiku-Request-Id': 'req_1',
        Server: 'saiku',
      }),
    );
    const response = await proxy()(get('state'));
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('x-saiku-request-id')).toBeNull();
    expect(response.headers.get('server')).toBeNull();
  });

  it('sets Cache-Control: no-store on every answer: data, redirects and errors', async () => {
    const handler = proxy();
    const responses = [
      await handler(get('state')),
      await handler(postForm('checkout', validCheckout)),
      await handler(get('nowhere')),
      await handler(postJson('state', {})),
      await handler(postJson('checkout-session', '{')),
      await proxy({ apiKey: () => null })(get('state')),
    ];
    for (const response of responses) expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps the key out of answers even when Saiku echoes it', async () => {
    fake.answerWith((request, res) =>
      sendJson(res, 400, {
        error: 'invalid_request',
        message: `Key ${request.headers.authorization ?? ''} cannot do that`,
      }),
    );
    const heard: Error[] = [];
    const response = await proxy({ onError: (error) => void heard.push(error) })(get('state'));
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(text).not.toContain(fake.apiKey);
    expect(text).toContain('[redacted]');
    expect(heard[0]?.message).not.toContain(fake.apiKey);
  });

  it('keeps the key out of answers even when Saiku puts it in a successful body', async () => {
    fake.answerWith((request, res) =>
      sendJson(res, 200, { ...stateBody, tenantId: `tenant-of-${request.headers.authorization ?? ''}` }),
    );
    const response = await proxy()(get('state'));
    expect(response.status).toBe(200);
    expect(await response.text()).not.toContain(fake.apiKey);
  });

  it('keeps the key out of what onError receives, causes included', async () => {
    const heard: Error[] = [];
    const leakyFetch: typeof fetch = async (_input, init) => {
      throw new Error(`socket hang up (sent ${new Headers(init?.headers).get('authorization') ?? ''})`);
    };
    const response = await proxy({ fetch: leakyFetch, onError: (error) => void heard.push(error) })(
      get('state'),
    );
    await expectError(response, 502, 'upstream');
    expect(heard).toHaveLength(1);
    const seen = [
      heard[0]?.message,
      heard[0]?.stack,
      (heard[0]?.cause as Error).message,
      (heard[0]?.cause as Error).stack,
    ];
    expect(seen.join('\n')).not.toContain(fake.apiKey);
    expect((heard[0]?.cause as Error).message).toContain('socket hang up');
  });

  it('tells onError about Saiku’s failures, and still answers when onError throws', async () => {
    fake.answerWith((_request, res) => sendJson(res, 500, {}));
    const heard: Error[] = [];
    const handler = proxy({
      onError: (error) => {
        heard.push(error);
        throw new Error('logger down');
      },
    });
    await expectError(await handler(get('state')), 502, 'upstream');
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({ name: 'BillingError', code: 'upstream', status: 500 });
  });
});
