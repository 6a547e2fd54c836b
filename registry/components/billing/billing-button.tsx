'use client';
// A shadcn Button for a billing action: busy while a session is minted, its error announced under it.
// Shared by the upgrade and manage buttons and the pricing table (@saiku/billing-react's shadcn registry).
import { useId, type ComponentProps } from 'react';
import { defaultLabels, type BillingError } from '@saiku/billing-react';
import { Button } from '@/components/ui/button';
import { cn } from '@/lib/utils';

export interface BillingButtonProps extends Omit<ComponentProps<typeof Button>, 'asChild'> {
  /** From the click until the page leaves for Stripe: the button says it is busy and ignores clicks. */
  isPending?: boolean;
  /** The action's last failure, shown under the button and announced politely. */
  error?: BillingError | null;
  /** Classes for the element that holds the button and its error line. */
  containerClassName?: string;
}

/** What a failed billing action says: nothing to manage yet (`no_customer`) offers a plan instead. */
export function billingErrorText(error: BillingError | null | undefined): string | null {
  if (!error) return null;
  return error.code === 'no_customer' ? defaultLabels.noCustomer : defaultLabels.error(error);
}

export function BillingButton({
  isPending = false,
  error = null,
  containerClassName,
  className,
  onClick,
  children,
  ...props
}: BillingButtonProps) {
  const errorId = useId();
  const errorText = billingErrorText(error);
  return (
    <div className={cn('flex flex-col items-start', containerClassName)}>
      <Button
        {...props}
        aria-busy={isPending || undefined}
        // aria-disabled, not disabled: focus stays on the button while Stripe's page loads.
        aria-disabled={isPending || undefined}
        aria-describedby={errorText ? errorId : undefined}
        data-state={isPending ? 'pending' : errorText ? 'error' : 'idle'}
        className={cn('aria-disabled:cursor-progress aria-disabled:opacity-70', className)}
        onClick={(event) => {
          if (isPending) return event.preventDefault();
          onClick?.(event);
        }}
      >
        {children}
      </Button>
      {/* Always rendered, so screen readers already watch it when an error arrives. */}
      <p id={errorId} role="status" aria-live="polite" className="text-sm text-destructive not-empty:mt-1.5">
        {errorText}
      </p>
    </div>
  );
}
