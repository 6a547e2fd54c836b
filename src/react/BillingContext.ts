'use client';
import type { QueryClient } from '@tanstack/react-query';
import { createContext, useContext, useSyncExternalStore } from 'react';
import type {
  BillingBackend,
  BillingState,
  CheckoutSessionInput,
  PlanInfo,
  PortalSessionInput,
} from '../core';
import type { BillingFlow, FlowSnapshot } from '../core/flow/billingFlow';
import type { BillingLabelsInput } from '../labels/types';

export type { CheckoutReturnStatus } from '../core/flow/billingFlow';

/** The provider's configuration. What changes while the page runs (pending, errors, returns) is in `flow`. */
export interface BillingContextValue {
  backend: BillingBackend;
  queryClient: QueryClient;
  /** The trip to Stripe and back: subscribe with `useFlowSnapshot`. */
  flow: BillingFlow;
  checkout: Partial<CheckoutSessionInput>;
  portal: Partial<PortalSessionInput>;
  locale: string | undefined;
  /** The host's `labels` overrides, as given: each component lays them over its own defaults. */
  labels: BillingLabelsInput | undefined;
  /** The host's plans, for `<PricingTable>`, `usePlans` and the plan card's name and price. */
  plans: readonly PlanInfo[] | undefined;
  initialState: BillingState | undefined;
  /** The `id` of the provider's empty form, which the buttons submit without JavaScript. */
  formId: string;
}

// Named for React DevTools inside a pure call, so a bundler may still drop it with the file.
export const BillingContext = /* @__PURE__ */ Object.assign(
  createContext<BillingContextValue | undefined>(undefined),
  { displayName: 'BillingContext' },
);

/** The provider's value; throws a clear error when used outside `<BillingProvider>`. */
export function useBillingContext(hookName: string): BillingContextValue {
  const value = useContext(BillingContext);
  if (value === undefined) {
    throw new Error(`${hookName} must be used inside <BillingProvider>.`);
  }
  return value;
}

/**
 * What a component reads from the flow's store; it re-renders only when that changes. `select` must
 * return a value from the snapshot (or a primitive), not a new object.
 */
export function useFlowSnapshot<T>(flow: BillingFlow, select: (snapshot: FlowSnapshot) => T): T {
  return useSyncExternalStore(
    flow.subscribe,
    () => select(flow.getSnapshot()),
    () => select(flow.getServerSnapshot()),
  );
}
