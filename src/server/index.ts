// @saiku/billing-react/server: the proxy that keeps the Saiku API key on the host's server.
export { createBillingProxy } from './createBillingProxy';
export type { BillingProxyHandler } from './createBillingProxy';
export type { CustomerDetails, ProxyOptions } from './proxyOptions';
export type { ProxyErrorCode } from './replies';
export { createMemoryRateLimiter, defaultRateLimit } from './rateLimit';
export type { RateLimiterLike, RateLimitOptions } from './rateLimit';
export { createAccessCheck } from './createAccessCheck';
export type {
  AccessCacheOptions,
  AccessCheck,
  AccessCheckOptions,
  AccessCheckResult,
  AccessReason,
} from './createAccessCheck';
export type { AccessStateStore } from './stateStore';
export { toNodeHandler } from './toNodeHandler';
export type { NodeHandlerOptions, NodeNext } from './toNodeHandler';
