'use client';
/** What the built-in cards share: a plan's name and price, the load status, and the manage-or-upgrade action. */
import type { ReactNode } from 'react';
import { formatPlanPrice, type BillingDescription, type PlanInfo, type Tier } from '../core';
import { paymentFixLabel, type paymentFixLabels } from '../labels/buttonLabels';
import type { BillingLabels } from '../labels/types';
import { ManageButton } from './ManageButton';
import { UpgradeButton } from './UpgradeButton';
import type { UseBillingDescriptionResult } from './useBillingDescription';

export { planTitle } from '../core/plans';

/** A plan's price line: a text price as given, an amount in `locale` with its interval; none without a price. */
export function planPrice(
  block: string,
  plan: PlanInfo | undefined,
  labels: Pick<BillingLabels, 'price'>,
  locale: string | undefined,
): ReactNode {
  const price = plan?.price;
  if (price === undefined) return null;
  return (
    <p className={`${block}__price`}>
      {typeof price === 'string' ? price : labels.price(formatPlanPrice(price, locale), price.interval)}
    </p>
  );
}

/** Before the state is ready: the loading line, or the failure in a live region and a retry. */
export function loadStatus(
  block: string,
  { isPending, error, refetch }: UseBillingDescriptionResult,
  loading: string,
  labels: Pick<BillingLabels, 'retry' | 'error'>,
): ReactNode {
  const message = `${block}__message`;
  return isPending ? (
    <p className={message}>{loading}</p>
  ) : (
    <>
      <p className={message} role="status" aria-live="polite">
        {error ? labels.error(error) : null}
      </p>
      <button type="button" className="saiku-billing-button" data-variant="secondary" onClick={refetch}>
        {labels.retry}
      </button>
    </>
  );
}

/**
 * The plan card's and the banner's action: Checkout, or the Portal to manage billing or fix a payment
 * (`payment`: past due, unpaid, paused or incomplete; the subscription exists and a payment in the Portal
 * restores it; a second Checkout would start a second subscription).
 */
export function billingAction(
  kind: 'upgrade' | 'manage' | 'payment',
  labels: typeof paymentFixLabels,
  description: BillingDescription,
  tier?: Tier,
): ReactNode {
  return kind === 'upgrade' ? (
    <UpgradeButton tier={tier} />
  ) : (
    // Without children the button says its own `manage` label.
    <ManageButton>{kind === 'payment' ? paymentFixLabel(labels, description) : undefined}</ManageButton>
  );
}
