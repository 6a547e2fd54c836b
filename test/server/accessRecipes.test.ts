// docs/server.md's access-check recipes, mounted for real: the Express middleware and a Next.js route
// handler called with a NextRequest, against the fake Saiku.
import express, { type RequestHandler } from 'express';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AccessRequirement, PlanInfo } from '../../src/core';
import { createAccessCheck } from '../../src/server';
import { freeStateBody, startFakeSaiku, type FakeSaiku } from './fakeSaiku';
import { listen, type Listening } from './listen';

const plans: readonly PlanInfo[] = [{ tier: 'starter' }, { tier: 'team', entitlements: ['forecasts'] }];

let fake: FakeSaiku;
let access: ReturnType<typeof createAccessCheck>;
const servers: Listening[] = [];
beforeAll(async () => {
  fake = await startFakeSaiku();
});
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await fake.close();
});
/** The host's own auth, as the recipes show it: a signed-in user's tenant key, or null. */
const makeAccess = () =>
  createAccessCheck({
    apiKey: (request) => (request.headers.get('cookie')?.includes('session=alice') ? fake.apiKey : null),
    baseUrl: fake.baseUrl,
    plans,
  });
beforeEach(() => {
  fake.reset();
  access = makeAccess();
});

const signedIn = { Cookie: 'session=alice' };

/** docs/server.md's Express middleware, as written there. */
function requireAccess(requirement?: AccessRequirement): RequestHandler {
  return async (req, res, next) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers))
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    const request = new Request(new URL(req.originalUrl, `http://${req.headers.host}`), { headers });
    const refused = await access.guard(request, requirement);
    if (!refused) return next();
    res
      .status(refused.status)
      .set(Object.fromEntries(refused.headers))
      .send(await refused.text());
  };
}

describe('access recipes', () => {
  it('Express: requireAccess({ feature }) before the route', async () => {
    const app = express();
    app.get('/api/forecasts', requireAccess({ feature: 'forecasts' }), (_req, res) => {
      res.json({ forecasts: [1, 2] });
    });
    const server = await listen(app);
    servers.push(server);
    const granted = await fetch(`${server.origin}/api/forecasts`, { headers: signedIn });
    expect(await granted.json()).toEqual({ forecasts: [1, 2] });
    expect((await fetch(`${server.origin}/api/forecasts`)).status).toBe(401);

    fake.state = freeStateBody;
    access = makeAccess(); // nothing kept from the reads above
    const refused = await fetch(`${server.origin}/api/forecasts`, { headers: signedIn });
    expect(refused.status).toBe(402);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    expect(await refused.json()).toMatchObject({ error: 'payment_required', plans: [plans[1]] });
  });

  it('Next.js route handler: GET(request) with the guard first', async () => {
    async function GET(request: Request) {
      const refused = await access.guard(request, { feature: 'forecasts' });
      if (refused) return refused;
      return Response.json({ forecasts: [1, 2] });
    }
    const url = 'https://app.example.com/api/forecasts';
    expect((await GET(new NextRequest(url, { headers: signedIn }))).status).toBe(200);
    expect((await GET(new NextRequest(url))).status).toBe(401);
  });
});
