/**
 * The `saiku-*` tags in JSX, for React 19 hosts (which set object props such as `plans` as properties).
 * Loaded with `@saiku/billing-react/elements`.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { CheckoutSessionInput, PlanInfo, Tier } from '../core';
import type { BillingLabelsInput } from '../labels/types';
import type {
  SaikuBillingGateElement,
  SaikuBillingSettingsElement,
  SaikuBillingStatusBannerElement,
  SaikuManageButtonElement,
  SaikuPlanCardElement,
  SaikuPricingTableElement,
  SaikuUpgradeButtonElement,
} from './types';

/** What every tag takes in JSX: its attributes, and the object properties. */
export interface BillingElementProps<E extends HTMLElement> extends DetailedHTMLProps<HTMLAttributes<E>, E> {
  'api-base'?: string;
  locale?: string;
  theme?: 'light' | 'dark';
  /** Space-separated hosts. */
  'allowed-redirect-hosts'?: string;
  plans?: readonly PlanInfo[];
  labels?: BillingLabelsInput;
  checkout?: Partial<CheckoutSessionInput>;
}

type HeadingLevelAttribute = 2 | 3 | 4 | 5 | 6 | '2' | '3' | '4' | '5' | '6';

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'saiku-billing-settings': BillingElementProps<SaikuBillingSettingsElement> & {
        /** Space-separated, any of `status plan manage plans`. */
        sections?: string;
        'heading-level'?: HeadingLevelAttribute;
        'upgrade-tier'?: Tier;
      };
      'saiku-plan-card': BillingElementProps<SaikuPlanCardElement> & { 'upgrade-tier'?: Tier };
      'saiku-pricing-table': BillingElementProps<SaikuPricingTableElement> & {
        'heading-level'?: HeadingLevelAttribute;
      };
      'saiku-upgrade-button': BillingElementProps<SaikuUpgradeButtonElement> & { tier?: Tier };
      'saiku-manage-button': BillingElementProps<SaikuManageButtonElement> & { 'upgrade-tier'?: Tier };
      'saiku-billing-gate': BillingElementProps<SaikuBillingGateElement> & { feature?: string; tier?: Tier };
      'saiku-billing-status-banner': BillingElementProps<SaikuBillingStatusBannerElement>;
    }
  }
}
