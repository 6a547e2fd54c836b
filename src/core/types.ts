/** The shapes of the Saiku Billing API, as `../shared/billing-api.txt` documents them. */
import type { KnownTier } from './tiers';

/** A Saiku plan. Unknown strings are kept, so a new plan renders before this library knows it. */
export type Tier = KnownTier | (string & {});

/**
 * Stripe's subscription status, verbatim. `''` means free / pre-billing. Stripe adds
 * statuses over time (`incomplete`, `paused`, …): they are kept, never rejected.
 */
export type SubscriptionStatus =
  'trialing' | 'active' | 'past_due' | 'unpaid' | 'canceled' | '' | (string & {});

/** The body of `GET /me/billing/state`. */
export interface BillingState {
  tenantId: string;
  tier: Tier;
  stripeCustomerId: string | null;
  subscriptionStatus: SubscriptionStatus;
  /** ISO 8601; when the current billing period ends. */
  currentPeriodEnd: string | null;
  /** ISO 8601; set only while `subscriptionStatus` is `trialing`. */
  trialEndsAt: string | null;
  /** True while the tenant has access to billed features: gate your own UI on it. */
  billedFeaturesActive: boolean;
}

/** The body of `POST /me/billing/checkout-session`. */
export interface CheckoutSessionInput {
  tier: Tier;
  email?: string;
  name?: string;
  /** Absolute URL Stripe sends the user to after paying. */
  successUrl: string;
  /** Absolute URL Stripe sends the user to after abandoning Checkout. */
  cancelUrl: string;
}

/** The body of `POST /me/billing/portal-session`. */
export interface PortalSessionInput {
  /** Absolute URL the Customer Portal links back to. */
  returnUrl: string;
}

/** A one-time Stripe Checkout URL. Single use: never cache it. */
export interface CheckoutSession {
  url: string;
  sessionId: string;
}

/** A one-time Stripe Customer Portal URL. Single use: never cache it. */
export interface PortalSession {
  url: string;
}

/** Where billing data comes from: the proxy (default), the Saiku API directly (servers), or a mock. */
export interface BillingBackend {
  getState(options?: { signal?: AbortSignal }): Promise<BillingState>;
  createCheckoutSession(input: CheckoutSessionInput): Promise<CheckoutSession>;
  createPortalSession(input: PortalSessionInput): Promise<PortalSession>;
}
