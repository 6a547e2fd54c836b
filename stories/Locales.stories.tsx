import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { BillingStatusBanner, PlanCard, type BillingLabelsInput } from '../src';
import { formatDate } from '../src/core/describeBilling';
import { germanLabels, japaneseLabels } from '../src/locales';
import { scenario } from './support/network';
import { expectPlan, expectSentToPortal } from './support/plays';

/**
 * The provider's `locale` formats every date with `Intl`; its `labels` replace every string the
 * components show (messages with dates and day counts are functions). German and Japanese ship complete from
 * `@saiku/billing-react/locales`. Here: a Team trial ending in two days.
 */
const meta = {
  title: 'Guides/Locales',
  render: () => (
    <>
      <BillingStatusBanner />
      <div style={{ height: '1rem' }} />
      <PlanCard />
    </>
  ),
  tags: ['!autodocs'],
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

interface LocaleCase {
  locale: string;
  labels?: BillingLabelsInput;
  planCardTitle: string;
  badge: string;
  trialEnds: (date: string) => string;
  daysLeft: string;
  banner: (date: string) => string;
  manage: string;
}

function inLocale(c: LocaleCase): Story {
  const network = scenario('trialEndingSoon');
  return {
    ...network.story,
    parameters: {
      ...network.story.parameters,
      billing: { provider: { locale: c.locale, ...(c.labels ? { labels: c.labels } : {}) } },
    },
    // The text is in its own language for screen readers and for axe.
    decorators: [
      (Story) => (
        <div lang={c.locale}>
          <Story />
        </div>
      ),
    ],
    play: async ({ canvasElement }) => {
      const trialEndsAt = network.simulator.getState().trialEndsAt ?? '';
      const date = formatDate(new Date(trialEndsAt), c.locale);
      const card = await expectPlan(canvasElement, 'Team', c.badge, c.planCardTitle);
      await expect(within(card).getByText(c.trialEnds(date))).toBeVisible();
      await expect(within(card).getByText(c.daysLeft)).toBeVisible();
      await expect(within(canvasElement).getByText(c.banner(date))).toBeVisible();
      await userEvent.click(within(card).getByRole('button', { name: c.manage }));
      await expectSentToPortal(network.simulator);
    },
  };
}

export const EnglishUS: Story = {
  name: 'en-US',
  ...inLocale({
    locale: 'en-US',
    planCardTitle: 'Your plan',
    badge: 'Trial',
    trialEnds: (date) => `Trial ends on ${date}`,
    daysLeft: '2 days left in your trial',
    banner: (date) => `Your trial ends in 2 days (${date}). Add a payment method to keep billed features.`,
    manage: 'Manage billing',
  }),
};

export const German: Story = {
  name: 'de-DE',
  ...inLocale({
    locale: 'de-DE',
    labels: germanLabels,
    planCardTitle: 'Ihr Tarif',
    badge: 'Testphase',
    trialEnds: (date) => `Testphase endet am ${date}`,
    daysLeft: 'Noch 2 Tage Testphase',
    banner: (date) =>
      `Ihre Testphase endet in 2 Tagen (${date}). ` +
      'Hinterlegen Sie eine Zahlungsmethode, um die kostenpflichtigen Funktionen zu behalten.',
    manage: 'Abrechnung verwalten',
  }),
};

export const Japanese: Story = {
  name: 'ja-JP',
  ...inLocale({
    locale: 'ja-JP',
    labels: japaneseLabels,
    planCardTitle: 'ご利用中のプラン',
    badge: 'トライアル中',
    trialEnds: (date) => `トライアル終了日: ${date}`,
    daysLeft: 'トライアル残り2日',
    banner: (date) =>
      `トライアルは2日後（${date}）に終了します。有料機能を引き続きご利用いただくには、お支払い方法を登録してください。`,
    manage: 'お支払いを管理',
  }),
};
