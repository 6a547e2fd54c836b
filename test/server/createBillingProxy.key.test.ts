// Issue 17: a key padded with whitespace (a secrets file's trailing newline) is trimmed once, sent
// trimmed and scrubbed trimmed, on every route and in every place an answer or `onError` could show it.
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBillingProxy, type ProxyOptions } from '../../src/server';
import {
  checkoutBody,
  portalBody,
  sendJson,
  startFakeSaiku,
  stateBody,
  type Behaviour,
  type FakeSaiku,
} from './fakeSaiku';

const key = 'sk_live_51Hq4eC39HqLyjWDarjtT1zdp7dc';
const app = 'https://app.example.com';
const sameOrigin = { Origin: app, 'Sec-Fetch-Site': 'same-origin' };

const paddings: Record<string, string> = {
  'a trailing \\n': `${key}\n`,
  'a trailing \\r\\n': `${key}\r\n`,
  'leading and trailing spaces': `  ${key}  `,
  'a tab': `\t${key}\t`,
};

const sources: Record<string, (padded: string) => ProxyOptions['apiKey']> = {
  'a string key': (padded) => padded,
  'a resolver’s key': (padded) => async () => padded,
};

const checkoutFields = { tier: 'team', successUrl: `${app}/billing?ok=1`, cancelUrl: `${app}/billing` };
const portalFields = { returnUrl: `${app}/billing` };

/** Every route, as a browser would call it: JSON, a form post (303), a form post asking for HTML. */
const routes: Record<string, () => Request> = {
  'GET state (JSON)': () => new Request(`${app}/api/billing/state`),
  'POST checkout-session (JSON)': () => json('checkout-session', checkoutFields),
  'POST portal-session (JSON)': () => json('portal-session', portalFields),
  'POST checkout (form, 303)': () => form('checkout', checkoutFields, {}),
  'POST portal (form, 303)': () => form('portal', portalFields, {}),
  'POST checkout (form, HTML error page)': () => form('checkout', checkoutFields, { Accept: 'text/html' }),
  'POST portal (form, HTML error page)': () => form('portal', portalFields, { Accept: 'text/html' }),
};

