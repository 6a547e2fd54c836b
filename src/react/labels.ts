/** Every string the components show, in English by default; the provider's `labels` prop overrides any of them. */
import type { BillingDate, BillingDescription, BillingError, PlanPrice } from '../core';
import { humanize } from '../core/tiers';
import type { PricingTableLabels } from './pricingTableLabels';

export interface BillingLabels {
  /** The upgrade button's text. @default 'Upgrade' */
  upgrade: string;
  /** The manage button's text. @default 'Manage billing' */
  manage: string;
  /** The manage button's text when the card on file failed. @default 'Update payment method' */
  updatePaymentMethod: string;
  /** The manage button's text for a `paused` subscription (a trial ended without a card). @default 'Add a payment method to resume' */
  resumeWithPaymentMethod: string;
  /** The manage button's text for an `incomplete` subscription (the first payment is unfinished). @default 'Finish your payment' */
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
  pricingTable?: Partial<PricingTableLabels>;
}

const statusNames: Record<string, string> = {
  free: 'Free',
  trialing: 'Trial',
  active: 'Active',
  past_due: 'Past due',
  unpaid: 'Unpaid',
  canceled: 'Canceled',
};

export const defaultLabels: BillingLabels = {
  upgrade: 'Upgrade',
  manage: 'Manage billing',
  updatePaymentMethod: 'Update payment method',
  resumeWithPaymentMethod: 'Add a payment method to resume',
  finishPayment: 'Finish your payment',
  planCardTitle: 'Your plan',
  loading: 'Loading your plan…',
  retry: 'Try again',
  confirming: 'Confirming your subscription…',
  confirmingTimedOut:
    'Your payment is still being confirmed. This page will show it once it arrives; refresh in a minute.',
  confirmed: 'Your subscription is active.',
  noCustomer: 'There is no subscription to manage yet. Choose a plan to start one.',
  planName: (d) => d.planName,
  status: (d) => statusNames[d.phase] ?? (humanize(d.status) || 'Unknown'),
  date: (date) => {
    switch (date.kind) {
      case 'renews':
        return `Renews on ${date.formatted}`;
      case 'trial_ends':
        return `Trial ends on ${date.formatted}`;
      case 'access_ends':
        return `Access ends on ${date.formatted}`;
      case 'access_ended':
        return `Access ended on ${date.formatted}`;
      case 'period_ends':
        return `Current period ends on ${date.formatted}`;
    }
  },
  trialDaysLeft: (days) => (days === 1 ? '1 day left in your trial' : `${days} days left in your trial`),
  price: (amount, interval) =>
    interval === 'month' ? `${amount}/month` : interval === 'year' ? `${amount}/year` : amount,
  banner: {
    trialEnding: (days, date) =>
      `Your trial ends ${days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`}${date ? ` (${date})` : ''}. Add a payment method to keep billed features.`,
    pastDue: 'Your last payment failed. Update your payment method to keep access to billed features.',
    unpaid: 'Billed features are paused because payments failed. Update your payment method to restore them.',
    paused:
      'Your trial ended without a payment method, so your subscription is paused. Add one to resume it.',
    incomplete: 'Your first payment is not finished yet. Finish it to start your subscription.',
    canceled: (date) =>
      `Your subscription is canceled. Access ends${date ? ` on ${date}` : ' at the end of the period'}.`,
    ended: (date) =>
      `Your subscription ended${date ? ` on ${date}` : ''}. Choose a plan to restore billed features.`,
  },
  error: (error) => {
    switch (error.code) {
      case 'unauthorized':
        return 'You are not allowed to manage billing. Sign in again or ask an administrator.';
      case 'no_customer':
        return 'There is no subscription to manage yet.';
      case 'already_subscribed':
        return 'You already have a subscription. Change your plan in the billing portal.';
      case 'invalid_request':
        return `The billing request was refused: ${error.message}`;
      case 'rate_limited':
        return `Too many billing requests. Try again${error.retryAfter ? ` in ${error.retryAfter} seconds` : ' shortly'}.`;
      case 'upstream':
        return 'The billing service is having trouble. Try again shortly.';
      case 'network':
        return 'Could not reach the billing service. Check your connection and try again.';
      case 'timeout':
        return 'The billing service took too long to answer. Try again.';
      case 'invalid_response':
        return 'The billing service sent an answer this page cannot read.';
      case 'unsafe_redirect':
        return 'This page refused to open the billing link because it does not point at a trusted billing site.';
    }
  },
};

/** The payment fix a `needsPaymentMethod` description asks for, as the manage button's text. */
export function paymentFixLabel(labels: BillingLabels, description: BillingDescription): string {
  if (description.status === 'paused') return labels.resumeWithPaymentMethod;
  if (description.status === 'incomplete') return labels.finishPayment;
  return labels.updatePaymentMethod;
}

/** Labels the host may override partially; `banner` entries merge one by one. */
export type BillingLabelsInput = Partial<Omit<BillingLabels, 'banner'>> & {
  banner?: Partial<BillingLabels['banner']>;
};

export function mergeLabels(labels: BillingLabelsInput | undefined): BillingLabels {
  if (!labels) return defaultLabels;
  return { ...defaultLabels, ...labels, banner: { ...defaultLabels.banner, ...labels.banner } };
}
