/**
 * Plans and plan actions: the one rule that decides what a plan's button does, so no component, hook
 * or proxy ever starts a second subscription for a tenant that already has one.
 */
import { inLocale } from './intl';
import { planNameFor } from './tiers';
import type { BillingState, Tier } from './types';

/** A plan's price, as the host knows it (the API has no prices). */
export interface PlanPrice {
  /** In the currency's minor units, as Stripe's `unit_amount` (4900 = $49.00; JPY has none: 4900 = ¥4,900). */
  amount: number;
  /** An ISO 4217 code, any case ('usd', 'EUR'). */
  currency: string;
  /** What one payment buys; none for a one-off or free price. */
  interval?: 'month' | 'year';
}

/** A plan a host offers: the pricing table's card, and the name and price the plan card shows. */
export interface PlanInfo {
  /** The Saiku tier this plan checks out. */
  tier: Tier;
  /**
   * The feature keys this plan unlocks, for access checks (`canAccess`, `<BillingGate feature>`,
   * `createAccessCheck`): machine names such as `'forecasts'`. List each plan's keys in full: they are
   * not inherited from lower plans. `features` stays the list people read.
   */
  entitlements?: readonly string[];
  /** The name people read. @default the tier's display name ("Team") */
  name?: string;
  /** One line under the name. */
  description?: string;
  /** A price to format in the provider's locale, or text shown as given ("Custom", "From $99"). */
  price?: PlanPrice | string;
  /** What the plan includes, one line each. */
  features?: readonly string[];
  /** Shown as recommended. @default false */
  highlighted?: boolean;
  /** A link (sales) instead of Checkout, e.g. for enterprise. */
  contactUrl?: string;
}

/**
 * What a plan's action does for a tenant:
 * - `current`: the tenant is on this plan (nothing to buy; the Portal manages it),
 * - `contact`: a link to `contactUrl`,
 * - `portal`: the Stripe Customer Portal (plan changes, payment fixes, resuming),
 * - `checkout`: a new Stripe Checkout session.
 */
export type PlanActionKind = 'current' | 'contact' | 'portal' | 'checkout';

/** Statuses whose subscription is over: a new Checkout starts a fresh one rather than duplicating it. */
const endedStatuses: ReadonlySet<string> = new Set(['', 'canceled', 'incomplete_expired']);

/**
 * Whether the tenant has a Stripe subscription that a new Checkout would duplicate: a customer, and a
 * status that is not over. Includes `paused`, `incomplete` and any status Stripe adds later.
 */
export function hasSubscription(state: BillingState): boolean {
  return state.stripeCustomerId !== null && !endedStatuses.has(state.subscriptionStatus);
}

/** Whether a plan costs nothing: a price of 0 minor units. */
export function isFreePlan(plan: PlanInfo): boolean {
  return typeof plan.price === 'object' && plan.price.amount === 0;
}

/**
 * What a plan's action does for this tenant, in order: `current` when the tenant's subscription is on
 * the plan's tier (or it has none and the plan is free); `contact` when the plan has a `contactUrl`;
 * `portal` when the tenant has a subscription; `checkout` otherwise.
 */
export function planAction(state: BillingState, plan: PlanInfo): PlanActionKind {
  const subscribed = hasSubscription(state);
  if (subscribed ? plan.tier === state.tier : isFreePlan(plan)) return 'current';
  if (plan.contactUrl) return 'contact';
  return subscribed ? 'portal' : 'checkout';
}

/** A plan's display name, as every component shows it: its own `name`, else its tier's ("team" → "Team"). */
export function planTitle(plan: PlanInfo): string {
  return plan.name ?? planNameFor(plan.tier);
}

/** The plan the tenant is on among `plans`: the first whose action is `current`. */
export function currentPlan(state: BillingState, plans: readonly PlanInfo[]): PlanInfo | undefined {
  return plans.find((plan) => planAction(state, plan) === 'current');
}

/**
 * A plan's price for people: an amount in minor units formatted with `Intl.NumberFormat` in `locale`
 * (whole amounts without decimals: "$49", "49 €", "￥4,900"); a string price as given.
 * Throws `TypeError` for an amount that is not a finite number or a currency `Intl` does not know.
 */
export function formatPlanPrice(price: PlanPrice | string, locale?: string): string {
  if (typeof price === 'string') return price;
  const { amount, currency } = price;
  if (!Number.isFinite(amount)) {
    throw new TypeError(`A plan price's amount must be a finite number of minor units, got ${amount}.`);
  }
  const options = { style: 'currency', currency } as const;
  let format: Intl.NumberFormat;
  try {
    // A bad locale tag falls back to the runtime's; a bad currency is the host's mistake.
    format = inLocale((tag) => new Intl.NumberFormat(tag, options), locale);
  } catch (error) {
    throw new TypeError(`"${currency}" is not an ISO 4217 currency code.`, { cause: error });
  }
  // Stripe counts in the currency's minor unit, which Intl knows (2 for USD and EUR, 0 for JPY).
  const value = amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2);
  // Whole amounts without decimals by minimumFractionDigits, not trailingZeroDisplay: Chrome before 106
  // and Firefox before 116 ignore that ("$49.00", and a server's "$49" would not hydrate there).
  if (Number.isInteger(value)) {
    format = new Intl.NumberFormat(format.resolvedOptions().locale, { ...options, minimumFractionDigits: 0 });
  }
  return format.format(value);
}
