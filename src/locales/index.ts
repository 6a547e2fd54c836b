// @saiku/billing-react/locales: complete label sets for the provider's `labels`, beside their locale. No React.
export { germanLabels } from './germanLabels';
export { japaneseLabels } from './japaneseLabels';
export { germanPricingTableLabels } from './germanPricingTableLabels';
export { japanesePricingTableLabels } from './japanesePricingTableLabels';
export { germanPaywallLabels } from './germanPaywallLabels';
export { japanesePaywallLabels } from './japanesePaywallLabels';
