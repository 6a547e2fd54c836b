'use client';
import { useMemo } from 'react';
import { planAction, type PlanActionKind, type PlanInfo } from '../core';
import { useBillingContext } from './BillingContext';
import { useBillingState } from './useBillingState';

/** A plan with what its action does for this tenant. */
export type PlanWithAction = PlanInfo & { action: PlanActionKind };

/**
 * The provider's `plans`, each with its `action` for this tenant (`planAction`): the data of
 * `<PricingTable>`, for a table of your own. Empty until the state has loaded (see `useBillingState`
 * for loading and errors) and when the provider has no `plans`.
 */
export function usePlans(): PlanWithAction[] {
  const { plans } = useBillingContext('usePlans');
  const { data: state } = useBillingState();
  return useMemo(
    () => (state && plans ? plans.map((plan) => ({ ...plan, action: planAction(state, plan) })) : []),
    [state, plans],
  );
}
