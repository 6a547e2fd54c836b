// @saiku/billing-react/server: the proxy that keeps the Saiku API key on the host's server.
export { createBillingProxy } from './createBillingProxy';
export type { BillingProxyHandler } from './createBillingProxy';
export type { CustomerDetails, ProxyOptions } from './proxyOptions';
export type { ProxyErrorCode } from './replies';
export { createMemoryRateLimiter, defaultRateLimit } from './rateLimit';
export type { RateLimiterLike, RateLimitOptions } from './rateLimit';
export { toNodeHandler } from './toNodeHandler';
export type { NodeHandlerOptions, NodeNext } from './toNodeHandler';
