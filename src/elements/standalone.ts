// @saiku/billing-react/standalone: one file that defines the `saiku-*` elements on load, its renderer
// (Preact, standing in for React) inside. Built by scripts/buildStandalone.mjs into dist/standalone.js.
import { defineBillingElements } from './defineBillingElements';

export type {
  BillingElement,
  BillingElementEvent,
  BillingElementEventName,
  SaikuBillingGateElement,
  SaikuBillingSettingsElement,
  SaikuBillingStatusBannerElement,
  SaikuManageButtonElement,
  SaikuPlanCardElement,
  SaikuPricingTableElement,
  SaikuUpgradeButtonElement,
} from './types';

// Imported on a server (a framework rendering the page first), it defines nothing.
if (typeof customElements !== 'undefined') defineBillingElements();
