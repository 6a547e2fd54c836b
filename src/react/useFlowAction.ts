'use client';
import { useCallback, useEffect, useId, useRef } from 'react';
import { BillingError, type BillingState } from '../core';
import { startAction, type FlowIntent } from '../core/flow/startAction';
import { useBillingContext, useFlowSnapshot, type BillingContextValue } from './BillingContext';
import { billingQueryOptions } from './billingQueryOptions';

export interface SessionActionOptions {
  /** Called with each failure, after it is shown to the user. */
  onError?: (error: BillingError) => void;
  /** Called with the checked URL just before navigating. */
  onNavigate?: (url: string) => void;
}

/**
 * A hook's or button's handle on the provider's flow: `run` starts an action as this caller (its own
 * lock: one action at a time), and `isPending` and `error` are this caller's, read from the flow's store.
 */
export function useFlowAction(hookName: string, options: SessionActionOptions) {
  const context = useBillingContext(hookName);
  const { flow } = context;
  const source = useId();
  const isPending = useFlowSnapshot(flow, (snapshot) => !!snapshot.calls[source]?.pending);
  const error = useFlowSnapshot(flow, (snapshot) => snapshot.calls[source]?.error ?? null);
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const run = useCallback(
    (intent: FlowIntent) =>
      startAction(flow, intent, {
        source,
        readState: stateReader(context),
        onError: (caught) => latest.current.onError?.(caught),
        onNavigate: (url) => latest.current.onNavigate?.(url),
      }),
    [flow, source, context],
  );
  const reset = useCallback(() => {
    const { calls } = flow.getSnapshot();
    const call = calls[source];
    if (call?.error) flow.update({ calls: { ...calls, [source]: { ...call, error: null } } });
  }, [flow, source]);
  return { run, isPending, error, reset };
}

/**
 * The error a no-JavaScript form route sent the browser back with, as the buttons show it: only
 * `rate_limited` (the proxy's limit on session mints) is an error every billing button shares;
 * `no_customer` is ManageButton's own offer of Checkout.
 */
export function returnedBillingError(code: string | null): BillingError | null {
  return code === 'rate_limited'
    ? new BillingError(code, 'Too many billing sessions.', { status: 429 })
    : null;
}

/** How a click reads the state the page shows: the cached one, else fetched now, once (no retries). */
export function stateReader({
  queryClient,
  backend,
  initialState,
}: BillingContextValue): () => Promise<BillingState> {
  return () =>
    queryClient.ensureQueryData({
      ...billingQueryOptions(backend),
      retry: false,
      ...(initialState ? { initialData: initialState } : {}),
    });
}
