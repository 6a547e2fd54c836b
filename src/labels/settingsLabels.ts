/**
 * `<BillingSettings>`'s own English strings (its parts bring theirs): the headings of its sections and
 * the invoices block. Override any of them with the provider's `labels.settings`.
 */

export interface BillingSettingsLabels {
  /** The heading over the plan card. @default 'Your plan' */
  planHeading: string;
  /** The heading over the plans. @default 'Plans' */
  plansHeading: string;
  /** The heading over the invoices and payment block. @default 'Invoices and payment' */
  manageHeading: string;
  /** What the invoices block says the Portal is for. */
  manageDescription: string;
  /** The invoices block's button, which opens the Customer Portal. @default 'View invoices and payment details' */
  manageButton: string;
}

export const defaultSettingsLabels: BillingSettingsLabels = {
  planHeading: 'Your plan',
  plansHeading: 'Plans',
  manageHeading: 'Invoices and payment',
  manageDescription:
    'Download invoices, change the card on file or cancel your subscription in the billing portal.',
  manageButton: 'View invoices and payment details',
};
