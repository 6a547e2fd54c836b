'use client';
import type { ReactNode } from 'react';
import type { AccessRequirement, Tier } from '../core';
import { useAccess } from './useAccess';

export interface BillingGateProps {
  /**
   * Show the children only when the tenant's plan lists this key in its `entitlements` (the provider's
   * `plans`). Give `feature` or `tier`, not both. @example 'forecasts'
   */
  feature?: string;
  /** Show the children only at this tier or above, in the order of the provider's `plans`. @example 'business' */
  tier?: Tier;
  /** Shown while the tenant lacks access, or the state could not be loaded. @default null */
  fallback?: ReactNode;
  /** Shown while the state loads. @default null */
  loading?: ReactNode;
  /** Shown only while the tenant has access: billed features on, and the `feature` or `tier` if given. */
  children?: ReactNode;
}

/**
 * Renders its children only while the tenant has access (`useAccess`): with neither `feature` nor `tier`,
 * while billed features are on. Fails closed on errors. A gate in the browser shapes the UI; guard the
 * work itself on the server with `createAccessCheck`.
 */
export const BillingGate = /* @__PURE__ */ Object.assign(
  function BillingGate({
    feature,
    tier,
    fallback = null,
    loading = null,
    children,
  }: BillingGateProps): ReactNode {
    const { allowed, isLoading } = useAccess(gateRequirement(feature, tier));
    if (allowed === undefined) return isLoading ? loading : fallback;
    return allowed ? children : fallback;
  },
  { displayName: 'BillingGate' },
);

function gateRequirement(feature: string | undefined, tier: Tier | undefined): AccessRequirement | undefined {
  if (feature !== undefined && tier !== undefined)
    throw new TypeError(
      `<BillingGate> takes feature or tier, not both (got feature="${feature}", tier="${tier}").`,
    );
  if (feature !== undefined) return { feature };
  return tier === undefined ? undefined : { tier };
}
