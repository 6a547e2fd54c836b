import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  BillingStatusBanner,
  PlanCard,
  defaultLabels,
  type BillingLabels,
  type BillingState,
} from '../../src';
import { BillingError, describeBilling } from '../../src/core';
import { billingErrorCodes } from '../../src/core/BillingError';
import { germanLabels, japaneseLabels } from '../../src/locales';
import {
  activeState,
  canceledEndedState,
  canceledWithAccessState,
  freeState,
  longDate,
  pastDueState,
  pausedState,
  teamState,
  trialingState,
  unpaidState,
} from './fixtures';
import { renderWithBilling, setupFakeBillingApi } from './renderWithBilling';

const api = setupFakeBillingApi();

/** What an English page shows around its dates and counts: none of it may reach a translated page. */
const englishStrings = [
  ...Object.values(defaultLabels).filter((value): value is string => typeof value === 'string'),
  ...Object.values(defaultLabels.banner).filter((value): value is string => typeof value === 'string'),
  ...['Free', 'Trial', 'Active', 'Past due', 'Unpaid', 'Canceled', 'Paused', 'Incomplete'],
  ...['Renews on', 'Trial ends on', 'Access ends on', 'Access ended on', 'Current period ends on'],
  ...['left in your trial', 'Your trial ends', 'Your subscription', 'Choose a plan'],
];

interface Pack {
  locale: string;
  labels: BillingLabels;
  planCardTitle: string;
  /** What the page shows in each state, given the relevant date as `Intl` formats it in `locale`. */
  expected: Record<string, (date: string) => string[]>;
}

const german: Pack = {
  locale: 'de-DE',
  labels: germanLabels,
  planCardTitle: 'Ihr Tarif',
  expected: {
    free: () => ['Kostenlos', 'Jetzt upgraden'],
    trialEndingSoon: (date) => [
      'Testphase',
      `Testphase endet am ${date}`,
      'Noch 2 Tage Testphase',
      `Ihre Testphase endet in 2 Tagen (${date}).`,
      'Abrechnung verwalten',
    ],
    active: (date) => ['Aktiv', `Verlängert sich am ${date}`, 'Abrechnung verwalten'],
    pastDue: (date) => [
      'Zahlung überfällig',
      `Verlängert sich am ${date}`,
      'Ihre letzte Zahlung ist fehlgeschlagen.',
      'Zahlungsmethode aktualisieren',
    ],
    unpaid: () => [
      'Unbezahlt',
      'Die kostenpflichtigen Funktionen sind pausiert',
      'Zahlungsmethode aktualisieren',
    ],
    canceledWithAccess: (date) => [
      'Gekündigt',
      `Zugang endet am ${date}`,
      `Der Zugang endet am ${date}.`,
      'Abrechnung verwalten',
    ],
    canceledEnded: (date) => [
      'Gekündigt',
      `Zugang endete am ${date}`,
      `Ihr Abonnement ist am ${date} abgelaufen.`,
      'Jetzt upgraden',
    ],
    unknownStatus: (date) => [
      'Pausiert',
      `Aktueller Zeitraum endet am ${date}`,
      'daher ist Ihr Abonnement pausiert',
      'Zahlungsmethode hinzufügen und fortsetzen',
    ],
    incomplete: (date) => [
      'Unvollständig',
      `Aktueller Zeitraum endet am ${date}`,
      'Ihre erste Zahlung ist noch nicht abgeschlossen.',
      'Zahlung abschließen',
    ],
  },
};

