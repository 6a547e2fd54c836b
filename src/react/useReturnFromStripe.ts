'use client';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { BillingBackend, BillingState } from '../core';
import type { EmitBillingEvent } from './BillingEvent';
import type { CheckoutReturnStatus } from './BillingContext';
import { billingQueryOptions } from './billingQueryOptions';
import {
  clearReturnMarkers,
  confirmPollDelay,
  confirmTimeoutMs,
  portalReturnTimeoutMs,
  type ReturnMarkers,
} from './checkoutReturn';
import { clearPortalSnapshot, readPortalSnapshot } from './portalSnapshot';
import { stateDiffers } from './stateDiffers';

/**
 * Back on one of our markers. After Checkout, Stripe's webhook may reach Saiku after the browser: poll
 * (backing off) until billed features are on, ~30 s at most. After the Portal, poll the same way for
 * ~15 s until the state differs from the one this tab left with (nothing is shown meanwhile: the state
 * on screen updates in place). Then report the event once and drop the marker without a history entry.
 */
export function useReturnFromStripe(
  backend: BillingBackend,
  queryClient: QueryClient,
  { checkout, canceled, portal }: ReturnMarkers,
  initialState: BillingState | undefined,
  emit: EmitBillingEvent,
): CheckoutReturnStatus {
  const polling = checkout || portal;
  const left = useMemo(() => (portal ? readPortalSnapshot() : null), [portal]);
  const arrived = (state: BillingState | undefined): state is BillingState =>
    !!state && (checkout ? state.billedFeaturesActive : !left || stateDiffers(left, state));
  const [timedOut, setTimedOut] = useState(false);
  const query = useQuery(
    {
      ...billingQueryOptions(backend),
      enabled: polling,
      ...(initialState ? { initialData: initialState } : {}),
      // The state cached before the trip says nothing about it: always ask again.
      refetchOnMount: 'always',
      refetchInterval: (q) =>
        !polling || timedOut || arrived(q.state.data)
          ? false
          : confirmPollDelay(q.state.dataUpdateCount + q.state.errorUpdateCount),
    },
    queryClient,
  );
  const state = polling && query.isFetchedAfterMount ? query.data : undefined;
  const done = arrived(state);

  useEffect(() => {
    if (!polling || done) return;
    const timer = setTimeout(() => setTimedOut(true), checkout ? confirmTimeoutMs : portalReturnTimeoutMs);
    return () => clearTimeout(timer);
  }, [polling, done, checkout]);

  // Once per return, StrictMode's second mount included; a reload must not start polling again.
  const reported = useRef(false);
  useEffect(() => {
    if (reported.current || !(canceled || done || timedOut)) return;
    reported.current = true;
    if (canceled) emit({ type: 'checkout_canceled' });
    else if (checkout) emit(done ? { type: 'checkout_completed', state } : { type: 'checkout_unconfirmed' });
    // Given up with no state at all (every poll failed): the error is on screen, nothing to report.
    else if (state) emit({ type: 'portal_returned', state, changed: !!left && stateDiffers(left, state) });
    if (portal) clearPortalSnapshot();
    clearReturnMarkers();
  }, [canceled, checkout, portal, done, timedOut, state, left, emit]);

  if (!checkout) return 'idle';
  return done ? 'confirmed' : timedOut ? 'timed_out' : 'confirming';
}
