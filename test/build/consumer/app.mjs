// A separate host app using the packed package through its public imports only, as DESIGN.md's
// API section spells them. test/build/packed.test.ts installs the tarball beside this file, runs it,
// and checks what it prints (one JSON object on stdout).
import { createServer } from 'node:http';
import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';
import { QueryClient } from '@tanstack/react-query';
import {
  BillingGate,
  BillingProvider,
  BillingStatusBanner,
  ManageButton,
  PlanCard,
  PricingTable,
  UpgradeButton,
  billingQueryOptions,
  useBillingState,
  useCheckout,
  usePortal,
} from '@saiku/billing-react';
import {
  BillingError,
  createProxyBackend,
  createSaikuClient,
  describeBilling,
  hasSubscription,
  parseBillingState,
  planAction,
} from '@saiku/billing-react/core';
import { createBillingProxy, toNodeHandler } from '@saiku/billing-react/server';
import {
  billingHandlers,
  createBillingSimulator,
  createMockBackend,
  scenarios,
} from '@saiku/billing-react/mock';
import { germanLabels } from '@saiku/billing-react/locales';

const report = {};
const apiKey = 'sk_live_consumer_secret_0123456789';
const simulator = createBillingSimulator({
  scenario: 'free',
  now: () => new Date('2026-03-01T09:00:00Z'),
  webhookDelayMs: 1500,
});

// The worked example with the Bearer key, as a server script would run it.
const saiku = createSaikuClient({
  apiKey,
  baseUrl: 'https://api.saiku.test',
  fetch: (input, init) => simulator.fetch(new Request(input, init)),
});
report.saikuFree = await saiku.getState();

// The proxy, mounted on node:http exactly as a host mounts it, in front of the simulator.
const proxy = createBillingProxy({
  apiKey,
  baseUrl: 'https://api.saiku.test',
  fetch: (input, init) => simulator.fetch(new Request(input, init)),
});
const server = createServer(toNodeHandler(proxy));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
try {
  const backend = createProxyBackend({ baseUrl: `${origin}/api/billing` });
  report.proxyFree = await backend.getState();
  const session = await backend.createCheckoutSession({
    tier: 'team',
    successUrl: `${origin}/billing?ok`,
    cancelUrl: `${origin}/billing`,
  });
  report.checkoutUrl = session.url;
  simulator.completeCheckout(session.sessionId);
  simulator.advance(1500);
  report.afterCheckout = await backend.getState();
  report.portalUrl = (await backend.createPortalSession({ returnUrl: `${origin}/billing` })).url;

  // Bad input through the public server entry: each refused before anything goes upstream.
  const post = (path, body, headers = { 'Content-Type': 'application/json' }) =>
    fetch(`${origin}/api/billing/${path}`, { method: 'POST', headers, body });
  const refusals = {
    unknownTier: await post(
      'checkout-session',
      JSON.stringify({ tier: 'gold', successUrl: `${origin}/a`, cancelUrl: `${origin}/b` }),
    ),
    offOriginUrl: await post('portal-session', JSON.stringify({ returnUrl: 'https://evil.test/steal' })),
    javascriptUrl: await post('portal-session', JSON.stringify({ returnUrl: 'javascript:alert(1)' })),
    malformedJson: await post('portal-session', '{"returnUrl":'),
    notJson: await post('portal-session', 'returnUrl=x', { 'Content-Type': 'text/plain' }),
    tooLarge: await post('portal-session', JSON.stringify({ returnUrl: 'x'.repeat(20_000) })),
    crossSite: await post('portal-session', JSON.stringify({ returnUrl: `${origin}/billing` }), {
      'Content-Type': 'application/json',
      'Sec-Fetch-Site': 'cross-site',
    }),
    wrongMethod: await fetch(`${origin}/api/billing/state`, { method: 'DELETE' }),
    unknownPath: await fetch(`${origin}/api/billing/nope`),
  };
  report.refusals = {};
  for (const [name, response] of Object.entries(refusals)) {
    const text = await response.text();
    report.refusals[name] = {
      status: response.status,
      cacheControl: response.headers.get('cache-control'),
      body: text,
      leaksKey: text.includes(apiKey),
    };
  }
} finally {
  server.close();
}

// Parsing and errors from /core.
try {
  parseBillingState({ tier: 'team' });
} catch (error) {
  report.parseError = { isBillingError: error instanceof BillingError, code: error.code, name: error.name };
}
const unknown = parseBillingState({ ...scenarios.active, subscriptionStatus: 'paused' });
report.unknownStatusKept = unknown.subscriptionStatus;
report.description = describeBilling(report.afterCheckout, { now: simulator.now(), locale: 'en-US' });
const error = new BillingError('rate_limited', 'Slow down', { status: 429, retryAfter: 3 });
report.error = {
  code: error.code,
  status: error.status,
  retryAfter: error.retryAfter,
  message: error.message,
};

// The client entry, rendered on the server from initialState (no window), every component at once.
function Custom() {
  const state = useBillingState();
  const checkout = useCheckout();
  const portal = usePortal();
  return h(
    'p',
    { id: 'custom' },
    `${state.data?.tier}:${typeof checkout.start}:${typeof portal.open}:${checkout.isPending}`,
  );
}
const backend = createMockBackend(simulator);
report.queryKey = billingQueryOptions(backend).queryKey;
report.html = renderToString(
  h(
    BillingProvider,
    {
      backend,
      initialState: report.afterCheckout,
      queryClient: new QueryClient(),
      locale: 'en-US',
      navigate: () => {},
    },
    h(PlanCard, { upgradeTier: 'team' }),
    h(BillingStatusBanner),
    h(UpgradeButton, { tier: 'business' }, 'Go business'),
    h(ManageButton, null, 'Manage billing'),
    h(BillingGate, { fallback: h('p', null, 'locked') }, h('p', null, 'Billed feature')),
    h(Custom),
  ),
);
// A shipped label pack from /locales, with its locale: the card in German.
report.germanHtml = renderToString(
  h(
    BillingProvider,
    {
      backend,
      initialState: report.afterCheckout,
      queryClient: new QueryClient(),
      locale: 'de-DE',
      labels: germanLabels,
      navigate: () => {},
    },
    h(PlanCard),
  ),
);
// Plans and the plan rule: the pricing table, server-rendered for the trialing Team subscriber.
const plans = [
  { tier: 'starter', price: { amount: 0, currency: 'usd' } },
  { tier: 'team', price: { amount: 4900, currency: 'usd', interval: 'month' }, highlighted: true },
  { tier: 'business', price: { amount: 9900, currency: 'usd', interval: 'month' } },
  { tier: 'enterprise', price: 'Custom', contactUrl: 'https://acme.test/sales' },
];
report.planRule = {
  subscribed: hasSubscription(report.afterCheckout),
  actions: plans.map((plan) => planAction(report.afterCheckout, plan)),
  paused: planAction(scenarios.paused, { tier: 'business' }),
  free: planAction(scenarios.free, { tier: 'business' }),
};
report.pricingHtml = renderToString(
  h(
    BillingProvider,
    {
      backend,
      initialState: report.afterCheckout,
      queryClient: new QueryClient(),
      locale: 'en-US',
      plans,
      navigate: () => {},
    },
    h(PricingTable),
  ),
);
report.handlerCount = billingHandlers(simulator).length;
report.stylesheet = import.meta.resolve('@saiku/billing-react/styles.css');

process.stdout.write(JSON.stringify(report));
