/** What the provider announces (and the plan card and banner show) after a return from Checkout. */
import type { BillingLabels } from './types';

export const confirmationLabels: Pick<BillingLabels, 'confirming' | 'confirmingTimedOut' | 'confirmed'> = {
  confirming: 'Confirming your subscription…',
  confirmingTimedOut:
    'Your payment is still being confirmed. This page will show it once it arrives; refresh in a minute.',
  confirmed: 'Your subscription is active.',
};
