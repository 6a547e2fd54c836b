// The proxy where `AbortSignal.any` (and the other APIs newer than the README's support table) is missing,
// as in Next.js's edge runtime: it still answers, still times out, and still stops for a browser that left.
// Saiku is the fake on 127.0.0.1; test/server/runtimes.test.ts runs the built proxy in that runtime itself.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBillingProxy } from '../../src/server';
import { inOlderRuntime } from '../core/olderRuntime';
import { checkoutBody, freeStateBody, startFakeSaiku, stateBody, type FakeSaiku } from './fakeSaiku';

const app = 'https://app.example.com';

let fake: FakeSaiku;
beforeAll(async () => {
  fake = await startFakeSaiku();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe('createBillingProxy where AbortSignal.any is missing', () => {
  inOlderRuntime();

  const proxy = (timeoutMs?: number) =>
    createBillingProxy({ apiKey: fake.apiKey, baseUrl: fake.baseUrl, ...(timeoutMs ? { timeoutMs } : {}) });

  it('forwards the state', async () => {
    const response = await proxy()(new Request(`${app}/api/billing/state`));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(stateBody);
  });

  it('mints a Checkout after its duplicate guard has read the state', async () => {
    fake.state = freeStateBody;
    const response = await proxy()(
      new Request(`${app}/api/billing/checkout-session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: app },
        body: JSON.stringify({ tier: 'team', successUrl: `${app}/ok`, cancelUrl: `${app}/billing` }),
      }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(checkoutBody);
    expect(fake.received.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /me/billing/state',
      'POST /me/billing/checkout-session',
    ]);
  });

  it('answers 504 when Saiku does not answer within timeoutMs', async () => {
    fake.answerWith(() => undefined);
    const response = await proxy(50)(new Request(`${app}/api/billing/state`));
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({ error: 'timeout' });
  });

  it('hangs up on Saiku when the browser leaves, answering 499', async () => {
    let reached: () => void = () => undefined;
    const upstreamReached = new Promise<void>((resolve) => (reached = resolve));
    let upstreamClosed: (answered: boolean) => void = () => undefined;
    const closed = new Promise<boolean>((resolve) => (upstreamClosed = resolve));
    // Saiku holds the answer (bounded at 2 s); the proxy must close the connection before it comes.
    fake.answerWith((_request, res) => {
      const timer = setTimeout(() => res.end('{}'), 2000);
      res.once('close', () => {
        clearTimeout(timer);
        upstreamClosed(res.writableFinished);
      });
      reached();
    });
    const browser = new AbortController();
    const answer = proxy()(new Request(`${app}/api/billing/state`, { signal: browser.signal }));
    await upstreamReached;
    browser.abort();
    expect((await answer).status).toBe(499);
    expect(await closed).toBe(false);
  });
});
