'use client';
import { useCallback, useRef, useState } from 'react';
import { assertSafeRedirect, type BillingError } from '../core';
import { useBillingContext } from './BillingContext';
import { toBillingError } from '../core/BillingError';

export interface SessionActionOptions {
  /** Called with each failure, after it is shown to the user. */
  onError?: (error: BillingError) => void;
  /** Called with the checked URL just before navigating. */
  onNavigate?: (url: string) => void;
}

/** Where a session opens: this tab (through the provider's `navigate`) or a new one. */
export type SessionTarget = '_self' | '_blank';

/**
 * Mints a session on demand and navigates to it: nothing before the click, nothing cached, one
 * session however often the user clicks while one is pending, and only to allowed hosts.
 */
export function useSessionAction<TInput>(
  hookName: string,
  mint: (input: TInput) => Promise<{ url: string }>,
  options: SessionActionOptions,
  onOpen?: () => void,
) {
  const { navigate, allowedRedirectHosts } = useBillingContext(hookName);
  const pending = useRef(false);
  const [isPending, setPending] = useState(false);
  const [error, setError] = useState<BillingError | null>(null);
  const { onError, onNavigate } = options;

  const run = useCallback(
    async (input: TInput, target?: SessionTarget): Promise<void> => {
      // A ref, not state: two clicks in one tick must still mint one session.
      if (pending.current) return;
      pending.current = true;
      setPending(true);
      setError(null);
      // A new tab must open inside the click (popup blockers allow nothing later); it is pointed at the
      // session once minted. Blocked anyway: this tab goes instead.
      const tab = target === '_blank' ? window.open('', '_blank') : null;
      try {
        const session = await mint(input);
        const url = assertSafeRedirect(session.url, allowedRedirectHosts).toString();
        onNavigate?.(url);
        onOpen?.();
        if (tab) {
          tab.opener = null;
          tab.location.href = url;
        } else navigate(url);
      } catch (caught) {
        tab?.close();
        const billingError = toBillingError(caught);
        setError(billingError);
        onError?.(billingError);
      } finally {
        pending.current = false;
        setPending(false);
      }
    },
    [mint, navigate, allowedRedirectHosts, onError, onNavigate, onOpen],
  );

  const reset = useCallback(() => setError(null), []);
  return { run, isPending, error, reset };
}
