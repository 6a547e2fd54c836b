/** An in-memory model of the Saiku Billing API with Stripe's subscription lifecycle and a clock you can move. */
import { BillingError } from '../core/BillingError';
import { parseBillingState } from '../core/parse';
import type {
  BillingState,
  CheckoutSession,
  CheckoutSessionInput,
  PortalSession,
  PortalSessionInput,
  Tier,
} from '../core/types';
import {
  pageResponse,
  renderCheckoutPage,
  renderMessagePage,
  renderPortalPage,
  type PortalActions,
} from './pages';
import { createScenario, scenarioNames, type ScenarioName } from './scenarios';
import { DAY_MS, MINUTE_MS, addMonths, iso } from './time';
import { isKnownTier, readCheckoutInput, readPortalInput, simulatorTiers } from './validateInput';

/** The API key of "the default tenant": `getState()` without a key, `createMockBackend`, `billingHandlers`' proxy routes. */
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

/** Where the stand-in pages are: session URLs are `{checkout}/{sessionId}` and `{portal}/{portalSessionId}`. */
export interface SimulatorPageUrls {
  checkout: string;
  portal: string;
}

/** How long after a completed Checkout Saiku's state changes, as its webhook arrives. */
export const defaultWebhookDelayMs = 1500;

/** The simulated timings: Stripe's defaults, or the usual smart-retry settings where Stripe lets you choose. */
export const simulatorSchedule = {
  /** The free trial a tenant gets on its first completed Checkout. */
  trialDays: 14,
  /** A Checkout session URL stops working this long after it was minted. */
  checkoutSessionTtlMs: 30 * MINUTE_MS,
  /** A Portal session URL stops working this long after it was minted. */
  portalSessionTtlMs: 30 * MINUTE_MS,
  /** `past_due` becomes `unpaid` this many days after the failed charge (retries exhausted). */
  unpaidAfterDays: 14,
  /** `unpaid` becomes `canceled` this many days after the failed charge. */
  canceledAfterDays: 28,
} as const;

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
   * @default undefined: Stripe-shaped URLs (`defaultPageUrls`), which the default redirect allowlist accepts
   * @example 'http://127.0.0.1:5173/__saiku'
   */
  publicUrl?: string;
}

/** The routes the simulator counts requests for (see `requestCounts()`). */
export type SimulatorRoute =
  | 'state'
  | 'checkoutSession'
  | 'portalSession'
  | 'checkoutPage'
  | 'checkoutAction'
  | 'portalPage'
  | 'portalAction';

/** A Checkout session as the simulator sees it, for assertions. */
export interface SimulatedCheckoutSession {
  sessionId: string;
  url: string;
  /** The tenant that minted it. */
  apiKey: string;
  tier: Tier;
  email: string | null;
  name: string | null;
  successUrl: string;
  cancelUrl: string;
  createdAt: string;
  expiresAt: string;
  /** Stripe's Checkout session statuses. */
  status: 'open' | 'complete' | 'expired';
}

/** A Portal session as the simulator sees it, for assertions. */
export interface SimulatedPortalSession {
  id: string;
  url: string;
  apiKey: string;
  returnUrl: string;
  createdAt: string;
  expiresAt: string;
  /** `used` once any of the page's buttons was pressed. */
  status: 'open' | 'used' | 'expired';
}

/** What a `subscribe()` listener receives each time a tenant's state changes. */
export interface SimulatorChange {
  apiKey: string;
  state: BillingState;
}

export interface BillingSimulator {
  /**
   * Saiku's `/me/billing/…` paths (Bearer key required, one tenant per key) and the stand-in
   * Checkout and Portal pages. Takes a `Request`, or fetch's own arguments, so it can be passed
   * wherever a `fetch` is expected (`createSaikuClient({ fetch: simulator.fetch })`).
   */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /** A tenant's state now (a copy); no key: the default tenant. */
  getState(apiKey?: string): BillingState;
  /** What "Pay" on the stand-in Checkout page does; throws for an unknown, expired or used session. */
  completeCheckout(sessionId: string): void;
  /** The next charge (renewal or trial end) fails: `past_due`, then `unpaid`, then `canceled`. */
  failNextPayment(apiKey?: string): void;
  /** Moves the clock: webhooks land, trials end, periods renew, failed payments age. */
  advance(ms: number): void;
  /** The simulated time: the base clock plus every `advance()`. */
  now(): Date;

