/** German strings for `<PricingTable>`, apart from `germanLabels` so a page without the table does not load them. */
import type { PricingTableLabels } from '../labels/pricingTableLabels';

/**
 * Every string `<PricingTable>` shows, in German (Sie-form).
 * @example <BillingProvider locale="de-DE" labels={{ ...germanLabels, pricingTable: germanPricingTableLabels }}>
 */
export const germanPricingTableLabels: PricingTableLabels = {
  title: 'Tarife',
  loading: 'Tarife werden geladen…',
  recommended: 'Empfohlen',
  current: 'Aktueller Tarif',
  start: (name) => `Mit ${name} starten`,
  choose: (name) => `${name} wählen`,
  switchTo: (name) => `Zu ${name} wechseln`,
  managePlan: (name) => `${name} verwalten`,
  contact: () => 'Vertrieb kontaktieren',
  features: (name) => `${name} enthält`,
};
