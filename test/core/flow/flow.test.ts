// @vitest-environment jsdom
// The trip to Stripe and back, driven without React: the flow over a scripted backend (the transport
// interface, where the network would be), with the page's address, sessionStorage and pageshow as a
// browser has them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BillingError, type BillingBackend, type BillingState, type PlanInfo } from '../../../src/core';
import type { BillingEvent } from '../../../src/core/flow/BillingEvent';
import { freeState } from '../fixtures';
import {
  createBillingFlow,
  type BillingFlow,
  type BillingFlowOptions,
} from '../../../src/core/flow/billingFlow';
import { startAction, type FlowIntent } from '../../../src/core/flow/startAction';

const checkoutUrl = 'https://checkout.stripe.com/c/pay/cs_test_1';
const portalUrl = 'https://billing.stripe.com/p/session/test_1';
const free = freeState;
const team: BillingState = {
  ...free,
  tier: 'team',
  stripeCustomerId: 'cus_1',
  subscriptionStatus: 'active',
  currentPeriodEnd: '2027-01-06T00:00:00.000Z',
  billedFeaturesActive: true,
};

type Answer<T> = () => Promise<T>;
const ok =
  <T>(value: T): Answer<T> =>
  () =>
    Promise.resolve(value);
const fail =
  (code: BillingError['code']): Answer<never> =>
  () =>
    Promise.reject(new BillingError(code, code));

interface Harness {
  flow: BillingFlow;
  events: BillingEvent[];
  navigate: ReturnType<typeof vi.fn<(url: string) => void>>;
  calls: { checkout: unknown[]; portal: unknown[]; stateReads: number; fetches: number };
  answers: {
    state: Answer<BillingState>;
    fetch: Answer<BillingState>;
    checkout: Answer<{ url: string; sessionId: string }>;
    portal: Answer<{ url: string }>;
  };
  /** What the page shows, as react-query's cache would hold it. */
  shown: BillingState | undefined;
}

function harness(overrides: Partial<BillingFlowOptions> = {}): Harness {
  const h: Harness = {
    events: [],
    navigate: vi.fn<(url: string) => void>(),
    calls: { checkout: [], portal: [], stateReads: 0, fetches: 0 },
    answers: {
      state: ok(free),
      fetch: ok(free),
      checkout: ok({ url: checkoutUrl, sessionId: 'cs_test_1' }),
      portal: ok({ url: portalUrl }),
    },
    shown: undefined,
    flow: undefined as unknown as BillingFlow,
  };
  const backend: BillingBackend = {
    getState: () => h.answers.fetch(),
    createCheckoutSession: (input) => {
      h.calls.checkout.push(input);
      return h.answers.checkout();
    },
    createPortalSession: (input) => {
      h.calls.portal.push(input);
      return h.answers.portal();
    },
  };
  h.flow = createBillingFlow({
    backend,
    navigate: h.navigate,
    allowedRedirectHosts: ['checkout.stripe.com', 'billing.stripe.com'],
    checkout: { tier: 'team' },
    portal: {},
    peekState: () => h.shown,
    fetchState: async () => {
      h.calls.fetches += 1;
      h.shown = await h.answers.fetch();
      h.flow.learn(h.shown, true);
      return h.shown;
    },
    showState: (state) => {
      h.shown = state;
    },
    onEvent: (event) => h.events.push(event),
    syncTabs: false,
    ...overrides,
  });
  return h;
}

/** The state the page shows, fetched (as `ensureQueryData` does) when a click asks. */
const reader = (h: Harness) => async () => {
  h.calls.stateReads += 1;
  h.shown = await h.answers.state();
  return h.shown;
};
const go = (h: Harness, intent: FlowIntent, source = 'button') =>
  startAction(h.flow, intent, { source, readState: reader(h) });
const call = (h: Harness, source = 'button') => h.flow.getSnapshot().calls[source];
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const backFromStripe = () => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));

