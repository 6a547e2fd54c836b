import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  assertSafeRedirect,
  BillingError,
  createProxyBackend,
  type BillingBackend,
  type CheckoutSessionInput,
} from '../../src/core';
import { defaultProxyBasePath, proxyPath, type MaybeProxyBackend } from '../../src/core/createProxyBackend';
import { errorAnswers } from './answers';
import { freeState, seedCheckoutBody, seedPortalBody, seedStateBody } from './fixtures';

// In a browser the default '/api/billing' resolves against the page; node has no page,
// so these tests mount the fake proxy at an absolute URL.
const baseUrl = 'http://127.0.0.1/api/billing';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const checkoutInput: CheckoutSessionInput = {
  tier: 'team',
  email: 'alice@acme.com',
  name: 'Acme Corp',
  successUrl: 'https://app.acme.com/billing/success?from=checkout',
  cancelUrl: 'https://app.acme.com/billing/cancel',
};
const portalInput = { returnUrl: 'https://app.acme.com/billing' };

/** Serves the proxy's three JSON routes at `base` with the seed's bodies, recording each request. */
function serveProxy(base = baseUrl): Request[] {
  const requests: Request[] = [];
  server.use(
    http.get(`${base}/state`, ({ request }) => {
      requests.push(request.clone());
      return HttpResponse.json(seedStateBody);
    }),
    http.post(`${base}/checkout-session`, ({ request }) => {
      requests.push(request.clone());
      return HttpResponse.json(seedCheckoutBody);
    }),
    http.post(`${base}/portal-session`, ({ request }) => {
      requests.push(request.clone());
      return HttpResponse.json(seedPortalBody);
    }),
  );
  return requests;
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, but the call resolved');
}

async function callAll(backend: BillingBackend): Promise<void> {
  await backend.getState();
  await backend.createCheckoutSession(checkoutInput);
  await backend.createPortalSession(portalInput);
}

const operations: [string, (backend: BillingBackend) => Promise<unknown>][] = [
  ['getState', (backend) => backend.getState()],
  ['createCheckoutSession', (backend) => backend.createCheckoutSession(checkoutInput)],
  ['createPortalSession', (backend) => backend.createPortalSession(portalInput)],
];

