/** One definition of the state query, shared by hooks, custom UIs, server prefetch and invalidation. */
import { queryOptions, type DataTag, type UseQueryOptions } from '@tanstack/react-query';
import {
  billingStateQueryKey,
  isBillingError,
  type BillingBackend,
  type BillingError,
  type BillingState,
} from '../core';
import { toBillingError } from '../core/BillingError';

/** The state query's key, `['saiku-billing', 'state']`. */
export type BillingStateQueryKey = typeof billingStateQueryKey;

/**
 * What `billingQueryOptions` returns: options for `useQuery`, `prefetchQuery` and `fetchQuery`, whose
 * `queryKey` carries the state's type (`queryClient.getQueryData(options.queryKey)` is a `BillingState`).
 * Spelled with `@tanstack/react-query`'s names only, so a host's types resolve with the peer alone.
 */
export type BillingQueryOptions = UseQueryOptions<
  BillingState,
  BillingError,
  BillingState,
  BillingStateQueryKey
> & {
  queryKey: DataTag<BillingStateQueryKey, BillingState, BillingError>;
};

/** How long a fetched state counts as fresh: mounting another component within it makes no request. */
export const billingStaleTimeMs = 30_000;

const maxRetries = 3;

/** Retries only transient failures (network, timeout, 5xx, 429), never a 4xx. */
export function shouldRetryBilling(failureCount: number, error: unknown): boolean {
  return isBillingError(error) && error.isTransient && failureCount < maxRetries;
}

/** Honours `Retry-After` on 429; otherwise backs off exponentially from 1 s, capped at 30 s. */
export function billingRetryDelay(attempt: number, error: unknown): number {
  if (isBillingError(error) && error.retryAfter !== undefined)
    return Math.min(error.retryAfter * 1000, 60_000);
  return Math.min(1000 * 2 ** attempt, 30_000);
}

/** The react-query options (key, fetcher, retry policy) for the billing state. */
export function billingQueryOptions(backend: BillingBackend): BillingQueryOptions {
  return queryOptions<BillingState, BillingError, BillingState, BillingStateQueryKey>({
    queryKey: billingStateQueryKey,
    queryFn: async ({ signal }) => {
      try {
        return await backend.getState({ signal });
      } catch (error) {
        if (signal.aborted) throw error;
        throw toBillingError(error);
      }
    },
    staleTime: billingStaleTimeMs,
    retry: shouldRetryBilling,
    retryDelay: billingRetryDelay,
    // The user comes back from the portal tab: show what they just changed.
    refetchOnWindowFocus: 'always',
  });
}
