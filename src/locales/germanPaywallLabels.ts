/** German strings for `<Paywall>`, apart from `germanLabels` so a page without the paywall does not load them. */
import type { PaywallLabels } from '../labels/paywallLabels';

/**
 * Every string `<Paywall>` shows, in German (Sie-form); its plans take `germanPricingTableLabels`.
 * @example <BillingProvider locale="de-DE" labels={{ ...germanLabels, paywall: germanPaywallLabels }}>
 */
export const germanPaywallLabels: PaywallLabels = {
  title: 'Upgraden, um dies freizuschalten',
  description: 'Wählen Sie einen Tarif, der es enthält.',
  empty: 'Keiner der hier wählbaren Tarife enthält dies bisher. Bitte kontaktieren Sie uns.',
  included: 'Ihr Tarif enthält dies bereits.',
  close: 'Schließen',
};
