import { inspect } from 'node:util';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  assertSafeRedirect,
  BillingError,
  createSaikuClient,
  type BillingBackend,
  type BillingState,
  type CheckoutSessionInput,
} from '../../src/core';
import { defaultSaikuBaseUrl } from '../../src/core/createSaikuClient';
import { errorAnswers } from './answers';
import { freeState, seedCheckoutBody, seedPortalBody, seedStateBody } from './fixtures';

const apiKey = 'sk_live_SECRET_9f8e7d6c5b4a';
const api = 'https://api.saiku.bi';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const checkoutInput: CheckoutSessionInput = {
  tier: 'team',
  email: 'alice@acme.com',
  name: 'Acme Corp',
  successUrl: 'https://app.acme.com/billing/success',
  cancelUrl: 'https://app.acme.com/billing/cancel',
};
const portalInput = { returnUrl: 'https://app.acme.com/billing' };

/** Serves the seed's three sample bodies at `base`, recording each request. */
function serveSeed(base = api): Request[] {
  const requests: Request[] = [];
  server.use(
    http.get(`${base}/me/billing/state`, ({ request }) => {
      requests.push(request.clone());
      return HttpResponse.json(seedStateBody);
    }),
    http.post(`${base}/me/billing/checkout-session`, ({ request }) => {
      requests.push(request.clone());
      return HttpResponse.json(seedCheckoutBody);
    }),
    http.post(`${base}/me/billing/portal-session`, ({ request }) => {
      requests.push(request.clone());
      return HttpResponse.json(seedPortalBody);
    }),
  );
  return requests;
}

/** Answers every Saiku billing route with `respond`. */
function answerAll(respond: () => Response | Promise<Response>): void {
  server.use(http.all(`${api}/me/billing/*`, respond));
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, but the call resolved');
}

const operations: [string, (backend: BillingBackend) => Promise<unknown>][] = [
  ['getState', (backend) => backend.getState()],
  ['createCheckoutSession', (backend) => backend.createCheckoutSession(checkoutInput)],
  ['createPortalSession', (backend) => backend.createPortalSession(portalInput)],
];