beforeEach(() => {
  window.history.replaceState(null, '', '/settings/billing?tab=plan');
  sessionStorage.clear();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('going to Checkout', () => {
  it('mints one session with marked URLs, reports checkout_started, and navigates', async () => {
    const h = harness();
    const unmount = h.flow.mount();
    void go(h, { kind: 'checkout', input: { tier: 'business' } });
    await vi.waitFor(() => expect(h.navigate).toHaveBeenCalledWith(checkoutUrl));
    expect(h.calls.checkout).toEqual([
      {
        tier: 'business',
        successUrl: 'http://localhost:3000/settings/billing?tab=plan&saiku_checkout=success',
        cancelUrl: 'http://localhost:3000/settings/billing?tab=plan&saiku_checkout=canceled',
      },
    ]);
    expect(h.events).toEqual([{ type: 'checkout_started', tier: 'business' }]);
    unmount();
  });

  it('is pending from the click, before the state is read, until the page comes back', async () => {
    const h = harness();
    const unmount = h.flow.mount();
    let answerState: (state: BillingState) => void = () => {};
    h.answers.state = () => new Promise((resolve) => (answerState = resolve));
    void go(h, { kind: 'checkout' });
    // Nothing fetched yet: the click waits for the state, and says so.
    expect(call(h)?.pending).toBe(true);
    answerState(free);
    h.answers.state = ok(free);
    await vi.waitFor(() => expect(h.navigate).toHaveBeenCalledOnce());
    // Stripe's page is loading: this page is still here, and a second click mints nothing.
    expect(call(h)?.pending).toBe(true);
    await go(h, { kind: 'checkout' });
    await settle();
    expect(h.calls.checkout).toHaveLength(1);

    backFromStripe();
    await vi.waitFor(() => expect(call(h)?.pending).toBe(false));
    void go(h, { kind: 'checkout' });
    await vi.waitFor(() => expect(h.calls.checkout).toHaveLength(2));
    unmount();
  });

  it('ends pending after a bounded time when the page stays (a navigation that did not leave)', async () => {
    vi.useFakeTimers();
    const h = harness({ leaveTimeoutMs: 5_000 });
    void go(h, { kind: 'checkout' });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.navigate).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(4_999);
    expect(call(h)?.pending).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(call(h)).toEqual({ source: 'button', error: null, pending: false });
  });

  it('holds one lock per caller: another caller may act, the same one may not', async () => {
    const h = harness();
    void go(h, { kind: 'checkout' }, 'upgrade');
    void go(h, { kind: 'checkout' }, 'upgrade');
    void go(h, { kind: 'portal' }, 'manage');
    await vi.waitFor(() => expect(h.navigate).toHaveBeenCalledTimes(2));
    expect(h.calls.checkout).toHaveLength(1);
    expect(h.calls.portal).toHaveLength(1);
  });

  it('sends a tenant that has a subscription to the Portal, never a second Checkout', async () => {
    const h = harness();
    h.answers.state = ok(team);
    await startAction(
      h.flow,
      { kind: 'checkout', input: { tier: 'business' } },
      { source: 'b', readState: reader(h) },
    );
    expect(h.calls.checkout).toEqual([]);
    expect(h.calls.portal).toEqual([
      { returnUrl: 'http://localhost:3000/settings/billing?tab=plan&saiku_portal=return' },
    ]);
    expect(h.events).toEqual([{ type: 'portal_opened' }]);
  });

  it("already_subscribed goes to the Portal with the Portal's bookkeeping: event and snapshot", async () => {
    const h = harness();
    h.answers.checkout = fail('already_subscribed');
    h.shown = free;
    void go(h, { kind: 'checkout' });
    await vi.waitFor(() => expect(h.navigate).toHaveBeenCalledWith(portalUrl));
    expect(h.events).toEqual([{ type: 'checkout_started', tier: 'team' }, { type: 'portal_opened' }]);
    expect(JSON.parse(sessionStorage.getItem('saiku-billing:portal-left') ?? 'null')).toEqual(free);
    expect(call(h)?.error).toBeNull();
  });

  it('no_customer on the Portal the rule chose leads to Checkout; asked for directly, it is the error', async () => {
    const ruled = harness();
    ruled.answers.state = ok(team);
    ruled.answers.portal = fail('no_customer');
    void go(ruled, { kind: 'checkout' });
    await vi.waitFor(() => expect(ruled.navigate).toHaveBeenCalledWith(checkoutUrl));
    expect(ruled.calls.portal).toHaveLength(1);

    const asked = harness();
    asked.answers.portal = fail('no_customer');
    const onError = vi.fn();
    await startAction(
      asked.flow,
      { kind: 'portal' },
      { source: 'manage', readState: reader(asked), onError },
    );
    expect(call(asked, 'manage')?.error?.code).toBe('no_customer');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'no_customer' }));
    expect(asked.calls.checkout).toEqual([]);
    expect(asked.navigate).not.toHaveBeenCalled();
  });

  it('refuses a session URL off the allowed hosts: no navigation, a typed error, the lock released', async () => {
    const h = harness();
    h.answers.checkout = ok({ url: 'https://checkout.stripe.com.evil.test/x', sessionId: 'cs' });
    const onNavigate = vi.fn();
    await startAction(h.flow, { kind: 'checkout' }, { source: 'button', readState: reader(h), onNavigate });
    expect(h.navigate).not.toHaveBeenCalled();
    expect(onNavigate).not.toHaveBeenCalled();
    expect(call(h)).toEqual({ source: 'button', pending: false, error: expect.any(BillingError) });
    expect(call(h)?.error?.code).toBe('unsafe_redirect');
  });

  it('goes ahead with Checkout when the state cannot be read (the proxy has the last word)', async () => {
    const h = harness();
    h.answers.state = fail('upstream');
    void go(h, { kind: 'checkout' });
    await vi.waitFor(() => expect(h.navigate).toHaveBeenCalledWith(checkoutUrl));
  });

  it('opens a new tab inside the click for target _blank, and is done once it is pointed', async () => {
    const h = harness();
    const tab = { opener: {}, location: { href: '' }, close: vi.fn() };
    const open = vi.spyOn(window, 'open').mockReturnValue(tab as unknown as Window);
    const done = go(h, { kind: 'portal', target: '_blank' });
    expect(open).toHaveBeenCalledWith('', '_blank');
    await done;
    expect(tab.location.href).toBe(portalUrl);
    expect(tab.opener).toBeNull();
    expect(h.navigate).not.toHaveBeenCalled();
    expect(call(h)?.pending).toBe(false);
  });
});

