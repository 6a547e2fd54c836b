'use client';
import { useQuery, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import type { BillingError, BillingState } from '../core';
import { useBillingContext } from './BillingContext';
import { billingQueryOptions, type BillingStateQueryKey } from './billingQueryOptions';

export interface UseBillingStateOptions<TData = BillingState> {
  /** Derive what the component needs; it re-renders only when the selection changes. */
  select?: (state: BillingState) => TData;
  /** Set false to hold the request (e.g. until the user is signed in). @default true */
  enabled?: boolean;
  /** Rethrow errors to the nearest error boundary, as in TanStack Query. @default false */
  throwOnError?: boolean | ((error: BillingError) => boolean);
}

/** The tenant's billing state: one request per provider, shared by every component under it. */
export function useBillingState<TData = BillingState>(
  options: UseBillingStateOptions<TData> = {},
): UseQueryResult<TData, BillingError> {
  const { backend, queryClient, initialState } = useBillingContext('useBillingState');
  const base: Omit<
    UseQueryOptions<BillingState, BillingError, BillingState, BillingStateQueryKey>,
    'select'
  > = billingQueryOptions(backend);
  return useQuery<BillingState, BillingError, TData, BillingStateQueryKey>(
    {
      ...base,
      // A host that turned retries off for its client (tests, stories) gets none here either.
      ...(queryClient.getDefaultOptions().queries?.retry === false ? { retry: false } : {}),
      ...(initialState ? { initialData: initialState } : {}),
      ...(options.select ? { select: options.select } : {}),
      enabled: options.enabled ?? true,
      throwOnError: options.throwOnError ?? false,
    },
    queryClient,
  );
}
