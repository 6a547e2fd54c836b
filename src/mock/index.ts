// @saiku/billing-react/mock: the billing simulator, its msw handlers and an in-memory backend. No React.
export {
  createBillingSimulator,
  defaultApiKey,
  defaultPageUrls,
  defaultWebhookDelayMs,
  simulatorSchedule,
} from './createBillingSimulator';
export type {
  BillingSimulator,
  BillingSimulatorOptions,
  SimulatedCheckoutSession,
  SimulatedPortalSession,
  SimulatorChange,
  SimulatorPageUrls,
  SimulatorRoute,
} from './createBillingSimulator';
export { createScenario, scenarioNames, scenarios, scenarioTenantId } from './scenarios';
export type { ScenarioName } from './scenarios';
export { simulatorTiers } from './validateInput';
export { createMockBackend } from './createMockBackend';
export type { MockBackendOptions } from './createMockBackend';
export { billingHandlers, defaultHandlersBaseUrl } from './billingHandlers';
export type { BillingHandlersOptions } from './billingHandlers';
