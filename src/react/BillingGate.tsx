'use client';
import type { ReactNode } from 'react';
import { useBillingState } from './useBillingState';

export interface BillingGateProps {
  /** Shown while billed features are off, or the state could not be loaded. @default null */
  fallback?: ReactNode;
  /** Shown while the state loads. @default null */
  loading?: ReactNode;
  /** Shown only while `billedFeaturesActive` is true. */
  children?: ReactNode;
}

/** Renders its children only while the tenant has billed features; fails closed on errors. */
export const BillingGate = /* @__PURE__ */ Object.assign(
  function BillingGate({ fallback = null, loading = null, children }: BillingGateProps): ReactNode {
    const { data: active, isPending } = useBillingState({ select: (state) => state.billedFeaturesActive });
    if (active === undefined) return isPending ? loading : fallback;
    return active ? children : fallback;
  },
  { displayName: 'BillingGate' },
);
