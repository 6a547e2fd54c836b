import type { Meta, StoryObj } from '@storybook/react-vite';
import { delay, http } from 'msw';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { UpgradeButton } from '../src';
import { navigate } from './support/navigate';
import { answer, proxy, requests, scenario, sessions, type StoryScenario } from './support/network';
import { expectSentToCheckout, expectSentToPortal } from './support/plays';

const meta = {
  title: 'Components/UpgradeButton',
  component: UpgradeButton,
  args: { tier: 'team' },
  argTypes: { children: { control: 'text' } },
} satisfies Meta<typeof UpgradeButton>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * In every scenario a click mints exactly one session, then and not before, and goes to its URL: Checkout
 * for a tenant without a subscription, the Customer Portal (where Stripe changes plans) for one with it,
 * so a second subscription is never started.
 */
function inScenario(name: StoryScenario, goesTo: 'checkout' | 'portal'): Story {
  const network = scenario(name);
  return {
    ...network.story,
    play: async ({ canvasElement }) => {
      const button = within(canvasElement).getByRole('button', { name: 'Upgrade' });
      await expect(requests.checkoutSession).not.toHaveBeenCalled();
      await userEvent.click(button);
      if (goesTo === 'checkout') {
        await expectSentToCheckout(network.simulator);
        await expect(requests.checkoutSession).toHaveBeenCalledOnce();
      } else {
        await expectSentToPortal(network.simulator);
        await expect(requests.checkoutSession).not.toHaveBeenCalled();
      }
    },
  };
}

export const Free = inScenario('free', 'checkout');
export const Trialing = inScenario('trialing', 'portal');
export const TrialEndingSoon = inScenario('trialEndingSoon', 'portal');
export const Active = inScenario('active', 'portal');
export const PastDue = inScenario('pastDue', 'portal');
export const Unpaid = inScenario('unpaid', 'portal');
export const Paused = inScenario('paused', 'portal');
export const Incomplete = inScenario('incomplete', 'portal');
export const Canceled = inScenario('canceled', 'checkout');
export const Enterprise = inScenario('enterprise', 'portal');
export const UnknownStatus: Story = {
  name: 'Unknown status (on_hold)',
  ...inScenario('unknownStatus', 'portal'),
};

const oneClick = scenario('free');
/**
 * The click mints one session with the provider's defaults (tier, email, name) and the current page as
 * success and cancel URL (the success URL carries the return marker), then navigates — captured here.
 */
export const ClickMintsOneSessionAndNavigates: Story = {
  ...oneClick.story,
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Upgrade' }));
    await expectSentToCheckout(oneClick.simulator);
    await expect(requests.checkoutSession).toHaveBeenCalledOnce();
    await expect(requests.checkoutSession).toHaveBeenCalledWith(
      expect.objectContaining({
        tier: 'team',
        email: 'alice@acme.test',
        name: 'Acme Corp',
        successUrl: expect.stringContaining('saiku_checkout=success'),
        cancelUrl: expect.stringContaining('saiku_checkout=canceled'),
      }),
    );
  },
};

const slowCheckout = scenario('free', {
  // Hold the answer so the second click lands while the first session is still being minted.
  before: [http.post(`${proxy}/checkout-session`, async () => void (await delay(400)))],
});
/** A double click (or an impatient second click) while a session is pending mints nothing more. */
export const DoubleClickMintsOne: Story = {
  ...slowCheckout.story,
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Upgrade' });
    await userEvent.dblClick(button);
    await userEvent.click(button);
    await expectSentToCheckout(slowCheckout.simulator);
    await expect(requests.checkoutSession).toHaveBeenCalledOnce();
    await expect(slowCheckout.simulator.listCheckoutSessions()).toHaveLength(1);
  },
};

const keyboard = scenario('free');
/** Tab reaches the button, Enter starts Checkout: no pointer needed. */
export const KeyboardOnly: Story = {
  ...keyboard.story,
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Upgrade' });
    await userEvent.tab();
    await expect(button).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expectSentToCheckout(keyboard.simulator);
    await expect(requests.checkoutSession).toHaveBeenCalledOnce();
  },
};

/** While the session is minted: `aria-busy`, clicks ignored, and focus stays on the button. */
export const Minting: Story = {
  parameters: answer(sessions.checkoutPending),
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Upgrade' });
    await userEvent.click(button);
    await waitFor(() => expect(button).toHaveAttribute('aria-busy', 'true'));
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await expect(button).toHaveAttribute('data-state', 'pending');
    await expect(button).toHaveFocus();
    // The request is recorded a moment after the button turns busy (msw reads its body first).
    await waitFor(() => expect(requests.checkoutSession).toHaveBeenCalledOnce());
    await userEvent.click(button);
    await expect(button).toHaveAttribute('aria-busy', 'true');
    await expect(requests.checkoutSession).toHaveBeenCalledOnce();
    await expect(navigate).not.toHaveBeenCalled();
  },
};

/** A failed click says why, in a live region the button points at; mutations are never retried. */
function failsWith(handler: Parameters<typeof answer>[0], message: RegExp): Story {
  return {
    parameters: answer(handler),
    play: async ({ canvasElement }) => {
      const canvas = within(canvasElement);
      const button = canvas.getByRole('button', { name: 'Upgrade' });
      await userEvent.click(button);
      const error = await canvas.findByText(message);
      await expect(error).toHaveAttribute('role', 'status');
      await expect(button).toHaveAccessibleDescription(message);
      await expect(button).toHaveAttribute('data-state', 'error');
      await expect(requests.checkoutSession).toHaveBeenCalledOnce();
      await expect(navigate).not.toHaveBeenCalled();
    },
  };
}

export const NetworkError = failsWith(sessions.checkoutNetworkError, /Could not reach the billing service/);
export const Unauthorized = failsWith(sessions.checkoutUnauthorized, /You are not allowed to manage billing/);
export const ServiceUnavailable = failsWith(
  sessions.checkoutUnavailable,
  /The billing service is having trouble/,
);
export const MalformedResponse = failsWith(
  sessions.checkoutMalformed,
  /sent an answer this page cannot read/,
);
/** The proxy handed out a URL on a look-alike host: refused, the user stays here. */
export const UnsafeRedirectRefused = failsWith(sessions.checkoutUnsafe, /refused to open the billing link/);

const customLabel = scenario('free');
/** Children are the label; `tier` picks the plan. */
export const CustomLabelAndTier: Story = {
  ...customLabel.story,
  args: { tier: 'business', children: 'Start Business' },
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Start Business' }));
    await expectSentToCheckout(customLabel.simulator);
    await expect(requests.checkoutSession).toHaveBeenCalledWith(
      expect.objectContaining({ tier: 'business' }),
    );
  },
};

const asChild = scenario('free');
/** `asChild`: the host's own button element, with our behaviour (and its own classes and handlers). */
export const AsChild: Story = {
  ...asChild.story,
  args: { asChild: true },
  render: (args) => (
    <UpgradeButton {...args}>
      <button type="button" className="host-button" style={{ padding: '0.5rem 1rem', borderRadius: 999 }}>
        Unlock forecasts
      </button>
    </UpgradeButton>
  ),
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Unlock forecasts' });
    await expect(button).toHaveClass('host-button');
    await expect(button).toHaveClass('saiku-billing-button');
    await userEvent.click(button);
    await expectSentToCheckout(asChild.simulator);
  },
};
