/** The buttons' English strings: each button brings only its own. */
import type { BillingError } from '../core/BillingError';
import type { BillingDescription } from '../core/describeBilling';
import { errorMessage } from './errorMessage';
import type { BillingLabels } from './types';

export const upgradeButtonLabels: Pick<BillingLabels, 'upgrade' | 'error'> = {
  upgrade: 'Upgrade',
  error: errorMessage,
};

export const manageButtonLabels: Pick<BillingLabels, 'manage' | 'noCustomer' | 'error'> = {
  manage: 'Manage billing',
  noCustomer: 'There is no subscription to manage yet. Choose a plan to start one.',
  error: errorMessage,
};

/**
 * What a failed Portal (or plan) action shows: nothing to manage yet (409 `no_customer`, or `noCustomer`
 * when the caller knows it from elsewhere) as the offer of a plan, any other error as its sentence.
 */
export function actionErrorText(
  labels: Pick<BillingLabels, 'noCustomer' | 'error'>,
  error: BillingError | null,
  noCustomer = error?.code === 'no_customer',
): string | null {
  return noCustomer ? labels.noCustomer : error ? labels.error(error) : null;
}

/** The manage button's text where a payment needs fixing (plan card, banner, pricing table). */
export const paymentFixLabels: Pick<
  BillingLabels,
  'updatePaymentMethod' | 'resumeWithPaymentMethod' | 'finishPayment'
> = {
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
