'use client';
// The paywall as a shadcn Dialog: opened with usePaywall().open(requirement) at the gated action, it lists
// the provider's plans that unlock the requirement, each with its plan action (the registry's pricing
// table). Built on @saiku/billing-react's hooks (usePaywall, useAccess); the shadcn registry's paywall-dialog.
import { useRef, useState, type ComponentProps } from 'react';
import {
  defaultPaywallLabels as text,
  useAccess,
  usePaywall,
  type AccessRequirement,
} from '@saiku/billing-react';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { PricingTable } from '@/components/billing/pricing-table';
import { cn } from '@/lib/utils';

export type PaywallDialogProps = Omit<ComponentProps<typeof DialogContent>, 'children'>;

/**
 * Place it once anywhere under `<BillingProvider plans={…}>`, and open it from the gated action with
 * `usePaywall().open({ feature: 'forecasts' })` (or `{ tier: 'business' }`). A Radix modal: the rest of
 * the page is hidden from assistive technology, Tab stays inside, Escape and the close button close it
 * (reporting `paywall_closed`), and focus goes back to the control that opened it.
 */
export function PaywallDialog({
  className,
  onOpenAutoFocus,
  onCloseAutoFocus,
  ...props
}: PaywallDialogProps) {
  const { isOpen, requirement, close } = usePaywall();
  // What the dialog sells stays on screen while it closes (the store forgets it at once).
  const [shown, setShown] = useState(requirement);
  if (isOpen && shown !== requirement) setShown(requirement);
  const opener = useRef<HTMLElement | null>(null);
  return (
    <Dialog open={isOpen} onOpenChange={(open) => (open ? undefined : close())}>
      <DialogContent
        aria-modal="true"
        {...props}
        className={cn('max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-3xl', className)}
        onOpenAutoFocus={(event) => {
          // Focus is still on the gated action here, before Radix moves it into the dialog.
          opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
          onOpenAutoFocus?.(event);
        }}
        onCloseAutoFocus={(event) => {
          onCloseAutoFocus?.(event);
          if (event.defaultPrevented) return;
          // Radix gives focus back only to its own DialogTrigger, and this dialog is opened from anywhere.
          event.preventDefault();
          if (opener.current?.isConnected) opener.current.focus();
        }}
      >
        <PaywallBody requirement={shown} />
      </DialogContent>
    </Dialog>
  );
}

/** The open dialog's title, why, and the plans that unlock the requirement. */
function PaywallBody({ requirement }: { requirement: AccessRequirement | undefined }) {
  const { allowed, plans } = useAccess(requirement);
  const line = allowed ? text.included : plans.length ? text.description : text.empty;
  return (
    <>
      <DialogHeader className="pr-8">
        <DialogTitle>{text.title}</DialogTitle>
        <DialogDescription>{line}</DialogDescription>
      </DialogHeader>
      {plans.length ? <PricingTable plans={plans} headingLevel={3} /> : null}
    </>
  );
}
