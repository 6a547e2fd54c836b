/** The shape of every string the components show; each component's English defaults live beside it in src/labels. */
import type { BillingDate, BillingDescription, BillingError, PlanPrice } from '../core';
import type { PaywallLabelsInput } from './paywallLabels';
import type { PricingTableLabelsInput } from './pricingTableLabels';
import type { BillingSettingsLabels } from './settingsLabels';

export interface BillingLabels {
  /** The upgrade button's text. @default 'Upgrade' */
  upgrade: string;
  /** The manage button's text. @default 'Manage billing' */
  manage: string;
  /** The manage button's text when the card on file failed. @default 'Update payment method' */
  updatePaymentMethod: string;
  /**
   * The manage button's text for a `paused` subscription (a trial ended without a card).
   * @default 'Add a payment method to resume'
   */
  resumeWithPaymentMethod: string;
  /**
   * The manage button's text for an `incomplete` subscription (the first payment is unfinished).
   * @default 'Finish your payment'
   */
  finishPayment: string;
  /** The plan card's accessible name. @default 'Your plan' */
  planCardTitle: string;
  /** Shown while the state loads. @default 'Loading your plan…' */
  loading: string;
  /** The retry button after a failed load. @default 'Try again' */
  retry: string;
  /** Shown after returning from Checkout until the payment is confirmed. @default 'Confirming your subscription…' */
  confirming: string;
  /** Shown when confirmation takes longer than the provider waits. */
  confirmingTimedOut: string;
  /** Shown once the payment is confirmed. @default 'Your subscription is active.' */
  confirmed: string;
  /** Offered by `ManageButton` when there is no subscription to manage yet. */
  noCustomer: string;
  /** The plan's name on the card. @default description.planName ("Team", "Free") */
  planName(description: BillingDescription): string;
  /** The status badge. */
  status(description: BillingDescription): string;
  /** The line under the plan name ("Renews on June 23, 2026"). */
  date(date: BillingDate): string;
  /** Days left in a trial. */
  trialDaysLeft(days: number): string;
  /** A plan's price with its interval, given the amount as `formatPlanPrice` wrote it ("$49/month"). */
  price(amount: string, interval: PlanPrice['interval']): string;
  /** The banner's message for each phase that needs attention. */
  banner: {
    trialEnding(days: number, date: string | null): string;
    pastDue: string;
    unpaid: string;
    paused: string;
    incomplete: string;
    canceled(date: string | null): string;
    ended(date: string | null): string;
  };
  /** What a failed action or load says to the user. */
  error(error: BillingError): string;
  /**
   * `<PricingTable>`'s strings, any of them; its English defaults live beside it, so a page without the
   * table never loads them. The locale packs export theirs separately (`germanPricingTableLabels`, …).
   */
  pricingTable?: PricingTableLabelsInput;
  /**
   * `<Paywall>`'s strings, any of them; its English defaults live beside it, and the locale packs export
   * theirs separately (`germanPaywallLabels`, …). Its plans read `pricingTable`.
   */
  paywall?: PaywallLabelsInput;
  /** `<BillingSettings>`'s headings and its invoices block, any of them (English defaults beside it). */
  settings?: Partial<BillingSettingsLabels>;
}

/**
 * The provider's `labels`: any of `BillingLabels`, sections (`banner`, `pricingTable`, `paywall`) entry by entry.
 *
 * One rule decides what each component shows, for every string: its English default (src/labels), then
 * the provider's `labels` over it, then the component's own `labels` prop over that where it has one
 * (`<PricingTable>`'s, which is the `pricingTable` section). Each layer replaces what it names, except a
 * section, which merges entry by entry (one level deep): `{ banner: { pastDue } }` keeps the other banner
 * messages. `mergeLabels(below, layer)` is that rule. To change a few of a locale pack's strings, merge them
 * over the pack with it: an object spread (`{ ...germanLabels, banner: { pastDue } }`) replaces the pack's
 * whole banner section, and its other messages fall back to English.
 * @example <BillingProvider labels={{ upgrade: 'Start now', banner: { pastDue: 'Your card was declined.' } }}>
 * @example <BillingProvider labels={{ ...germanLabels, pricingTable: germanPricingTableLabels }} locale="de-DE">
 */
export type BillingLabelsInput = Partial<Omit<BillingLabels, 'banner'>> & {
  banner?: Partial<BillingLabels['banner']>;
};
