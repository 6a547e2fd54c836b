import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { BillingStatusBanner, useBillingDescription } from '../src';
import { answer, requests, scenario, states, type StoryScenario } from './support/network';
import { expectSentToCheckout, expectSentToPortal, waitForStateRequests } from './support/plays';

/**
 * The rest of the host page, under the banner: says what state the banner saw, so an empty banner
 * reads as intended.
 */
function HostPage() {
  const { description, isPending, error } = useBillingDescription();
  const seen = isPending
    ? 'still loading'
    : description
      ? `${description.planName}, status “${description.status || 'free'}”`
      : `not loaded (${error?.code ?? 'unknown error'})`;
  return (
    <p
      data-testid="host-page"
      data-loaded={!isPending}
      style={{ marginTop: '1rem', color: 'var(--saiku-billing-muted)' }}
    >
      The host page continues here. Billing state: {seen}.
    </p>
  );
}

const meta = {
  title: 'Components/BillingStatusBanner',
  component: BillingStatusBanner,
  args: { trialWarningDays: 3, hideAction: false },
  decorators: [
    (Story) => (
      <>
        <Story />
        <HostPage />
      </>
    ),
  ],
} satisfies Meta<typeof BillingStatusBanner>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The banner, once the host page says the state is in. */
async function findBanner(canvasElement: HTMLElement): Promise<HTMLElement | null> {
  const host = await within(canvasElement).findByTestId('host-page');
  await waitFor(() => expect(host).toHaveAttribute('data-loaded', 'true'));
  return canvasElement.querySelector<HTMLElement>('.saiku-billing-banner');
}

/** Nothing needs attention: no banner at all (not an empty box). */
function quietIn(name: StoryScenario): Story {
  return {
    ...scenario(name).story,
    play: async ({ canvasElement }) => {
      await expect(await findBanner(canvasElement)).toBeNull();
      await expect(requests.state).toHaveBeenCalledOnce();
    },
  };
}

/** A notice in this tone, with this message and action, announced politely. */
function noticeIn(name: StoryScenario, tone: string, message: RegExp, action: string): Story {
  return {
    ...scenario(name).story,
    play: async ({ canvasElement }) => {
      const banner = await findBanner(canvasElement);
      if (!banner) throw new Error('Expected a banner.');
      await expect(banner).toHaveAttribute('data-tone', tone);
      await expect(banner).toHaveAttribute('role', 'status');
      await expect(within(banner).getByText(message)).toBeVisible();
      await expect(within(banner).getByRole('button', { name: action })).toBeVisible();
    },
  };
}

export const Free = quietIn('free');
/** 11 days left: more than `trialWarningDays`, so no notice yet. */
export const Trialing = quietIn('trialing');
export const TrialEndingSoon = noticeIn(
  'trialEndingSoon',
  'info',
  /^Your trial ends in 2 days \(.+\)\. Add a payment method/,
  'Manage billing',
);
export const Active = quietIn('active');
export const PastDue = noticeIn('pastDue', 'warning', /^Your last payment failed\./, 'Update payment method');
export const Unpaid = noticeIn(
  'unpaid',
  'danger',
  /^Billed features are paused because payments failed\./,
  'Update payment method',
);
export const Canceled = noticeIn(
  'canceled',
  'danger',
  /^Your subscription ended on .+\. Choose a plan/,
  'Upgrade',
);
export const Enterprise = quietIn('enterprise');
/** Paused (a trial ended without a card) and incomplete (an unfinished first payment) say what to do. */
export const Paused = noticeIn(
  'paused',
  'danger',
  /so your subscription is paused\. Add one to resume it\.$/,
  'Add a payment method to resume',
);
export const Incomplete = noticeIn(
  'incomplete',
  'warning',
  /^Your first payment is not finished yet\./,
  'Finish your payment',
);
/** A status the library has no words for gets no made-up warning. */
export const UnknownStatus: Story = { name: 'Unknown status (on_hold)', ...quietIn('unknownStatus') };

/** `trialWarningDays` widens the window: a 14-day trial warns from its first day. */
export const WiderTrialWarning: Story = {
  ...noticeIn('trialing', 'info', /^Your trial ends in 11 days/, 'Manage billing'),
  args: { trialWarningDays: 14 },
};

/** `hideAction`: the message only, for hosts that put the action elsewhere. */
export const WithoutAction: Story = {
  ...scenario('pastDue').story,
  args: { hideAction: true },
  play: async ({ canvasElement }) => {
    const banner = await findBanner(canvasElement);
    await expect(banner).not.toBeNull();
    await expect(within(banner as HTMLElement).queryByRole('button')).toBeNull();
  },
};

const pastDue = scenario('pastDue');
/** Past due: the banner's button opens the portal, where the card is updated. */
export const UpdatePaymentFromTheBanner: Story = {
  ...pastDue.story,
  play: async ({ canvasElement }) => {
    const banner = await findBanner(canvasElement);
    await userEvent.click(
      within(banner as HTMLElement).getByRole('button', { name: 'Update payment method' }),
    );
    await expectSentToPortal(pastDue.simulator);
  },
};

const canceled = scenario('canceled');
/** Canceled and out of access: the banner's button starts Checkout again. */
export const ResubscribeFromTheBanner: Story = {
  ...canceled.story,
  play: async ({ canvasElement }) => {
    const banner = await findBanner(canvasElement);
    await userEvent.click(within(banner as HTMLElement).getByRole('button', { name: 'Upgrade' }));
    await expectSentToCheckout(canceled.simulator);
  },
};

/** Loading, and every failure below: the banner stays out of the way (the plan card reports errors). */
export const Loading: Story = {
  parameters: answer(states.loading),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/Billing state: still loading/)).toBeVisible();
    await expect(canvasElement.querySelector('.saiku-billing-banner')).toBeNull();
  },
};

export const NetworkError: Story = {
  parameters: answer(states.networkError),
  play: async ({ canvasElement }) => {
    await waitForStateRequests(4);
    await expect(await findBanner(canvasElement)).toBeNull();
    await expect(within(canvasElement).getByText(/not loaded \(network\)/)).toBeVisible();
  },
};

export const Unauthorized: Story = {
  parameters: answer(states.unauthorized),
  play: async ({ canvasElement }) => {
    await expect(await findBanner(canvasElement)).toBeNull();
    await expect(within(canvasElement).getByText(/not loaded \(unauthorized\)/)).toBeVisible();
  },
};

export const ServiceUnavailable: Story = {
  parameters: answer(states.unavailable),
  play: async ({ canvasElement }) => {
    await waitForStateRequests(4);
    await expect(await findBanner(canvasElement)).toBeNull();
    await expect(within(canvasElement).getByText(/not loaded \(upstream\)/)).toBeVisible();
  },
};

export const MalformedResponse: Story = {
  parameters: answer(states.malformed),
  play: async ({ canvasElement }) => {
    await expect(await findBanner(canvasElement)).toBeNull();
    await expect(within(canvasElement).getByText(/not loaded \(invalid_response\)/)).toBeVisible();
  },
};
