// The simulator behind msw, reached with the library's own clients, as tests and stories use it.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createProxyBackend, createSaikuClient } from '../../src/core';
import { billingHandlers, createBillingSimulator } from '../../src/mock';
import { defaultApiKey } from '../../src/mock/createBillingSimulator';
import { checkoutInput, portalInput, start } from './support';

let now = start.getTime();
const simulator = createBillingSimulator({ now: () => new Date(now) });
const server = setupServer(
  ...billingHandlers(simulator),
  ...billingHandlers(simulator, {
    baseUrl: 'https://host.test/custom/billing',
    apiBaseUrl: 'http://127.0.0.1:4010/saiku',
  }),
);

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  simulator.reset();
  now = start.getTime();
});
afterAll(() => server.close());

const proxy = createProxyBackend({ baseUrl: 'https://host.test/api/billing' });

describe('billingHandlers: the proxy routes', () => {
  it('serve the default tenant to createProxyBackend', async () => {
    simulator.setScenario('active');
    expect(await proxy.getState()).toEqual(simulator.getState(defaultApiKey));
    expect(simulator.requestCounts().state).toBe(1);
  });

  it('walk the whole checkout: session, Pay, webhook, trial', async () => {
    const session = await proxy.createCheckoutSession(checkoutInput);
    expect(session.url).toBe(`${simulator.pages.checkout}/${session.sessionId}`);
    simulator.completeCheckout(session.sessionId);
    expect((await proxy.getState()).subscriptionStatus).toBe('');
    now += simulator.webhookDelayMs;
    expect(await proxy.getState()).toMatchObject({
      subscriptionStatus: 'trialing',
      billedFeaturesActive: true,
    });
    const portal = await proxy.createPortalSession(portalInput);
    expect(portal.url).toMatch(/^https:\/\/billing\.stripe\.com\/p\/session\/bps_test_/);
  });

  it('give the error codes and messages the real proxy forwards', async () => {
    await expect(proxy.createPortalSession(portalInput)).rejects.toMatchObject({
      code: 'no_customer',
      status: 409,
    });
    await expect(proxy.createCheckoutSession({ ...checkoutInput, tier: 'gold' })).rejects.toMatchObject({
      code: 'invalid_request',
      status: 400,
      message: expect.stringContaining('Unknown tier "gold"'),
    });
    const response = await fetch('https://host.test/api/billing/checkout-session', {
      method: 'POST',
      body: '{',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'invalid_request', message: expect.any(String) });
  });

  it('answer on any origin by default, and on a custom baseUrl', async () => {
    const elsewhere = createProxyBackend({ baseUrl: 'http://localhost:6006/api/billing' });
    expect((await elsewhere.getState()).subscriptionStatus).toBe('');
    const custom = createProxyBackend({ baseUrl: 'https://host.test/custom/billing' });
    expect((await custom.getState()).tenantId).toBe(simulator.getState().tenantId);
  });
});

describe('billingHandlers: the Saiku API paths', () => {
  it('serve createSaikuClient, one tenant per key', async () => {
    const a = createSaikuClient({ apiKey: 'sk_test_a' });
    const b = createSaikuClient({ apiKey: 'sk_test_b' });
    simulator.setScenario('active', 'sk_test_a');
    expect((await a.getState()).subscriptionStatus).toBe('active');
    expect((await b.getState()).subscriptionStatus).toBe('');
    await expect(b.createPortalSession(portalInput)).rejects.toMatchObject({ code: 'no_customer' });
    expect(await a.createPortalSession(portalInput)).toEqual({
      url: expect.stringMatching(/^https:\/\/billing\.stripe\.com\/p\/session\//),
    });
  });

  it('answer 401 without a key', async () => {
    const response = await fetch('https://api.saiku.bi/me/billing/state');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'unauthorized' });
  });

  it('follow a custom apiBaseUrl', async () => {
    const client = createSaikuClient({ apiKey: 'sk_test_c', baseUrl: 'http://127.0.0.1:4010/saiku' });
    expect((await client.getState()).billedFeaturesActive).toBe(false);
  });
});

describe('billingHandlers: the stand-in pages', () => {
  it('serve the Checkout page on publicUrl, and its Pay form', async () => {
    const session = await proxy.createCheckoutSession(checkoutInput);
    const page = await fetch(session.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Subscribe to Team');
    const paid = await fetch(`${session.url}/pay`, { method: 'POST', redirect: 'manual' });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('Location')).toBe(checkoutInput.successUrl);
    now += simulator.webhookDelayMs;
    expect((await proxy.getState()).subscriptionStatus).toBe('trialing');
  });

  it('leave other requests unhandled, so a stray request fails the test', async () => {
    await expect(fetch('https://elsewhere.test/api/other')).rejects.toThrow();
  });
});
