'use client';
import { useCallback, useMemo } from 'react';
import {
  hasSubscription,
  planAction,
  type BillingError,
  type BillingState,
  type PlanActionKind,
  type PlanInfo,
  type Tier,
} from '../core';
import { useBillingContext } from './BillingContext';
import { billingQueryOptions } from './billingQueryOptions';
import { useBillingState } from './useBillingState';
import { useCheckout } from './useCheckout';
import { usePortal } from './usePortal';
import type { SessionActionOptions } from './useSessionAction';

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
  /** True from the click until navigation or failure. */
  isPending: boolean;
  /** The last failure. */
  error: BillingError | null;
  /** True until the tenant's state has loaded. */
  isLoading: boolean;
}

/** How a tenant with no subscription yet sees plans, until its state arrives. */
const noSubscription: BillingState = {
  tenantId: '',
  tier: '',
  stripeCustomerId: null,
  subscriptionStatus: '',
  currentPeriodEnd: null,
  trialEndsAt: null,
  billedFeaturesActive: false,
};

/**
 * The action of the provider's plan for `tier` (or of a bare `{ tier }` if the provider's `plans` do not
 * list it), decided by the same rule as `<PricingTable>`: build your own plan picker with it.
 */
export function usePlanAction(tier: Tier, options: UsePlanActionOptions = {}): UsePlanActionResult {
  const { plans, backend, queryClient, navigate, initialState } = useBillingContext('usePlanAction');
  const plan = useMemo<PlanInfo>(() => plans?.find((p) => p.tier === tier) ?? { tier }, [plans, tier]);
  const query = useBillingState();
  const checkout = useCheckout(options);
  const portal = usePortal(options);
  const kind = planAction(query.data ?? noSubscription, plan);
  const startCheckout = checkout.start;
  const openPortal = portal.open;

  const start = useCallback(async () => {
    const state = await queryClient
      .ensureQueryData({
        ...billingQueryOptions(backend),
        retry: false,
        ...(initialState ? { initialData: initialState } : {}),
      })
      .catch((): BillingState | undefined => undefined);
    switch (state ? planAction(state, plan) : kind) {
      case 'contact':
        if (plan.contactUrl) navigate(plan.contactUrl);
        return;
      case 'portal':
        return openPortal();
      case 'current':
        // The tenant's own plan: a subscriber manages it in the Portal; a free plan has nothing to do.
        return state && hasSubscription(state) ? openPortal() : undefined;
      case 'checkout':
        // Checks the state again itself: a subscriber is sent to the Portal.
        return startCheckout({ tier: plan.tier });
    }
  }, [queryClient, backend, initialState, plan, kind, navigate, openPortal, startCheckout]);

  return {
    kind,
    start,
    isPending: checkout.isPending || portal.isPending,
    error: checkout.error ?? portal.error,
    isLoading: query.isPending,
  };
}
