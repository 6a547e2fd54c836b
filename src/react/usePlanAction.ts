'use client';
import { useCallback, useMemo } from 'react';
import { planAction, type BillingError, type PlanActionKind, type PlanInfo, type Tier } from '../core';
import { noSubscription } from '../core/flow/startAction';
import { useBillingContext } from './BillingContext';
import { useBillingState } from './useBillingState';
import { useFlowAction, type SessionActionOptions } from './useFlowAction';

export type UsePlanActionOptions = SessionActionOptions;

export interface UsePlanActionResult {
  /**
   * What the plan's action does for this tenant (`planAction`). While the state loads (`isLoading`) it
   * assumes no subscription; `start()` always decides on the fetched state.
   */
  kind: PlanActionKind;
  /**
   * Does it: mints a Checkout session (`checkout`), a Portal session (`portal`, and `current` for a
   * subscriber), or goes to the plan's `contactUrl` through the provider's `navigate` (`contact`).
   * Never rejects: failures land in `error`.
   */
  start(): Promise<void>;
  /** True from the click until the page leaves (or fails to), or the action fails. */
  isPending: boolean;
  /** The last failure. */
  error: BillingError | null;
  /** True until the tenant's state has loaded. */
  isLoading: boolean;
}

/**
 * The action of the provider's plan for `tier` (or of a bare `{ tier }` if the provider's `plans` do not
 * list it), decided by the same rule as `<PricingTable>`: build your own plan picker with it.
 */
export function usePlanAction(tier: Tier, options: UsePlanActionOptions = {}): UsePlanActionResult {
  const { plans } = useBillingContext('usePlanAction');
  const plan = useMemo<PlanInfo>(() => plans?.find((p) => p.tier === tier) ?? { tier }, [plans, tier]);
  const query = useBillingState();
  const { run, isPending, error } = useFlowAction('usePlanAction', options);
  const start = useCallback(() => run({ kind: 'plan', plan }), [run, plan]);
  return {
    kind: planAction(query.data ?? noSubscription, plan),
    start,
    isPending,
    error,
    isLoading: query.isPending,
  };
}
