import { describe, expect, it, vi } from 'vitest';
import {
  BillingError,
  assertSafeRedirect,
  createSaikuClient,
  defaultAllowedRedirectHosts,
} from '../../src/core';
import { createBillingSimulator, type BillingSimulator } from '../../src/mock';
import { defaultApiKey, defaultPageUrls } from '../../src/mock/createBillingSimulator';
import { simulatorSchedule } from '../../src/mock/lifecycle';
import { DAY, MINUTE, call, checkoutInput, portalInput, simulatorAt, start, subscribe } from './support';

const iso = (ms: number): string => new Date(ms).toISOString();
const at = (days: number): string => iso(start.getTime() + days * DAY);

async function mint(simulator: BillingSimulator, key = 'sk_test_a', body: object = checkoutInput) {
  const response = await call(simulator, '/me/billing/checkout-session', { key, body });
  expect(response.status).toBe(200);
  return (await response.json()) as { url: string; sessionId: string };
}

async function stateOver(simulator: BillingSimulator, key = 'sk_test_a') {
  const response = await call(simulator, '/me/billing/state', { key });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

describe('createBillingSimulator: tenants and auth', () => {
  it('answers 401 with the API’s error shape when there is no Bearer key', async () => {
    const simulator = simulatorAt();
    const attempts: Record<string, string>[] = [
      {},
      { Authorization: 'Basic c2s6' },
      { Authorization: 'Bearer ' },
    ];
    for (const headers of attempts) {
      const response = await simulator.fetch(
        new Request('https://api.saiku.bi/me/billing/state', { headers }),
      );
      expect(response.status).toBe(401);
      expect(response.headers.get('WWW-Authenticate')).toBe('Bearer');
      expect(await response.json()).toEqual({
        error: 'unauthorized',
        message: expect.stringContaining('Bearer'),
      });
    }
    const post = await call(simulator, '/me/billing/checkout-session', { key: null, body: checkoutInput });
    expect(post.status).toBe(401);
  });

  it('keeps one tenant per API key', async () => {
    const simulator = simulatorAt({ webhookDelayMs: 0 });
    await subscribe(simulator, 'sk_test_a');
    const a = await stateOver(simulator, 'sk_test_a');
    const b = await stateOver(simulator, 'sk_test_b');
    expect(a.subscriptionStatus).toBe('trialing');
    expect(b.subscriptionStatus).toBe('');
    expect(a.tenantId).not.toBe(b.tenantId);
    expect(simulator.getState('sk_test_b')).toEqual(b);
  });

  it('reads the default tenant without a key, the same one Bearer defaultApiKey reaches', async () => {
    const simulator = simulatorAt({ scenario: 'active' });
    expect(await stateOver(simulator, defaultApiKey)).toEqual(simulator.getState());
    expect(defaultApiKey).toBe('sk_test_simulator');
  });

  it('starts every new tenant in the chosen scenario, dated from the simulator’s clock', () => {
    const simulator = simulatorAt({ scenario: 'trialEndingSoon' });
    expect(simulator.getState('sk_test_x')).toMatchObject({
      subscriptionStatus: 'trialing',
      trialEndsAt: at(2),
    });
    expect(simulator.getState('sk_test_y').subscriptionStatus).toBe('trialing');
  });

  it('fills a partial scenario from the scenario its status names', () => {
    const simulator = simulatorAt({ scenario: { subscriptionStatus: 'active', tier: 'business' } });
    expect(simulator.getState()).toMatchObject({
      tier: 'business',
      subscriptionStatus: 'active',
      billedFeaturesActive: true,
      stripeCustomerId: expect.any(String),
      currentPeriodEnd: expect.any(String),
    });
    const custom = simulatorAt({
      scenario: { tenantId: 't-1', subscriptionStatus: 'trialing', trialEndsAt: at(5) },
    });
    expect(custom.getState()).toMatchObject({ tenantId: 't-1', trialEndsAt: at(5), currentPeriodEnd: at(5) });
  });

  it('keeps a status Stripe may add, even one named like an Object.prototype member', async () => {
    for (const status of ['paused', 'constructor']) {
      const simulator = simulatorAt({ scenario: { subscriptionStatus: status, stripeCustomerId: 'cus_x' } });
      expect(simulator.getState()).toMatchObject({ subscriptionStatus: status, billedFeaturesActive: false });
      const portal = await call(simulator, '/me/billing/portal-session', {
        key: defaultApiKey,
        body: portalInput,
      });
      const { url } = (await portal.json()) as { url: string };
      const page = await simulator.fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(`<dd>${status}</dd>`);
    }
  });

  it('ends at once the access of a canceled state whose period is already over', () => {
    const simulator = simulatorAt({
      scenario: { subscriptionStatus: 'canceled', billedFeaturesActive: true, currentPeriodEnd: at(-1) },
    });
    expect(simulator.getState()).toMatchObject({
      subscriptionStatus: 'canceled',
      billedFeaturesActive: false,
    });
  });

  it('refuses an unknown scenario or option at creation', () => {
    expect(() => createBillingSimulator({ scenario: 'gold' as never })).toThrow(TypeError);
    expect(() => createBillingSimulator({ scenario: { billedFeaturesActive: 'yes' as never } })).toThrow(
      BillingError,
    );
    expect(() => createBillingSimulator({ webhookDelayMs: -1 })).toThrow(TypeError);
    expect(() => createBillingSimulator({ publicUrl: 'not a url' })).toThrow(TypeError);
  });

  it('answers 404 for unknown paths and 405 for the wrong method', async () => {
    const simulator = simulatorAt();
    expect((await call(simulator, '/me/billing/invoices')).status).toBe(404);
    const wrong = await call(simulator, '/me/billing/state', { method: 'POST', rawBody: '{}' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('Allow')).toBe('GET');
    expect((await call(simulator, '/me/billing/checkout-session')).status).toBe(405);
  });

  it('can be passed where a fetch is expected', async () => {
    const simulator = simulatorAt({ scenario: 'enterprise' });
    const client = createSaikuClient({ apiKey: defaultApiKey, fetch: simulator.fetch });
    expect(await client.getState()).toEqual(simulator.getState());
    await expect(simulator.fetch('not a url')).rejects.toThrow(TypeError);
  });

  it('serves the API under any origin and path prefix, with no-store JSON', async () => {
    const simulator = simulatorAt();
    const response = await simulator.fetch(
      new Request('http://127.0.0.1:5173/__saiku/me/billing/state', {
        headers: { Authorization: 'Bearer sk_test_any_prefix' },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(response.headers.get('Cache-Control')).toBe('no-store');
  });
});

describe('createBillingSimulator: checkout', () => {
  it('mints single-use sessions at Stripe-shaped URLs, which the default redirect allowlist accepts', async () => {
    const simulator = simulatorAt();
    const first = await mint(simulator);
    const second = await mint(simulator);
    expect(first.url).toBe(`https://checkout.stripe.com/c/pay/${first.sessionId}`);
    expect(simulator.pages).toEqual(defaultPageUrls);
    expect(simulator.publicUrl).toBeNull();
    expect(() => assertSafeRedirect(first.url, defaultAllowedRedirectHosts)).not.toThrow();
    expect(first.sessionId).toMatch(/^cs_test_/);
    expect(second.sessionId).not.toBe(first.sessionId);
    expect(simulator.listCheckoutSessions().map((s) => s.status)).toEqual(['open', 'open']);
  });

  it('changes nothing until the webhook lands, then starts a 14-day trial on the chosen tier', async () => {
    const simulator = simulatorAt();
    const { sessionId } = await mint(simulator, 'sk_test_a', { ...checkoutInput, tier: 'business' });
    simulator.completeCheckout(sessionId);
    simulator.advance(1499);
    expect(simulator.getState('sk_test_a')).toMatchObject({
      subscriptionStatus: '',
      billedFeaturesActive: false,
    });
    simulator.advance(1);
    const trialEnd = iso(start.getTime() + 14 * DAY);
    expect(simulator.getState('sk_test_a')).toMatchObject({
      tier: 'business',
      stripeCustomerId: expect.stringMatching(/^cus_/),
      subscriptionStatus: 'trialing',
      trialEndsAt: trialEnd,
      currentPeriodEnd: trialEnd,
      billedFeaturesActive: true,
    });
  });

  it('lands the webhook on a moving clock with no advance(), as a real-time demo needs', async () => {
    let wallClock = start.getTime();
    const simulator = createBillingSimulator({ now: () => new Date(wallClock) });
    const { sessionId } = await mint(simulator, defaultApiKey);
    simulator.completeCheckout(sessionId);
    expect(simulator.getState().subscriptionStatus).toBe('');
    wallClock += 1500;
    expect(simulator.getState().subscriptionStatus).toBe('trialing');
  });

  it('applies at once with webhookDelayMs 0', async () => {
    const simulator = simulatorAt({ webhookDelayMs: 0 });
    simulator.completeCheckout((await mint(simulator)).sessionId);
    expect(simulator.getState('sk_test_a').subscriptionStatus).toBe('trialing');
  });

  it('gives no second trial: a tenant that had one becomes active for a month', async () => {
    const simulator = simulatorAt({ webhookDelayMs: 0, scenario: 'canceled' });
    simulator.completeCheckout((await mint(simulator)).sessionId);
    expect(simulator.getState('sk_test_a')).toMatchObject({
      subscriptionStatus: 'active',
      trialEndsAt: null,
      currentPeriodEnd: '2026-04-10T12:00:00.000Z',
      billedFeaturesActive: true,
    });
  });

  it('lets a session be completed once', async () => {
    const simulator = simulatorAt();
    const { sessionId } = await mint(simulator);
    simulator.completeCheckout(sessionId);
    expect(() => simulator.completeCheckout(sessionId)).toThrow(/already completed/);
    expect(simulator.listCheckoutSessions()[0]?.status).toBe('complete');
  });

  it('expires a session 30 minutes after minting', async () => {
    const simulator = simulatorAt();
    const early = await mint(simulator);
    const late = await mint(simulator);
    simulator.advance(30 * MINUTE - 1);
    simulator.completeCheckout(early.sessionId);
    simulator.advance(1);
    expect(() => simulator.completeCheckout(late.sessionId)).toThrow(/expired/);
    expect(simulator.listCheckoutSessions().map((s) => s.status)).toEqual(['complete', 'expired']);
    expect(simulatorSchedule.checkoutSessionTtlMs).toBe(30 * MINUTE);
  });

  it('throws a BillingError for an unknown session', () => {
    const simulator = simulatorAt();
    expect(() => simulator.completeCheckout('cs_nope')).toThrow(BillingError);
  });
});

describe('createBillingSimulator: validation like the real API', () => {
  const expect400 = async (response: Response, pattern: RegExp) => {
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; message: string };
    expect(body.error).toBe('invalid_request');
    expect(body.message).toMatch(pattern);
  };

  it('refuses a body that is not JSON or not an object', async () => {
    const simulator = simulatorAt();
    await expect400(
      await call(simulator, '/me/billing/checkout-session', { rawBody: '{tier:' }),
      /not valid JSON/,
    );
    await expect400(await call(simulator, '/me/billing/checkout-session', { rawBody: '' }), /not valid JSON/);
    await expect400(await call(simulator, '/me/billing/checkout-session', { body: ['team'] }), /JSON object/);
    await expect400(await call(simulator, '/me/billing/portal-session', { body: 'x' }), /JSON object/);
  });

  it.each([
    [{ tier: undefined }, /tier is required/],
    [{ tier: 3 }, /tier must be a string/],
    [{ tier: 'gold' }, /Unknown tier "gold"/],
    [{ successUrl: undefined }, /successUrl is required/],
    [{ cancelUrl: 42 }, /cancelUrl must be a string/],
    [{ successUrl: '/billing' }, /successUrl must be an absolute URL/],
    [{ successUrl: 'http://app.acme.test/billing' }, /successUrl must be an https URL/],
    [{ cancelUrl: 'javascript:alert(1)' }, /cancelUrl must be an https URL/],
    [{ cancelUrl: 'https://user:pw@app.acme.test/' }, /must not carry a user name or password/],
    [{ email: 7 }, /email must be a string/],
    [{ name: {} }, /name must be a string/],
  ])('refuses a checkout body with %o', async (change, pattern) => {
    const simulator = simulatorAt();
    await expect400(
      await call(simulator, '/me/billing/checkout-session', { body: { ...checkoutInput, ...change } }),
      pattern,
    );
    expect(simulator.listCheckoutSessions()).toEqual([]);
  });

  it.each([
    'http://localhost:5173/billing',
    'http://127.0.0.1:5173/',
    'http://[::1]:3000/x',
    'https://app.acme.test/',
  ])('accepts %s as a return URL', async (url) => {
    const simulator = simulatorAt();
    const response = await call(simulator, '/me/billing/checkout-session', {
      body: { ...checkoutInput, successUrl: url, cancelUrl: url },
    });
    expect(response.status).toBe(200);
  });

  it('refuses a portal body without an https returnUrl, before looking for a customer', async () => {
    const simulator = simulatorAt();
    await expect400(
      await call(simulator, '/me/billing/portal-session', { body: {} }),
      /returnUrl is required/,
    );
    await expect400(
      await call(simulator, '/me/billing/portal-session', { body: { returnUrl: 'http://app.acme.test/' } }),
      /returnUrl must be an https URL/,
    );
  });

  it('answers 413 to a body over 64 KiB', async () => {
    const simulator = simulatorAt();
    const response = await call(simulator, '/me/billing/checkout-session', {
      body: { ...checkoutInput, name: 'x'.repeat(70_000) },
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: 'invalid_request' });
  });
});

describe('createBillingSimulator: portal sessions', () => {
  it('answers 409 no_customer to a tenant that never completed Checkout', async () => {
    const simulator = simulatorAt();
    const response = await call(simulator, '/me/billing/portal-session', { body: portalInput });
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: 'no_customer',
      message: expect.stringContaining('Checkout'),
    });
  });

  it('mints a portal URL on the public URL for a customer', async () => {
    const simulator = simulatorAt({ scenario: 'active', publicUrl: 'http://127.0.0.1:5173/__saiku/' });
    const response = await call(simulator, '/me/billing/portal-session', { body: portalInput });
    const { url } = (await response.json()) as { url: string };
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:5173\/__saiku\/portal\/bps_test_/);
    expect(simulator.listPortalSessions()).toEqual([
      expect.objectContaining({ url, apiKey: 'sk_test_a', returnUrl: portalInput.returnUrl, status: 'open' }),
    ]);
  });
});

describe('createBillingSimulator: the clock', () => {
  it('ends a trial: active, a new period a month after the trial end', async () => {
    const simulator = simulatorAt({ webhookDelayMs: 0 });
    await subscribe(simulator);
    simulator.advance(14 * DAY - 1);
    expect(simulator.getState('sk_test_a').subscriptionStatus).toBe('trialing');
    simulator.advance(1);
    expect(simulator.getState('sk_test_a')).toMatchObject({
      subscriptionStatus: 'active',
      trialEndsAt: null,
      currentPeriodEnd: '2026-04-24T12:00:00.000Z',
      billedFeaturesActive: true,
    });
  });

  it('renews an active subscription every calendar month', () => {
    const simulator = simulatorAt({
      scenario: { subscriptionStatus: 'active', currentPeriodEnd: '2026-03-31T00:00:00.000Z' },
    });
    simulator.advance(21 * DAY);
    expect(simulator.getState().currentPeriodEnd).toBe('2026-04-30T00:00:00.000Z');
    simulator.advance(60 * DAY);
    expect(simulator.getState()).toMatchObject({
      subscriptionStatus: 'active',
      currentPeriodEnd: '2026-06-30T00:00:00.000Z',
    });
  });

  it('moves a failed renewal through past_due, unpaid and canceled on the retry schedule', () => {
    const simulator = simulatorAt({ scenario: { subscriptionStatus: 'active', currentPeriodEnd: at(1) } });
    simulator.failNextPayment();
    simulator.advance(1 * DAY);
    expect(simulator.getState()).toMatchObject({
      subscriptionStatus: 'past_due',
      billedFeaturesActive: true,
      currentPeriodEnd: '2026-04-11T12:00:00.000Z',
    });
    simulator.advance(14 * DAY - 1);
    expect(simulator.getState().subscriptionStatus).toBe('past_due');
    simulator.advance(1);
    expect(simulator.getState()).toMatchObject({ subscriptionStatus: 'unpaid', billedFeaturesActive: false });
    simulator.advance(14 * DAY - 1);
    expect(simulator.getState().subscriptionStatus).toBe('unpaid');
    simulator.advance(1);
    expect(simulator.getState()).toMatchObject({
      subscriptionStatus: 'canceled',
      billedFeaturesActive: false,
      currentPeriodEnd: at(29),
    });
    simulator.advance(365 * DAY);
    expect(simulator.getState()).toMatchObject({
      subscriptionStatus: 'canceled',
      billedFeaturesActive: false,
    });
    expect(simulatorSchedule).toMatchObject({ unpaidAfterDays: 14, canceledAfterDays: 28 });
  });

  it('fails the first charge at the end of a trial, too', async () => {
    const simulator = simulatorAt({ scenario: 'trialEndingSoon' });
    simulator.failNextPayment();
    simulator.advance(2 * DAY);
    expect(simulator.getState()).toMatchObject({
      subscriptionStatus: 'past_due',
      trialEndsAt: null,
      billedFeaturesActive: true,
    });
  });

  it('fails only the next payment', () => {
    const simulator = simulatorAt({ scenario: { subscriptionStatus: 'active', currentPeriodEnd: at(1) } });
    simulator.failNextPayment();
    simulator.advance(DAY);
    simulator.updateCard();
    simulator.advance(31 * DAY);
    expect(simulator.getState().subscriptionStatus).toBe('active');
  });

  it('continues the schedule of the pastDue and unpaid scenarios', () => {
    const pastDue = simulatorAt({ scenario: 'pastDue' });
    pastDue.advance(11 * DAY - 1);
    expect(pastDue.getState().subscriptionStatus).toBe('past_due');
    pastDue.advance(1);
    expect(pastDue.getState().subscriptionStatus).toBe('unpaid');

    const unpaid = simulatorAt({ scenario: 'unpaid' });
    unpaid.advance(8 * DAY - 1);
    expect(unpaid.getState().subscriptionStatus).toBe('unpaid');
    unpaid.advance(1);
    expect(unpaid.getState().subscriptionStatus).toBe('canceled');
  });

  it('keeps its own time: the base clock plus every advance', () => {
    const simulator = simulatorAt();
    simulator.advance(5 * DAY);
    expect(simulator.now().toISOString()).toBe(at(5));
    expect(() => simulator.advance(-1)).toThrow(TypeError);
    expect(() => simulator.advance(Number.NaN)).toThrow(TypeError);
  });
});

describe('createBillingSimulator: portal actions', () => {
  it('cancels at period end: canceled with access until the period ends, then none', () => {
    const simulator = simulatorAt({ scenario: 'active' });
    const end = simulator.getState().currentPeriodEnd;
    simulator.cancelSubscription();
    expect(simulator.getState()).toMatchObject({
      subscriptionStatus: 'canceled',
      billedFeaturesActive: true,
      currentPeriodEnd: end,
    });
    simulator.advance(18 * DAY - 1);
    expect(simulator.getState().billedFeaturesActive).toBe(true);
    simulator.advance(1);
    expect(simulator.getState()).toMatchObject({
      subscriptionStatus: 'canceled',
      billedFeaturesActive: false,
      currentPeriodEnd: end,
    });
    expect(() => simulator.resumeSubscription()).toThrow(/not available/);
  });

  it('resumes a subscription canceled at period end, which then renews', () => {
    const simulator = simulatorAt({ scenario: 'active' });
    simulator.cancelSubscription();
    simulator.resumeSubscription();
    expect(simulator.getState()).toMatchObject({ subscriptionStatus: 'active', billedFeaturesActive: true });
    simulator.advance(18 * DAY);
    expect(simulator.getState()).toMatchObject({
      subscriptionStatus: 'active',
      currentPeriodEnd: '2026-04-28T12:00:00.000Z',
    });
  });

  it('cancels a trial at its end, and resumes it as a trial', () => {
    const simulator = simulatorAt({ scenario: 'trialing' });
    simulator.cancelSubscription();
    expect(simulator.getState()).toMatchObject({
      subscriptionStatus: 'canceled',
      trialEndsAt: null,
      currentPeriodEnd: at(11),
      billedFeaturesActive: true,
    });
    simulator.resumeSubscription();
    expect(simulator.getState()).toMatchObject({ subscriptionStatus: 'trialing', trialEndsAt: at(11) });
  });

  it('reads a canceled state with access left as canceled at period end', () => {
    const simulator = simulatorAt({
      scenario: { subscriptionStatus: 'canceled', billedFeaturesActive: true, currentPeriodEnd: at(3) },
    });
    simulator.resumeSubscription();
    expect(simulator.getState().subscriptionStatus).toBe('active');
  });

  it('changes plan, only to a known tier and only on a live subscription', () => {
    const simulator = simulatorAt({ scenario: 'active' });
    simulator.changePlan('business');
    expect(simulator.getState()).toMatchObject({ tier: 'business', subscriptionStatus: 'active' });
    expect(() => simulator.changePlan('gold')).toThrow(/Unknown tier/);
    simulator.cancelSubscription();
    expect(() => simulator.changePlan('team')).toThrow(/not available/);
  });

  it.each(['pastDue', 'unpaid', 'paused', 'incomplete'] as const)(
    'ends %s when the card is updated',
    (scenario) => {
      const simulator = simulatorAt({ scenario });
      simulator.updateCard();
      expect(simulator.getState()).toMatchObject({
        subscriptionStatus: 'active',
        billedFeaturesActive: true,
      });
      expect(Date.parse(simulator.getState().currentPeriodEnd ?? '')).toBeGreaterThan(start.getTime());
    },
  );

  it('offers nothing to a free tenant', () => {
    const simulator = simulatorAt();
    expect(() => simulator.cancelSubscription()).toThrow(BillingError);
    expect(() => simulator.updateCard()).toThrow(BillingError);
  });
});

describe('createBillingSimulator: introspection', () => {
  it('tells listeners about each change, including a webhook landing', async () => {
    const simulator = simulatorAt();
    const listener = vi.fn();
    const unsubscribe = simulator.subscribe(listener);
    simulator.getState();
    expect(listener).not.toHaveBeenCalled();
    const { sessionId } = simulator.createCheckoutSession(checkoutInput);
    simulator.completeCheckout(sessionId);
    simulator.advance(1500);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith({
      apiKey: defaultApiKey,
      state: expect.objectContaining({ subscriptionStatus: 'trialing' }),
    });
    unsubscribe();
    simulator.cancelSubscription();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('counts requests per route, refused ones included', async () => {
    const simulator = simulatorAt();
    await call(simulator, '/me/billing/state');
    await call(simulator, '/me/billing/state', { key: null });
    await mint(simulator);
    await call(simulator, '/me/billing/portal-session', { body: portalInput });
    expect(simulator.requestCounts()).toMatchObject({
      state: 2,
      checkoutSession: 1,
      portalSession: 1,
      checkoutPage: 0,
    });
    simulator.resetRequestCounts();
    expect(simulator.requestCounts().state).toBe(0);
  });

  it('puts a tenant in a scenario now, keeping its id', async () => {
    const simulator = simulatorAt({ webhookDelayMs: 10_000 });
    const id = simulator.getState().tenantId;
    simulator.completeCheckout(simulator.createCheckoutSession(checkoutInput).sessionId);
    simulator.setScenario('pastDue');
    simulator.advance(10_000);
    expect(simulator.getState()).toMatchObject({ tenantId: id, subscriptionStatus: 'past_due' });
  });

  it('forgets everything on reset()', async () => {
    const simulator = simulatorAt({ scenario: 'active' });
    simulator.cancelSubscription();
    simulator.advance(DAY);
    await mint(simulator);
    simulator.reset();
    expect(simulator.now()).toEqual(start);
    expect(simulator.getState().subscriptionStatus).toBe('active');
    expect(simulator.listCheckoutSessions()).toEqual([]);
    expect(simulator.requestCounts().checkoutSession).toBe(0);
  });
});
