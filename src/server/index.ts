// @saiku/billing-react/server: the proxy that keeps the Saiku API key on the host's server.
export { createBillingProxy, defaultProxyTiers } from './createBillingProxy';
export type { CustomerDetails, ProxyOptions } from './createBillingProxy';
export type { ProxyErrorCode } from './replies';
export { toNodeHandler } from './toNodeHandler';
export type { NodeHandlerOptions, NodeNext } from './toNodeHandler';
