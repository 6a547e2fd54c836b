// @saiku/billing-react/mock: the billing simulator, its msw handlers and an in-memory backend. No React.
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
export { billingHandlers, defaultHandlersBaseUrl } from './billingHandlers';
export type { BillingHandlersOptions } from './billingHandlers';
