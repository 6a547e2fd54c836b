// The mounting recipes of docs/server.md, each mounted for real: Node http, Express, a Next.js route handler, Hono.
import express from 'express';
import { Hono } from 'hono';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBillingProxy, toNodeHandler } from '../../src/server';
import {
  checkoutBody,
  freeStateBody,
  portalBody,
  startFakeSaiku,
  stateBody,
  type FakeSaiku,
} from './fakeSaiku';
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

/** The host's own auth, as the recipes show it: a signed-in user's tenant key, or null. */
function billingProxy() {
  return createBillingProxy({
    apiKey: (request) => (request.headers.get('cookie')?.includes('session=alice') ? fake.apiKey : null),
    baseUrl: fake.baseUrl,
  });
}

const signedIn = { Cookie: 'session=alice' };

describe('recipes', () => {
  it('Node http: http.createServer(toNodeHandler(proxy))', async () => {
    const handler = toNodeHandler(billingProxy());
    const server = await listen((req, res) => handler(req, res));
    servers.push(server);
    const response = await fetch(`${server.origin}/api/billing/state`, { headers: signedIn });
    expect(await response.json()).toEqual(stateBody);
    expect((await fetch(`${server.origin}/api/billing/state`)).status).toBe(401);
    expect((await fetch(`${server.origin}/`)).status).toBe(404);
  });

  it('Express: app.use(toNodeHandler(proxy)) beside the host’s own routes and body parsers', async () => {
    fake.state = freeStateBody; // a Checkout for a tenant without one: the duplicate guard lets it through
    const app = express();
    app.use(express.json());
    app.use(express.urlencoded({ extended: false }));
    app.use(toNodeHandler(billingProxy()));
    app.get('/dashboard', (_req, res) => {
      res.send('dashboard');
    });
    const server = await listen(app);
    servers.push(server);
    const { origin } = server;

    expect(await (await fetch(`${origin}/dashboard`)).text()).toBe('dashboard');
    const json = await fetch(`${origin}/api/billing/checkout-session`, {
      method: 'POST',
      headers: { ...signedIn, 'Content-Type': 'application/json', Origin: origin },
      body: JSON.stringify({ tier: 'team', successUrl: `${origin}/ok`, cancelUrl: `${origin}/dashboard` }),
    });
    expect(await json.json()).toEqual(checkoutBody);
    const form = await fetch(`${origin}/api/billing/portal`, {
      method: 'POST',
      headers: { ...signedIn, 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
      body: new URLSearchParams({ returnUrl: `${origin}/dashboard` }),
      redirect: 'manual',
    });
    expect(form.status).toBe(303);
    expect(form.headers.get('location')).toBe(portalBody.url);
    expect(fake.received.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /me/billing/state',
      'POST /me/billing/checkout-session',
      'POST /me/billing/portal-session',
    ]);
    expect(fake.received.slice(1).map((request) => JSON.parse(request.body) as unknown)).toEqual([
      { tier: 'team', successUrl: `${origin}/ok`, cancelUrl: `${origin}/dashboard` },
      { returnUrl: `${origin}/dashboard` },
    ]);
  });

  it('Express: app.use("/api/billing", toNodeHandler(proxy)) under a mount path', async () => {
    const app = express();
    app.use('/api/billing', toNodeHandler(billingProxy()));
    const server = await listen(app);
    servers.push(server);
    expect(await (await fetch(`${server.origin}/api/billing/state`, { headers: signedIn })).json()).toEqual(
      stateBody,
    );
  });

  it('Next.js App Router: app/api/billing/[...path]/route.ts exports the handler as GET and POST', async () => {
    // route.ts: const handler = createBillingProxy({ … }); export { handler as GET, handler as POST };
    const handler = billingProxy();
    const route = { GET: handler, POST: handler };
    const origin = 'http://localhost:3000';

    fake.state = freeStateBody;
    const state = await route.GET(new NextRequest(`${origin}/api/billing/state`, { headers: signedIn }));
    expect(await state.json()).toEqual(freeStateBody);
    const checkout = await route.POST(
      new NextRequest(`${origin}/api/billing/checkout`, {
        method: 'POST',
        headers: {
          ...signedIn,
          'Content-Type': 'application/x-www-form-urlencoded',
          Origin: origin,
          Referer: `${origin}/billing`,
        },
        body: 'tier=business',
      }),
    );
    expect(checkout.status).toBe(303);
    expect(checkout.headers.get('location')).toBe(checkoutBody.url);
    const crossSite = await route.POST(
      new NextRequest(`${origin}/api/billing/portal-session`, {
        method: 'POST',
        headers: { ...signedIn, 'Content-Type': 'application/json', Origin: 'https://evil.example' },
        body: JSON.stringify({ returnUrl: `${origin}/billing` }),
      }),
    );
    expect(crossSite.status).toBe(403);
    // The page's state, the duplicate guard's state read, the Checkout; nothing of the cross-site POST.
    expect(fake.received).toHaveLength(3);
  });

  it('Hono: app.all("/api/billing/*", (c) => handler(c.req.raw))', async () => {
    const handler = billingProxy();
    const app = new Hono();
    app.all('/api/billing/*', (c) => handler(c.req.raw));
    app.get('/', (c) => c.text('home'));

    expect(await (await app.request('/api/billing/state', { headers: signedIn })).json()).toEqual(stateBody);
    const portal = await app.request('http://localhost/api/billing/portal-session', {
      method: 'POST',
      headers: { ...signedIn, 'Content-Type': 'application/json', Origin: 'http://localhost' },
      body: JSON.stringify({ returnUrl: 'http://localhost/billing' }),
    });
    expect(await portal.json()).toEqual(portalBody);
    expect(await (await app.request('/')).text()).toBe('home');
  });
});
