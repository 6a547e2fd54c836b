'use client';
// Sends the user to Stripe Checkout (a subscriber to the Customer Portal instead: never a second
// subscription). Built on useCheckout from @saiku/billing-react; the shadcn registry's upgrade-button.
import { defaultLabels, useCheckout, type Tier } from '@saiku/billing-react';
import { BillingButton, type BillingButtonProps } from '@/components/billing/billing-button';

export interface UpgradeButtonProps extends Omit<BillingButtonProps, 'isPending' | 'error'> {
  /** The plan to check out. @default the provider's `checkout.tier` */
  tier?: Tier;
}

export function UpgradeButton({ tier, onClick, children, ...props }: UpgradeButtonProps) {
  const { start, isPending, error } = useCheckout();
  return (
    <BillingButton
      {...props}
      isPending={isPending}
      error={error}
      onClick={(event) => {
        onClick?.(event);
        if (!event.defaultPrevented) void start(tier === undefined ? {} : { tier });
      }}
    >
      {children ?? defaultLabels.upgrade}
    </BillingButton>
  );
}