describe('createProxyBackend', () => {
  describe('requests', () => {
    it('calls /api/billing on the page’s own origin by default', async () => {
      const calls: string[] = [];
      const backend = createProxyBackend({
        fetch: async (input, init) => {
          calls.push(`${init?.method ?? 'GET'} ${String(input)}`);
          const path = String(input);
          if (path.endsWith('/state')) return Response.json(seedStateBody);
          if (path.endsWith('/checkout-session')) return Response.json(seedCheckoutBody);
          return Response.json(seedPortalBody);
        },
      });
      await callAll(backend);
      expect(defaultProxyBasePath).toBe('/api/billing');
      expect(calls).toEqual([
        'GET /api/billing/state',
        'POST /api/billing/checkout-session',
        'POST /api/billing/portal-session',
      ]);
    });

    it.each([baseUrl, `${baseUrl}/`, `${baseUrl}//`])('uses the baseUrl %s', async (base) => {
      const requests = serveProxy();
      await callAll(createProxyBackend({ baseUrl: base }));
      expect(requests.map((request) => `${request.method} ${request.url}`)).toEqual([
        'GET http://127.0.0.1/api/billing/state',
        'POST http://127.0.0.1/api/billing/checkout-session',
        'POST http://127.0.0.1/api/billing/portal-session',
      ]);
    });

    it('follows a proxy mounted somewhere else', async () => {
      const requests = serveProxy('https://admin.acme.test/internal/saiku');
      await createProxyBackend({ baseUrl: 'https://admin.acme.test/internal/saiku/' }).getState();
      expect(requests[0]?.url).toBe('https://admin.acme.test/internal/saiku/state');
    });

    it('tells the no-JavaScript form fallbacks where the proxy is, off the three-method interface', () => {
      const backend: MaybeProxyBackend = createProxyBackend();
      expect(backend[proxyPath]).toBe('/api/billing');
      expect(Object.keys(backend).sort()).toEqual([
        'createCheckoutSession',
        'createPortalSession',
        'getState',
      ]);
      expect((createProxyBackend({ baseUrl: `${baseUrl}/` }) as MaybeProxyBackend)[proxyPath]).toBe(baseUrl);
      // A host's wrapper that spreads the proxy's backend keeps its forms.
      const wrapped: MaybeProxyBackend = { ...backend, getState: backend.getState };
      expect(wrapped[proxyPath]).toBe('/api/billing');
    });

    it('never sends an Authorization header: the proxy adds the key', async () => {
      const requests = serveProxy();
      await callAll(createProxyBackend({ baseUrl }));
      expect(requests).toHaveLength(3);
      for (const request of requests) expect(request.headers.get('authorization')).toBeNull();
    });

    it.each<[string, HeadersInit]>([
      ['an object', { 'X-CSRF-Token': 'csrf-123', 'X-Tenant': 'acme' }],
      ['a Headers', new Headers({ 'X-CSRF-Token': 'csrf-123', 'X-Tenant': 'acme' })],
      [
        'an array of pairs',
        [
          ['X-CSRF-Token', 'csrf-123'],
          ['X-Tenant', 'acme'],
        ],
      ],
    ])('passes custom headers given as %s on every call', async (_label, headers) => {
      const requests = serveProxy();
      await callAll(createProxyBackend({ baseUrl, headers }));
      for (const request of requests) {
        expect(request.headers.get('x-csrf-token')).toBe('csrf-123');
        expect(request.headers.get('x-tenant')).toBe('acme');
      }
    });

    it('asks for JSON, and sends a GET for the state without a body', async () => {
      const requests = serveProxy();
      await createProxyBackend({ baseUrl }).getState();
      const [sent] = requests;
      expect(sent?.method).toBe('GET');
      expect(sent?.headers.get('accept')).toBe('application/json');
      expect(sent?.headers.get('content-type')).toBeNull();
      expect(await sent?.text()).toBe('');
    });

    it('sends the checkout fields as JSON, as given', async () => {
      const requests = serveProxy();
      await createProxyBackend({ baseUrl }).createCheckoutSession(checkoutInput);
      expect(requests[0]?.headers.get('content-type')).toBe('application/json');
      expect(await requests[0]?.json()).toEqual(checkoutInput);
    });

    it('sends the portal returnUrl as JSON, as given', async () => {
      const requests = serveProxy();
      await createProxyBackend({ baseUrl }).createPortalSession(portalInput);
      expect(requests[0]?.headers.get('content-type')).toBe('application/json');
      expect(await requests[0]?.json()).toEqual(portalInput);
    });

    it('mints a new session on every call (never caches the single-use URL)', async () => {
      const requests = serveProxy();
      const backend = createProxyBackend({ baseUrl });
      await backend.createCheckoutSession(checkoutInput);
      await backend.createCheckoutSession(checkoutInput);
      expect(requests).toHaveLength(2);
    });
  });

  describe('answers', () => {
    it('resolves with the parsed bodies', async () => {
      serveProxy();
      const backend = createProxyBackend({ baseUrl });
      await expect(backend.getState()).resolves.toEqual(seedStateBody);
      await expect(backend.createCheckoutSession(checkoutInput)).resolves.toEqual(seedCheckoutBody);
      await expect(backend.createPortalSession(portalInput)).resolves.toEqual(seedPortalBody);
    });

    describe.each(operations)('%s', (_name, call) => {
      it.each(errorAnswers)('turns $label into BillingError($code)', async (answer) => {
        let hits = 0;
        server.use(
          http.all(`${baseUrl}/*`, () => {
            hits += 1;
            return answer.respond();
          }),
        );
        const error = await rejectionOf(call(createProxyBackend({ baseUrl })));
        // A stray request would also fail as `network`: prove this one reached the handler.
        expect(hits).toBe(1);
        expect(error).toBeInstanceOf(BillingError);
        const billingError = error as BillingError;
        expect(billingError.code).toBe(answer.code);
        if (answer.status !== undefined) expect(billingError.status).toBe(answer.status);
        expect(billingError.retryAfter).toBe(answer.retryAfter);
        if (answer.message !== undefined) expect(billingError.message).toBe(answer.message);
        expect(billingError.message).not.toBe('');
      });
    });

    it('names the proxy when it failed without a message', async () => {
      server.use(http.get(`${baseUrl}/state`, () => new HttpResponse(null, { status: 502 })));
      const error = (await rejectionOf(createProxyBackend({ baseUrl }).getState())) as BillingError;
      expect(error.message).toContain('billing proxy');
      expect(error.message).toContain('502');
    });

    it('gives up with BillingError(timeout) after timeoutMs', async () => {
      server.use(
        http.get(`${baseUrl}/state`, async () => {
          await delay('infinite');
          return HttpResponse.json(seedStateBody);
        }),
      );
      const error = (await rejectionOf(
        createProxyBackend({ baseUrl, timeoutMs: 50 }).getState(),
      )) as BillingError;
      expect(error).toBeInstanceOf(BillingError);
      expect(error.code).toBe('timeout');
    });

    it('rejects with the abort, not a BillingError, when the caller aborts', async () => {
      let arrived!: () => void;
      const requestArrived = new Promise<void>((resolve) => {
        arrived = resolve;
      });
      server.use(
        http.get(`${baseUrl}/state`, async () => {
          arrived();
          await delay('infinite');
          return HttpResponse.json(seedStateBody);
        }),
      );
      const controller = new AbortController();
      const pending = createProxyBackend({ baseUrl }).getState({ signal: controller.signal });
      await requestArrived;
      controller.abort();
      const error = await rejectionOf(pending);
      expect(error).not.toBeInstanceOf(BillingError);
      expect((error as Error).name).toBe('AbortError');
    });

    it('still times out when the caller passed a signal it never aborts', async () => {
      server.use(
        http.get(`${baseUrl}/state`, async () => {
          await delay('infinite');
          return HttpResponse.json(seedStateBody);
        }),
      );
      const controller = new AbortController();
      const error = (await rejectionOf(
        createProxyBackend({ baseUrl, timeoutMs: 50 }).getState({ signal: controller.signal }),
      )) as BillingError;
      expect(error.code).toBe('timeout');
    });
  });

  describe('the worked example through the proxy', () => {
    it('sends a tenant without billed features to Checkout, and a subscribed one to the portal', async () => {
      let state = freeState;
      server.use(
        http.get(`${baseUrl}/state`, () => HttpResponse.json(state)),
        http.post(`${baseUrl}/checkout-session`, () => HttpResponse.json(seedCheckoutBody)),
        http.post(`${baseUrl}/portal-session`, () => HttpResponse.json(seedPortalBody)),
      );
      const backend = createProxyBackend({ baseUrl });

      expect((await backend.getState()).billedFeaturesActive).toBe(false);
      const checkout = await backend.createCheckoutSession(checkoutInput);
      expect(assertSafeRedirect(checkout.url).hostname).toBe('checkout.stripe.com');

      state = { ...seedStateBody };
      expect((await backend.getState()).billedFeaturesActive).toBe(true);
      const portal = await backend.createPortalSession(portalInput);
      expect(assertSafeRedirect(portal.url).hostname).toBe('billing.stripe.com');
    });
  });
});

describe('createProxyBackend on a server', () => {
  it('fails for good (invalid_request, never retried) when its baseUrl is a path and no fetch is given', async () => {
    const backend = createProxyBackend();
    const error = await backend.getState().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BillingError);
    expect((error as BillingError).code).toBe('invalid_request');
    expect((error as BillingError).isTransient).toBe(false);
    expect((error as BillingError).message).toContain('absolute URL');
  });
});
