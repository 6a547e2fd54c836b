'use client';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { BillingBackend, BillingState } from '../core';
import type { EmitBillingEvent } from './BillingEvent';
import { billingQueryOptions } from './billingQueryOptions';
import { clearReturnMarkers, confirmPollDelay } from './checkoutReturn';
import { clearPortalSnapshot, readPortalSnapshot } from './portalSnapshot';
import { stateDiffers } from './stateDiffers';

/** How long the provider looks for the Portal's changes (they reach Saiku by webhook) after the return. */
export const portalReturnTimeoutMs = 15_000;

/**
 * Back from the Portal: refetch at once and, backing off (1 s, 1.5 s, 2.25 s … for ~15 s), until the
 * state differs from the one this tab had when it left; then emit `portal_returned` and drop the
 * marker. Nothing is shown meanwhile: the state on screen stays and updates in place.
 */
export function usePortalReturn(
  backend: BillingBackend,
  queryClient: QueryClient,
  returned: boolean,
  initialState: BillingState | undefined,
  emit: EmitBillingEvent,
): void {
  const left = useMemo(() => (returned ? readPortalSnapshot() : null), [returned]);
  const [timedOut, setTimedOut] = useState(false);
  const query = useQuery(
    {
      ...billingQueryOptions(backend),
      enabled: returned,
      ...(initialState ? { initialData: initialState } : {}),
      refetchOnMount: 'always',
      refetchInterval: (q) =>
        !returned || timedOut || !left || (q.state.data && stateDiffers(left, q.state.data))
          ? false
          : confirmPollDelay(q.state.dataUpdateCount + q.state.errorUpdateCount),
    },
    queryClient,
  );
  const state = returned && query.isFetchedAfterMount ? query.data : undefined;
  const changed = !!state && !!left && stateDiffers(left, state);
  const done = returned && (timedOut || (!!state && (changed || !left)));

  useEffect(() => {
    if (!returned) return;
    const timer = setTimeout(() => setTimedOut(true), portalReturnTimeoutMs);
    return () => clearTimeout(timer);
  }, [returned]);

  const reported = useRef(false);
  useEffect(() => {
    if (!done || reported.current) return;
    reported.current = true;
    // Given up with no state at all (every poll failed): the error is on screen, there is nothing to report.
    if (state) emit({ type: 'portal_returned', state, changed });
    clearPortalSnapshot();
    clearReturnMarkers();
  }, [done, state, changed, emit]);
}
