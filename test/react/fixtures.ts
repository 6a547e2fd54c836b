// Billing states at each point of the seed's lifecycle, with dates relative to now, and the seed's session bodies.
import type { BillingState } from '../../src';

export const DAY_MS = 86_400_000;

/** An ISO date `days` from now (negative: in the past). */
export function daysFromNow(days: number): string {
  return new Date(Date.now() + days * DAY_MS).toISOString();
}

/**
 * A date as the components show it: long month, UTC, in `locale` (default: the runtime's). Computed
 * with Intl, not hard-coded.
 */
export function longDate(iso: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(iso));
}

const tenantId = '81e301f2-4c1e-4a4f-9d7e-1f0c2b3a4d5e';

/** Free / pre-billing: status '', no customer, no billed features. */
export function freeState(): BillingState {
  return {
    tenantId,
    tier: 'starter',
    stripeCustomerId: null,
    subscriptionStatus: '',
    currentPeriodEnd: null,
    trialEndsAt: null,
    billedFeaturesActive: false,
  };
}

/** A Team subscription in `status`, with the given fields changed. */
export function teamState(status: string, overrides: Partial<BillingState> = {}): BillingState {
  return {
    tenantId,
    tier: 'team',
    stripeCustomerId: 'cus_Q1w2e3r4t5',
    subscriptionStatus: status,
    currentPeriodEnd: daysFromNow(18),
    trialEndsAt: null,
    billedFeaturesActive: true,
    ...overrides,
  };
}

export function trialingState(daysLeft = 10): BillingState {
  const end = daysFromNow(daysLeft);
  return teamState('trialing', { trialEndsAt: end, currentPeriodEnd: end });
}

export function activeState(): BillingState {
  return teamState('active');
}

/** The renewal failed; Stripe still retries, so access stays on. */
export function pastDueState(): BillingState {
  return teamState('past_due', { currentPeriodEnd: daysFromNow(27) });
}

/** Retries ran out: no access. */
export function unpaidState(): BillingState {
  return teamState('unpaid', { currentPeriodEnd: daysFromNow(-20), billedFeaturesActive: false });
}

/** Canceled at period end: paid up until then. */
export function canceledWithAccessState(): BillingState {
  return teamState('canceled', { currentPeriodEnd: daysFromNow(12), billedFeaturesActive: true });
}

/** Canceled and the period is over. */
export function canceledEndedState(): BillingState {
  return teamState('canceled', { currentPeriodEnd: daysFromNow(-5), billedFeaturesActive: false });
}

/** Stripe paused the subscription: the trial ended without a card. */
export function pausedState(): BillingState {
  return teamState('paused', { currentPeriodEnd: daysFromNow(9), billedFeaturesActive: false });
}

export const checkoutSessionBody = {
  url: 'https://checkout.stripe.com/c/pay/cs_test_a1b2c3',
  sessionId: 'cs_test_a1b2c3',
} as const;

export const portalSessionBody = { url: 'https://billing.stripe.com/p/session/test_a1b2c3' } as const;
