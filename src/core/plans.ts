/** The one rule for what a plan's button does: written once here, used by components, hooks and the proxy. */
import type { BillingState } from './types';

/**
 * Whether the tenant has a Stripe subscription that a new Checkout would duplicate: it has a Stripe
 * customer and a status other than `''`, `'canceled'` or `'incomplete_expired'` (so `paused`,
 * `incomplete` and any status Stripe adds later count).
 */
export function hasSubscription(state: BillingState): boolean {
  return (
    state.stripeCustomerId !== null &&
    state.stripeCustomerId !== '' &&
    state.subscriptionStatus !== '' &&
    state.subscriptionStatus !== 'canceled' &&
    state.subscriptionStatus !== 'incomplete_expired'
  );
}