describe('a plan action, by the one rule', () => {
  const plans: Record<string, PlanInfo> = {
    starter: { tier: 'starter', price: { amount: 0, currency: 'usd' } },
    team: { tier: 'team', price: { amount: 4900, currency: 'usd', interval: 'month' } },
    enterprise: { tier: 'enterprise', contactUrl: 'https://acme.example/sales' },
  };

  it.each<[string, BillingState, string, string]>([
    ['a free tenant, a paid plan', free, 'team', 'checkout'],
    ['a free tenant, the free plan', free, 'starter', 'nothing'],
    ['a free tenant, a contact plan', free, 'enterprise', 'contact'],
    ['a subscriber, its own plan', team, 'team', 'portal'],
    ['a subscriber, another plan', team, 'starter', 'portal'],
    ['a subscriber, a contact plan', team, 'enterprise', 'contact'],
  ])('%s: %s %s → %s', async (_label, state, tier, expected) => {
    const h = harness();
    h.answers.state = ok(state);
    await go(h, { kind: 'plan', plan: plans[tier] as PlanInfo });
    const went = {
      checkout: h.calls.checkout.length,
      portal: h.calls.portal.length,
      contact: h.navigate.mock.calls.filter(([url]) => url === 'https://acme.example/sales').length,
    };
    expect(went).toEqual({
      checkout: expected === 'checkout' ? 1 : 0,
      portal: expected === 'portal' ? 1 : 0,
      contact: expected === 'contact' ? 1 : 0,
    });
  });
});

