'use client';
import { useBillingContext, useFlowSnapshot, type CheckoutReturnStatus } from './BillingContext';

/**
 * Where the provider is with a return from Checkout: `confirming` while it polls for the webhook after
 * the success URL, `confirmed` once billed features are on, `timed_out` when it gave up waiting, else
 * `idle`. What the built-in plan card and banner show; a custom UI reads it to say "Confirming…" and to
 * hold back its upgrade button meanwhile (the state still says free, and a second Checkout would start a
 * second subscription).
 */
export function useCheckoutReturn(): CheckoutReturnStatus {
  const { flow } = useBillingContext('useCheckoutReturn');
  return useFlowSnapshot(flow, (snapshot) => snapshot.checkoutReturn);
}
