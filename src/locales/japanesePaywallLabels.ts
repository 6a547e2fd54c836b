/** Japanese strings for `<Paywall>`, apart from `japaneseLabels` so a page without the paywall does not load them. */
import type { PaywallLabels } from '../labels/paywallLabels';

/**
 * Every string `<Paywall>` shows, in Japanese (polite form); its plans take `japanesePricingTableLabels`.
 * @example <BillingProvider locale="ja-JP" labels={{ ...japaneseLabels, paywall: japanesePaywallLabels }}>
 */
export const japanesePaywallLabels: PaywallLabels = {
  title: 'アップグレードしてご利用ください',
  description: 'この機能を含むプランをお選びください。',
  empty: 'ここで選べるプランには、まだこの機能が含まれていません。お問い合わせください。',
  included: 'ご利用中のプランに含まれています。',
  close: '閉じる',
};
