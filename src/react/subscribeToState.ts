import { hashKey, type QueryClient } from '@tanstack/react-query';
import { billingStateQueryKey, type BillingState } from '../core';

const stateHash = hashKey(billingStateQueryKey);

/**
 * Calls `listener` with each state the cache learns after now, the one before it, and whether it
 * came from a fetch (rather than a write such as another tab's). Returns the unsubscribe function.
 */
export function subscribeToState(
  queryClient: QueryClient,
  listener: (state: BillingState, previous: BillingState | undefined, fetched: boolean) => void,
): () => void {
  let previous = queryClient.getQueryData<BillingState>(billingStateQueryKey);
  return queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success' || event.query.queryHash !== stateHash)
      return;
    const state = event.query.state.data as BillingState;
    const before = previous;
    previous = state;
    if (state !== before) listener(state, before, !event.action.manual);
  });
}