  /** The normalised `publicUrl` option (no trailing slash), or null for Stripe-shaped URLs. */
  readonly publicUrl: string | null;
  /** Where session URLs point: `{pages.checkout}/{sessionId}`, `{pages.portal}/{portalSessionId}`. */
  readonly pages: SimulatorPageUrls;
  /** The `webhookDelayMs` option. */
  readonly webhookDelayMs: number;
  /** `POST /me/billing/checkout-session` in memory; throws `BillingError('invalid_request')` as the API answers 400. */
  createCheckoutSession(input: CheckoutSessionInput, apiKey?: string): CheckoutSession;
  /** `POST /me/billing/portal-session` in memory; throws `BillingError('no_customer')` without a customer. */
  createPortalSession(input: PortalSessionInput, apiKey?: string): PortalSession;
  /** Puts a tenant in a scenario now, dropping its pending webhooks and flags. */
  setScenario(scenario: ScenarioName | Partial<BillingState>, apiKey?: string): void;
  /** The stand-in Portal's "Change plan"; throws when the state offers no plan change. */
  changePlan(tier: Tier, apiKey?: string): void;
  /** The stand-in Portal's "Update card": a `past_due` or `unpaid` tenant pays and is `active` again. */
  updateCard(apiKey?: string): void;
  /** The stand-in Portal's "Cancel subscription": canceled at period end, access until `currentPeriodEnd`. */
  cancelSubscription(apiKey?: string): void;
  /** The stand-in Portal's "Resume subscription": undoes a cancel at period end. */
  resumeSubscription(apiKey?: string): void;
  /** Every Checkout session minted since creation or `reset()`, oldest first. */
  listCheckoutSessions(): SimulatedCheckoutSession[];
  /** Every Portal session minted since creation or `reset()`, oldest first. */
  listPortalSessions(): SimulatedPortalSession[];
  /** Requests per route since creation or the last reset, however they came (fetch, msw, mock backend). */
  requestCounts(): Record<SimulatorRoute, number>;
  resetRequestCounts(): void;
  /** Calls `listener` after every change to a tenant's state; returns the unsubscribe function. */
  subscribe(listener: (change: SimulatorChange) => void): () => void;
  /** Forgets every tenant and session, zeroes the counts and undoes `advance()`. Listeners stay. */
  reset(): void;
}

interface PendingWebhook {
  at: number;
  apply: () => void;
}

interface Tenant {
  apiKey: string;
  /** 1 for the first tenant created, 2 for the next… (for generated ids). */
  seq: number;
  state: BillingState;
  /** Saiku grants one trial per tenant: the first completed Checkout. */
  hadTrial: boolean;
  failNext: boolean;
  /** When the failed charge happened, while `past_due` / `unpaid`. */
  dunningStart: number | null;
  /** Canceled at period end: shown as `canceled` with access until `currentPeriodEnd`; resumes to this status. */
  canceledFrom: 'trialing' | 'active' | null;
  webhooks: PendingWebhook[];
}

interface CheckoutRecord {
  sessionId: string;
  url: string;
  apiKey: string;
  input: CheckoutSessionInput;
  createdAt: number;
  expiresAt: number;
  completedAt: number | null;
}