describe('createSaikuClient', () => {
  it('needs an API key: a missing one is a TypeError, the misuse of an option', () => {
    for (const options of [{}, { apiKey: '' }, { apiKey: '   ' }, { apiKey: 42 }, undefined]) {
      expect(() => createSaikuClient(options as never), JSON.stringify(options)).toThrow(
        new TypeError('createSaikuClient needs an apiKey: a non-empty string.'),
      );
    }
  });

  it('starts no request once its signal has fired, and aborts the one in flight', async () => {
    const requests = serveSeed();
    const gone = new AbortController();
    const client = createSaikuClient({ apiKey, signal: gone.signal });
    await client.getState();
    gone.abort();
    await expect(client.createCheckoutSession(checkoutInput)).rejects.toMatchObject({ name: 'AbortError' });
    await expect(client.getState()).rejects.toMatchObject({ name: 'AbortError' });
    expect(requests).toHaveLength(1);
  });

  describe('requests', () => {
    it('talks to https://api.saiku.bi by default', async () => {
      const requests = serveSeed();
      const client = createSaikuClient({ apiKey });
      await client.getState();
      await client.createCheckoutSession(checkoutInput);
      await client.createPortalSession(portalInput);
      expect(defaultSaikuBaseUrl).toBe(api);
      expect(requests.map((request) => `${request.method} ${request.url}`)).toEqual([
        'GET https://api.saiku.bi/me/billing/state',
        'POST https://api.saiku.bi/me/billing/checkout-session',
        'POST https://api.saiku.bi/me/billing/portal-session',
      ]);
    });

    it.each([
      'https://saiku.example.test/v2',
      'https://saiku.example.test/v2/',
      'https://saiku.example.test/v2//',
    ])('uses the custom baseUrl %s', async (baseUrl) => {
      const requests = serveSeed('https://saiku.example.test/v2');
      await createSaikuClient({ apiKey, baseUrl }).getState();
      expect(requests.map((request) => request.url)).toEqual([
        'https://saiku.example.test/v2/me/billing/state',
      ]);
    });

    it('sends the key as a Bearer token on every call', async () => {
      const requests = serveSeed();
      const client = createSaikuClient({ apiKey });
      await client.getState();
      await client.createCheckoutSession(checkoutInput);
      await client.createPortalSession(portalInput);
      expect(requests.map((request) => request.headers.get('authorization'))).toEqual([
        `Bearer ${apiKey}`,
        `Bearer ${apiKey}`,
        `Bearer ${apiKey}`,
      ]);
    });

    it('asks for JSON, and sends a GET for the state without a body', async () => {
      const requests = serveSeed();
      await createSaikuClient({ apiKey }).getState();
      const [sent] = requests;
      expect(sent?.method).toBe('GET');
      expect(sent?.headers.get('accept')).toBe('application/json');
      expect(sent?.headers.get('content-type')).toBeNull();
      expect(await sent?.text()).toBe('');
    });

    it('sends the checkout fields as JSON, as given', async () => {
      const requests = serveSeed();
      await createSaikuClient({ apiKey }).createCheckoutSession(checkoutInput);
      const [sent] = requests;
      expect(sent?.headers.get('content-type')).toBe('application/json');
      expect(await sent?.json()).toEqual(checkoutInput);
    });

    it('sends only the fields given (no invented email or name)', async () => {
      const requests = serveSeed();
      const minimal = {
        tier: 'business',
        successUrl: checkoutInput.successUrl,
        cancelUrl: checkoutInput.cancelUrl,
      };
      await createSaikuClient({ apiKey }).createCheckoutSession(minimal);
      expect(await requests[0]?.json()).toEqual(minimal);
    });

    it('sends the portal returnUrl as JSON, as given', async () => {
      const requests = serveSeed();
      await createSaikuClient({ apiKey }).createPortalSession(portalInput);
      expect(requests[0]?.headers.get('content-type')).toBe('application/json');
      expect(await requests[0]?.json()).toEqual(portalInput);
    });

    it('uses the fetch it is given', async () => {
      const urls: string[] = [];
      const client = createSaikuClient({
        apiKey,
        fetch: async (input) => {
          urls.push(String(input));
          return Response.json(seedStateBody);
        },
      });
      await expect(client.getState()).resolves.toEqual(seedStateBody);
      expect(urls).toEqual(['https://api.saiku.bi/me/billing/state']);
    });
  });

  describe('answers', () => {
    it('resolves with the parsed bodies of the seed', async () => {
      serveSeed();
      const client = createSaikuClient({ apiKey });
      await expect(client.getState()).resolves.toEqual(seedStateBody);
      await expect(client.createCheckoutSession(checkoutInput)).resolves.toEqual(seedCheckoutBody);
      await expect(client.createPortalSession(portalInput)).resolves.toEqual(seedPortalBody);
    });

    describe.each(operations)('%s', (_name, call) => {
      it.each(errorAnswers)('turns $label into BillingError($code)', async (answer) => {
        let hits = 0;
        answerAll(() => {
          hits += 1;
          return answer.respond();
        });
        const error = await rejectionOf(call(createSaikuClient({ apiKey })));
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

    it('names the service and status when the server sent no message', async () => {
      answerAll(() => HttpResponse.html('<h1>Bad gateway</h1>', { status: 502 }));
      const error = (await rejectionOf(createSaikuClient({ apiKey }).getState())) as BillingError;
      expect(error.message).toContain('Saiku API');
      expect(error.message).toContain('502');
    });

    it('reads no_customer from the body whatever the status', async () => {
      answerAll(() => HttpResponse.json({ error: 'no_customer' }, { status: 400 }));
      const error = (await rejectionOf(
        createSaikuClient({ apiKey }).createPortalSession(portalInput),
      )) as BillingError;
      expect(error.code).toBe('no_customer');
      expect(error.status).toBe(400);
    });

    it('gives up with BillingError(timeout) after timeoutMs', async () => {
      answerAll(async () => {
        await delay('infinite');
        return HttpResponse.json(seedStateBody);
      });
      const error = (await rejectionOf(
        createSaikuClient({ apiKey, timeoutMs: 50 }).getState(),
      )) as BillingError;
      expect(error).toBeInstanceOf(BillingError);
      expect(error.code).toBe('timeout');
      expect(error.isTransient).toBe(true);
      expect(error.message).toContain('50 ms');
    });

    it('rejects with the abort, not a BillingError, when the caller aborts', async () => {
      let arrived!: () => void;
      const requestArrived = new Promise<void>((resolve) => {
        arrived = resolve;
      });
      answerAll(async () => {
        arrived();
        await delay('infinite');
        return HttpResponse.json(seedStateBody);
      });
      const controller = new AbortController();
      const pending = createSaikuClient({ apiKey }).getState({ signal: controller.signal });
      await requestArrived;
      controller.abort();
      const error = await rejectionOf(pending);
      expect(error).not.toBeInstanceOf(BillingError);
      expect((error as Error).name).toBe('AbortError');
    });

    it('rejects with the caller’s own abort reason', async () => {
      answerAll(async () => {
        await delay('infinite');
        return HttpResponse.json(seedStateBody);
      });
      const controller = new AbortController();
      const reason = new Error('component unmounted');
      const pending = createSaikuClient({ apiKey }).getState({ signal: controller.signal });
      controller.abort(reason);
      await expect(pending).rejects.toBe(reason);
    });

    it('sends nothing for a signal that is already aborted', async () => {
      const requests = serveSeed();
      const error = await rejectionOf(
        createSaikuClient({ apiKey }).getState({ signal: AbortSignal.abort() }),
      );
      expect(error).not.toBeInstanceOf(BillingError);
      expect((error as Error).name).toBe('AbortError');
      expect(requests).toHaveLength(0);
    });
  });

  describe('the API key', () => {
    const failures: [string, () => Response | Promise<Response>, number?][] = [
      ['401', () => HttpResponse.json({ error: 'unauthorized' }, { status: 401 })],
      ['500 without a body', () => new HttpResponse(null, { status: 500 })],
      ['a network failure', () => HttpResponse.error()],
      ['a bad shape', () => HttpResponse.json({ tenantId: 7 })],
      [
        'a timeout',
        async () => {
          await delay('infinite');
          return HttpResponse.json(seedStateBody);
        },
        50,
      ],
    ];

    it.each(failures)('never appears in the error for %s', async (_label, respond, timeoutMs) => {
      let hits = 0;
      answerAll(() => {
        hits += 1;
        return respond();
      });
      const error = (await rejectionOf(
        createSaikuClient({ apiKey, ...(timeoutMs ? { timeoutMs } : {}) }).getState(),
      )) as BillingError;
      expect(hits).toBe(1);
      expect(error).toBeInstanceOf(BillingError);
      expect(error.message).not.toContain(apiKey);
      expect(JSON.stringify(error)).not.toContain(apiKey);
      expect(inspect(error, { depth: 10 })).not.toContain(apiKey);
    });
  });
});

describe('the worked example from the Saiku docs', () => {
  // A fake Saiku API: one tenant, the key required, the documented routes and bodies.
  function fakeSaiku(initial: BillingState) {
    const state: BillingState = { ...initial };
    const sessions: unknown[] = [];
    const authorized = (request: Request) => request.headers.get('authorization') === `Bearer ${apiKey}`;
    const refuse = () =>
      HttpResponse.json({ error: 'unauthorized', message: 'Missing or wrong API key.' }, { status: 401 });
    server.use(
      http.get(`${api}/me/billing/state`, ({ request }) =>
        authorized(request) ? HttpResponse.json(state) : refuse(),
      ),
      http.post(`${api}/me/billing/checkout-session`, async ({ request }) => {
        if (!authorized(request)) return refuse();
        const body = await request.json();
        sessions.push(body);
        return HttpResponse.json({
          url: 'https://checkout.stripe.com/c/pay/cs_test_a1',
          sessionId: 'cs_test_a1',
        });
      }),
      http.post(`${api}/me/billing/portal-session`, async ({ request }) => {
        if (!authorized(request)) return refuse();
        if (state.stripeCustomerId === null)
          return HttpResponse.json({ error: 'no_customer' }, { status: 409 });
        sessions.push(await request.json());
        return HttpResponse.json({ url: 'https://billing.stripe.com/p/session/test_a1' });
      }),
    );
    return { sessions };
  }

  const origin = 'https://app.acme.com';
  const user = { email: 'alice@acme.com' };
  const org = { name: 'Acme Corp' };

  it('sends a tenant without billed features to Checkout', async () => {
    const { sessions } = fakeSaiku(freeState);
    const client = createSaikuClient({ apiKey });

    const state = await client.getState();
    expect(state.billedFeaturesActive).toBe(false);
    const session = await client.createCheckoutSession({
      tier: 'team',
      email: user.email,
      name: org.name,
      successUrl: `${origin}/billing/success`,
      cancelUrl: `${origin}/billing/cancel`,
    });

    expect(assertSafeRedirect(session.url).href).toBe('https://checkout.stripe.com/c/pay/cs_test_a1');
    expect(session.sessionId).toBe('cs_test_a1');
    expect(sessions).toEqual([
      {
        tier: 'team',
        email: 'alice@acme.com',
        name: 'Acme Corp',
        successUrl: 'https://app.acme.com/billing/success',
        cancelUrl: 'https://app.acme.com/billing/cancel',
      },
    ]);
  });

  it('shows a subscribed tenant its plan and a Customer Portal link', async () => {
    const { sessions } = fakeSaiku({ ...seedStateBody });
    const client = createSaikuClient({ apiKey });

    const state = await client.getState();
    expect(state.billedFeaturesActive).toBe(true);
    expect([state.tier, state.currentPeriodEnd]).toEqual(['team', '2026-06-23T00:00:00Z']);
    const portal = await client.createPortalSession({ returnUrl: `${origin}/billing` });

    expect(assertSafeRedirect(portal.url).href).toBe('https://billing.stripe.com/p/session/test_a1');
    expect(sessions).toEqual([{ returnUrl: 'https://app.acme.com/billing' }]);
  });

  it('answers no_customer for the portal of a tenant that never checked out', async () => {
    fakeSaiku(freeState);
    const error = (await rejectionOf(
      createSaikuClient({ apiKey }).createPortalSession({ returnUrl: `${origin}/billing` }),
    )) as BillingError;
    expect(error.code).toBe('no_customer');
  });

  it('is refused with the wrong key', async () => {
    fakeSaiku(freeState);
    const error = (await rejectionOf(
      createSaikuClient({ apiKey: 'sk_live_wrong' }).getState(),
    )) as BillingError;
    expect(error.code).toBe('unauthorized');
    expect(error.message).toBe('Missing or wrong API key.');
  });
});

describe('createSaikuClient with a server that echoes the key', () => {
  it('cuts the key out of the server message it keeps on the error', async () => {
    server.use(
      http.get(`${api}/me/billing/state`, () =>
        HttpResponse.json({ error: 'unauthorized', message: `Key ${apiKey} is revoked` }, { status: 401 }),
      ),
    );
    const error = await rejectionOf(createSaikuClient({ apiKey }).getState());
    expect(error).toBeInstanceOf(BillingError);
    expect((error as BillingError).message).toBe('Key [redacted] is revoked');
    expect(JSON.stringify(error)).not.toContain(apiKey);
  });
});

describe('createSaikuClient with a padded key (read from a secrets file)', () => {
  const paddings = {
    'a trailing \\n': `${apiKey}\n`,
    'a trailing \\r\\n': `${apiKey}\r\n`,
    'leading and trailing spaces': `  ${apiKey}  `,
    'a tab': `\t${apiKey}\t`,
  };

  it.each(Object.entries(paddings))(
    'sends the trimmed key and cuts it out of an echo, with %s',
    async (_, padded) => {
      const sent: (string | null)[] = [];
      server.use(
        http.get(`${api}/me/billing/state`, ({ request }) => {
          sent.push(request.headers.get('authorization'));
          return HttpResponse.json(
            {
              error: 'unauthorized',
              message: `Invalid API key: ${request.headers.get('authorization') ?? ''}`,
            },
            { status: 401 },
          );
        }),
      );
      const error = await rejectionOf(createSaikuClient({ apiKey: padded }).getState());
      expect(sent).toEqual([`Bearer ${apiKey}`]);
      expect((error as BillingError).message).toBe('Invalid API key: Bearer [redacted]');
      expect(`${JSON.stringify(error)}\n${inspect(error)}`).not.toContain(apiKey);
    },
  );

  it('refuses a key with whitespace or a control character inside, without quoting it', () => {
    for (const key of ['sk_live_ab cd', 'sk_live_ab\ncd', 'sk_live_ab\u0000cd', 'sk_live_ab\u200bcd']) {
      expect(() => createSaikuClient({ apiKey: key })).toThrow(TypeError);
      expect(() => createSaikuClient({ apiKey: key })).not.toThrow('sk_live_ab');
    }
  });
});

describe('createSaikuClient with a server that echoes the key in another spelling', () => {
  it.each([
    ['upper-cased', apiKey.toUpperCase()],
    ['base64', Buffer.from(`Bearer ${apiKey}`).toString('base64')],
    ['\\u-escaped', [...apiKey].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')],
    ['percent-encoded', [...apiKey].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('')],
  ])('cuts the key %s out of the server message', async (_name, spelled) => {
    server.use(
      http.get(`${api}/me/billing/state`, () =>
        HttpResponse.json({ error: 'unauthorized', message: `Key ${spelled} is revoked` }, { status: 401 }),
      ),
    );
    const error = await rejectionOf(createSaikuClient({ apiKey }).getState());
    // base64 keeps the few characters the key shares with its neighbours ("Bearer "), not the key.
    expect((error as BillingError).message).toMatch(/^Key \S*\[redacted\]\S* is revoked$/);
    expect((error as BillingError).message).not.toContain(spelled);
  });
});
