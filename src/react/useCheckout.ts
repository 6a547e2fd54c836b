'use client';
import { useCallback } from 'react';
import { BillingError, type CheckoutSessionInput } from '../core';
import { useBillingContext } from './BillingContext';
import { currentPageUrl, withCheckoutMarker } from './checkoutReturn';
import { useSessionAction, type SessionActionOptions } from './useSessionAction';

export type UseCheckoutOptions = SessionActionOptions;

export interface UseCheckoutResult {
  /** Mints a Checkout session now and navigates to it. Never rejects: failures land in `error`. */
  start(input?: Partial<CheckoutSessionInput>): Promise<void>;
  /** True from the click until navigation or failure. */
  isPending: boolean;
  /** The last failure, cleared by the next `start`. */
  error: BillingError | null;
  /** Clears `error`. */
  reset(): void;
}

/**
 * Sends the user to Stripe Checkout; defaults come from the provider's `checkout` prop and the current page.
 * A tenant that already has a subscription (409 `already_subscribed`) is sent to the Portal instead.
 */
export function useCheckout(options: UseCheckoutOptions = {}): UseCheckoutResult {
  const { backend, checkout } = useBillingContext('useCheckout');
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
      return backend
        .createCheckoutSession({
          tier: merged.tier,
          ...(merged.email === undefined ? {} : { email: merged.email }),
          ...(merged.name === undefined ? {} : { name: merged.name }),
          successUrl: withCheckoutMarker(successUrl),
          cancelUrl,
        })
        .catch((caught: unknown) => {
          // The proxy's duplicate guard (409 already_subscribed): the tenant subscribed since the state
          // was read, so plan changes happen in the Portal, as the proxy's form route does too.
          if (!(caught instanceof BillingError) || caught.code !== 'already_subscribed') throw caught;
          return backend.createPortalSession({ returnUrl: cancelUrl });
        });
    },
    [backend, checkout],
  );
  const { run, isPending, error, reset } = useSessionAction('useCheckout', mint, options);
  const start = useCallback((input: Partial<CheckoutSessionInput> = {}) => run(input), [run]);
  return { start, isPending, error, reset };
}

export function stripUndefined<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}
