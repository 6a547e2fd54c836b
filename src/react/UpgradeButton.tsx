'use client';
import { forwardRef } from 'react';
import { hasSubscription, type Tier } from '../core';
import { upgradeButtonLabels } from '../labels/buttonLabels';
import { mergeLabels } from '../labels/mergeLabels';
import { ActionButton, type ActionButtonBaseProps } from './ActionButton';
import { useBillingContext, useFlowSnapshot } from './BillingContext';
import { checkoutForm, portalForm } from './fallbackForms';
import { useBillingState } from './useBillingState';
import { useCheckout, type UseCheckoutOptions } from './useCheckout';
import { returnedBillingError } from './useFlowAction';

export interface UpgradeButtonProps extends ActionButtonBaseProps, UseCheckoutOptions {
  /** The plan to check out. @default the provider's `checkout.tier` */
  tier?: Tier;
  /** @default the provider's `checkout.successUrl`, else the current page */
  successUrl?: string;
  /** @default the provider's `checkout.cancelUrl`, else the current page */
  cancelUrl?: string;
}

/**
 * Mints a Stripe Checkout session on click and goes there. Children are the label. For a tenant that
 * already has a subscription it opens the Customer Portal instead (where Stripe changes plans), never a
 * second Checkout. @default children 'Upgrade'
 */
export const UpgradeButton = /* @__PURE__ */ Object.assign(
  /* @__PURE__ */ forwardRef<HTMLButtonElement, UpgradeButtonProps>(function UpgradeButton(
    { tier, successUrl, cancelUrl, onError, onNavigate, children, ...rest },
    ref,
  ) {
    const context = useBillingContext('UpgradeButton');
    const { checkout, portal, flow } = context;
    const returnedError = useFlowSnapshot(flow, (snapshot) => snapshot.returnedError);
    const labels = mergeLabels(upgradeButtonLabels, context.labels);
    const { start, isPending, error: clickError } = useCheckout({ onError, onNavigate });
    // A click's failure, else what the proxy's form route came back with (`billing_error=rate_limited`).
    const error = clickError ?? returnedBillingError(returnedError);
    // Reads the state other components fetched, without asking for it: the click checks it anyway.
    const { data: state } = useBillingState({ enabled: false });
    return (
      <ActionButton
        ref={ref}
        kind="upgrade"
        isPending={isPending}
        error={error}
        errorText={error ? labels.error(error) : null}
        onAction={() => void start({ tier, successUrl, cancelUrl })}
        fallbackForm={
          state && hasSubscription(state)
            ? portalForm(context, portal)
            : checkoutForm(context, checkout, { tier, successUrl, cancelUrl })
        }
        {...rest}
      >
        {children ?? labels.upgrade}
      </ActionButton>
    );
  }),
  { displayName: 'UpgradeButton' },
);
