'use client';
import type { QueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type {
  BillingBackend,
  BillingState,
  CheckoutSessionInput,
  PlanInfo,
  PortalSessionInput,
} from '../core';
import type { EmitBillingEvent } from './BillingEvent';
import type { BillingLabelsInput } from '../labels/types';

/** Where a return from Checkout stands. */
export type CheckoutReturnStatus = 'idle' | 'confirming' | 'confirmed' | 'timed_out';

export interface BillingContextValue {
  backend: BillingBackend;
  queryClient: QueryClient;
  navigate: (url: string) => void;
  checkout: Partial<CheckoutSessionInput>;
  portal: Partial<PortalSessionInput>;
  allowedRedirectHosts: readonly string[];
  locale: string | undefined;
  /** The host's `labels` overrides, as given: each component lays them over its own defaults. */
  labels: BillingLabelsInput | undefined;
  /** The host's plans, for `<PricingTable>`, `usePlans` and the plan card's name and price. */
  plans: readonly PlanInfo[] | undefined;
  initialState: BillingState | undefined;
  checkoutReturn: CheckoutReturnStatus;
  /** `billing_error` from the address bar, set by the proxy's no-JavaScript portal route. */
  returnedError: string | null;
  /** Reports a lifecycle event to the provider's `onEvent`. */
  emit: EmitBillingEvent;
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
