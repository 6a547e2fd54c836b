// Type-checks a host's use of the packed package's types, under Node's own module resolution
// (test/build/packed.test.ts runs tsc on it with module: nodenext after installing the tarball).
import { createServer } from 'node:http';
import {
  BillingGate,
  BillingProvider,
  BillingSettings,
  BillingStatusBanner,
  ManageButton,
  Paywall,
  PlanCard,
  PricingTable,
  UpgradeButton,
  billingQueryOptions,
  useAccess,
  usePaywall,
  mergeLabels,
  usePlanAction,
  usePlans,
  useBillingState,
  useCheckout,
  usePortal,
  type BillingLabels,
  type BillingLabelsInput,
  type BillingState,
  type PlanActionKind,
  type PlanInfo,
  type PricingTableLabelsInput,
} from '@saiku/billing-react';
import {
  BillingError,
  createProxyBackend,
  createSaikuClient,
  describeBilling,
  parseBillingState,
  type BillingBackend,
  type BillingErrorCode,
  type CheckoutSessionInput,
  type PortalSessionInput,
  type SubscriptionStatus,
  type Tier,
} from '@saiku/billing-react/core';
import { createBillingProxy, toNodeHandler } from '@saiku/billing-react/server';
import {
  billingHandlers,
  createBillingSimulator,
  createMockBackend,
  scenarios,
  type BillingSimulator,
  type ScenarioName,
} from '@saiku/billing-react/mock';
import {
  germanLabels,
  germanPaywallLabels,
  germanPricingTableLabels,
  japaneseLabels,
} from '@saiku/billing-react/locales';
import { defineBillingElements, type SaikuPlanCardElement } from '@saiku/billing-react/elements';

const tier: Tier = 'team';
const customTier: Tier = 'gold';
const status: SubscriptionStatus = '';
const code: BillingErrorCode = 'unsafe_redirect';
const checkoutInput: CheckoutSessionInput = {
  tier,
  successUrl: 'https://a.test/ok',
  cancelUrl: 'https://a.test/no',
};
const portalInput: PortalSessionInput = { returnUrl: 'https://a.test/billing' };
const scenario: ScenarioName = 'trialEndingSoon';

const simulator: BillingSimulator = createBillingSimulator({
  scenario,
  now: () => new Date(),
  webhookDelayMs: 0,
});
const mock: BillingBackend = createMockBackend(simulator);
const proxyBackend: BillingBackend = createProxyBackend({
  baseUrl: '/api/billing',
  headers: { 'X-Tenant': 'acme' },
});
const client: BillingBackend = createSaikuClient({ apiKey: 'sk_test_consumer', timeoutMs: 5_000, fetch });
const state: BillingState = parseBillingState(scenarios.active satisfies BillingState);
const description = describeBilling(state, { now: new Date(), locale: 'de-DE' });
const error = new BillingError(code, 'no', { status: 429, retryAfter: 2, cause: new Error('x') });
const errorCode: BillingErrorCode = error.code;
const proxy: (request: Request) => Promise<Response> = createBillingProxy({
  apiKey: async (request) => request.headers.get('x-key'),
  allowedOrigins: ['https://app.acme.com'],
  customer: () => ({ email: 'a@acme.com', name: 'Acme' }),
  timeoutMs: 5_000,
});
createServer(toNodeHandler(proxy));
billingHandlers(simulator, { baseUrl: '*/api/billing', apiBaseUrl: 'https://api.saiku.bi' });
simulator.failNextPayment();
simulator.advance(1_000);
simulator.completeCheckout satisfies (sessionId: string) => void;
const now: Date = simulator.now();
void [
  customTier,
  status,
  checkoutInput,
  portalInput,
  mock,
  proxyBackend,
  client,
  description.phase,
  errorCode,
  now,
];

function Custom() {
  const query = useBillingState();
  const data: BillingState | undefined = query.data;
  const queryError: BillingError | null = query.error;
  const checkout = useCheckout();
  const portal = usePortal();
  const started: Promise<void> = checkout.start({ tier: 'business' });
  const opened: Promise<void> = portal.open();
  const pending: boolean = checkout.isPending || portal.isPending;
  const failure: BillingError | null = checkout.error ?? portal.error;
  void [data, queryError, started, opened, pending, failure];
  return null;
}

export function Host() {
  return (
    <BillingProvider
      backend={proxyBackend}
      navigate={(url: string) => window.location.assign(url)}
      initialState={state}
      checkout={{
        tier: 'team',
        email: 'a@acme.com',
        name: 'Acme',
        successUrl: 'https://a.test/ok',
        cancelUrl: 'https://a.test/no',
      }}
      portal={{ returnUrl: 'https://a.test/billing' }}
      allowedRedirectHosts={['checkout.stripe.com', 'billing.stripe.com']}
      locale="en-US"
      labels={{ upgrade: 'Upgrade now' }}
    >
      <PlanCard upgradeTier="team" className="card" />
      <UpgradeButton tier="team">Upgrade</UpgradeButton>
      <UpgradeButton tier="team" asChild>
        <a href="#upgrade">Upgrade</a>
      </UpgradeButton>
      <ManageButton>Manage billing</ManageButton>
      <BillingGate fallback={<p>Locked</p>}>
        <p>Billed feature</p>
      </BillingGate>
      <BillingStatusBanner />
      <Custom />
    </BillingProvider>
  );
}

