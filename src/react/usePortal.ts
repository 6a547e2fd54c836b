'use client';
import { useCallback } from 'react';
import { BillingError, type PortalSessionInput } from '../core';
import { useBillingContext } from './BillingContext';
import { currentPageUrl } from './checkoutReturn';
import { useSessionAction, type SessionActionOptions } from './useSessionAction';

export type UsePortalOptions = SessionActionOptions;

export interface UsePortalResult {
  /** Mints a Customer Portal session now and navigates to it. Never rejects: failures land in `error`. */
  open(input?: Partial<PortalSessionInput>): Promise<void>;
  isPending: boolean;
  /** The last failure; `error.code === 'no_customer'` means there is nothing to manage yet: offer Checkout. */
  error: BillingError | null;
  reset(): void;
}

/** Sends the user to the Stripe Customer Portal; `returnUrl` defaults to the provider's `portal` prop, then the current page. */
export function usePortal(options: UsePortalOptions = {}): UsePortalResult {
  const { backend, portal } = useBillingContext('usePortal');
  const mint = useCallback(
    (input: Partial<PortalSessionInput>) => {
      const returnUrl = input.returnUrl ?? portal.returnUrl ?? currentPageUrl();
      if (!returnUrl) {
        return Promise.reject(
          new BillingError('invalid_request', 'The portal needs a returnUrl outside a browser.'),
        );
      }
      return backend.createPortalSession({ returnUrl });
    },
    [backend, portal],
  );
  const { run, isPending, error, reset } = useSessionAction('usePortal', mint, options);
  const open = useCallback((input: Partial<PortalSessionInput> = {}) => run(input), [run]);
  return { open, isPending, error, reset };
}
