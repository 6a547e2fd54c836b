// The whole billing lifecycle in node, as a host runs it: the library's proxy backend → the real
// proxy (createBillingProxy) → the simulator standing in for Saiku, with the stand-in Checkout and
// Portal pages driven through their HTML forms, as a browser would post them.
import { beforeEach, describe, expect, it } from 'vitest';
import { createProxyBackend, describeBilling, type BillingBackend } from '../../src/core';
import { createBillingSimulator, type BillingSimulator } from '../../src/mock';
import { defaultApiKey } from '../../src/mock/createBillingSimulator';
import { createBillingProxy } from '../../src/server';

const DAY = 86_400_000;
const origin = 'https://app.acme.test';
const billingPage = `${origin}/settings/billing`;
const publicUrl = 'https://pages.saiku-simulator.test';

let clock: number;
let simulator: BillingSimulator;
let backend: BillingBackend;
let upstreamRequests: string[];

beforeEach(() => {
  clock = Date.parse('2026-03-01T09:00:00Z');
  simulator = createBillingSimulator({
    scenario: 'free',
    now: () => new Date(clock),
    webhookDelayMs: 1500,
    publicUrl,
  });
  upstreamRequests = [];
  const proxy = createBillingProxy({
    apiKey: defaultApiKey,
    baseUrl: 'https://api.saiku.test',
    // The simulator's stand-in Checkout and Portal pages are where its session URLs point.
    allowedRedirectHosts: [new URL(publicUrl).host],
    fetch: (input, init) => {
      const request = new Request(input, init);
      upstreamRequests.push(`${request.method} ${new URL(request.url).pathname}`);
      return simulator.fetch(request);
    },
  });
  // The browser side: same-origin requests to the proxy, as fetch in the host page sends them.
  backend = createProxyBackend({
    baseUrl: `${origin}/api/billing`,
    fetch: (input, init) => {
      const request = new Request(input, init);
      if (request.method === 'POST') request.headers.set('Origin', origin);
      return proxy(new Request(request, { headers: withSameOrigin(request.headers) }));
    },
  });
});

function withSameOrigin(headers: Headers): Headers {
  const next = new Headers(headers);
  next.set('Sec-Fetch-Site', 'same-origin');
  return next;
}

