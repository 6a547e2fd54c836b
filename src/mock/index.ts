// @saiku/billing-react/mock: the billing simulator, its msw handlers and an in-memory backend. No React,
// and no static msw import (it works where the optional peer msw is not installed).
export {
  createBillingSimulator,
  defaultApiKey,
  defaultPageUrls,
  defaultWebhookDelayMs,
} from './createBillingSimulator';
export type { BillingSimulatorOptions } from './createBillingSimulator';
export { simulatorSchedule } from './lifecycle';
export type {
  BillingSimulator,
  SimulatedCheckoutSession,
  SimulatedPortalSession,
  SimulatorChange,
  SimulatorPageUrls,
  SimulatorRoute,
} from './BillingSimulator';
export { createScenario, scenarioNames, scenarios, scenarioTenantId } from './scenarios';
export type { ScenarioName } from './scenarios';
export { simulatorTiers } from './validateInput';
export { createMockBackend } from './createMockBackend';
export type { MockBackendOptions } from './createMockBackend';
// msw is an optional peer: loaded lazily here, statically in /mock/msw.
export { billingHandlers } from './lazyBillingHandlers';
export { defaultHandlersBaseUrl } from './handlersWith';
export type { BillingHandlersOptions } from './handlersWith';
