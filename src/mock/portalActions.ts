/** What the stand-in Portal's buttons do to a tenant at `now`, and which of them its state offers. */
import { BillingError } from '../core/BillingError';
import { dateOrNull, type Tenant } from './lifecycle';
import type { PortalActions } from './pages';
import { addMonths, iso } from './time';
import { knownTiers } from '../core/tiers';
import { isKnownTier } from './validateInput';

/** The buttons the Portal shows for the tenant's state; the actions below refuse the others. */
export function portalActions(tenant: Tenant): PortalActions {
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
    {
      status: 409,
    },
  );
}

export function changePlan(tenant: Tenant, tier: string): void {
  if (!isKnownTier(tier)) {
    throw new BillingError(
      'invalid_request',
      `Unknown tier "${tier.slice(0, 40)}". Known tiers: ${knownTiers.join(', ')}.`,
      { status: 400 },
    );
  }
  if (!portalActions(tenant).changePlan) throw unavailable('Changing plan', tenant);
  tenant.state.tier = tier;
}

export function updateCard(tenant: Tenant, now: number): void {
  if (!portalActions(tenant).updateCard) throw unavailable('Updating the card', tenant);
  // The new card works: a failure armed with failNextPayment() no longer happens.
  tenant.failNext = false;
  const state = tenant.state;
  // Past due or unpaid: Stripe retries the open invoice with the new card at once, and it succeeds.
  // Paused (a trial ended without a card) and incomplete (the first payment unfinished): the card
  // pays the invoice that resumes or starts the subscription, as Stripe's Portal does.
  if (['past_due', 'unpaid', 'paused', 'incomplete'].includes(state.subscriptionStatus)) {
    state.subscriptionStatus = 'active';
    state.billedFeaturesActive = true;
    state.trialEndsAt = null;
    tenant.dunningStart = null;
    const end = dateOrNull(state.currentPeriodEnd);
    if (end === null || end <= now) state.currentPeriodEnd = iso(addMonths(now, 1));
  }
}

export function cancel(tenant: Tenant): void {
  if (!portalActions(tenant).cancel) throw unavailable('Canceling', tenant);
  const state = tenant.state;
  tenant.canceledFrom = state.subscriptionStatus === 'trialing' ? 'trialing' : 'active';
  // A trial canceled at period end ends with the trial.
  state.currentPeriodEnd = state.trialEndsAt ?? state.currentPeriodEnd;
  state.trialEndsAt = null;
  state.subscriptionStatus = 'canceled';
  state.billedFeaturesActive = true;
}

export function resume(tenant: Tenant): void {
  if (!portalActions(tenant).resume || tenant.canceledFrom === null) throw unavailable('Resuming', tenant);
  const state = tenant.state;
  state.subscriptionStatus = tenant.canceledFrom;
  if (tenant.canceledFrom === 'trialing') state.trialEndsAt = state.currentPeriodEnd;
  state.billedFeaturesActive = true;
  tenant.canceledFrom = null;
}
