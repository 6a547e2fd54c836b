// Labels in German and Japanese, as a host would pass them to <BillingProvider labels={…}>: every
// string the components show, including the ones built from dates, day counts and error codes.
import type { BillingDescription, BillingError, BillingLabelsInput } from '../../src';

function byPhase(names: Record<string, string>) {
  return (description: BillingDescription) => names[description.phase] ?? description.status;
}

export const germanLabels: BillingLabelsInput = {
  upgrade: 'Jetzt upgraden',
  manage: 'Abrechnung verwalten',
  updatePaymentMethod: 'Zahlungsmethode aktualisieren',
  planCardTitle: 'Ihr Tarif',
  loading: 'Ihr Tarif wird geladen…',
  retry: 'Erneut versuchen',
  confirming: 'Ihr Abonnement wird bestätigt…',
  confirmingTimedOut: 'Ihre Zahlung wird noch bestätigt. Laden Sie die Seite in einer Minute neu.',
  confirmed: 'Ihr Abonnement ist aktiv.',
  noCustomer: 'Es gibt noch kein Abonnement zu verwalten. Wählen Sie einen Tarif, um eines abzuschließen.',
  status: byPhase({
    free: 'Kostenlos',
    trialing: 'Testphase',
    active: 'Aktiv',
    past_due: 'Zahlung überfällig',
    unpaid: 'Unbezahlt',
    canceled: 'Gekündigt',
  }),
  date: (date) => {
    switch (date.kind) {
      case 'renews':
        return `Verlängert sich am ${date.formatted}`;
      case 'trial_ends':
        return `Testphase endet am ${date.formatted}`;
      case 'access_ends':
        return `Zugang endet am ${date.formatted}`;
      case 'access_ended':
        return `Zugang endete am ${date.formatted}`;
      case 'period_ends':
        return `Aktueller Zeitraum endet am ${date.formatted}`;
    }
  },
  trialDaysLeft: (days) => (days === 1 ? 'Noch 1 Tag Testphase' : `Noch ${days} Tage Testphase`),
  banner: {
    trialEnding: (days, date) =>
      `Ihre Testphase endet ${days === 0 ? 'heute' : days === 1 ? 'morgen' : `in ${days} Tagen`}${date ? ` (${date})` : ''}. ` +
      'Hinterlegen Sie eine Zahlungsmethode, um die kostenpflichtigen Funktionen zu behalten.',
    pastDue: 'Ihre letzte Zahlung ist fehlgeschlagen. Aktualisieren Sie Ihre Zahlungsmethode, um den Zugang zu behalten.',
    unpaid: 'Kostenpflichtige Funktionen sind pausiert, weil Zahlungen fehlgeschlagen sind. Aktualisieren Sie Ihre Zahlungsmethode.',
    canceled: (date) => `Ihr Abonnement ist gekündigt. Der Zugang endet ${date ? `am ${date}` : 'zum Ende des Zeitraums'}.`,
    ended: (date) => `Ihr Abonnement ist ${date ? `am ${date} ` : ''}abgelaufen. Wählen Sie einen Tarif, um fortzufahren.`,
  },
  error: (error: BillingError) => {
    switch (error.code) {
      case 'unauthorized':
        return 'Sie dürfen die Abrechnung nicht verwalten. Melden Sie sich erneut an.';
      case 'no_customer':
        return 'Es gibt noch kein Abonnement zu verwalten.';
      case 'rate_limited':
        return 'Zu viele Anfragen. Bitte versuchen Sie es gleich noch einmal.';
      case 'network':
        return 'Der Abrechnungsdienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung.';
      case 'unsafe_redirect':
        return 'Der Abrechnungslink führt nicht zu einer vertrauenswürdigen Seite und wurde nicht geöffnet.';
      default:
        return 'Beim Abrechnungsdienst ist ein Fehler aufgetreten. Bitte versuchen Sie es erneut.';
    }
  },
};

export const japaneseLabels: BillingLabelsInput = {
  upgrade: 'アップグレード',
  manage: 'お支払いを管理',
  updatePaymentMethod: 'お支払い方法を更新',
  planCardTitle: 'ご利用中のプラン',
  loading: 'プランを読み込んでいます…',
  retry: '再試行',
  confirming: 'ご契約を確認しています…',
  confirmingTimedOut: 'お支払いを確認中です。1 分ほどしてからページを再読み込みしてください。',
  confirmed: 'ご契約が有効になりました。',
  noCustomer: '管理できるご契約はまだありません。プランを選んで開始してください。',
  status: byPhase({
    free: '無料',
    trialing: 'トライアル中',
    active: '有効',
    past_due: '支払い遅延',
    unpaid: '未払い',
    canceled: '解約済み',
  }),
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
  trialDaysLeft: (days) => `トライアル残り ${days} 日`,
  banner: {
    trialEnding: (days, date) =>
      `トライアルは${days === 0 ? '本日' : days === 1 ? '明日' : `${days} 日後`}${date ? `（${date}）` : ''}に終了します。` +
      '有料機能を引き続きご利用いただくには、お支払い方法を登録してください。',
    pastDue: '前回のお支払いに失敗しました。有料機能を引き続きご利用いただくには、お支払い方法を更新してください。',
    unpaid: 'お支払いが完了していないため、有料機能は停止中です。お支払い方法を更新すると再開されます。',
    canceled: (date) => `ご契約は解約済みです。${date ? `${date}まで` : '現在の期間の終了まで'}ご利用いただけます。`,
    ended: (date) => `ご契約は${date ? `${date}に` : ''}終了しました。プランを選ぶと有料機能を再開できます。`,
  },
  error: (error: BillingError) => {
    switch (error.code) {
      case 'unauthorized':
        return 'お支払いを管理する権限がありません。もう一度サインインしてください。';
      case 'no_customer':
        return '管理できるご契約はまだありません。';
      case 'network':
        return 'お支払いサービスに接続できません。接続を確認してください。';
      case 'unsafe_redirect':
        return '信頼できない宛先のため、お支払いページを開きませんでした。';
      default:
        return 'お支払いサービスでエラーが発生しました。もう一度お試しください。';
    }
  },
};
