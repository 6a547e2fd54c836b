/** The plan card's English strings (its loading and retry strings are the pricing table's too). */
import { humanize } from '../core/tiers';
import { errorMessage } from './errorMessage';
import type { BillingLabels } from './types';

const statusNames: Record<string, string> = {
  free: 'Free',
  trialing: 'Trial',
  active: 'Active',
  past_due: 'Past due',
  unpaid: 'Unpaid',
  canceled: 'Canceled',
};

/** A plan's price with its interval ("$49/month"): the plan card's and the pricing table's. */
export const priceLabel: BillingLabels['price'] = (amount, interval) =>
  interval === 'month' ? `${amount}/month` : interval === 'year' ? `${amount}/year` : amount;

/** Loading and failing to load: the plan card's and the pricing table's. */
export const loadLabels: Pick<BillingLabels, 'loading' | 'retry' | 'error'> = {
  loading: 'Loading your plan…',
  retry: 'Try again',
  error: errorMessage,
};

export const planCardLabels: Pick<
  BillingLabels,
  'planCardTitle' | 'planName' | 'status' | 'date' | 'trialDaysLeft' | 'price'
> = {
  planCardTitle: 'Your plan',
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
  price: priceLabel,
};
