'use client';
import { forwardRef } from 'react';
import type { Tier } from '../core';
import { actionErrorText, manageButtonLabels } from '../labels/buttonLabels';
import { mergeLabels } from '../labels/mergeLabels';
import { ActionButton, type ActionButtonBaseProps } from './ActionButton';
import { useBillingContext, useFlowSnapshot } from './BillingContext';
import { portalForm } from './fallbackForms';
import { UpgradeButton } from './UpgradeButton';
import { usePortal, type SessionTarget, type UsePortalOptions } from './usePortal';
import { returnedBillingError } from './useFlowAction';

export interface ManageButtonProps extends ActionButtonBaseProps, UsePortalOptions {
  /** @default the provider's `portal.returnUrl`, else the current page */
  returnUrl?: string;
  /**
   * The plan offered when there is no subscription to manage (409 `no_customer`).
   * @default the provider's `checkout.tier`
   */
  upgradeTier?: Tier;
  /** `'_blank'` opens the Portal in a new tab, opened at the click so popup blockers allow it. @default '_self' */
  target?: SessionTarget;
}

/** Mints a Stripe Customer Portal session on click and goes there; offers Checkout when there is nothing to manage. */
export const ManageButton = /* @__PURE__ */ Object.assign(
  /* @__PURE__ */ forwardRef<HTMLButtonElement, ManageButtonProps>(function ManageButton(
    { returnUrl, upgradeTier, target, onError, onNavigate, children, ...rest },
    ref,
  ) {
    const context = useBillingContext('ManageButton');
    const { portal, checkout, flow } = context;
    const returnedError = useFlowSnapshot(flow, (snapshot) => snapshot.returnedError);
    const labels = mergeLabels(manageButtonLabels, context.labels);
    const { open, isPending, error: clickError } = usePortal({ onError, onNavigate });
    const error = clickError ?? returnedBillingError(returnedError);
    // 409 from a click, or the proxy's no-JavaScript portal route sending the browser back with it.
    const noCustomer = error?.code === 'no_customer' || (error === null && returnedError === 'no_customer');
    const offerTier = upgradeTier ?? checkout.tier;
    return (
      <ActionButton
        ref={ref}
        kind="manage"
        isPending={isPending}
        error={error}
        errorText={actionErrorText(labels, error, noCustomer)}
        onAction={() => void open({ returnUrl, target })}
        fallbackForm={portalForm(context, portal, returnUrl)}
        formTarget={target}
        after={noCustomer && offerTier ? <UpgradeButton tier={offerTier} /> : null}
        {...rest}
      >
        {children ?? labels.manage}
      </ActionButton>
    );
  }),
  { displayName: 'ManageButton' },
);