describe('coming back', () => {
  it('confirms a Checkout: polls until access, reports once (mounted twice), drops the markers', async () => {
    vi.useFakeTimers();
    window.history.replaceState(null, '', '/settings/billing?tab=plan&saiku_checkout=success');
    const h = harness();
    const answers = [free, free, team];
    h.answers.fetch = () => Promise.resolve(answers.shift() ?? team);
    expect(h.flow.getSnapshot().checkoutReturn).toBe('confirming');
    expect(h.flow.getServerSnapshot().checkoutReturn).toBe('idle');
    // StrictMode mounts, unmounts and mounts again.
    h.flow.mount()();
    const unmount = h.flow.mount();
    await vi.dynamicImportSettled();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.calls.fetches).toBe(1);
    expect(window.location.search).toContain('saiku_checkout=success');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.calls.fetches).toBe(2);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(h.calls.fetches).toBe(3);
    expect(h.flow.getSnapshot().checkoutReturn).toBe('confirmed');
    expect(h.events).toEqual([
      { type: 'state_changed', state: team, previous: free },
      { type: 'checkout_completed', state: team },
    ]);
    expect(window.location.search).toBe('?tab=plan');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.calls.fetches).toBe(3);
    unmount();
  });

  it('gives up confirming after about 30 s: checkout_unconfirmed, once', async () => {
    vi.useFakeTimers();
    window.history.replaceState(null, '', '/?saiku_checkout=success');
    const h = harness();
    const unmount = h.flow.mount();
    await vi.dynamicImportSettled();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(h.flow.getSnapshot().checkoutReturn).toBe('timed_out');
    expect(h.events).toEqual([{ type: 'checkout_unconfirmed' }]);
    const polls = h.calls.fetches;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(h.calls.fetches).toBe(polls);
    unmount();
  });

  it('reports a canceled Checkout once and drops the marker', async () => {
    window.history.replaceState(null, '', '/billing?saiku_checkout=canceled');
    const h = harness();
    h.flow.mount()();
    const unmount = h.flow.mount();
    await vi.waitFor(() => expect(window.location.search).toBe(''));
    expect(h.events).toEqual([{ type: 'checkout_canceled' }]);
    unmount();
  });

  it('back from the Portal, reports what changed, even when only a date did', async () => {
    vi.useFakeTimers();
    sessionStorage.setItem('saiku-billing:portal-left', JSON.stringify(team));
    window.history.replaceState(null, '', '/billing?saiku_portal=return');
    const renewed = { ...team, currentPeriodEnd: '2027-02-06T00:00:00.000Z' };
    const answers = [team, renewed];
    const h = harness();
    h.answers.fetch = () => Promise.resolve(answers.shift() ?? renewed);
    const unmount = h.flow.mount();
    await vi.dynamicImportSettled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.events).toEqual([
      { type: 'state_changed', state: renewed, previous: team },
      { type: 'portal_returned', state: renewed, changed: true },
    ]);
    expect(sessionStorage.getItem('saiku-billing:portal-left')).toBeNull();
    expect(window.location.search).toBe('');
    unmount();
  });

  it('a form route that came back rate limited is no trip: no event, the error until the next action', async () => {
    window.history.replaceState(null, '', '/billing?saiku_checkout=canceled&billing_error=rate_limited');
    const h = harness();
    expect(h.flow.getSnapshot().returnedError).toBe('rate_limited');
    const unmount = h.flow.mount();
    await vi.waitFor(() => expect(window.location.search).toBe(''));
    expect(h.events).toEqual([]);
    expect(h.flow.getSnapshot().returnedError).toBe('rate_limited');
    void go(h, { kind: 'checkout' });
    expect(h.flow.getSnapshot().returnedError).toBeNull();
    unmount();
  });

  it("a form route's no_customer ends when the state changes", () => {
    window.history.replaceState(null, '', '/billing?billing_error=no_customer');
    const h = harness();
    h.shown = free;
    const unmount = h.flow.mount();
    h.flow.learn(free, true);
    expect(h.flow.getSnapshot().returnedError).toBe('no_customer');
    h.flow.learn(team, true);
    expect(h.flow.getSnapshot().returnedError).toBeNull();
    unmount();
  });
});

describe('what the page learns', () => {
  it.each<[string, Partial<BillingState>]>([
    ['tier', { tier: 'business' }],
    ['status', { subscriptionStatus: 'past_due' }],
    ['access', { billedFeaturesActive: false }],
    ['renewal date', { currentPeriodEnd: '2027-02-06T00:00:00.000Z' }],
    ['trial end', { trialEndsAt: '2027-01-01T00:00:00.000Z' }],
  ])('reports state_changed when the %s changes', (_field, change) => {
    const h = harness();
    h.flow.learn(team, true);
    h.flow.learn({ ...team }, true);
    expect(h.events).toEqual([]);
    const next = { ...team, ...change };
    h.flow.learn(next, true);
    expect(h.events).toEqual([{ type: 'state_changed', state: next, previous: team }]);
  });

  it("posts fetched states to the origin's other tabs and shows theirs, for its own tenant only", async () => {
    const shown: BillingState[] = [];
    const h = harness({ syncTabs: true, showState: (state) => shown.push(state) });
    h.shown = team;
    const unmount = h.flow.mount();
    const other = new BroadcastChannel('saiku-billing');
    const heard: unknown[] = [];
    other.onmessage = (message: MessageEvent) => heard.push(message.data);
    // A fetch is posted; a state written here (another tab's, echoed) is not.
    h.flow.learn({ ...team }, true);
    h.flow.learn({ ...team, tier: 'business' }, false);
    await vi.waitFor(() => expect(heard).toEqual([{ state: team }]));

    other.postMessage({ state: { ...team, tenantId: 'someone-else', tier: 'enterprise' } });
    other.postMessage({ state: { ...team, tier: 'enterprise' } });
    await vi.waitFor(() => expect(shown).toHaveLength(1));
    expect(shown).toEqual([{ ...team, tier: 'enterprise' }]);
    other.close();
    unmount();
  });
});

