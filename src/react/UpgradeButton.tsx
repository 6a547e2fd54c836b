'use client';
import { forwardRef } from 'react';
import type { Tier } from '../core';
import { ActionButton, type ActionButtonBaseProps } from './ActionButton';
import { useBillingContext } from './BillingContext';
import { returnedBillingError, withCheckoutMarker } from './checkoutReturn';
import { useCheckout, type UseCheckoutOptions } from './useCheckout';

export interface UpgradeButtonProps extends ActionButtonBaseProps, UseCheckoutOptions {
  /** The plan to check out. @default the provider's `checkout.tier` */
  tier?: Tier;
  /** @default the provider's `checkout.successUrl`, else the current page */
  successUrl?: string;
  /** @default the provider's `checkout.cancelUrl`, else the current page */
  cancelUrl?: string;
}

/** Mints a Stripe Checkout session on click and goes there. Children are the label. @default children 'Upgrade' */
export const UpgradeButton = forwardRef<HTMLButtonElement, UpgradeButtonProps>(function UpgradeButton(
  { tier, successUrl, cancelUrl, onError, onNavigate, children, ...rest },
  ref,
) {
  const { backend, checkout, labels, returnedError } = useBillingContext('UpgradeButton');
  const { start, isPending, error: clickError } = useCheckout({ onError, onNavigate });
  // A click's failure, else what the proxy's form route came back with (`billing_error=rate_limited`).
  const error = clickError ?? returnedBillingError(returnedError);
  const formSuccessUrl = successUrl ?? checkout.successUrl;
  return (
    <ActionButton
      ref={ref}
      kind="upgrade"
      isPending={isPending}
      error={error}
      errorText={error ? labels.error(error) : null}
      onAction={() => void start({ tier, successUrl, cancelUrl })}
      fallbackForm={
        backend.formsUrl
          ? {
              action: `${backend.formsUrl}/checkout`,
              fields: {
                tier: tier ?? checkout.tier,
                successUrl: formSuccessUrl ? withCheckoutMarker(formSuccessUrl) : undefined,
                cancelUrl: cancelUrl ?? checkout.cancelUrl,
              },
            }
          : null
      }
      {...rest}
    >
      {children ?? labels.upgrade}
    </ActionButton>
  );
});
UpgradeButton.displayName = 'UpgradeButton';