// The shipped packs are complete label sets, not partial overrides.
export const japanese: BillingLabels = japaneseLabels;

export function GermanHost() {
  return (
    <BillingProvider backend={proxyBackend} locale="de-DE" labels={germanLabels}>
      <PlanCard />
      <BillingStatusBanner />
    </BillingProvider>
  );
}

export const options = billingQueryOptions(mock);

const plans: PlanInfo[] = [
  { tier: 'team', price: { amount: 4900, currency: 'usd', interval: 'month' }, highlighted: true },
  { tier: 'enterprise', price: 'Custom', contactUrl: 'https://a.test/sales' },
];

function OwnPlanButton() {
  const { kind, start, isPending, error } = usePlanAction('team');
  const all: Array<PlanInfo & { action: PlanActionKind }> = usePlans();
  const pending: boolean = isPending;
  const failure: BillingError | null = error;
  void [all, pending, failure];
  return <button onClick={() => void start()}>{kind}</button>;
}

export function PlansHost() {
  return (
    <BillingProvider backend={proxyBackend} plans={plans}>
      <PricingTable headingLevel={2} />
      <PricingTable plans={plans} labels={{ choose: (name: string) => `Pick ${name}` }} />
      <OwnPlanButton />
    </BillingProvider>
  );
}

// The README's labels example (Quick start, step 6): a pack with a few strings of the host's own, by the
// components' one rule; and the shapes hosts already pass.
const germanWithOurs = mergeLabels(
  { ...germanLabels, pricingTable: germanPricingTableLabels },
  {
    upgrade: 'Jetzt starten',
    banner: { pastDue: 'Ihre Karte wurde abgelehnt.' },
    pricingTable: { contact: () => 'Rufen Sie uns an' },
  },
);
export const complete: BillingLabels = germanWithOurs;
export const flat: BillingLabelsInput = { upgrade: 'Upgrade now', banner: { pastDue: 'Card declined.' } };
// The table's old name for `managePlan`, deprecated, still accepted.
export const oldTableStrings: PricingTableLabelsInput = { manage: (name) => `Manage ${name}` };

export function GermanPlansHost() {
  return (
    <BillingProvider backend={proxyBackend} locale="de-DE" labels={germanWithOurs} plans={plans}>
      <BillingStatusBanner />
      <PlanCard />
      <PricingTable labels={{ choose: (name) => `${name} buchen` }} />
    </BillingProvider>
  );
}

// One tag in any admin UI (issue 29): the whole section in React, and the custom elements' types (the DOM's
// tag map, the event on document, the tags in React 19 JSX).
export function SettingsHost() {
  return (
    <BillingProvider backend={proxyBackend} plans={plans}>
      <BillingSettings sections={['plan', 'manage', 'plans']} headingLevel={3} upgradeTier="team" />
    </BillingProvider>
  );
}

export function defineOnce(): SaikuPlanCardElement | null {
  defineBillingElements({ navigate: (url) => window.location.assign(url) });
  document.addEventListener('saiku-billing-event', (event) => console.log(event.detail.type));
  const card = document.querySelector('saiku-plan-card');
  if (card) card.plans = plans;
  return card;
}

export function ElementsInReact() {
  return <saiku-billing-settings sections="plan plans" heading-level={3} plans={plans} theme="dark" />;
}

// The README's "Gate in the browser" example: plans that say what they unlock, a feature gate whose
// locked state opens the paywall, a tier read with useAccess, and the one <Paywall />.
const gatedPlans: PlanInfo[] = [
  { tier: 'starter', price: { amount: 0, currency: 'usd' } },
  { tier: 'team', price: { amount: 4900, currency: 'usd', interval: 'month' }, entitlements: ['forecasts'] },
  {
    tier: 'business',
    price: { amount: 14900, currency: 'usd', interval: 'month' },
    entitlements: ['forecasts', 'sso'],
  },
];

function UnlockForecasts() {
  const { open } = usePaywall();
  return <button onClick={() => open({ feature: 'forecasts' })}>Unlock forecasts</button>;
}

function ExportButton() {
  const { allowed } = useAccess({ tier: 'business' });
  return <button disabled={!allowed}>Export to SSO directory</button>;
}

export function GatedReportsHost() {
  return (
    <BillingProvider backend={proxyBackend} plans={gatedPlans} labels={{ paywall: germanPaywallLabels }}>
      <BillingGate feature="forecasts" fallback={<UnlockForecasts />} loading={<p>Checking your plan…</p>}>
        <p>Forecasts</p>
      </BillingGate>
      <ExportButton />
      <Paywall labels={{ title: 'Forecasts need Team' }} />
    </BillingProvider>
  );
}
