'use client';
// Sends the user to the Stripe Customer Portal. Built on usePortal from @saiku/billing-react; the shadcn
// registry's manage-button.
import { defaultLabels, usePortal, type SessionTarget } from '@saiku/billing-react';
import { BillingButton, type BillingButtonProps } from '@/components/billing/billing-button';

export interface ManageButtonProps extends Omit<BillingButtonProps, 'isPending' | 'error'> {
  /** `'_blank'` opens the Portal in a new tab. @default '_self' */
  target?: SessionTarget;
}

export function ManageButton({
  target,
  onClick,
  children,
  variant = 'outline',
  ...props
}: ManageButtonProps) {
  const { open, isPending, error } = usePortal();
  return (
    <BillingButton
      {...props}
      variant={variant}
      isPending={isPending}
      error={error}
      onClick={(event) => {
        onClick?.(event);
        if (!event.defaultPrevented) void open(target === undefined ? {} : { target });
      }}
    >
      {children ?? defaultLabels.manage}
    </BillingButton>
  );
}
