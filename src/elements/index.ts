// @saiku/billing-react/elements: the components as custom elements, for bundlers (React is a peer).
import './jsx';

export { defineBillingElements, billingElementTags } from './defineBillingElements';
export type { BillingElementsOptions } from './defineBillingElements';
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
export type { BillingElementProps } from './jsx';
