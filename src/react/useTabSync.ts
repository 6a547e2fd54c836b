'use client';
import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { billingStateQueryKey, parseBillingState, type BillingState } from '../core';
import { subscribeToState } from './subscribeToState';

/** The BroadcastChannel every tab of the origin shares. */
export const tabChannelName = 'saiku-billing';

/**
 * Posts each state this tab fetches to the other tabs of the origin, and shows theirs here with no
 * request: validated with `parseBillingState`, and only for the tenant this tab already shows.
 * Without BroadcastChannel (old browsers, some runtimes) it does nothing.
 */
export function useTabSync(queryClient: QueryClient, enabled: boolean): void {
  useEffect(() => {
    if (!enabled || typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(tabChannelName);
    channel.onmessage = (message: MessageEvent<{ state?: unknown } | null>) => {
      let state: BillingState;
      try {
        state = parseBillingState(message.data?.state);
      } catch {
        return; // not ours, or malformed: never shown
      }
      const shown = queryClient.getQueryData<BillingState>(billingStateQueryKey);
      if (shown?.tenantId === state.tenantId) queryClient.setQueryData(billingStateQueryKey, state);
    };
    const stop = subscribeToState(queryClient, (state, _previous, fetched) => {
      if (fetched) channel.postMessage({ state });
    });
    return () => {
      stop();
      channel.close();
    };
  }, [queryClient, enabled]);
}