function json(path: string, body: unknown): Request {
  return new Request(`${app}/api/billing/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...sameOrigin },
    body: JSON.stringify(body),
  });
}

function form(path: string, fields: Record<string, string>, headers: Record<string, string>): Request {
  return new Request(`${app}/api/billing/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...sameOrigin, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

const bearer = (request: { headers: { authorization?: string } }) => request.headers.authorization ?? '';

/** What a careless or hostile Saiku does with the key it received. */
const upstreams: Record<string, Behaviour> = {
  'refuses it, echoing it in the message and a header': (request, res) =>
    sendJson(
      res,
      401,
      { error: 'unauthorized', message: `Invalid API key: ${bearer(request)}` },
      {
        'X-Echo': bearer(request),
      },
    ),
  'fails (500) with it in the message': (request, res) =>
    sendJson(res, 500, { error: 'internal', message: `upstream broke for ${bearer(request)}` }),
  'answers 200 with it in the session URL, the body and a header': (request, res) => {
    const tag = encodeURIComponent(bearer(request));
    const body = request.path.endsWith('/state')
      ? { ...stateBody, tenantId: `tenant ${bearer(request)}` }
      : request.path.endsWith('/checkout-session')
        ? { ...checkoutBody, url: `${checkoutBody.url}?k=${tag}` }
        : { url: `${portalBody.url}?k=${tag}` };
    sendJson(res, 200, body, { 'X-Echo': bearer(request) });
  },
};

/** A fetch whose failure names the Authorization it was given (a verbose HTTP library). */
const leakyFetch: typeof fetch = async (_input, init) => {
  const cause = new Error(
    `connect ECONNRESET (Authorization: ${new Headers(init?.headers).get('authorization')})`,
  );
  throw new TypeError('fetch failed', { cause });
};

/** Every spelling of the key (or its padded form) this test looks for. */
function spellings(padded: string): string[] {
  return [
    key,
    padded,
    encodeURIComponent(key),
    encodeURIComponent(padded),
    JSON.stringify(padded).slice(1, -1),
  ];
}

/** Everything an error tells a logger: name, message, stack, string properties, down its cause chain. */
function errorText(error: unknown, depth = 0): string {
  if (!(error instanceof Error) || depth > 10)
    return typeof error === 'string' ? error : (JSON.stringify(error) ?? '');
  const own = Object.entries(error).map(([name, value]) => `${name}=${String(value)}`);
  return [
    error.name,
    error.message,
    error.stack ?? '',
    ...own,
    inspect(error),
    errorText(error.cause, depth + 1),
  ].join('\n');
}

async function answerText(response: Response): Promise<string> {
  const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`);
  return `${response.status}\n${headers.join('\n')}\n\n${await response.text()}`;
}

let fake: FakeSaiku;
beforeAll(async () => {
  fake = await startFakeSaiku(key);
});
afterAll(() => fake.close());

describe.each(Object.entries(sources))('%s', (_source, keyOption) => {
  describe.each(Object.entries(paddings))('with %s', (_padding, padded) => {
    it.each(Object.entries(routes))(
      'keeps the key out of every answer and onError on %s',
      async (_route, makeRequest) => {
        for (const [upstreamName, behaviour] of Object.entries(upstreams)) {
          fake.reset();
          fake.answerWith(behaviour);
          const heard: unknown[] = [];
          const handler = createBillingProxy({
            apiKey: keyOption(padded),
            baseUrl: fake.baseUrl,
            blockDuplicateSubscriptions: false, // one upstream request per route here
            onError: (error) => void heard.push(error),
          });
          const text = await answerText(await handler(makeRequest()));
          const reported = heard.map((error) => errorText(error)).join('\n');
          // Saiku got the key trimmed (so it had something to echo), and it came back in no spelling.
          expect(fake.received.map(bearer), upstreamName).toEqual([`Bearer ${key}`]);
          for (const spelling of spellings(padded)) {
            expect(text, `${upstreamName}: answer`).not.toContain(spelling);
            expect(reported, `${upstreamName}: onError`).not.toContain(spelling);
          }
        }
        // A fetch whose own error (and its cause) names the key.
        const heard: unknown[] = [];
        const handler = createBillingProxy({
          apiKey: keyOption(padded),
          baseUrl: fake.baseUrl,
          blockDuplicateSubscriptions: false, // one upstream request per route here
          fetch: leakyFetch,
          onError: (error) => void heard.push(error),
        });
        const response = await handler(makeRequest());
        expect(response.status).toBe(502);
        const text = await answerText(response);
        const reported = heard.map((error) => errorText(error)).join('\n');
        expect(reported).toContain('ECONNRESET (Authorization: Bearer [redacted])');
        for (const spelling of spellings(padded)) {
          expect(text).not.toContain(spelling);
          expect(reported).not.toContain(spelling);
        }
      },
    );
  });
});

describe('a key with whitespace or a control character inside', () => {
  const broken = [
    'sk_live_51Hq 4eC39',
    'sk_live_51Hq\n4eC39',
    'sk_live_51Hq\t4eC39',
    'sk_live_51Hq\u00004eC39',
  ];

  it('is refused at creation with a TypeError that does not quote it, when it is a string', () => {
    for (const apiKey of broken) {
      let thrown: unknown;
      try {
        createBillingProxy({ apiKey, baseUrl: fake.baseUrl });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(TypeError);
      expect((thrown as Error).message).toMatch(/whitespace or a control character inside/);
      expect((thrown as Error).message).not.toContain('sk_live_51Hq');
    }
  });

  it('answers 500 without detail and tells onError, when the resolver returns it; nothing goes upstream', async () => {
    for (const apiKey of broken) {
      fake.reset();
      const heard: Error[] = [];
      const handler = createBillingProxy({
        apiKey: () => apiKey,
        baseUrl: fake.baseUrl,
        blockDuplicateSubscriptions: false, // one upstream request per route here
        onError: (error) => void heard.push(error),
      });
      const response = await handler(new Request(`${app}/api/billing/state`));
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ error: 'internal', message: 'The billing proxy failed.' });
      expect(fake.received).toEqual([]);
      expect(heard).toHaveLength(1);
      expect(heard[0]).toBeInstanceOf(TypeError);
      expect(heard[0]?.message).toMatch(/whitespace or a control character inside/);
      expect(errorText(heard[0])).not.toContain('sk_live_51Hq');
    }
  });
});

describe('a key echoed in another spelling (issue 16 item 4)', () => {
  const tildeKey = 'sk_test_a~b.c-d_e~F0xyz';
  const spelled: Record<string, (secret: string) => string> = {
    'upper-cased': (secret) => secret.toUpperCase(),
    base64: (secret) => Buffer.from(`Bearer ${secret}`).toString('base64'),
    '\\u-escaped': (secret) =>
      [...secret].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
    'form-encoded (~ as %7E)': (secret) => new URLSearchParams({ k: secret }).toString().slice(2),
    'form-encoded in lower hex': (secret) =>
      new URLSearchParams({ k: secret }).toString().slice(2).toLowerCase(),
  };

  it.each(Object.entries(spelled))(
    'keeps the key out of answers and onError when Saiku echoes it %s',
    async (_n, spell) => {
      const tildeFake = await startFakeSaiku(tildeKey);
      try {
        for (const [routeName, makeRequest] of Object.entries(routes)) {
          tildeFake.reset();
          tildeFake.answerWith((request, res) =>
            sendJson(
              res,
              400,
              { error: 'invalid_request', message: `bad key ${spell(bearer(request).slice(7))}` },
              {
                'X-Echo': spell(bearer(request).slice(7)),
              },
            ),
          );
          const heard: unknown[] = [];
          const handler = createBillingProxy({
            apiKey: `${tildeKey}\n`,
            baseUrl: tildeFake.baseUrl,
            blockDuplicateSubscriptions: false, // one upstream request per route here
            onError: (error) => void heard.push(error),
          });
          const text = await answerText(await handler(makeRequest()));
          const reported = heard.map((error) => errorText(error)).join('\n');
          expect(tildeFake.received.map(bearer), routeName).toEqual([`Bearer ${tildeKey}`]);
          expect(text, routeName).toContain('[redacted]');
          for (const form of [spell(tildeKey), tildeKey, encodeURIComponent(tildeKey)]) {
            expect(text, routeName).not.toContain(form);
            expect(reported, routeName).not.toContain(form);
          }
        }
      } finally {
        await tildeFake.close();
      }
    },
  );
});

// Issue 30 item 3: a key this short is no real secret, and cutting it out of every answer would cut
// up ordinary words (a one-letter key made "Saiku" read "Sai[redacted]u").
describe('a key shorter than 8 characters', () => {
  const short = ['k', 'Sai', 'Qz7#x_1', '  Qz7#x_1\n', 'ключ-12'];

  it('is refused at creation with a TypeError that does not quote it, when it is a string', () => {
    for (const apiKey of short) {
      let thrown: unknown;
      try {
        createBillingProxy({ apiKey, baseUrl: fake.baseUrl });
      } catch (error) {
        thrown = error;
      }
      expect(thrown, JSON.stringify(apiKey)).toBeInstanceOf(TypeError);
      expect((thrown as Error).message).toMatch(/shorter than 8 characters/);
      if (apiKey.trim().length > 1) expect((thrown as Error).message).not.toContain(apiKey.trim());
    }
  });

  it('answers 500 without detail and tells onError, when the resolver returns it; nothing goes upstream', async () => {
    for (const apiKey of short) {
      fake.reset();
      const heard: Error[] = [];
      const handler = createBillingProxy({
        apiKey: () => apiKey,
        baseUrl: fake.baseUrl,
        onError: (error) => void heard.push(error),
      });
      for (const makeRequest of Object.values(routes)) {
        const response = await handler(makeRequest());
        expect(response.status).toBe(500);
        const text = await answerText(response);
        expect(text).toMatch(/The billing proxy failed\./);
        if (apiKey.trim().length > 1) expect(text).not.toContain(apiKey.trim());
      }
      expect(fake.received).toEqual([]);
      expect(heard).toHaveLength(Object.keys(routes).length);
      for (const error of heard) {
        expect(error).toBeInstanceOf(TypeError);
        expect(error.message).toMatch(/shorter than 8 characters/);
        if (apiKey.trim().length > 1) expect(errorText(error)).not.toContain(apiKey.trim());
      }
    }
  });

  it('takes a key of exactly 8 characters, and keeps it out of an echo in every spelling', async () => {
    const eight = 'Qz7#x_1a';
    const echoes = {
      raw: (secret: string) => secret,
      'URL-encoded': encodeURIComponent,
      'base64 of the Bearer header': (secret: string) => Buffer.from(`Bearer ${secret}`).toString('base64'),
      'JSON-escaped': (secret: string) => JSON.stringify(secret).slice(1, -1),
    };
    const eightFake = await startFakeSaiku(eight);
    try {
      for (const apiKey of [eight, () => eight]) {
        eightFake.answerWith((request, res) => {
          const secret = bearer(request).slice('Bearer '.length);
          const spelled = Object.values(echoes).map((spell) => spell(secret));
          sendJson(res, 401, { error: 'unauthorized', message: `Saiku refused ${spelled.join(' / ')}` });
        });
        const heard: unknown[] = [];
        const handler = createBillingProxy({
          apiKey,
          baseUrl: eightFake.baseUrl,
          onError: (error) => void heard.push(error),
        });
        const response = await handler(routes['GET state (JSON)']?.() ?? new Request(app));
        expect(response.status).toBe(401);
        const { message } = (await response.json()) as { message: string };
        // Each spelling cut out (of base64, the part that spells the key), the words around them kept.
        expect(message).toMatch(
          /^Saiku refused \[redacted\] \/ \[redacted\] \/ \S*\[redacted\]\S* \/ \[redacted\]$/,
        );
        for (const spell of Object.values(echoes)) {
          expect(message).not.toContain(spell(eight));
          expect(errorText(heard[0])).not.toContain(spell(eight));
        }
        expect(errorText(heard[0])).toContain('Saiku refused [redacted] / [redacted]');
      }
    } finally {
      await eightFake.close();
    }
  });
});
