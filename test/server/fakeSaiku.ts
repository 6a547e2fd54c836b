// A fake Saiku Billing API on 127.0.0.1 (node:http, a real socket): what the proxy forwards to, and a
// record of what it got.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How the fake answers one request; the default acts like Saiku. */
export type Behaviour = (request: ReceivedRequest, res: ServerResponse, fake: FakeSaiku) => void;

export interface FakeSaiku {
  /** e.g. http://127.0.0.1:54321 */
  baseUrl: string;
  /** The one key this fake accepts. */
  apiKey: string;
  /** The tenant's state `GET /me/billing/state` serves (until `reset`): `stateBody`, an active subscription. */
  state: Record<string, unknown>;
  /** Every request that reached the fake, in order. */
  received: ReceivedRequest[];
  /** Answer the following requests this way (until `reset`). */
  answerWith(behaviour: Behaviour): void;
  /** Forget what was received and act like Saiku again. */
  reset(): void;
  close(): Promise<void>;
}

export const fakeApiKey = 'sk_test_Fake0Key1For2Proxy3Tests';

export const stateBody = {
  tenantId: '81e301f2-4c1e-4a4f-9d7e-1f0c2b3a4d5e',
  tier: 'team',
  stripeCustomerId: 'cus_Q1w2e3r4t5',
  subscriptionStatus: 'active',
  currentPeriodEnd: '2026-06-23T00:00:00Z',
  trialEndsAt: null,
  billedFeaturesActive: true,
};
/** A tenant that never subscribed: the duplicate guard lets its Checkout through. */
export const freeStateBody = {
  ...stateBody,
  tier: 'starter',
  stripeCustomerId: null,
  subscriptionStatus: '',
  currentPeriodEnd: null,
  billedFeaturesActive: false,
};
export const checkoutBody = {
  url: 'https://checkout.stripe.com/c/pay/cs_test_a1b2c3',
  sessionId: 'cs_test_a1b2c3',
};
export const portalBody = { url: 'https://billing.stripe.com/p/session/test_a1b2c3' };

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** What Saiku does: checks the Bearer key, then serves the three documented routes. */
export const actLikeSaiku: Behaviour = (request, res, fake) => {
  if (request.headers.authorization !== `Bearer ${fake.apiKey}`) {
    sendJson(res, 401, { error: 'unauthorized', message: 'Invalid API key.' });
    return;
  }
  const route = `${request.method} ${request.path}`;
  if (route === 'GET /me/billing/state') sendJson(res, 200, fake.state);
  else if (route === 'POST /me/billing/checkout-session') sendJson(res, 200, checkoutBody);
  else if (route === 'POST /me/billing/portal-session') sendJson(res, 200, portalBody);
  else sendJson(res, 404, { error: 'not_found', message: 'No such route.' });
};

export async function startFakeSaiku(apiKey = fakeApiKey): Promise<FakeSaiku> {
  let behaviour: Behaviour = actLikeSaiku;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: ReceivedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      fake.received.push(request);
      behaviour(request, res, fake);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const fake: FakeSaiku = {
    baseUrl: `http://127.0.0.1:${port}`,
    apiKey,
    state: stateBody,
    received: [],
    answerWith(next) {
      behaviour = next;
    },
    reset() {
      behaviour = actLikeSaiku;
      fake.state = stateBody;
      fake.received.length = 0;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
  return fake;
}

/** A port on 127.0.0.1 where nothing listens: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
