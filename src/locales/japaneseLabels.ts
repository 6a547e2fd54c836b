/** Japanese labels (です/ます) for every string the components show. */
import type { BillingLabels } from '../labels/types';
import { statusName, type StatusNames } from './statusName';

const statusNames: StatusNames = {
  phases: {
    free: '無料',
    trialing: 'トライアル中',
    active: '有効',
    past_due: '支払い遅延',
    unpaid: '未払い',
    canceled: '解約済み',
  },
  others: { paused: '一時停止中', incomplete: '手続き未完了', incomplete_expired: '期限切れ' },
  unknown: '不明',
};

/**
 * Every string the components show, translated; dates come from the provider's `locale`, so pass a matching one.
 * @example <BillingProvider labels={japaneseLabels} locale="ja-JP">
 */
export const japaneseLabels: BillingLabels = {
  upgrade: 'アップグレード',
  manage: 'お支払いを管理',
  updatePaymentMethod: 'お支払い方法を更新',
  resumeWithPaymentMethod: 'お支払い方法を登録して再開',
  finishPayment: 'お支払いを完了',
  planCardTitle: 'ご利用中のプラン',
  loading: 'プランを読み込んでいます…',
  retry: '再試行',
  confirming: 'ご契約を確認しています…',
  confirmingTimedOut:
    'お支払いを確認しています。確認でき次第このページに表示されます。1分ほどしてからページを再読み込みしてください。',
  confirmed: 'ご契約が有効になりました。',
  noCustomer: '管理できるご契約はまだありません。プランをお選びいただくと開始できます。',
  planName: (description) => (description.phase === 'free' ? '無料' : description.planName),
  status: (description) => statusName(description, statusNames),
  date: (date) => {
    switch (date.kind) {
      case 'renews':
        return `次回更新日: ${date.formatted}`;
      case 'trial_ends':
        return `トライアル終了日: ${date.formatted}`;
      case 'access_ends':
        return `利用終了日: ${date.formatted}`;
      case 'access_ended':
        return `${date.formatted}に利用が終了しました`;
      case 'period_ends':
        return `現在の期間の終了日: ${date.formatted}`;
    }
  },
  trialDaysLeft: (days) => `トライアル残り${days}日`,
  price: (amount, interval) =>
    interval === 'month' ? `${amount}/月` : interval === 'year' ? `${amount}/年` : amount,
  banner: {
    trialEnding: (days, date) =>
      `トライアルは${days === 0 ? '本日' : days === 1 ? '明日' : `${days}日後`}${date ? `（${date}）` : ''}に終了します。` +
      '有料機能を引き続きご利用いただくには、お支払い方法を登録してください。',
    pastDue:
      '前回のお支払いに失敗しました。有料機能を引き続きご利用いただくには、お支払い方法を更新してください。',
    unpaid: 'お支払いが完了していないため、有料機能を停止しています。お支払い方法を更新すると再開されます。',
    paused:
      'お支払い方法が登録されないままトライアルが終了したため、ご契約を一時停止しています。お支払い方法を登録すると再開されます。',
    incomplete: '初回のお支払いがまだ完了していません。お支払いを完了するとご契約が開始されます。',
    canceled: (date) =>
      `ご契約は解約済みです。${date ? `${date}まで` : '現在の期間の終了まで'}ご利用いただけます。`,
    ended: (date) =>
      `ご契約は${date ? `${date}に` : ''}終了しました。プランをお選びいただくと、有料機能を再びご利用いただけます。`,
  },
  error: (error) => {
    switch (error.code) {
      case 'unauthorized':
        return 'お支払いを管理する権限がありません。もう一度サインインするか、管理者にお問い合わせください。';
      case 'no_customer':
        return '管理できるご契約はまだありません。';
      case 'already_subscribed':
        return 'すでにご契約があります。プランの変更はお支払いポータルで行えます。';
      case 'invalid_request':
        return 'お支払いサービスがリクエストを受け付けませんでした。';
      case 'rate_limited':
        return `リクエストが集中しています。${error.retryAfter ? `${error.retryAfter}秒後に` : 'しばらくしてから'}もう一度お試しください。`;
      case 'upstream':
        return 'お支払いサービスで問題が発生しています。しばらくしてからもう一度お試しください。';
      case 'network':
        return 'お支払いサービスに接続できません。接続を確認して、もう一度お試しください。';
      case 'timeout':
        return 'お支払いサービスからの応答がありませんでした。もう一度お試しください。';
      case 'invalid_response':
        return 'お支払いサービスから、このページで読み取れない応答が返されました。';
      case 'unsafe_redirect':
        return '信頼できる宛先ではないため、お支払いページを開きませんでした。';
    }
  },
  settings: {
    planHeading: 'ご利用中のプラン',
    plansHeading: 'プラン',
    manageHeading: '請求書とお支払い',
    manageDescription:
      '請求書のダウンロード、登録済みカードの変更、サブスクリプションの解約は請求ポータルで行えます。',
    manageButton: '請求書とお支払い情報を表示',
  },
};
