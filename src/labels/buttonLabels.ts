/** The buttons' English strings: each button brings only its own. */
import type { BillingDescription } from '../core/describeBilling';
import { errorMessage } from './errorMessage';
import type { BillingLabels } from './types';

const manage = 'Manage billing';

export const upgradeButtonLabels: Pick<BillingLabels, 'upgrade' | 'error'> = {
  upgrade: 'Upgrade',
  error: errorMessage,
};

export const manageButtonLabels: Pick<BillingLabels, 'manage' | 'noCustomer' | 'error'> = {
  manage,
  noCustomer: 'There is no subscription to manage yet. Choose a plan to start one.',
  error: errorMessage,
};

/** The manage button's text where a payment needs fixing (plan card, banner, pricing table). */
export const paymentFixLabels: Pick<
  BillingLabels,
  'manage' | 'updatePaymentMethod' | 'resumeWithPaymentMethod' | 'finishPayment'
> = {
  manage,
  updatePaymentMethod: 'Update payment method',
  resumeWithPaymentMethod: 'Add a payment method to resume',
  finishPayment: 'Finish your payment',
};

/** The payment fix a `needsPaymentMethod` description asks for, as the manage button's text. */
export function paymentFixLabel(
  labels: Pick<BillingLabels, 'updatePaymentMethod' | 'resumeWithPaymentMethod' | 'finishPayment'>,
  description: BillingDescription,
): string {
  if (description.status === 'paused') return labels.resumeWithPaymentMethod;
  if (description.status === 'incomplete') return labels.finishPayment;
  return labels.updatePaymentMethod;
}
