/** `<BillingStatusBanner>`'s English messages. */
import type { BillingLabels } from './types';

export const bannerLabels: BillingLabels['banner'] = {
  trialEnding: (days, date) =>
    `Your trial ends ${days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`}` +
    `${date ? ` (${date})` : ''}. Add a payment method to keep billed features.`,
  pastDue: 'Your last payment failed. Update your payment method to keep access to billed features.',
  unpaid: 'Billed features are paused because payments failed. Update your payment method to restore them.',
  paused: 'Your trial ended without a payment method, so your subscription is paused. Add one to resume it.',
  incomplete: 'Your first payment is not finished yet. Finish it to start your subscription.',
  canceled: (date) =>
    `Your subscription is canceled. Access ends${date ? ` on ${date}` : ' at the end of the period'}.`,
  ended: (date) =>
    `Your subscription ended${date ? ` on ${date}` : ''}. Choose a plan to restore billed features.`,
};
