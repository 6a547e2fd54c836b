'use client';
import { useCallback } from 'react';
import { BillingError, billingStateQueryKey, type BillingState, type PortalSessionInput } from '../core';
import { useBillingContext } from './BillingContext';
import { currentPageUrl, withPortalMarker } from './checkoutReturn';
import { savePortalSnapshot } from './portalSnapshot';
import { useSessionAction, type SessionActionOptions, type SessionTarget } from './useSessionAction';

export type UsePortalOptions = SessionActionOptions;

export interface PortalOpenInput extends Partial<PortalSessionInput> {
  /** `'_blank'` opens the Portal in a new tab (opened at the click, so popup blockers allow it). @default '_self' */
  target?: SessionTarget;
}

export interface UsePortalResult {
  /** Mints a Customer Portal session now and navigates to it. Never rejects: failures land in `error`. */
  open(input?: PortalOpenInput): Promise<void>;
  isPending: boolean;
  /** The last failure; `error.code === 'no_customer'` means there is nothing to manage yet: offer Checkout. */
  error: BillingError | null;
  reset(): void;
}

/**
 * Sends the user to the Stripe Customer Portal; `returnUrl` defaults to the provider's `portal` prop,
 * then the current page.
 */
export function usePortal(options: UsePortalOptions = {}): UsePortalResult {
  const { backend, portal, queryClient, emit } = useBillingContext('usePortal');
  const mint = useCallback(
    (input: PortalOpenInput) => {
      const returnUrl = input.returnUrl ?? portal.returnUrl ?? currentPageUrl();
      if (!returnUrl) {
        return Promise.reject(
          new BillingError('invalid_request', 'The portal needs a returnUrl outside a browser.'),
        );
      }
      return backend.createPortalSession({ returnUrl: withPortalMarker(returnUrl) });
    },
    [backend, portal],
  );
  const opened = useCallback(() => emit({ type: 'portal_opened' }), [emit]);
  const { run, isPending, error, reset } = useSessionAction('usePortal', mint, options, opened);
  const open = useCallback(
    (input: PortalOpenInput = {}) => {
      // What the page shows now, so the return can tell what the user changed in the Portal. Saved
      // before a new tab opens: it starts with a copy of this tab's sessionStorage.
      savePortalSnapshot(queryClient.getQueryData<BillingState>(billingStateQueryKey));
      return run(input, input.target);
    },
    [run, queryClient],
  );
  return { open, isPending, error, reset };
}
