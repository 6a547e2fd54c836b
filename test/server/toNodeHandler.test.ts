// toNodeHandler over real sockets: the proxy behind node:http, with bodies streamed in and answers written out.
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBillingProxy, toNodeHandler, type ProxyOptions } from '../../src/server';
import { checkoutBody, startFakeSaiku, stateBody, type FakeSaiku } from './fakeSaiku';
import { listen, type Listening } from './listen';

let fake: FakeSaiku;
const servers: Listening[] = [];
beforeAll(async () => {
  fake = await startFakeSaiku();
});
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await fake.close();
});
beforeEach(() => fake.reset());

/** The proxy behind node:http; `fallThrough` answers what the proxy leaves to `next()`. */
async function serveProxy(
  options: Partial<ProxyOptions> = {},
  fallThrough?: (req: IncomingMessage, res: ServerResponse) => void,
  nodeOptions?: Parameters<typeof toNodeHandler>[1],
): Promise<string> {
  const handler = toNodeHandler(
    // The fake's tenant is active; guards.test.ts covers the duplicate guard.
    createBillingProxy({
      apiKey: fake.apiKey,
      baseUrl: fake.baseUrl,
      blockDuplicateSubscriptions: false,
      ...options,
    }),
    nodeOptions,
  );
  const server = await listen((req, res) => handler(req, res, fallThrough && (() => fallThrough(req, res))));
  servers.push(server);
  return server.origin;
}

/** A raw HTTP/1.1 request, for headers fetch will not send as given (Host). */
function rawRequest(
  origin: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${origin}${path}`, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('toNodeHandler', () => {
  it('streams a JSON body to the proxy and writes its answer back', async () => {
    const origin = await serveProxy();
    const response = await fetch(`${origin}/api/billing/checkout-session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin },
      body: JSON.stringify({ tier: 'team', successUrl: `${origin}/ok`, cancelUrl: `${origin}/billing` }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual(checkoutBody);
    expect(JSON.parse(fake.received[0]?.body ?? '')).toEqual({
      tier: 'team',
      successUrl: `${origin}/ok`,
      cancelUrl: `${origin}/billing`,
    });
  });

  it('answers a form post with 303 and the Stripe URL, without a body', async () => {
    const origin = await serveProxy();
    const response = await fetch(`${origin}/api/billing/checkout`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: origin,
        Referer: `${origin}/billing`,
      },
      body: 'tier=team',
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(checkoutBody.url);
    expect(await response.text()).toBe('');
  });

  it('leaves paths outside basePath to next(), and answers 404 for them without next', async () => {
    const withNext = await serveProxy({}, (_req, res) => res.end('the host app'));
    expect(await (await fetch(`${withNext}/dashboard`)).text()).toBe('the host app');
    expect(await (await fetch(`${withNext}/api/billingX/state`)).text()).toBe('the host app');
    expect((await fetch(`${withNext}/api/billing/state`)).status).toBe(200);
    const alone = await serveProxy();
    expect((await fetch(`${alone}/dashboard`)).status).toBe(404);
    expect(fake.received).toHaveLength(1);
  });

  it('knows the basePath createBillingProxy was given, and takes an explicit one', async () => {
    const custom = await serveProxy({ basePath: '/billing' }, (_req, res) => res.end('host'));
    expect(await (await fetch(`${custom}/billing/state`)).json()).toEqual(stateBody);
    expect(await (await fetch(`${custom}/api/billing/state`)).text()).toBe('host');

    const wrapped = toNodeHandler(
      (request) =>
        createBillingProxy({ apiKey: fake.apiKey, baseUrl: fake.baseUrl, basePath: '/b' })(request),
      {
        basePath: '/b',
      },
    );
    const server = await listen((req, res) => wrapped(req, res, () => res.end('host')));
    servers.push(server);
    expect((await fetch(`${server.origin}/b/state`)).status).toBe(200);
  });

  const anyFetchHandler =
    'adapts any fetch-standard handler: its status, headers, cookies and a streamed ' +
    'body reach Node as sent';
  it(anyFetchHandler, async () => {
    const plain = Object.assign(
      async (request: Request) => {
        const text = await request.text();
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode(`got ${request.method} `));
            controller.enqueue(new TextEncoder().encode(text));
            controller.close();
          },
        });
        const headers = new Headers({ 'Content-Type': 'text/plain', 'X-Handler': 'plain' });
        headers.append('Set-Cookie', 'a=1');
        headers.append('Set-Cookie', 'b=2');
        return new Response(body, { status: 201, headers });
      },
      { basePath: '/hooks' },
    );
    const adapted = toNodeHandler(plain);
    const server = await listen((req, res) => adapted(req, res, () => res.end('host')));
    servers.push(server);
    const response = await fetch(`${server.origin}/hooks/x`, { method: 'POST', body: 'hello' });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-handler')).toBe('plain');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await response.text()).toBe('got POST hello');
    expect(await (await fetch(`${server.origin}/api/billing/state`)).text()).toBe('host');
  });

  const originFromHost =
    'takes the request’s origin from Host over plain http, ignoring X-Forwarded-* ' +
    'unless told to trust them';
  it(originFromHost, async () => {
    const body = (origin: string) => JSON.stringify({ returnUrl: `${origin}/billing` });
    const forwarded = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'app.example.com' };
    const post = (origin: string, headers: Record<string, string>, returnOrigin: string) =>
      fetch(`${origin}/api/billing/portal-session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: body(returnOrigin),
      });

    const untrusting = await serveProxy();
    expect((await post(untrusting, forwarded, 'https://app.example.com')).status).toBe(400);
    expect((await post(untrusting, forwarded, untrusting)).status).toBe(200);

    const trusting = await serveProxy({}, undefined, { trustProxy: true });
    expect((await post(trusting, forwarded, 'https://app.example.com')).status).toBe(200);
  });

  it('refuses a body declared over 16 KiB with 413 over a real connection', async () => {
    const origin = await serveProxy();
    const response = await fetch(`${origin}/api/billing/checkout-session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin },
      body: 'x'.repeat(256 * 1024),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: 'payload_too_large' });
    expect(response.headers.get('connection')).toBe('close');
    expect(fake.received).toHaveLength(0);
  });

  it('refuses a chunked body once it passes 16 KiB (413)', async () => {
    const origin = await serveProxy();
    const chunk = new TextEncoder().encode(' '.repeat(4096));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        if (sent > 64) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await fetch(`${origin}/api/billing/checkout-session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(fake.received).toHaveLength(0);
  });

  it('answers 400 to a Host header that is not a host', async () => {
    const origin = await serveProxy();
    const response = await rawRequest(origin, '/api/billing/state', { Host: 'user@evil.example' });
    expect(response.status).toBe(400);
    expect(fake.received).toHaveLength(0);
  });

  it('hands a handler’s throw to next(error), or answers 500 without next', async () => {
    const failing = toNodeHandler(async () => {
      throw new Error('handler bug');
    });
    const seen: unknown[] = [];
    const withNext = await listen((req, res) =>
      failing(req, res, (error) => {
        seen.push(error);
        res.statusCode = 599;
        res.end();
      }),
    );
    const alone = await listen((req, res) => failing(req, res));
    servers.push(withNext, alone);
    expect((await fetch(`${withNext.origin}/api/billing/state`)).status).toBe(599);
    expect(seen).toEqual([new Error('handler bug')]);
    expect((await fetch(`${alone.origin}/api/billing/state`)).status).toBe(500);
  });
});
