'use client';
import { hashKey, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { billingStateQueryKey, parseBillingState, type BillingState } from '../core';
import type { EmitBillingEvent } from './BillingEvent';
import { stateDiffers } from './stateDiffers';

/**
 * Each state the page learns: `state_changed` when it differs from the one before, and, with
 * `syncTabs`, the other tabs of the origin on a BroadcastChannel. This tab posts what it fetches and
 * shows what they post with no request, validated with `parseBillingState` and only for the tenant it
 * already shows. Without BroadcastChannel, tabs are simply not synced.
 */
export function useStateFeed(queryClient: QueryClient, emit: EmitBillingEvent, syncTabs: boolean): void {
  useEffect(() => {
    const channel =
      syncTabs && typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel('saiku-billing') : null;
    if (channel)
      channel.onmessage = (message: MessageEvent<{ state?: unknown } | null>) => {
        try {
          const state = parseBillingState(message.data?.state);
          const shown = queryClient.getQueryData<BillingState>(billingStateQueryKey);
          if (shown?.tenantId === state.tenantId) queryClient.setQueryData(billingStateQueryKey, state);
        } catch {
          // not ours, or malformed: never shown
        }
      };
    const stateHash = hashKey(billingStateQueryKey);
    let previous = queryClient.getQueryData<BillingState>(billingStateQueryKey);
    const stop = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'success' || event.query.queryHash !== stateHash)
        return;
      const state = event.query.state.data as BillingState;
      const before = previous;
      previous = state;
      if (state === before) return;
      // A fetch, not a write such as another tab's (which would echo back).
      if (!event.action.manual) channel?.postMessage({ state });
      if (before && stateDiffers(before, state)) emit({ type: 'state_changed', state, previous: before });
    });
    return () => {
      stop();
      channel?.close();
    };
  }, [queryClient, emit, syncTabs]);
}
