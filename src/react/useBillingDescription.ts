'use client';
import { useMemo } from 'react';
import { describeBilling, type BillingDescription, type BillingError, type BillingState } from '../core';
import { useBillingContext } from './BillingContext';
import { useBillingState } from './useBillingState';

export interface UseBillingDescriptionResult {
  /** What to show, or undefined while loading or after an error. */
  description: BillingDescription | undefined;
  state: BillingState | undefined;
  isPending: boolean;
  error: BillingError | null;
  refetch: () => void;
}

/** `describeBilling` of the current state, in the provider's locale: what the built-in components show. */
export function useBillingDescription(): UseBillingDescriptionResult {
  const { locale } = useBillingContext('useBillingDescription');
  const query = useBillingState();
  const { data, refetch } = query;
  const description = useMemo(() => (data ? describeBilling(data, { locale }) : undefined), [data, locale]);
  return {
    description,
    state: data,
    isPending: query.isPending,
    // Background refetch failures keep the last good state on screen.
    error: data ? null : query.error,
    refetch: () => void refetch(),
  };
}
