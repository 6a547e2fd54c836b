'use client';
import { useCallback } from 'react';
import type { AccessRequirement } from '../core';
import { closePaywall, openPaywall } from '../core/flow/paywall';
import { useBillingContext, useFlowSnapshot } from './BillingContext';

export interface UsePaywallResult {
  /**
   * Opens the provider's `<Paywall />` on the plans that unlock `requirement` (none: every paid plan),
   * reporting `paywall_opened`. Call it at the gated action, from a click. A malformed requirement is a
   * TypeError. @example onClick={() => open({ feature: 'forecasts' })}
   */
  open(requirement?: AccessRequirement): void;
  /** Closes it, reporting `paywall_closed`; focus goes back to where it was before `open`. */
  close(): void;
  /** Whether the paywall is open. */
  isOpen: boolean;
  /** What the open paywall sells access to; undefined while closed or opened with no requirement. */
  requirement: AccessRequirement | undefined;
}

/** Opens and closes the one `<Paywall />` under the same provider, from any component. */
export function usePaywall(): UsePaywallResult {
  const { flow } = useBillingContext('usePaywall');
  const request = useFlowSnapshot(flow, (snapshot) => snapshot.paywall ?? null);
  const open = useCallback((requirement?: AccessRequirement) => openPaywall(flow, requirement), [flow]);
  const close = useCallback(() => closePaywall(flow), [flow]);
  return { open, close, isOpen: request !== null, requirement: request?.requirement };
}
