/**
 * `<Paywall>`'s English strings, kept apart from the other components' labels: only a page that renders
 * the paywall loads them. Override any of them with the paywall's `labels` prop or the provider's
 * `labels.paywall`; its plans take the table's strings (`labels.pricingTable`).
 */

export interface PaywallLabels {
  /** The dialog's title and accessible name. @default 'Upgrade to unlock this' */
  title: string;
  /** The line under the title, above the plans that unlock it. @default 'Choose a plan that includes it.' */
  description: string;
  /** Shown instead of plans when none of the provider's plans unlocks it. */
  empty: string;
  /** Shown when the tenant's plan already unlocks it. @default 'Your plan already includes this.' */
  included: string;
  /** The close button's accessible name. @default 'Close' */
  close: string;
}

export const defaultPaywallLabels: PaywallLabels = {
  title: 'Upgrade to unlock this',
  description: 'Choose a plan that includes it.',
  empty: 'None of the plans you can choose here includes this yet. Please contact us.',
  included: 'Your plan already includes this.',
  close: 'Close',
};

/** Any of `<Paywall>`'s strings: its `labels` prop, and the provider's `labels.paywall`. */
export type PaywallLabelsInput = Partial<PaywallLabels>;