describe('the edges of a trip (each test pins a line the others leave free)', () => {
  it('sends the provider defaults and the caller input to Checkout, and nothing it was not given', async () => {
    const h = harness({ checkout: { tier: 'team', email: 'ana@acme.test' } });
    await go(h, { kind: 'checkout', input: { name: 'Acme', email: undefined } });
    expect(h.calls.checkout).toEqual([
      expect.objectContaining({ tier: 'team', email: 'ana@acme.test', name: 'Acme' }),
    ]);
    const bare = harness();
    await go(bare, { kind: 'checkout' });
    expect(Object.keys(bare.calls.checkout[0] as object).sort()).toEqual(['cancelUrl', 'successUrl', 'tier']);
    // One navigation, to Checkout: no contact link, no second trip.
    expect(bare.navigate.mock.calls).toEqual([[checkoutUrl]]);
  });

  it('refuses a Checkout with no plan to buy: invalid_request, no session, no event', async () => {
    const h = harness({ checkout: {} });
    await go(h, { kind: 'checkout' });
    expect(call(h)?.error?.code).toBe('invalid_request');
    expect(h.calls.checkout).toEqual([]);
    expect(h.events).toEqual([]);
  });

  it('returns from the Portal to the return URL asked for, then the provider default, then this page', async () => {
    const asked = harness({ portal: { returnUrl: 'https://app.acme.test/account' } });
    await go(asked, { kind: 'portal', input: { returnUrl: 'https://app.acme.test/billing' } });
    const fallback = harness({ portal: { returnUrl: 'https://app.acme.test/account' } });
    await go(fallback, { kind: 'portal' });
    const here = harness();
    await go(here, { kind: 'portal' });
    // The rule's Portal (a subscriber's Checkout) comes back where a canceled Checkout would.
    const ruled = harness({ checkout: { tier: 'team', cancelUrl: 'https://app.acme.test/plans' } });
    ruled.answers.state = ok(team);
    await go(ruled, { kind: 'checkout' });
    expect([asked, fallback, here, ruled].map((h) => h.calls.portal[0])).toEqual([
      { returnUrl: 'https://app.acme.test/billing?saiku_portal=return' },
      { returnUrl: 'https://app.acme.test/account?saiku_portal=return' },
      { returnUrl: 'http://localhost:3000/settings/billing?tab=plan&saiku_portal=return' },
      { returnUrl: 'https://app.acme.test/plans?saiku_portal=return' },
    ]);
  });

  it('shows any other Checkout failure as it is, without opening the Portal', async () => {
    const h = harness();
    h.answers.checkout = fail('upstream');
    await go(h, { kind: 'checkout' });
    expect(call(h)?.error?.code).toBe('upstream');
    expect(h.calls.portal).toEqual([]);
    expect(h.navigate).not.toHaveBeenCalled();
  });

  it('opens no new tab unless the Portal is asked for in one', async () => {
    const open = vi.spyOn(window, 'open');
    const h = harness();
    await go(h, { kind: 'portal' });
    await go(harness(), { kind: 'checkout' });
    expect(open).not.toHaveBeenCalled();
  });

  it('stops listening for the way back once the page is released', async () => {
    vi.useFakeTimers();
    const h = harness({ leaveTimeoutMs: 1_000 });
    const removed = vi.spyOn(window, 'removeEventListener');
    void go(h, { kind: 'checkout' });
    await vi.dynamicImportSettled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(call(h)?.pending).toBe(false);
    expect(removed).toHaveBeenCalledWith('pageshow', expect.any(Function));
  });
});

