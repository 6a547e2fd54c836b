// Random methods, paths, headers and bodies: nothing invalid reaches Saiku, no 500 but the resolver's,
// no key in any answer.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBillingProxy } from '../../src/server';
import {
  actLikeSaiku,
  fakeApiKey,
  sendJson,
  startFakeSaiku,
  type FakeSaiku,
  type ReceivedRequest,
} from './fakeSaiku';

const app = 'https://app.example.com';
const tiers = ['starter', 'team', 'business', 'enterprise'];
const routes = [
  { name: 'state', method: 'GET', type: null },
  { name: 'checkout-session', method: 'POST', type: 'application/json' },
  { name: 'portal-session', method: 'POST', type: 'application/json' },
  { name: 'checkout', method: 'POST', type: 'application/x-www-form-urlencoded' },
  { name: 'portal', method: 'POST', type: 'application/x-www-form-urlencoded' },
] as const;
const upstreamFields: Record<string, readonly string[]> = {
  '/me/billing/state': [],
  '/me/billing/checkout-session': ['tier', 'email', 'name', 'successUrl', 'cancelUrl'],
  '/me/billing/portal-session': ['returnUrl'],
};

interface Input {
  method: string;
  path: string;
  headers: {
    origin?: string | undefined;
    secFetchSite?: string | undefined;
    contentType?: string | undefined;
    cookie?: string | undefined;
    authorization?: string | undefined;
    accept?: string | undefined;
    referer?: string | undefined;
    auth: 'ok' | 'none' | 'throw';
  };
  body: { kind: 'fields'; value: Record<string, unknown> } | { kind: 'raw'; value: unknown };
  asForm: boolean;
}

let fake: FakeSaiku;
beforeAll(async () => {
  fake = await startFakeSaiku();
  // Saiku, except that it echoes the key it was sent when asked to: the proxy must not pass that on.
  fake.answerWith((request, res, self) => {
    if (request.body.includes('echo-the-key')) {
      sendJson(res, 400, {
        error: 'invalid_request',
        message: `bad input for ${request.headers.authorization ?? ''}`,
      });
    } else actLikeSaiku(request, res, self);
  });
});
afterAll(() => fake.close());

const text = (maxLength = 40) => fc.string({ unit: 'grapheme-ascii', maxLength });
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

const tier = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<unknown>(...tiers) },
  text(12),
  fc.integer(),
  fc.constant(null),
);
const url = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.constantFrom<unknown>(
      `${app}/billing`,
      `${app}/billing?tab=plan`,
      `${app}/`,
      `${app}/?leak=${fakeApiKey}`,
    ),
  },
  fc.constantFrom(
    '/billing',
    '//evil.example/',
    'http://app.example.com/x',
    'https://evil.example/',
    'javascript:alert(1)',
  ),
  fc.constantFrom(
    'https://user:pw@app.example.com/',
    'https://app.example.com.evil.example/',
    'http://localhost/x',
  ),
  fc.webUrl(),
  text(),
  fc.integer(),
);
const shortText = fc.oneof(
  fc.constantFrom('alice@acme.com', 'Acme Corp', 'echo-the-key'),
  text(30),
  fc.integer(),
  text(300),
);
const fields = fc.record(
  {
    tier,
    successUrl: url,
    cancelUrl: url,
    returnUrl: url,
    email: shortText,
    name: shortText,
    extra: text(),
  },
  { requiredKeys: [] },
);

const body = fc.oneof(
  { weight: 4, arbitrary: fields.map((value) => ({ kind: 'fields' as const, value })) },
  { weight: 1, arbitrary: fc.json().map((value) => ({ kind: 'raw' as const, value })) },
  { weight: 1, arbitrary: text(100).map((value) => ({ kind: 'raw' as const, value })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'raw' as const, value: ' '.repeat(17 * 1024) }) },
);

const origins = fc.constantFrom(app, 'https://evil.example', 'null', 'http://app.example.com', '');
const fetchSites = fc.constantFrom('same-origin', 'same-site', 'cross-site', 'none');
const contentTypes = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/x-www-form-urlencoded',
  'text/plain',
  'multipart/form-data; boundary=x',
  'APPLICATION/JSON',
);
const auths = fc.constantFrom<Input['headers']['auth']>('ok', 'ok', 'ok', 'none', 'throw');

function headersWith(right: {
  origin?: string;
  secFetchSite?: string;
  contentType?: string;
}): fc.Arbitrary<Input['headers']> {
  // Given the right values, mostly send them; given none, anything goes.
  const mostly = (value: string | undefined, wrong: fc.Arbitrary<string>) =>
    value === undefined
      ? maybe(wrong)
      : fc.oneof({ weight: 4, arbitrary: fc.constant(value) }, { weight: 1, arbitrary: maybe(wrong) });
  return fc.record({
    origin: mostly(right.origin, origins),
    secFetchSite: mostly(right.secFetchSite, fetchSites),
    contentType: mostly(right.contentType, contentTypes),
    cookie: maybe(fc.constantFrom('session=abc', 'sk=browser')),
    authorization: maybe(text(20).map((value) => `Bearer ${value}`)),
    accept: maybe(fc.constantFrom('text/html', 'application/json', '*/*')),
    // The browser's own Referer comes back in the "Go back" link of an HTML error page; a key-bearing
    // page URL would be the browser's own leak, not the proxy's.
    referer: maybe(
      url.filter((value): value is string => typeof value === 'string' && !value.includes(fakeApiKey)),
    ),
    auth: auths,
  });
}

