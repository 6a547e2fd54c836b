/** The plan card's English strings (its loading and retry strings are the pricing table's too). */
import type { BillingDateKind } from '../core/describeBilling';
import { humanize } from '../core/tiers';
import { errorMessage } from './errorMessage';
import type { BillingLabels } from './types';

/** The plan card's date line, by the date's kind: "Renews on June 23, 2026". */
const dateLines: Record<BillingDateKind, string> = {
  renews: 'Renews on',
  trial_ends: 'Trial ends on',
  access_ends: 'Access ends on',
  access_ended: 'Access ended on',
  period_ends: 'Current period ends on',
};

/** A plan's price with its interval ("$49/month"): the plan card's and the pricing table's. */
export const priceLabel: BillingLabels['price'] = (amount, interval) =>
  interval ? `${amount}/${interval}` : amount;

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
  // Each phase by its own name ("Past due"), a trial as "Trial", any other status by its raw name.
  status: (d) =>
    humanize(d.phase === 'trialing' ? 'trial' : d.phase === 'unknown' ? d.status : d.phase) || 'Unknown',
  date: (date) => `${dateLines[date.kind]} ${date.formatted}`,
  trialDaysLeft: (days) => `${days} ${days === 1 ? 'day' : 'days'} left in your trial`,
  price: priceLabel,
};
