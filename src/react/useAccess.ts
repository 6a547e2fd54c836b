'use client';
import { useEffect } from 'react';
import { canAccess, plansUnlocking, type AccessRequirement, type BillingError, type PlanInfo } from '../core';
import { useBillingContext } from './BillingContext';
import { useBillingState } from './useBillingState';

export interface UseAccessResult {
  /**
   * Whether the tenant may use what the requirement names (`canAccess` over the provider's `plans`);
   * undefined until the state has loaded, and while it cannot be loaded (see `error`): treat that as no.
   */
  allowed: boolean | undefined;
  /** True until the tenant's state has loaded. */
  isLoading: boolean;
  /** Why the state could not be loaded, if it could not. */
  error: BillingError | null;
  /** The provider's plans that would grant it (`plansUnlocking`), in their order: what a paywall sells. */
  plans: PlanInfo[];
}

const noPlans: readonly PlanInfo[] = [];

/**
 * Whether the tenant's plan grants `requirement`: a feature some plan lists in `entitlements`, or a tier
 * at or above which access is granted; with none, whether billed features are on. Reads the provider's
 * `plans`, by the same rule (`canAccess`) the server's access check uses.
 * @example const { allowed } = useAccess({ feature: 'forecasts' });
 */
export function useAccess(requirement?: AccessRequirement): UseAccessResult {
  const context = useBillingContext('useAccess');
  const plans = context.plans ?? noPlans;
  // First, in render: a malformed requirement is the rule's TypeError here, not a failed query in `select`.
  const unlocking = plansUnlocking(requirement, plans);
  const feature = requirement && 'feature' in requirement ? requirement.feature : undefined;
  const {
    data: allowed,
    isPending,
    error,
  } = useBillingState({
    select: (state) => canAccess(state, requirement, plans),
  });
  const noEntitlements = feature !== undefined && !plans.some((plan) => plan.entitlements?.length);
  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' && noEntitlements) {
      console.warn(
        `[@saiku/billing-react] useAccess({ feature: '${feature}' }): no plan on <BillingProvider plans> lists ` +
          '`entitlements`, so no tenant is granted it. Give each plan the feature keys it unlocks.',
      );
    }
  }, [noEntitlements, feature]);
  return { allowed, isLoading: isPending, error, plans: unlocking };
}
