/** An in-memory model of the Saiku Billing API with Stripe's subscription lifecycle and a clock you can move. */
import type { BillingState } from '../core/types';
import { applyScenario, resolveScenario } from './applyScenario';
import type {
  BillingSimulator,
  SimulatorChange,
  SimulatorPageUrls,
  SimulatorRoute,
} from './BillingSimulator';
import type { Tenant } from './lifecycle';
import { settle } from './lifecycle';
import { changePlan, cancel, resume, updateCard } from './portalActions';
import { routeRequest } from './routeRequest';
import {
  completeCheckout,
  describeCheckout,
  describePortal,
  mintCheckout,
  mintPortal,
  type CheckoutRecord,
  type PortalRecord,
  type SimulatorContext,
} from './sessions';
import { createScenario, type ScenarioName } from './scenarios';

/**
 * The API key of "the default tenant": `getState()` without a key, `createMockBackend`, and
 * `billingHandlers`' proxy routes.
 */
export const defaultApiKey = 'sk_test_simulator';

/**
 * Where session URLs point unless `publicUrl` is set: Stripe's own hosts and paths, shaped as Saiku
 * answers them, so a provider's default `allowedRedirectHosts` accepts them in tests and stories.
 * `simulator.fetch` serves the stand-in pages at these paths too; a browser cannot open them there.
 */
export const defaultPageUrls = {
  checkout: 'https://checkout.stripe.com/c/pay',
  portal: 'https://billing.stripe.com/p/session',
} as const;

/** How long after a completed Checkout Saiku's state changes, as its webhook arrives. */
export const defaultWebhookDelayMs = 1500;

export interface BillingSimulatorOptions {
  /**
   * Where every new tenant starts: a scenario name, or a partial state laid over the scenario
   * that matches its `subscriptionStatus` (missing dates and the customer are filled in).
   * @default 'free'
   * @example createBillingSimulator({ scenario: { subscriptionStatus: 'active', tier: 'business' } })
   */
  scenario?: ScenarioName | Partial<BillingState>;
  /** The base clock; `advance()` adds to it. @default () => new Date() */
  now?: () => Date;
  /** How long after payment Saiku's state changes (the Stripe webhook's delay). @default 1500 */
  webhookDelayMs?: number;
  /**
   * The absolute URL under which a browser can really open the stand-in pages (the demo, real-browser
   * tests): session URLs become `{publicUrl}/checkout/{sessionId}` and `{publicUrl}/portal/{portalSessionId}`,
   * and the pages' forms post there. Include a path when the simulator is mounted under one.
   * @default undefined: Stripe-shaped URLs (in `simulator.pages`), which the default redirect allowlist accepts
   * @example 'http://127.0.0.1:5173/__saiku'
   */
  publicUrl?: string;
}

const routes: readonly SimulatorRoute[] = [
  'state',
  'checkoutSession',
  'portalSession',
  'checkoutPage',
  'checkoutAction',
  'portalPage',
  'portalAction',
];

