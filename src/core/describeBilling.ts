/** Turns a `BillingState` into what a person reads, so every UI tells the same story. */
import { hasSubscription } from './plans';
import type { BillingState, Tier } from './types';
import { humanize } from './tiers';

/** The status as a person thinks of it; anything Stripe adds later is `unknown`. */
export type BillingPhase = 'free' | 'trialing' | 'active' | 'past_due' | 'unpaid' | 'canceled' | 'unknown';

/** What the relevant date means. */
export type BillingDateKind =
  /** Active or past due: the period renews (and is charged) on this date. */
  | 'renews'
  /** Trialing: the trial ends, and the first charge happens, on this date. */
  | 'trial_ends'
  /** Canceled but still paid up: access ends on this date. */
  | 'access_ends'
  /** Canceled: access ended on this date. */
  | 'access_ended'
  /** Any other status: the current period ends on this date. */
  | 'period_ends';

export interface BillingDate {
  kind: BillingDateKind;
  /** The instant, parsed. */
  date: Date;
  /** The ISO string the API sent. */
  iso: string;
  /** The date for people, formatted with `Intl` in the requested locale (e.g. "June 23, 2026"). */
  formatted: string;
}

export interface BillingDescription {
  phase: BillingPhase;
  tier: Tier;
  /** The plan's display name: "Team", "Enterprise", or "Free" while not subscribed. */
  planName: string;
  /** Stripe's status verbatim (empty for free). */
  status: string;
  /** The one date worth showing, or null. */
  date: BillingDate | null;
  /** Whole days left in a trial (rounded up, never negative); null outside a trial. */
  trialDaysLeft: number | null;
  /**
   * `manage` (the Portal) when the tenant `hasSubscription` or has billed features, else `upgrade`
   * (Checkout): a subscription that is not over, even `paused` or `incomplete`, is never sent to Checkout.
   */
  action: 'upgrade' | 'manage';
  /**
   * The subscription waits on a payment the user can fix in the Portal: `past_due` and `unpaid` (the
   * card failed), `paused` (a trial ended without a card) and `incomplete` (the first payment is unfinished).
   */
  needsPaymentMethod: boolean;
  /** Mirrors `billedFeaturesActive`. */
  hasAccess: boolean;
}

export interface DescribeBillingOptions {
  /** The current time, for days left and past/future dates. @default new Date() */
  now?: Date;
  /** A BCP 47 locale for dates. @default the runtime's default locale */
  locale?: string;
}

const DAY_MS = 86_400_000;

/** Statuses where Stripe holds the subscription until a payment succeeds. */
const paymentStatuses: ReadonlySet<string> = new Set(['past_due', 'unpaid', 'paused', 'incomplete']);

/** The display name of a tier: known tiers by name, unknown ones title-cased ("pro_plus" → "Pro plus"). */
export function planNameFor(tier: Tier): string {
  return humanize(tier) || tier;
}

export function phaseFor(status: string): BillingPhase {
  switch (status) {
    case '':
      return 'free';
    case 'trialing':
    case 'active':
    case 'past_due':
    case 'unpaid':
    case 'canceled':
      return status;
    default:
      return 'unknown';
  }
}

export function describeBilling(
  state: BillingState,
  options: DescribeBillingOptions = {},
): BillingDescription {
  const now = options.now ?? new Date();
  const phase = phaseFor(state.subscriptionStatus);
  const date = relevantDate(state, phase, now, options.locale);
  const trialDaysLeft =
    phase === 'trialing' && date
      ? Math.max(0, Math.ceil((date.date.getTime() - now.getTime()) / DAY_MS))
      : null;
  return {
    phase,
    tier: state.tier,
    planName: phase === 'free' ? 'Free' : planNameFor(state.tier),
    status: state.subscriptionStatus,
    date,
    trialDaysLeft,
    action: hasSubscription(state) || state.billedFeaturesActive ? 'manage' : 'upgrade',
    needsPaymentMethod: hasSubscription(state) && paymentStatuses.has(state.subscriptionStatus),
    hasAccess: state.billedFeaturesActive,
  };
}

function relevantDate(
  state: BillingState,
  phase: BillingPhase,
  now: Date,
  locale: string | undefined,
): BillingDate | null {
  switch (phase) {
    case 'free':
    case 'unpaid':
      return null;
    case 'trialing':
      return toDate('trial_ends', state.trialEndsAt ?? state.currentPeriodEnd, locale);
    case 'active':
    case 'past_due':
      return toDate('renews', state.currentPeriodEnd, locale);
    case 'canceled': {
      const end = toDate('access_ends', state.currentPeriodEnd, locale);
      if (!end) return null;
      return state.billedFeaturesActive && end.date > now ? end : { ...end, kind: 'access_ended' };
    }
    case 'unknown':
      return toDate('period_ends', state.currentPeriodEnd, locale);
  }
}

function toDate(kind: BillingDateKind, iso: string | null, locale: string | undefined): BillingDate | null {
  if (iso === null) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return { kind, date, iso, formatted: formatDate(date, locale) };
}

/** A date for people in the given locale; falls back to the runtime's locale if the tag is invalid. */
export function formatDate(date: Date, locale?: string): string {
  const options: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  };
  try {
    return new Intl.DateTimeFormat(locale, options).format(date);
  } catch {
    return new Intl.DateTimeFormat(undefined, options).format(date);
  }
}
