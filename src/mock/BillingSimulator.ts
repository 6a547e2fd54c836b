/** The simulator's public shape: the object `createBillingSimulator` returns and what its introspection gives. */
import type {
  BillingState,
  CheckoutSession,
  CheckoutSessionInput,
  PortalSession,
  PortalSessionInput,
  Tier,
} from '../core/types';
import type { ScenarioName } from './scenarios';

/** Where the stand-in pages are: session URLs are `{checkout}/{sessionId}` and `{portal}/{portalSessionId}`. */
export interface SimulatorPageUrls {
  checkout: string;
  portal: string;
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