export function createBillingSimulator(options: BillingSimulatorOptions = {}): BillingSimulator {
  const baseClock = options.now ?? (() => new Date());
  const webhookDelayMs = options.webhookDelayMs ?? defaultWebhookDelayMs;
  if (!Number.isFinite(webhookDelayMs) || webhookDelayMs < 0) {
    throw new TypeError('webhookDelayMs must be a finite number of milliseconds, 0 or more.');
  }
  const initialScenario = options.scenario ?? 'free';
  const publicUrl = options.publicUrl === undefined ? null : checkPublicUrl(options.publicUrl);
  const pages: SimulatorPageUrls =
    publicUrl === null
      ? { ...defaultPageUrls }
      : { checkout: `${publicUrl}/checkout`, portal: `${publicUrl}/portal` };
  // Fail at creation, not at the first request, for a misspelt scenario.
  resolveScenario(initialScenario, baseClock().getTime());

  let offsetMs = 0;
  let tenantSeq = 0;
  let sessionSeq = 0;
  const tenants = new Map<string, Tenant>();
  const listeners = new Set<(change: SimulatorChange) => void>();

  const clock = (): number => baseClock().getTime() + offsetMs;

  /** The tenant for a key, created from the initial scenario on first use; not yet settled. */
  function ensureTenant(apiKey: string): Tenant {
    let tenant = tenants.get(apiKey);
    if (!tenant) {
      tenantSeq += 1;
      tenant = {
        apiKey,
        seq: tenantSeq,
        state: createScenario('free'),
        hadTrial: false,
        failNext: false,
        dunningStart: null,
        canceledFrom: null,
        webhooks: [],
      };
      applyScenario(tenant, initialScenario, simulatedTenantId(tenantSeq), clock());
      tenants.set(apiKey, tenant);
    }
    return tenant;
  }

  /** Runs a change on a tenant (after settling it) and tells listeners if its state changed. */
  function mutate<T>(apiKey: string, change: (tenant: Tenant) => T): T {
    const tenant = ensureTenant(apiKey);
    const before = JSON.stringify(tenant.state);
    try {
      settle(tenant, clock());
      const result = change(tenant);
      settle(tenant, clock());
      return result;
    } finally {
      // Also after a refused change: the clock may have moved the state before the refusal.
      if (JSON.stringify(tenant.state) !== before) notify(tenant);
    }
  }

  function notify(tenant: Tenant): void {
    for (const listener of [...listeners]) {
      try {
        listener({ apiKey: tenant.apiKey, state: { ...tenant.state } });
      } catch (error) {
        // One failing listener must not stop the others or the simulator; the error still surfaces.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  const context: SimulatorContext = {
    pages,
    webhookDelayMs,
    checkouts: new Map<string, CheckoutRecord>(),
    portals: new Map<string, PortalRecord>(),
    counts: zeroCounts(),
    clock,
    nextId(prefix) {
      sessionSeq += 1;
      return `${prefix}${sessionSeq}${Math.random().toString(36).slice(2, 10).padEnd(8, '0')}`;
    },
    mutate,
  };
  const { checkouts, portals, counts } = context;

  // The default tenant exists from the start, so advance() before the first read moves it too.
  // Other tenants start at their first request, in the scenario dated from that moment.
  ensureTenant(defaultApiKey);

  return {
    publicUrl,
    pages,
    webhookDelayMs,
    async fetch(input, init) {
      // A bad URL rejects with fetch's TypeError: it is the caller's mistake.
      const request = input instanceof Request && init === undefined ? input : new Request(input, init);
      return routeRequest(context, request);
    },
    getState(apiKey = defaultApiKey) {
      return mutate(apiKey, (tenant) => ({ ...tenant.state }));
    },
    completeCheckout(sessionId) {
      counts.checkoutAction += 1;
      completeCheckout(context, sessionId);
    },
    failNextPayment(apiKey = defaultApiKey) {
      mutate(apiKey, (tenant) => {
        tenant.failNext = true;
      });
    },
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0)
        throw new TypeError('advance(ms) needs a finite number of milliseconds, 0 or more.');
      offsetMs += ms;
      for (const apiKey of tenants.keys()) mutate(apiKey, () => undefined);
    },
    now() {
      return new Date(clock());
    },
    createCheckoutSession(input, apiKey = defaultApiKey) {
      counts.checkoutSession += 1;
      return mintCheckout(context, input, apiKey);
    },
    createPortalSession(input, apiKey = defaultApiKey) {
      counts.portalSession += 1;
      return mintPortal(context, input, apiKey);
    },
    setScenario(scenario, apiKey = defaultApiKey) {
      mutate(apiKey, (tenant) => applyScenario(tenant, scenario, tenant.state.tenantId, clock()));
    },
    changePlan(tier, apiKey = defaultApiKey) {
      mutate(apiKey, (tenant) => changePlan(tenant, tier));
    },
    updateCard(apiKey = defaultApiKey) {
      mutate(apiKey, (tenant) => updateCard(tenant, clock()));
    },
    cancelSubscription(apiKey = defaultApiKey) {
      mutate(apiKey, cancel);
    },
    resumeSubscription(apiKey = defaultApiKey) {
      mutate(apiKey, resume);
    },
    listCheckoutSessions() {
      return [...checkouts.values()].map((record) => describeCheckout(record, clock()));
    },
    listPortalSessions() {
      return [...portals.values()].map((record) => describePortal(record, clock()));
    },
    requestCounts() {
      return { ...counts };
    },
    resetRequestCounts() {
      zero(counts);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    reset() {
      tenants.clear();
      checkouts.clear();
      portals.clear();
      zero(counts);
      offsetMs = 0;
      tenantSeq = 0;
      ensureTenant(defaultApiKey);
    },
  };
}

function zeroCounts(): Record<SimulatorRoute, number> {
  const counts = {} as Record<SimulatorRoute, number>;
  zero(counts);
  return counts;
}

function zero(counts: Record<SimulatorRoute, number>): void {
  for (const route of routes) counts[route] = 0;
}

function checkPublicUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`publicUrl must be an absolute URL, got "${value}".`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new TypeError('publicUrl must be an http(s) URL.');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function simulatedTenantId(seq: number): string {
  return `00000000-5a1c-4000-8000-${seq.toString(16).padStart(12, '0')}`;
}
