// @saiku/billing-react/core: React-free types, parsing, errors, backends and descriptions.
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
export {
  BillingError,
  billingErrorCodes,
  isBillingError,
  isTransientCode,
  codeForStatus,
} from './BillingError';
export type { BillingErrorCode, BillingErrorOptions } from './BillingError';
export { parseBillingState, parseCheckoutSession, parsePortalSession, parseErrorBody } from './parse';
export { createProxyBackend, defaultProxyBasePath } from './createProxyBackend';
export type { ProxyBackendOptions } from './createProxyBackend';
export { createSaikuClient, defaultSaikuBaseUrl } from './createSaikuClient';
export type { SaikuClientOptions } from './createSaikuClient';
export { describeBilling, formatDate, phaseFor, planNameFor } from './describeBilling';
export type {
  BillingDate,
  BillingDateKind,
  BillingDescription,
  BillingPhase,
  DescribeBillingOptions,
} from './describeBilling';
export { currentPlan, formatPlanPrice, hasSubscription, isFreePlan, planAction } from './plans';
export type { PlanActionKind, PlanInfo, PlanPrice } from './plans';
export { assertSafeRedirect, defaultAllowedRedirectHosts } from './redirect';
export { isLoopbackHost } from './secureUrl';
export { knownTiers } from './tiers';
export type { KnownTier } from './tiers';
export { errorFromResponse } from './http';
export { checkoutReturnParam, portalReturnParam, returnedErrorParam } from './markers';
export { billingStateQueryKey } from './billingStateQueryKey';
