/**
 * The custom elements' DOM types: what each tag's properties are, and the event they dispatch. The
 * `HTMLElementTagNameMap` entries make `document.querySelector('saiku-plan-card')` and
 * `document.createElement('saiku-plan-card')` typed in any host.
 */
import type { CheckoutSessionInput, PlanInfo, Tier } from '../core';
import type { BillingEvent } from '../core/flow/BillingEvent';
import type { BillingLabelsInput } from '../labels/types';
import type { BillingSettingsSection } from '../react/BillingSettings';

/** The name of the event every element dispatches (bubbling, composed): its `detail` is the `BillingEvent`. */
export type BillingElementEventName = 'saiku-billing-event';

/** What `document.addEventListener('saiku-billing-event', …)` receives. */
export type BillingElementEvent = CustomEvent<BillingEvent>;

/** What every `saiku-*` element has: its attributes reflected as properties, and three object properties. */
export interface BillingElement extends HTMLElement {
  /**
   * The proxy's base path (attribute `api-base`); elements with the same one share one state.
   * @default '/api/billing'
   */
  apiBase: string;
  /** A BCP 47 locale for dates and prices (attribute `locale`). @default the browser's */
  locale: string | null;
  /** `'dark'` or `'light'` (attribute `theme`). @default null: the system's colour scheme */
  theme: 'light' | 'dark' | null;
  /**
   * Hosts a session URL may point at (attribute `allowed-redirect-hosts`, space-separated). The page's
   * elements of one `api-base` allow what any of them lists. @default ['checkout.stripe.com', 'billing.stripe.com']
   */
  allowedRedirectHosts: readonly string[];
  /** The plans offered (property only). @default none */
  plans: readonly PlanInfo[] | undefined;
  /** Any of the strings the components show, as the provider's `labels` (property only). */
  labels: BillingLabelsInput | undefined;
  /** Defaults for Checkout sessions, for the elements of this `api-base` (property only). */
  checkout: Partial<CheckoutSessionInput> | undefined;
}

/** `<saiku-billing-settings>`: the whole billing section (`<BillingSettings>`). */
export interface SaikuBillingSettingsElement extends BillingElement {
  /** Attribute `sections`, space-separated. @default ['status', 'plan', 'manage', 'plans'] */
  sections: readonly BillingSettingsSection[];
  /** Attribute `heading-level`, 2 to 6. @default 2 */
  headingLevel: number;
  /** Attribute `upgrade-tier`: what the plan card's upgrade checks out. */
  upgradeTier: Tier | null;
}

/** `<saiku-plan-card>` (`<PlanCard>`). */
export interface SaikuPlanCardElement extends BillingElement {
  /** Attribute `upgrade-tier`. */
  upgradeTier: Tier | null;
}

/** `<saiku-pricing-table>` (`<PricingTable>`): the `plans` property, or nothing. */
export interface SaikuPricingTableElement extends BillingElement {
  /** Attribute `heading-level`, 2 to 6. @default 3 */
  headingLevel: number;
}

/** `<saiku-upgrade-button>` (`<UpgradeButton>`): its text is the button's label. */
export interface SaikuUpgradeButtonElement extends BillingElement {
  /** Attribute `tier`: the plan to check out. @default the `checkout` property's tier, else 'team' */
  tier: Tier | null;
}

/** `<saiku-manage-button>` (`<ManageButton>`): its text is the button's label. */
export interface SaikuManageButtonElement extends BillingElement {
  /** Attribute `upgrade-tier`: offered when there is nothing to manage yet. */
  upgradeTier: Tier | null;
}

/**
 * `<saiku-billing-gate>` (`<BillingGate>`): its default slot while the tenant has access, its
 * `slot="fallback"` children otherwise.
 */
export interface SaikuBillingGateElement extends BillingElement {
  /** Attribute `feature`: a key the tenant's plan lists in `entitlements` (the `plans` property). */
  feature: string | null;
  /** Attribute `tier`: that tier or above, in the order of the `plans` property. Not with `feature`. */
  tier: Tier | null;
}

/** `<saiku-billing-status-banner>` (`<BillingStatusBanner>`). */
export type SaikuBillingStatusBannerElement = BillingElement;

declare global {
  interface HTMLElementTagNameMap {
    'saiku-billing-settings': SaikuBillingSettingsElement;
    'saiku-plan-card': SaikuPlanCardElement;
    'saiku-pricing-table': SaikuPricingTableElement;
    'saiku-upgrade-button': SaikuUpgradeButtonElement;
    'saiku-manage-button': SaikuManageButtonElement;
    'saiku-billing-gate': SaikuBillingGateElement;
    'saiku-billing-status-banner': SaikuBillingStatusBannerElement;
  }
  interface HTMLElementEventMap {
    'saiku-billing-event': BillingElementEvent;
  }
  interface DocumentEventMap {
    'saiku-billing-event': BillingElementEvent;
  }
}