const anyRequest: fc.Arbitrary<Input> = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'),
  path: fc.oneof(
    fc.constantFrom(...routes.map((route) => `/api/billing/${route.name}`)),
    fc.webPath().map((path) => `/api/billing${path}`),
    fc.webPath(),
  ),
  headers: headersWith({}),
  body,
  asForm: fc.boolean(),
});

// What a browser on the app would send, now and then with one thing wrong: so valid requests are common.
const plausibleRequest: fc.Arbitrary<Input> = fc.constantFrom(...routes).chain((route) =>
  fc.record({
    method: fc.constant<string>(route.method),
    path: fc.constant(`/api/billing/${route.name}`),
    headers: headersWith({ origin: app, secFetchSite: 'same-origin', contentType: route.type ?? undefined }),
    body: fc.oneof(
      { weight: 6, arbitrary: fields.map((value) => ({ kind: 'fields' as const, value })) },
      { weight: 1, arbitrary: body },
    ),
    asForm: fc.constant(route.type === 'application/x-www-form-urlencoded'),
  }),
);

function toRequest(input: Input): Request {
  const headers = new Headers({ 'x-test-auth': input.headers.auth });
  const set = (name: string, value: string | undefined) => value !== undefined && headers.set(name, value);
  set('origin', input.headers.origin);
  set('sec-fetch-site', input.headers.secFetchSite);
  set('content-type', input.headers.contentType);
  set('cookie', input.headers.cookie);
  set('authorization', input.headers.authorization);
  set('accept', input.headers.accept);
  set('referer', input.headers.referer);
  let payload: string | undefined;
  if (input.method !== 'GET' && input.method !== 'HEAD') {
    if (input.body.kind === 'raw')
      payload = typeof input.body.value === 'string' ? input.body.value : JSON.stringify(input.body.value);
    else if (input.asForm) {
      payload = new URLSearchParams(
        Object.entries(input.body.value).map(([name, value]) => [name, String(value)]),
      ).toString();
    } else payload = JSON.stringify(input.body.value);
  }
  return new Request(`${app}${input.path}`, {
    method: input.method,
    headers,
    ...(payload === undefined ? {} : { body: payload }),
  });
}

/** What must hold of a request before anything may go upstream, judged without the proxy's code. */
function mayForward(input: Input): boolean {
  const route = routes.find((candidate) => `/api/billing/${candidate.name}` === input.path);
  if (!route || route.method !== input.method || input.headers.auth !== 'ok') return false;
  if (route.method === 'GET') return true;
  const type = input.headers.contentType?.split(';')[0]?.toLowerCase();
  return (
    (input.headers.origin === undefined || input.headers.origin === app) &&
    input.headers.secFetchSite !== 'cross-site' &&
    type === route.type
  );
}

function isReturnUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const parsed = new URL(value);
  return (
    parsed.protocol === 'https:' && parsed.origin === app && parsed.username === '' && parsed.password === ''
  );
}

/** What may reach Saiku at all. */
function expectValidUpstream(request: ReceivedRequest, key: string): void {
  const allowed = upstreamFields[request.path];
  expect(allowed, request.path).toBeDefined();
  expect(request.method).toBe(request.path === '/me/billing/state' ? 'GET' : 'POST');
  expect(request.headers.authorization).toBe(`Bearer ${key}`);
  expect(request.headers.cookie).toBeUndefined();
  if (request.method === 'GET') return;
  const body = JSON.parse(request.body) as Record<string, unknown>;
  for (const name of Object.keys(body)) expect(allowed).toContain(name);
  if (request.path === '/me/billing/portal-session') {
    expect(isReturnUrl(body.returnUrl)).toBe(true);
    return;
  }
  expect(tiers).toContain(body.tier);
  expect(isReturnUrl(body.successUrl) && isReturnUrl(body.cancelUrl)).toBe(true);
  for (const name of ['email', 'name']) {
    const value = body[name];
    if (value !== undefined)
      expect(typeof value === 'string' && value.length > 0 && value.length <= 256).toBe(true);
  }
}

describe('createBillingProxy, for any request', () => {
  it('forwards nothing invalid, answers 500 only for a throwing key resolver, and never reveals the key', async () => {
    const handler = createBillingProxy({
      apiKey: (request) => {
        const auth = request.headers.get('x-test-auth');
        if (auth === 'throw') throw new Error(`resolver failed near ${fake.apiKey}`);
        return auth === 'none' ? null : fake.apiKey;
      },
      baseUrl: fake.baseUrl,
      // One proxy for every run, and an active tenant: the guards have their own tests (guards.test.ts).
      blockDuplicateSubscriptions: false,
      rateLimit: false,
    });
    let forwardedRuns = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyRequest, plausibleRequest), async (input) => {
        fake.received.length = 0;
        const response = await handler(toRequest(input));
        const answer = [response.statusText, ...[...response.headers].flat(), await response.text()].join(
          '\n',
        );

        expect(answer).not.toContain(fake.apiKey);
        if (response.status >= 500 && response.status !== 502 && response.status !== 504) {
          expect(response.status).toBe(500);
          expect(input.headers.auth).toBe('throw');
        }
        expect(response.headers.get('cache-control')).toBe('no-store');
        if (fake.received.length > 0) {
          forwardedRuns += 1;
          expect(mayForward(input)).toBe(true);
        }
        expect(fake.received.length).toBeLessThanOrEqual(1);
        for (const request of fake.received) expectValidUpstream(request, fake.apiKey);
        if (response.status === 200 || response.status === 303) expect(fake.received).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
    expect(forwardedRuns).toBeGreaterThan(0);
  });
});
