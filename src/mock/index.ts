// @saiku/billing-react/mock: the billing simulator, its msw handlers and an in-memory backend. No React,
// and no static msw import (it works where the optional peer msw is not installed).
export { createBillingSimulator } from './createBillingSimulator';
export type { BillingSimulatorOptions } from './createBillingSimulator';
export type {
  BillingSimulator,
  SimulatedCheckoutSession,
  SimulatedPortalSession,
  SimulatorChange,
  SimulatorPageUrls,
  SimulatorRoute,
} from './BillingSimulator';
export { scenarios } from './scenarios';
export type { ScenarioName } from './scenarios';
export { createMockBackend } from './createMockBackend';
export type { MockBackendOptions } from './createMockBackend';
// msw is an optional peer: loaded lazily here, statically in /mock/msw.
export { billingHandlers } from './lazyBillingHandlers';
export type { BillingHandlersOptions } from './handlersWith';
