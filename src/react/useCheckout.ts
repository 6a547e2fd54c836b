'use client';
import { useCallback, useRef } from 'react';
import { BillingError, hasSubscription, type BillingState, type CheckoutSessionInput } from '../core';
import { useBillingContext } from './BillingContext';
import { billingQueryOptions } from './billingQueryOptions';
import { currentPageUrl, withCancelMarker, withCheckoutMarker, withPortalMarker } from './checkoutReturn';
import { usePortal } from './usePortal';
import { useSessionAction, type SessionActionOptions } from './useSessionAction';

export type UseCheckoutOptions = SessionActionOptions;

export interface UseCheckoutResult {
  /**
   * Mints a Checkout session now and navigates to it. Never rejects: failures land in `error`.
   * For a tenant that `hasSubscription` (trialing, active, past due, paused, incomplete, …) it opens the
   * Customer Portal instead, where Stripe changes plans: a second Checkout would start a second subscription.
   */
  start(input?: Partial<CheckoutSessionInput>): Promise<void>;
  /** True from the click until navigation or failure. */
  isPending: boolean;
  /** The last failure, cleared by the next `start`. */
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
  const { backend, checkout, queryClient, initialState, emit } = useBillingContext('useCheckout');
  // Set when the Portal answers 409 no_customer: the state said subscribed, Stripe has nobody to manage.
  const noCustomer = useRef(false);
  const { onError, onNavigate } = options;
  const portal = usePortal({
    onNavigate,
    onError: (error) => {
      if (error.code === 'no_customer') noCustomer.current = true;
      else onError?.(error);
    },
  });
  const mint = useCallback(
    (input: Partial<CheckoutSessionInput>) => {
      const merged = { ...checkout, ...stripUndefined(input) };
      const here = currentPageUrl();
      const successUrl = merged.successUrl ?? here;
      const cancelUrl = merged.cancelUrl ?? here;
      if (!merged.tier) {
        return Promise.reject(
          new BillingError(
            'invalid_request',
            "Choose a plan: pass `tier` to start() or the provider's `checkout` prop.",
          ),
        );
      }
      if (!successUrl || !cancelUrl) {
        return Promise.reject(
          new BillingError('invalid_request', 'Checkout needs successUrl and cancelUrl outside a browser.'),
        );
      }
      emit({ type: 'checkout_started', tier: merged.tier });
      return backend
        .createCheckoutSession({
          tier: merged.tier,
          ...(merged.email === undefined ? {} : { email: merged.email }),
          ...(merged.name === undefined ? {} : { name: merged.name }),
          successUrl: withCheckoutMarker(successUrl),
          cancelUrl: withCancelMarker(cancelUrl),
        })
        .catch((caught: unknown) => {
          // The proxy's duplicate guard (409 already_subscribed): the tenant subscribed since the state
          // was read, so plan changes happen in the Portal, as the proxy's form route does too.
          if (!(caught instanceof BillingError) || caught.code !== 'already_subscribed') throw caught;
          return backend.createPortalSession({ returnUrl: withPortalMarker(cancelUrl) });
        });
    },
    [backend, checkout, emit],
  );
  const { run, isPending, error, reset } = useSessionAction('useCheckout', mint, options);
  const openPortal = portal.open;
  const resetPortal = portal.reset;
  const start = useCallback(
    async (input: Partial<CheckoutSessionInput> = {}) => {
      // The state the page shows (fetched now only if nothing has asked yet). If it cannot be read,
      // Checkout goes ahead and the proxy's duplicate guard has the last word.
      const state = await queryClient
        .ensureQueryData({
          ...billingQueryOptions(backend),
          retry: false,
          ...(initialState ? { initialData: initialState } : {}),
        })
        .catch((): BillingState | undefined => undefined);
      if (state && hasSubscription(state)) {
        noCustomer.current = false;
        await openPortal();
        if (!noCustomer.current) return;
        // Nothing to manage after all, so nothing a Checkout could duplicate.
        resetPortal();
      }
      return run(input);
    },
    [queryClient, backend, initialState, openPortal, resetPortal, run],
  );
  const resetBoth = useCallback(() => {
    reset();
    resetPortal();
  }, [reset, resetPortal]);
  return {
    start,
    isPending: isPending || portal.isPending,
    error: error ?? portal.error,
    reset: resetBoth,
  };
}

export function stripUndefined<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}
