/** Japanese strings for `<PricingTable>`, apart from `japaneseLabels`: a page without the table does not load them. */
import type { PricingTableLabels } from '../labels/pricingTableLabels';

/**
 * Every string `<PricingTable>` shows, in Japanese (です/ます).
 * @example <BillingProvider locale="ja-JP" labels={{ ...japaneseLabels, pricingTable: japanesePricingTableLabels }}>
 */
export const japanesePricingTableLabels: PricingTableLabels = {
  title: '料金プラン',
  loading: '料金プランを読み込んでいます…',
  recommended: 'おすすめ',
  current: '現在のプラン',
  start: (name) => `${name}で始める`,
  choose: (name) => `${name}を選択`,
  switchTo: (name) => `${name}に変更`,
  managePlan: (name) => `${name}を管理`,
  contact: () => '営業に問い合わせる',
  features: (name) => `${name}の内容`,
};
