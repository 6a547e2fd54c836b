// Bodies shared by the core tests, taken from the seed (../shared/billing-api.txt).
import type { BillingState } from '../../src/core';

/** The seed's sample `GET /me/billing/state` body, as it arrives over the wire. */
export const seedStateBody = {
  tenantId: '81e301f2-4c1e-4a4f-9d7e-1f0c2b3a4d5e',
  tier: 'team',
  stripeCustomerId: 'cus_Q1w2e3r4t5',
  subscriptionStatus: 'active',
  currentPeriodEnd: '2026-06-23T00:00:00Z',
  trialEndsAt: null,
  billedFeaturesActive: true,
} as const;

/** A valid state, with the given fields changed. */
export function stateWith(overrides: Partial<BillingState> = {}): BillingState {
  return { ...seedStateBody, ...overrides };
}

/** A free tenant (pre-billing): what the worked example sends to Checkout. */
export const freeState: BillingState = {
  tenantId: '81e301f2-4c1e-4a4f-9d7e-1f0c2b3a4d5e',
  tier: 'starter',
  stripeCustomerId: null,
  subscriptionStatus: '',
  currentPeriodEnd: null,
  trialEndsAt: null,
  billedFeaturesActive: false,
};

export const seedCheckoutBody = {
  url: 'https://checkout.stripe.com/c/pay/cs_test_a1b2c3',
  sessionId: 'cs_test_a1b2c3',
} as const;

export const seedPortalBody = { url: 'https://billing.stripe.com/p/session/test_a1b2c3' } as const;
