// @saiku/billing-react/core: React-free types, parsing, errors, backends and descriptions. Only what
// DESIGN.md and the README's API table promise is exported here; the library's own modules import
// internals (errorFromResponse, isLoopbackHost, …) by path, never through this barrel.
export type {
  BillingBackend,
  BillingState,
  CheckoutSession,
  CheckoutSessionInput,
  PortalSession,
  PortalSessionInput,
  SubscriptionStatus,
  Tier,
} from './types';
export { BillingError, isBillingError } from './BillingError';
export type { BillingErrorCode, BillingErrorOptions } from './BillingError';
export { parseBillingState } from './parse';
export { createProxyBackend } from './createProxyBackend';
export type { ProxyBackendOptions } from './createProxyBackend';
export { createSaikuClient } from './createSaikuClient';
export type { SaikuClientOptions } from './createSaikuClient';
export { describeBilling } from './describeBilling';
export type {
  BillingDate,
  BillingDateKind,
  BillingDescription,
  BillingPhase,
  DescribeBillingOptions,
} from './describeBilling';
export { currentPlan, formatPlanPrice, hasSubscription, isFreePlan, planAction, planTitle } from './plans';
export type { PlanActionKind, PlanInfo, PlanPrice } from './plans';
export { canAccess, plansUnlocking } from './access';
export type { AccessRequirement, PlanFeature } from './access';
export { assertSafeRedirect } from './redirect';
export { defaultAllowedRedirectHosts } from './allowedHosts';
export { knownTiers } from './tiers';
export type { KnownTier } from './tiers';
export { checkoutReturnParam, portalReturnParam, returnedErrorParam } from './markers';
export { billingStateQueryKey } from './billingStateQueryKey';