interface PortalRecord {
  id: string;
  url: string;
  apiKey: string;
  returnUrl: string;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
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

const maxBodyBytes = 64 * 1024;

/** The scenario a partial state is laid over, by its status. */
const scenarioForStatus: Record<string, ScenarioName> = {
  '': 'free',
  trialing: 'trialing',
  active: 'active',
  past_due: 'pastDue',
  unpaid: 'unpaid',
  canceled: 'canceled',
};

export function createBillingSimulator(options: BillingSimulatorOptions = {}): BillingSimulator {
  const baseClock = options.now ?? (() => new Date());
  const webhookDelayMs = options.webhookDelayMs ?? defaultWebhookDelayMs;
  if (!Number.isFinite(webhookDelayMs) || webhookDelayMs < 0) {
    throw new RangeError('webhookDelayMs must be a finite number of milliseconds, 0 or more.');
  }
  const initialScenario = options.scenario ?? 'free';
  const publicUrl = options.publicUrl === undefined ? null : normalisePublicUrl(options.publicUrl);
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
  const checkouts = new Map<string, CheckoutRecord>();
  const portals = new Map<string, PortalRecord>();
  const listeners = new Set<(change: SimulatorChange) => void>();
  let counts = zeroCounts();

  const clock = (): number => baseClock().getTime() + offsetMs;

  // ---- tenants and their lifecycle ---------------------------------------------------------

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
      applyScenario(tenant, initialScenario, simulatedTenantId(tenantSeq));
      tenants.set(apiKey, tenant);
    }
    return tenant;
  }

  /** The tenant for a key, brought up to the current time. */
  function tenantFor(apiKey: string): Tenant {
    return mutate(apiKey, (tenant) => tenant);
  }

  function applyScenario(
    tenant: Tenant,
    scenario: ScenarioName | Partial<BillingState>,
    tenantId: string,
  ): void {
    const now = clock();
    const state = resolveScenario(scenario, now);
    const explicitTenantId = typeof scenario === 'object' && scenario.tenantId !== undefined;
    if (!explicitTenantId) state.tenantId = tenantId;
    tenant.state = state;
    tenant.hadTrial = state.subscriptionStatus !== '';
    tenant.failNext = false;
    tenant.webhooks = [];
    const end = state.currentPeriodEnd === null ? null : Date.parse(state.currentPeriodEnd);
    // Canceled with access left is a cancel at period end; settle() ends the access when that period is over.
    tenant.canceledFrom =
      state.subscriptionStatus === 'canceled' && state.billedFeaturesActive && end !== null ? 'active' : null;
    tenant.dunningStart = inferDunningStart(state, end, now);
  }

  /** Applies everything due by now, in time order: webhooks, trial ends, renewals, dunning, period ends. */
  function settle(tenant: Tenant): void {
    const now = clock();
    // A safety bound, never reached in practice: a year of monthly renewals is 12 steps.
    for (let step = 0; step < 100_000; step += 1) {
      const event = nextEvent(tenant);
      if (!event || event.at > now) return;
      event.run();
    }
  }

  function nextEvent(tenant: Tenant): { at: number; run: () => void } | null {
    const candidates: { at: number; run: () => void }[] = [];
    const webhook = tenant.webhooks[0];
    if (webhook) {
      candidates.push({
        at: webhook.at,
        run: () => {
          tenant.webhooks.shift();
          webhook.apply();
        },
      });
    }
    const state = tenant.state;
    const end = dateOrNull(state.currentPeriodEnd);
    const status = state.subscriptionStatus;
    if (tenant.canceledFrom !== null) {
      if (end !== null && state.billedFeaturesActive)
        candidates.push({ at: end, run: () => endAccess(tenant) });
    } else if (status === 'trialing') {
      const trialEnd = dateOrNull(state.trialEndsAt) ?? end;
      if (trialEnd !== null) candidates.push({ at: trialEnd, run: () => charge(tenant, trialEnd) });
    } else if (status === 'active') {
      if (end !== null) candidates.push({ at: end, run: () => charge(tenant, end) });
    } else if (status === 'past_due' && tenant.dunningStart !== null) {
      const at = tenant.dunningStart + simulatorSchedule.unpaidAfterDays * DAY_MS;
      candidates.push({ at, run: () => markUnpaid(tenant) });
    } else if (status === 'unpaid' && tenant.dunningStart !== null) {
      const at = tenant.dunningStart + simulatorSchedule.canceledAfterDays * DAY_MS;
      candidates.push({ at, run: () => cancelForNonPayment(tenant, at) });
    }
    let first: { at: number; run: () => void } | null = null;
    for (const candidate of candidates) if (first === null || candidate.at < first.at) first = candidate;
    return first;
  }

  /** A trial end or renewal: Stripe charges the card and starts the next monthly period. */
  function charge(tenant: Tenant, at: number): void {
    const state = tenant.state;
    state.trialEndsAt = null;
    state.currentPeriodEnd = iso(addMonths(at, 1));
    state.billedFeaturesActive = true;
    if (tenant.failNext) {
      tenant.failNext = false;
      tenant.dunningStart = at;
      state.subscriptionStatus = 'past_due';
    } else {
      state.subscriptionStatus = 'active';
    }
  }

  function markUnpaid(tenant: Tenant): void {
    tenant.state.subscriptionStatus = 'unpaid';
    tenant.state.billedFeaturesActive = false;
  }

  function cancelForNonPayment(tenant: Tenant, at: number): void {
    tenant.dunningStart = null;
    tenant.state.subscriptionStatus = 'canceled';
    tenant.state.billedFeaturesActive = false;
    tenant.state.currentPeriodEnd = iso(at);
  }

  function endAccess(tenant: Tenant): void {
    tenant.canceledFrom = null;
    tenant.state.billedFeaturesActive = false;
  }

  /** Runs a change on a tenant (after settling it) and tells listeners if its state changed. */
  function mutate<T>(apiKey: string, change: (tenant: Tenant) => T): T {
    const tenant = ensureTenant(apiKey);
    const before = JSON.stringify(tenant.state);
    try {
      settle(tenant);
      const result = change(tenant);
      settle(tenant);
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

  function read(apiKey: string): BillingState {
    return mutate(apiKey, (tenant) => ({ ...tenant.state }));
  }

  // ---- sessions ------------------------------------------------------------------------------

  function nextId(prefix: string): string {
    sessionSeq += 1;
    return `${prefix}${sessionSeq}${Math.random().toString(36).slice(2, 10).padEnd(8, '0')}`;
  }

  function mintCheckout(input: unknown, apiKey: string): CheckoutSession {
    const valid = readCheckoutInput(input);
    tenantFor(apiKey);
    const now = clock();
    const sessionId = nextId('cs_test_sim');
    const url = `${pages.checkout}/${sessionId}`;
    checkouts.set(sessionId, {
      sessionId,
      url,
      apiKey,
      input: valid,
      createdAt: now,
      expiresAt: now + simulatorSchedule.checkoutSessionTtlMs,
      completedAt: null,
    });
    return { url, sessionId };
  }

  function mintPortal(input: unknown, apiKey: string): PortalSession {
    const valid = readPortalInput(input);
    const tenant = tenantFor(apiKey);
    if (tenant.state.stripeCustomerId === null) {
      throw new BillingError(
        'no_customer',
        'This tenant has never completed Checkout, so there is no Stripe customer to manage. Create a checkout session first.',
        { status: 409 },
      );
    }
    const now = clock();
    const id = nextId('bps_test_sim');
    const url = `${pages.portal}/${id}`;
    portals.set(id, {
      id,
      url,
      apiKey,
      returnUrl: valid.returnUrl,
      createdAt: now,
      expiresAt: now + simulatorSchedule.portalSessionTtlMs,
      usedAt: null,
    });
    return { url };
  }

  function checkoutStatus(record: CheckoutRecord): SimulatedCheckoutSession['status'] {
    if (record.completedAt !== null) return 'complete';
    return clock() >= record.expiresAt ? 'expired' : 'open';
  }

  function portalStatus(record: PortalRecord): SimulatedPortalSession['status'] {
    if (record.usedAt !== null) return 'used';
    return clock() >= record.expiresAt ? 'expired' : 'open';
  }

  function complete(sessionId: string): void {
    const record = checkouts.get(sessionId);
    if (!record)
      throw new BillingError('invalid_request', `No checkout session ${sessionId}.`, { status: 404 });
    const status = checkoutStatus(record);
    if (status === 'complete') {
      throw new BillingError('invalid_request', `Checkout session ${sessionId} was already completed.`, {
        status: 410,
      });
    }
    if (status === 'expired') {
      throw new BillingError('invalid_request', `Checkout session ${sessionId} has expired.`, {
        status: 410,
      });
    }
    mutate(record.apiKey, (tenant) => {
      const at = clock();
      record.completedAt = at;
      // Stripe decides at payment time; Saiku hears of it when the webhook lands.
      const trial = !tenant.hadTrial;
      tenant.hadTrial = true;
      const customer = tenant.state.stripeCustomerId ?? `cus_sim${tenant.seq}`;
      const tier = record.input.tier;
      tenant.webhooks.push({
        at: at + webhookDelayMs,
        apply: () => {
          const state = tenant.state;
          state.stripeCustomerId = customer;
          state.tier = tier;
          state.billedFeaturesActive = true;
          tenant.canceledFrom = null;
          tenant.dunningStart = null;
          if (trial) {
            const trialEnd = iso(at + simulatorSchedule.trialDays * DAY_MS);
            state.subscriptionStatus = 'trialing';
            state.trialEndsAt = trialEnd;
            state.currentPeriodEnd = trialEnd;
          } else {
            state.subscriptionStatus = 'active';
            state.trialEndsAt = null;
            state.currentPeriodEnd = iso(addMonths(at, 1));
          }
        },
      });
      tenant.webhooks.sort((a, b) => a.at - b.at);
    });
  }

  // ---- the portal's actions --------------------------------------------------------------------

  function portalActions(tenant: Tenant): PortalActions {
    const status = tenant.state.subscriptionStatus;
    const canceling = tenant.canceledFrom !== null;
    return {
      changePlan: !canceling && (status === 'trialing' || status === 'active' || status === 'past_due'),
      updateCard: tenant.state.stripeCustomerId !== null,
      cancel: !canceling && (status === 'trialing' || status === 'active'),
      resume: canceling,
    };
  }

  function unavailable(what: string, tenant: Tenant): BillingError {
    const status =
      tenant.canceledFrom !== null ? 'canceled at period end' : tenant.state.subscriptionStatus || 'free';
    return new BillingError(
      'invalid_request',
      `${what} is not available for a subscription that is ${status}.`,
      { status: 409 },
    );
  }

  function changePlan(tenant: Tenant, tier: string): void {
    if (!isKnownTier(tier)) {
      throw new BillingError(
        'invalid_request',
        `Unknown tier "${tier.slice(0, 40)}". Known tiers: ${simulatorTiers.join(', ')}.`,
        {
          status: 400,
        },
      );
    }
    if (!portalActions(tenant).changePlan) throw unavailable('Changing plan', tenant);
    tenant.state.tier = tier;
  }

  function updateCard(tenant: Tenant): void {
    if (!portalActions(tenant).updateCard) throw unavailable('Updating the card', tenant);
    // The new card works: a failure armed with failNextPayment() no longer happens.
    tenant.failNext = false;
    const state = tenant.state;
    if (state.subscriptionStatus === 'past_due' || state.subscriptionStatus === 'unpaid') {
      // Stripe retries the open invoice with the new card at once, and it succeeds.
      const now = clock();
      state.subscriptionStatus = 'active';
      state.billedFeaturesActive = true;
      state.trialEndsAt = null;
      tenant.dunningStart = null;
      const end = dateOrNull(state.currentPeriodEnd);
      if (end === null || end <= now) state.currentPeriodEnd = iso(addMonths(now, 1));
    }
  }

  function cancel(tenant: Tenant): void {
    if (!portalActions(tenant).cancel) throw unavailable('Canceling', tenant);
    const state = tenant.state;
    tenant.canceledFrom = state.subscriptionStatus === 'trialing' ? 'trialing' : 'active';
    // A trial canceled at period end ends with the trial.
    state.currentPeriodEnd = state.trialEndsAt ?? state.currentPeriodEnd;
    state.trialEndsAt = null;
    state.subscriptionStatus = 'canceled';
    state.billedFeaturesActive = true;
  }

  function resume(tenant: Tenant): void {
    if (!portalActions(tenant).resume || tenant.canceledFrom === null) throw unavailable('Resuming', tenant);
    const state = tenant.state;
    state.subscriptionStatus = tenant.canceledFrom;
    if (tenant.canceledFrom === 'trialing') state.trialEndsAt = state.currentPeriodEnd;
    state.billedFeaturesActive = true;
    tenant.canceledFrom = null;
  }

  // ---- HTTP ------------------------------------------------------------------------------------

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname.replace(/\/+$/, '');
    const api = /\/me\/billing\/(state|checkout-session|portal-session)$/.exec(path);
    if (api) return handleApi(api[1] ?? '', request);
    const checkout = /\/(?:checkout|c\/pay)\/([A-Za-z0-9_]+)(?:\/(pay|cancel))?$/.exec(path);
    if (checkout) return handleCheckoutPage(checkout[1] ?? '', checkout[2] ?? null, request);
    const portal =
      /\/(?:portal|p\/session)\/([A-Za-z0-9_]+)(?:\/(change-plan|update-card|cancel|resume|return))?$/.exec(
        path,
      );
    if (portal) return handlePortalPage(portal[1] ?? '', portal[2] ?? null, request);
    return jsonError(404, 'not_found', `The billing simulator has no route ${path || '/'}.`);
  }

  async function handleApi(route: string, request: Request): Promise<Response> {
    const name: SimulatorRoute =
      route === 'state' ? 'state' : route === 'checkout-session' ? 'checkoutSession' : 'portalSession';
    counts[name] += 1;
    const method = name === 'state' ? 'GET' : 'POST';
    if (request.method !== method) {
      return jsonError(405, 'method_not_allowed', `Use ${method} for /me/billing/${route}.`, {
        Allow: method,
      });
    }
    const apiKey = bearerKey(request);
    if (apiKey === null) {
      return jsonError(401, 'unauthorized', 'Send your Saiku API key as "Authorization: Bearer <key>".', {
        'WWW-Authenticate': 'Bearer',
      });
    }
    try {
      if (name === 'state') return json(read(apiKey));
      const body = await readJsonBody(request);
      return json(name === 'checkoutSession' ? mintCheckout(body, apiKey) : mintPortal(body, apiKey));
    } catch (error) {
      if (error instanceof BillingError) return jsonError(error.status ?? 400, error.code, error.message);
      throw error;
    }
  }

  async function handleCheckoutPage(
    sessionId: string,
    action: string | null,
    request: Request,
  ): Promise<Response> {
    counts[action === null ? 'checkoutPage' : 'checkoutAction'] += 1;
    const expected = action === null ? 'GET' : 'POST';
    if (request.method !== expected) return methodNotAllowed(expected);
    const record = checkouts.get(sessionId);
    if (!record) return notFound('checkout');
    const back = { href: record.input.cancelUrl, label: 'Return to the app' };
    if (action === 'cancel') return redirect(record.input.cancelUrl);
    const status = checkoutStatus(record);
    if (status === 'expired') {
      return message(
        410,
        'This checkout session has expired',
        'Checkout links work for 30 minutes. Start again from the app.',
        back,
      );
    }
    if (status === 'complete') {
      return message(
        410,
        'This checkout session is complete',
        'It was already paid: each checkout link works once.',
        {
          href: record.input.successUrl,
          label: 'Return to the app',
        },
      );
    }
    if (action === 'pay') {
      complete(sessionId);
      return redirect(record.input.successUrl);
    }
    const tenant = tenantFor(record.apiKey);
    const html = renderCheckoutPage({
      actionBase: record.url,
      tier: record.input.tier,
      email: record.input.email ?? null,
      name: record.input.name ?? null,
      trial: !tenant.hadTrial,
      trialDays: simulatorSchedule.trialDays,
    });
    return pageResponse(html, {
      formOrigins: [
        originOf(record.url),
        originOf(record.input.successUrl),
        originOf(record.input.cancelUrl),
      ],
    });
  }

  async function handlePortalPage(id: string, action: string | null, request: Request): Promise<Response> {
    counts[action === null ? 'portalPage' : 'portalAction'] += 1;
    const expected = action === null ? 'GET' : 'POST';
    if (request.method !== expected) return methodNotAllowed(expected);
    const record = portals.get(id);
    if (!record) return notFound('portal');
    const back = { href: record.returnUrl, label: 'Return to the app' };
    const status = portalStatus(record);
    if (status === 'expired') {
      return message(
        410,
        'This portal session has expired',
        'Portal links work for 30 minutes. Open the portal again from the app.',
        back,
      );
    }
    if (status === 'used') {
      return message(
        410,
        'This portal session has ended',
        'Each portal link works once. Open the portal again from the app.',
        back,
      );
    }
    if (action === null) {
      const tenant = tenantFor(record.apiKey);
      const html = renderPortalPage({
        actionBase: record.url,
        state: tenant.state,
        now: new Date(clock()),
        canceling: tenant.canceledFrom !== null,
        actions: portalActions(tenant),
        tiers: simulatorTiers,
      });
      return pageResponse(html, { formOrigins: [originOf(record.url), originOf(record.returnUrl)] });
    }
    const form = new URLSearchParams(await readBody(request));
    try {
      mutate(record.apiKey, (tenant) => {
        if (action === 'change-plan') changePlan(tenant, form.get('tier') ?? '');
        else if (action === 'update-card') updateCard(tenant);
        else if (action === 'cancel') cancel(tenant);
        else if (action === 'resume') resume(tenant);
      });
    } catch (error) {
      if (!(error instanceof BillingError)) throw error;
      return message(error.status ?? 400, 'That did not work', error.message, {
        href: record.url,
        label: 'Back to the portal',
      });
    }
    record.usedAt = clock();
    return redirect(record.returnUrl);
  }

  // ---- the object ------------------------------------------------------------------------------

  // The default tenant exists from the start, so advance() before the first read moves it too.
  // Other tenants start at their first request, in the scenario dated from that moment.
  ensureTenant(defaultApiKey);

  return {
    publicUrl,
    pages,
    webhookDelayMs,
    async fetch(input, init) {
      // A bad URL rejects with fetch's TypeError, outside the try: it is the caller's mistake.
      const request = input instanceof Request && init === undefined ? input : new Request(input, init);
      try {
        return await handle(request);
      } catch (error) {
        if (error instanceof BillingError && error.status === 413)
          return jsonError(413, error.code, error.message);
        return jsonError(500, 'internal_error', `The billing simulator failed: ${String(error)}`);
      }
    },
    getState(apiKey = defaultApiKey) {
      return read(apiKey);
    },
    completeCheckout(sessionId) {
      counts.checkoutAction += 1;
      complete(sessionId);
    },
    failNextPayment(apiKey = defaultApiKey) {
      mutate(apiKey, (tenant) => {
        tenant.failNext = true;
      });
    },
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0)
        throw new RangeError('advance(ms) needs a finite number of milliseconds, 0 or more.');
      offsetMs += ms;
      for (const apiKey of tenants.keys()) mutate(apiKey, () => undefined);
    },
    now() {
      return new Date(clock());
    },
    createCheckoutSession(input, apiKey = defaultApiKey) {
      counts.checkoutSession += 1;
      return mintCheckout(input, apiKey);
    },
    createPortalSession(input, apiKey = defaultApiKey) {
      counts.portalSession += 1;
      return mintPortal(input, apiKey);
    },
    setScenario(scenario, apiKey = defaultApiKey) {
      mutate(apiKey, (tenant) => applyScenario(tenant, scenario, tenant.state.tenantId));
    },
    changePlan(tier, apiKey = defaultApiKey) {
      mutate(apiKey, (tenant) => changePlan(tenant, tier));
    },
    updateCard(apiKey = defaultApiKey) {
      mutate(apiKey, updateCard);
    },
    cancelSubscription(apiKey = defaultApiKey) {
      mutate(apiKey, cancel);
    },
    resumeSubscription(apiKey = defaultApiKey) {
      mutate(apiKey, resume);
    },
    listCheckoutSessions() {
      return [...checkouts.values()].map((record) => ({
        sessionId: record.sessionId,
        url: record.url,
        apiKey: record.apiKey,
        tier: record.input.tier,
        email: record.input.email ?? null,
        name: record.input.name ?? null,
        successUrl: record.input.successUrl,
        cancelUrl: record.input.cancelUrl,
        createdAt: iso(record.createdAt),
        expiresAt: iso(record.expiresAt),
        status: checkoutStatus(record),
      }));
    },
    listPortalSessions() {
      return [...portals.values()].map((record) => ({
        id: record.id,
        url: record.url,
        apiKey: record.apiKey,
        returnUrl: record.returnUrl,
        createdAt: iso(record.createdAt),
        expiresAt: iso(record.expiresAt),
        status: portalStatus(record),
      }));
    },
    requestCounts() {
      return { ...counts };
    },
    resetRequestCounts() {
      counts = zeroCounts();
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
      counts = zeroCounts();
      offsetMs = 0;
      tenantSeq = 0;
      ensureTenant(defaultApiKey);
    },
  };
}

