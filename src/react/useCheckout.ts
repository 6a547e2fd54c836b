'use client';
import { useCallback } from 'react';
import type { BillingError, CheckoutSessionInput } from '../core';
import { useFlowAction, type SessionActionOptions } from './useFlowAction';

export type UseCheckoutOptions = SessionActionOptions;

export interface UseCheckoutResult {
  /**
   * Mints a Checkout session now and navigates to it. Never rejects: failures land in `error`.
   * For a tenant that `hasSubscription` (trialing, active, past due, paused, incomplete, …) it opens the
   * Customer Portal instead, where Stripe changes plans: a second Checkout would start a second subscription.
   */
  start(input?: Partial<CheckoutSessionInput>): Promise<void>;
  /** True from the click until the page leaves (or fails to), or the action fails. */
  isPending: boolean;
  /** The last failure, cleared by the next action. */
  error: BillingError | null;
  /** Clears `error`. */
  reset(): void;
}

/**
 * Sends the user to Stripe Checkout (or, for a tenant that already has a subscription, to the Customer
 * Portal); defaults come from the provider's `checkout` prop and the current page. The proxy's duplicate
 * guard (409 `already_subscribed`, a subscription that began after the state was read) leads to the
 * Portal too.
 */
export function useCheckout(options: UseCheckoutOptions = {}): UseCheckoutResult {
  const { run, isPending, error, reset } = useFlowAction('useCheckout', options);
  const start = useCallback(
    (input: Partial<CheckoutSessionInput> = {}) => run({ kind: 'checkout', input }),
    [run],
  );
  return { start, isPending, error, reset };
}
