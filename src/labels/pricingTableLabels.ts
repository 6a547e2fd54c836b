/**
 * `<PricingTable>`'s English strings, kept apart from the other components' labels: only a page that
 * renders the table loads them. Override any of them with the table's `labels` prop or the provider's
 * `labels.pricingTable`.
 */

export interface PricingTableLabels {
  /** The table's accessible name. @default 'Plans' */
  title: string;
  /** Shown while the state loads. @default 'Loading plans…' */
  loading: string;
  /** The mark on a `highlighted` plan. @default 'Recommended' */
  recommended: string;
  /** The mark on the tenant's plan. @default 'Current plan' */
  current: string;
  /** Checkout on the recommended plan. @default name => `Start with ${name}` */
  start(planName: string): string;
  /** Checkout on any other plan. @default name => `Choose ${name}` */
  choose(planName: string): string;
  /** A plan change in the Portal. @default name => `Switch to ${name}` */
  switchTo(planName: string): string;
  /**
   * The Portal on the current plan. Named apart from the manage button's `manage` (a string), so one key
   * never means two types. @default name => `Manage ${name}`
   */
  managePlan(planName: string): string;
  /** The link to a plan's `contactUrl`. @default 'Contact sales' */
  contact(planName: string): string;
  /** The accessible name of a plan's feature list. @default name => `${name} includes` */
  features(planName: string): string;
}

export const defaultPricingTableLabels: PricingTableLabels = {
  title: 'Plans',
  loading: 'Loading plans…',
  recommended: 'Recommended',
  current: 'Current plan',
  start: (name) => `Start with ${name}`,
  choose: (name) => `Choose ${name}`,
  switchTo: (name) => `Switch to ${name}`,
  managePlan: (name) => `Manage ${name}`,
  contact: () => 'Contact sales',
  features: (name) => `${name} includes`,
};

/** Any of `<PricingTable>`'s strings: its `labels` prop, and the provider's `labels.pricingTable`. */
export type PricingTableLabelsInput = Partial<PricingTableLabels> & {
  /**
   * @deprecated Renamed `managePlan`: `manage` is the manage button's text, a string, in `labels`. Still
   * read: where any layer gives it, it is shown instead of `managePlan`.
   */
  manage?: (planName: string) => string;
};
