'use client';
import { forwardRef } from 'react';
import type { Tier } from '../core';
import { ActionButton, type ActionButtonBaseProps } from './ActionButton';
import { useBillingContext } from './BillingContext';
import { withCancelMarker, withCheckoutMarker } from './checkoutReturn';
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
  const { backend, checkout, labels } = useBillingContext('UpgradeButton');
  const { start, isPending, error } = useCheckout({ onError, onNavigate });
  const formSuccessUrl = successUrl ?? checkout.successUrl;
  const formCancelUrl = cancelUrl ?? checkout.cancelUrl;
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
                cancelUrl: formCancelUrl && withCancelMarker(formCancelUrl),
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