/** Loads a stand-in page and submits the form whose button has this text, as a browser would. */
async function pressOnPage(
  pageUrl: string,
  buttonText: string,
  fields: Record<string, string> = {},
): Promise<string> {
  const page = await simulator.fetch(new Request(pageUrl));
  expect(page.status).toBe(200);
  const html = await page.text();
  const forms = [...html.matchAll(/<form method="post" action="([^"]+)">([\s\S]*?)<\/form>/g)];
  const form = forms.find(([, , body]) => body?.includes(`>${buttonText}</button>`));
  if (!form?.[1]) throw new Error(`No "${buttonText}" button on ${pageUrl}`);
  const action = form[1].replaceAll('&amp;', '&');
  const answer = await simulator.fetch(
    new Request(action, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' }),
  );
  expect(answer.status).toBe(303);
  return answer.headers.get('Location') ?? '';
}

async function stateNow() {
  const state = await backend.getState();
  return { state, description: describeBilling(state, { now: new Date(clock), locale: 'en-US' }) };
}

describe('the billing lifecycle through the real proxy into the simulator', () => {
  it('free → checkout → (webhook) trialing → trial ends → active → portal cancel → access ends', async () => {
    // Free: billed features off, the action is upgrade, and manage has nothing to open.
    let { state, description } = await stateNow();
    expect(state.subscriptionStatus).toBe('');
    expect(description).toMatchObject({ phase: 'free', action: 'upgrade', hasAccess: false });
    await expect(backend.createPortalSession({ returnUrl: billingPage })).rejects.toMatchObject({
      code: 'no_customer',
      status: 409,
    });

    // Upgrade: one checkout session, on the stand-in Checkout page; "Pay" sends the browser back.
    const successUrl = `${billingPage}?saiku_checkout=success`;
    const session = await backend.createCheckoutSession({ tier: 'team', successUrl, cancelUrl: billingPage });
    expect(session.url.startsWith(`${publicUrl}/checkout/`)).toBe(true);
    expect(await pressOnPage(session.url, 'Pay')).toBe(successUrl);

    // Until Stripe's webhook reaches Saiku, the state has not changed: this is why the provider polls.
    ({ state } = await stateNow());
    expect(state.billedFeaturesActive).toBe(false);
    clock += 1500;
    ({ state, description } = await stateNow());
    expect(state).toMatchObject({ tier: 'team', subscriptionStatus: 'trialing', billedFeaturesActive: true });
    expect(state.stripeCustomerId).toMatch(/^cus_/);
    expect(description.trialDaysLeft).toBe(14);
    expect(description.date?.kind).toBe('trial_ends');

    // The single-use session cannot be paid twice.
    expect(() => simulator.completeCheckout(session.sessionId)).toThrow();

    // The clock passes the trial's end: the first charge succeeds and the subscription is active.
    clock += 15 * DAY;
    ({ state, description } = await stateNow());
    expect(state).toMatchObject({
      subscriptionStatus: 'active',
      billedFeaturesActive: true,
      trialEndsAt: null,
    });
    expect(description).toMatchObject({ phase: 'active', action: 'manage' });
    const periodEnd = state.currentPeriodEnd;
    expect(periodEnd).not.toBeNull();

    // Manage: the Portal opens; "Cancel subscription" cancels at period end and returns.
    const portal = await backend.createPortalSession({ returnUrl: billingPage });
    expect(await pressOnPage(portal.url, 'Cancel subscription')).toBe(billingPage);
    ({ state, description } = await stateNow());
    expect(state).toMatchObject({
      subscriptionStatus: 'canceled',
      billedFeaturesActive: true,
      currentPeriodEnd: periodEnd,
    });
    expect(description.date?.kind).toBe('access_ends');
    // Stripe's Portal cannot renew a canceled subscription; a new Checkout duplicates nothing.
    expect(description.action).toBe('upgrade');

    // The period ends: access ends, and the action is upgrade again.
    clock = Date.parse(periodEnd ?? '') + 1000;
    ({ state, description } = await stateNow());
    expect(state).toMatchObject({ subscriptionStatus: 'canceled', billedFeaturesActive: false });
    expect(description).toMatchObject({ phase: 'canceled', action: 'upgrade', hasAccess: false });
    expect(description.date?.kind).toBe('access_ended');

    // Only the seed's three endpoints went upstream, and each session was minted exactly once.
    expect(new Set(upstreamRequests)).toEqual(
      new Set([
        'GET /me/billing/state',
        'POST /me/billing/checkout-session',
        'POST /me/billing/portal-session',
      ]),
    );
    expect(upstreamRequests.filter((r) => r === 'POST /me/billing/checkout-session')).toHaveLength(1);
  });

  it('a second checkout after a trial goes straight to active, with a period a month ahead', async () => {
    simulator.setScenario('canceled');
    const session = await backend.createCheckoutSession({
      tier: 'business',
      successUrl: billingPage,
      cancelUrl: billingPage,
    });
    await pressOnPage(session.url, 'Pay');
    clock += 1500;
    const { state } = await stateNow();
    expect(state).toMatchObject({
      tier: 'business',
      subscriptionStatus: 'active',
      billedFeaturesActive: true,
      trialEndsAt: null,
    });
    const days = (Date.parse(state.currentPeriodEnd ?? '') - clock) / DAY;
    expect(days).toBeGreaterThanOrEqual(28);
    expect(days).toBeLessThanOrEqual(31);
  });

  it('a failed renewal goes past_due, the portal\'s "Update card" makes it active again', async () => {
    simulator.setScenario('active');
    simulator.failNextPayment();
    const before = (await stateNow()).state;
    clock = Date.parse(before.currentPeriodEnd ?? '') + 1000;
    let { state, description } = await stateNow();
    expect(state).toMatchObject({ subscriptionStatus: 'past_due', billedFeaturesActive: true });
    expect(description.needsPaymentMethod).toBe(true);

    const portal = await backend.createPortalSession({ returnUrl: billingPage });
    await pressOnPage(portal.url, 'Update card');
    ({ state, description } = await stateNow());
    expect(state).toMatchObject({ subscriptionStatus: 'active', billedFeaturesActive: true });
    expect(description.needsPaymentMethod).toBe(false);
  });

  it('cancel on Checkout changes nothing', async () => {
    const before = (await stateNow()).state;
    const session = await backend.createCheckoutSession({
      tier: 'team',
      successUrl: `${billingPage}?ok`,
      cancelUrl: billingPage,
    });
    expect(await pressOnPage(session.url, 'Cancel')).toBe(billingPage);
    clock += 10_000;
    expect((await stateNow()).state).toEqual(before);
  });
});
