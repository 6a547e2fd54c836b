/**
 * A tenant's subscription lifecycle as functions of `(tenant, now)`: what the clock does to it (webhooks
 * landing, trials ending, renewals, failed payments ageing into `unpaid` and `canceled`, canceled periods
 * running out) and what a paid Checkout starts. No clock, maps or listeners of its own.
 */
import type { BillingState, Tier } from '../core/types';
import { DAY_MS, MINUTE_MS, addMonths, iso } from './time';

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

export interface PendingWebhook {
  at: number;
  apply: () => void;
}

export interface Tenant {
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

interface LifecycleEvent {
  at: number;
  run: () => void;
}

export function dateOrNull(value: string | null): number | null {
  if (value === null) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/** Applies everything due by `now`, in time order: webhooks, trial ends, renewals, dunning, period ends. */
export function settle(tenant: Tenant, now: number): void {
  // A safety bound, never reached in practice: a year of monthly renewals is 12 steps.
  for (let step = 0; step < 100_000; step += 1) {
    const event = nextEvent(tenant);
    if (!event || event.at > now) return;
    event.run();
  }
}

function nextEvent(tenant: Tenant): LifecycleEvent | null {
  const candidates: LifecycleEvent[] = [];
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
  let first: LifecycleEvent | null = null;
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

/**
 * A Checkout paid at `at`: Stripe decides the trial then, and Saiku's state changes when the webhook
 * lands `webhookDelayMs` later (a trial on the tenant's first Checkout, else an active monthly period).
 */
export function payCheckout(tenant: Tenant, tier: Tier, at: number, webhookDelayMs: number): void {
  const trial = !tenant.hadTrial;
  tenant.hadTrial = true;
  const customer = tenant.state.stripeCustomerId ?? `cus_sim${tenant.seq}`;
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
}