const japanese: Pack = {
  locale: 'ja-JP',
  labels: japaneseLabels,
  planCardTitle: 'ご利用中のプラン',
  expected: {
    free: () => ['無料', 'アップグレード'],
    trialEndingSoon: (date) => [
      'トライアル中',
      `トライアル終了日: ${date}`,
      'トライアル残り2日',
      `トライアルは2日後（${date}）に終了します。`,
      'お支払いを管理',
    ],
    active: (date) => ['有効', `次回更新日: ${date}`, 'お支払いを管理'],
    pastDue: (date) => [
      '支払い遅延',
      `次回更新日: ${date}`,
      '前回のお支払いに失敗しました。',
      'お支払い方法を更新',
    ],
    unpaid: () => ['未払い', '有料機能を停止しています', 'お支払い方法を更新'],
    canceledWithAccess: (date) => [
      '解約済み',
      `利用終了日: ${date}`,
      `${date}までご利用いただけます。`,
      'お支払いを管理',
    ],
    canceledEnded: (date) => [
      '解約済み',
      `${date}に利用が終了しました`,
      `ご契約は${date}に終了しました。`,
      'アップグレード',
    ],
    unknownStatus: (date) => [
      '一時停止中',
      `現在の期間の終了日: ${date}`,
      'ご契約を一時停止しています',
      'お支払い方法を登録して再開',
    ],
    incomplete: (date) => [
      '手続き未完了',
      `現在の期間の終了日: ${date}`,
      '初回のお支払いがまだ完了していません。',
      'お支払いを完了',
    ],
  },
};

const states: Record<string, () => BillingState> = {
  free: freeState,
  trialEndingSoon: () => trialingState(2),
  active: activeState,
  pastDue: pastDueState,
  unpaid: unpaidState,
  canceledWithAccess: canceledWithAccessState,
  canceledEnded: canceledEndedState,
  unknownStatus: pausedState,
  incomplete: () => teamState('incomplete', { billedFeaturesActive: false }),
};

/** Everything a person can read or hear on the page: its text and the accessible names given by aria-label. */
function pageText(): string {
  const names = [...document.body.querySelectorAll('[aria-label]')].map((element) =>
    element.getAttribute('aria-label'),
  );
  return [document.body.textContent, ...names].join('\n');
}

describe.each([german, japanese])('the $locale pack', (pack) => {
  it.each(Object.keys(states))('shows %s with no English left and dates in the locale', async (name) => {
    const state = (states[name] ?? freeState)();
    api.answer('state', state);
    renderWithBilling(
      <>
        <BillingStatusBanner />
        <PlanCard />
      </>,
      { labels: pack.labels, locale: pack.locale },
    );
    const card = screen.getByRole('region', { name: pack.planCardTitle });
    await waitFor(() => expect(card).toHaveAttribute('data-state', 'ready'));

    const text = pageText();
    const iso = state.trialEndsAt ?? state.currentPeriodEnd;
    for (const expected of pack.expected[name]?.(iso ? longDate(iso, pack.locale) : '') ?? [])
      expect(text).toContain(expected);
    expect(englishStrings.filter((english) => text.includes(english))).toEqual([]);
    if (iso) expect(text).not.toContain(longDate(iso, 'en-US'));
  });

  it('says every error code in its own words', () => {
    const errors = billingErrorCodes.map(
      (code) =>
        new BillingError(code, 'The server said no', code === 'rate_limited' ? { retryAfter: 7 } : {}),
    );
    const messages = errors.map((error) => pack.labels.error(error));
    for (const [index, error] of errors.entries()) {
      const message = messages[index];
      expect(message, error.code).not.toBe(defaultLabels.error(error));
      expect(message, error.code).not.toContain('The server said no');
      expect(message, error.code).toMatch(
        pack.locale === 'ja-JP' ? /[\u3040-\u30ff]/ : /\b(Sie|Der|der|die|ist|nicht|noch)\b/,
      );
    }
    // No catch-all: a pack with a `default:` branch would say the same thing for several codes.
    expect(new Set(messages).size).toBe(billingErrorCodes.length);
    expect(messages[billingErrorCodes.indexOf('rate_limited')]).toContain('7');
  });

  it('shows a status Stripe adds later as Stripe names it, humanised', () => {
    const description = describeBilling(teamState('on_hold'), { locale: pack.locale });
    expect(description.phase).toBe('unknown');
    expect(pack.labels.status(description)).toBe('On hold');
  });
});