describe('the edges of a return', () => {
  it('reports portal_returned changed: false at once when nothing was kept from before', async () => {
    window.history.replaceState(null, '', '/billing?saiku_portal=return');
    const h = harness();
    h.answers.fetch = ok(team);
    const unmount = h.flow.mount();
    await vi.waitFor(() =>
      expect(h.events).toEqual([{ type: 'portal_returned', state: team, changed: false }]),
    );
    expect(h.calls.fetches).toBe(1);
    unmount();
  });

  it('gives up on the Portal after about 15 s: changed false, the snapshot dropped, polls stopped', async () => {
    vi.useFakeTimers();
    sessionStorage.setItem('saiku-billing:portal-left', JSON.stringify(team));
    window.history.replaceState(null, '', '/billing?saiku_portal=return');
    const h = harness();
    h.answers.fetch = ok(team);
    const unmount = h.flow.mount();
    await vi.dynamicImportSettled();
    await vi.advanceTimersByTimeAsync(14_000);
    expect(h.events).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.events).toEqual([{ type: 'portal_returned', state: team, changed: false }]);
    expect(sessionStorage.getItem('saiku-billing:portal-left')).toBeNull();
    expect(window.location.search).toBe('');
    const polls = h.calls.fetches;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(h.calls.fetches).toBe(polls);
    unmount();
  });

  it('takes the page’s own first fetch as the first poll: one request, not two', async () => {
    window.history.replaceState(null, '', '/billing?saiku_checkout=success');
    const h = harness();
    h.flow.learn(team, true);
    const unmount = h.flow.mount();
    await vi.waitFor(() => expect(h.events).toEqual([{ type: 'checkout_completed', state: team }]));
    expect(h.calls.fetches).toBe(0);
    unmount();
  });

  it('stops polling when the page unmounts, and starts again on the next mount', async () => {
    vi.useFakeTimers();
    window.history.replaceState(null, '', '/billing?saiku_checkout=success');
    const h = harness();
    const unmount = h.flow.mount();
    await vi.dynamicImportSettled();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.calls.fetches).toBe(1);
    unmount();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.calls.fetches).toBe(1);
    expect(h.events).toEqual([]);
    // Mounted again, it goes on from the state it fetched: the next poll a second later.
    const again = h.flow.mount();
    await vi.dynamicImportSettled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.calls.fetches).toBe(2);
    again();
  });

  it('starts no return on a page without markers', async () => {
    const h = harness();
    const unmount = h.flow.mount();
    await vi.dynamicImportSettled();
    await settle();
    expect(h.calls.fetches).toBe(0);
    expect(h.flow.getSnapshot()).toEqual({ calls: {}, checkoutReturn: 'idle', returnedError: null });
    unmount();
  });
});

describe('tabs, mounted and unmounted', () => {
  it('listens while any mount is left, only with syncTabs, for the tenant the page already shows', async () => {
    const shown: BillingState[] = [];
    const h = harness({ syncTabs: true, showState: (state) => shown.push(state) });
    h.shown = team;
    const first = h.flow.mount();
    const second = h.flow.mount();
    first();
    const other = new BroadcastChannel('saiku-billing');
    other.postMessage({ state: { ...team, tier: 'business' } });
    await vi.waitFor(() => expect(shown).toHaveLength(1));
    second();
    other.postMessage({ state: { ...team, tier: 'enterprise' } });
    await settle();
    await settle();
    expect(shown).toHaveLength(1);

    const off = harness({ syncTabs: false, showState: (state) => shown.push(state) });
    off.shown = team;
    const unmount = off.flow.mount();
    other.postMessage({ state: { ...team, tier: 'enterprise' } });
    await settle();
    await settle();
    expect(shown).toHaveLength(1);
    unmount();
    other.close();
  });

  it('posts a state once, however often it is learned', async () => {
    const h = harness({ syncTabs: true });
    const unmount = h.flow.mount();
    const other = new BroadcastChannel('saiku-billing');
    const heard: unknown[] = [];
    other.onmessage = (message: MessageEvent) => heard.push(message.data);
    const fetched = { ...team };
    h.flow.learn(fetched, true);
    h.flow.learn(fetched, true);
    await vi.waitFor(() => expect(heard).toHaveLength(1));
    await settle();
    expect(heard).toHaveLength(1);
    expect(h.flow.fetched()).toBe(fetched);
    h.flow.learn({ ...team, tier: 'business' }, false);
    expect(h.flow.fetched()).toBe(fetched);
    other.close();
    unmount();
  });
});
