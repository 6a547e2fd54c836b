/** Turns a `BillingState` into what a person reads, so every UI tells the same story. */
import { hasSubscription } from './plans';
import type { BillingState, Tier } from './types';
import { inLocale } from './intl';
import { planNameFor } from './tiers';

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
   * `manage` (the Portal) when the tenant `hasSubscription`, else `upgrade` (Checkout): the plan rule's
   * answer (`planAction`) for the tenant's own plan. A subscription that is not over, even `paused` or
   * `incomplete`, is never sent to Checkout; a canceled one that still has access until the period ends
   * is offered Checkout, since Stripe's Portal cannot renew a canceled subscription and there is none to
   * duplicate.
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

/** The phases named after the status they stand for (`free` is the empty status). */
const namedPhases: readonly BillingPhase[] = ['trialing', 'active', 'past_due', 'unpaid', 'canceled'];

/** The kind of date each phase shows; `free` and `unpaid` show none. */
const dateKinds: Partial<Record<BillingPhase, BillingDateKind>> = {
  trialing: 'trial_ends',
  active: 'renews',
  past_due: 'renews',
  canceled: 'access_ends',
  unknown: 'period_ends',
};

export function phaseFor(status: string): BillingPhase {
  return status === '' ? 'free' : (namedPhases.find((phase) => phase === status) ?? 'unknown');
}

export function describeBilling(
  state: BillingState,
  options: DescribeBillingOptions = {},
): BillingDescription {
  const now = options.now ?? new Date();
  const status = state.subscriptionStatus;
  const phase = phaseFor(status);
  const date = relevantDate(state, phase, now, options.locale);
  const subscribed = hasSubscription(state);
  return {
    phase,
    tier: state.tier,
    planName: phase === 'free' ? 'Free' : planNameFor(state.tier),
    status,
    date,
    trialDaysLeft:
      phase === 'trialing' && date
        ? Math.max(0, Math.ceil((date.date.getTime() - now.getTime()) / DAY_MS))
        : null,
    action: subscribed ? 'manage' : 'upgrade',
    needsPaymentMethod: subscribed && paymentStatuses.has(status),
    hasAccess: state.billedFeaturesActive,
  };
}

function relevantDate(
  state: BillingState,
  phase: BillingPhase,
  now: Date,
  locale: string | undefined,
): BillingDate | null {
  const kind = dateKinds[phase];
  // A trial ends on trialEndsAt when the API sent one; everything else on the period's end.
  const iso = (phase === 'trialing' ? state.trialEndsAt : null) ?? state.currentPeriodEnd;
  if (!kind || iso === null) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return {
    // Canceled: access ends at the period's end while it is still paid up, else it has ended.
    kind: kind === 'access_ends' && !(state.billedFeaturesActive && date > now) ? 'access_ended' : kind,
    date,
    iso,
    formatted: formatDate(date, locale),
  };
}

/** A date for people in the given locale; falls back to the runtime's locale if the tag is invalid. */
export function formatDate(date: Date, locale?: string): string {
  return inLocale(
    (tag) =>
      new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
    locale,
  ).format(date);
}