// ---- helpers ---------------------------------------------------------------------------------------

function zeroCounts(): Record<SimulatorRoute, number> {
  const counts = {} as Record<SimulatorRoute, number>;
  for (const route of routes) counts[route] = 0;
  return counts;
}

function normalisePublicUrl(value: string): string {
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

function dateOrNull(value: string | null): number | null {
  if (value === null) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/** A named scenario at `now`, or a partial state laid over the scenario its status names. */
function resolveScenario(scenario: ScenarioName | Partial<BillingState>, now: number): BillingState {
  if (typeof scenario === 'string') {
    if (!scenarioNames.includes(scenario)) {
      throw new TypeError(`Unknown billing scenario "${scenario}". Known: ${scenarioNames.join(', ')}.`);
    }
    return createScenario(scenario, new Date(now));
  }
  if (typeof scenario !== 'object' || scenario === null) {
    throw new TypeError('scenario must be a scenario name or a partial BillingState.');
  }
  const status = scenario.subscriptionStatus ?? '';
  const base = createScenario(
    Object.hasOwn(scenarioForStatus, status) ? (scenarioForStatus[status] ?? 'free') : 'free',
    new Date(now),
  );
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(scenario)) if (value !== undefined) merged[key] = value;
  // A trial given only by its end: the period ends with it.
  if (
    status === 'trialing' &&
    typeof scenario.trialEndsAt === 'string' &&
    scenario.currentPeriodEnd === undefined
  ) {
    merged.currentPeriodEnd = scenario.trialEndsAt;
  }
  return parseBillingState(merged);
}

/** Where a `past_due` or `unpaid` tenant is on the retry schedule, from the period the failed charge began. */
function inferDunningStart(state: BillingState, end: number | null, now: number): number | null {
  const status = state.subscriptionStatus;
  if (status !== 'past_due' && status !== 'unpaid') return null;
  const failedAt = end === null ? null : addMonths(end, -1);
  const unpaidAfter = simulatorSchedule.unpaidAfterDays * DAY_MS;
  const canceledAfter = simulatorSchedule.canceledAfterDays * DAY_MS;
  if (status === 'past_due') {
    return failedAt !== null && failedAt <= now && failedAt > now - unpaidAfter ? failedAt : now;
  }
  return failedAt !== null && failedAt <= now - unpaidAfter && failedAt > now - canceledAfter
    ? failedAt
    : now - unpaidAfter;
}

function bearerKey(request: Request): string | null {
  const header = request.headers.get('Authorization');
  const match = header === null ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

async function readBody(request: Request): Promise<string> {
  const declared = Number(request.headers.get('Content-Length') ?? '0');
  if (declared > maxBodyBytes) throw tooLarge();
  const text = await request.text();
  if (new TextEncoder().encode(text).length > maxBodyBytes) throw tooLarge();
  return text;
}

function tooLarge(): BillingError {
  return new BillingError('invalid_request', `The request body is larger than ${maxBodyBytes} bytes.`, {
    status: 413,
  });
}

async function readJsonBody(request: Request): Promise<unknown> {
  const text = await readBody(request);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BillingError('invalid_request', 'The request body is not valid JSON.', { status: 400 });
  }
}

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers },
  });
}

function jsonError(
  status: number,
  error: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return json({ error, message }, status, headers);
}

/** 303 See Other to the host's URL as it gave it (percent-encoded only if a header cannot carry it). */
function redirect(location: string): Response {
  const value = /^[\x21-\x7e]+$/.test(location) ? location : new URL(location).href;
  return new Response(null, {
    status: 303,
    headers: { Location: value, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' },
  });
}

function originOf(url: string): string {
  return new URL(url).origin;
}

function message(
  status: number,
  title: string,
  text: string,
  link?: { href: string; label: string },
): Promise<Response> {
  return pageResponse(renderMessagePage({ title, message: text, ...(link ? { link } : {}) }), {
    status,
    formOrigins: [],
  });
}

function notFound(kind: 'checkout' | 'portal'): Promise<Response> {
  return message(
    404,
    `Unknown ${kind} session`,
    `This ${kind} link does not exist in this simulator (it may have been reset).`,
  );
}

function methodNotAllowed(allowed: string): Promise<Response> {
  const html = renderMessagePage({ title: 'Method not allowed', message: `Use ${allowed} here.` });
  return pageResponse(html, { status: 405, formOrigins: [], headers: { Allow: allowed } });
}
