import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ManageButton } from '../src';
import { navigate } from './support/navigate';
import { answer, requests, scenario, sessions, type StoryScenario } from './support/network';
import { expectSentToCheckout, expectSentToPortal } from './support/plays';

const meta = {
  title: 'Components/ManageButton',
  component: ManageButton,
  argTypes: { children: { control: 'text' } },
} satisfies Meta<typeof ManageButton>;

export default meta;
type Story = StoryObj<typeof meta>;

const noCustomerText = /There is no subscription to manage yet\. Choose a plan to start one\./;

/**
 * A tenant with a Stripe customer goes to a freshly minted Portal session; one without (Free) is told
 * there is nothing to manage and offered Checkout instead.
 */
function inScenario(name: StoryScenario): Story {
  const network = scenario(name);
  return {
    ...network.story,
    play: async ({ canvasElement }) => {
      const canvas = within(canvasElement);
      await userEvent.click(canvas.getByRole('button', { name: 'Manage billing' }));
      if (network.simulator.getState().stripeCustomerId === null) {
        await expect(await canvas.findByText(noCustomerText)).toBeVisible();
        await expect(canvas.getByRole('button', { name: 'Upgrade' })).toBeVisible();
        await expect(navigate).not.toHaveBeenCalled();
      } else {
        await expectSentToPortal(network.simulator);
      }
      await expect(requests.portalSession).toHaveBeenCalledOnce();
    },
  };
}

export const Free = inScenario('free');
export const Trialing = inScenario('trialing');
export const TrialEndingSoon = inScenario('trialEndingSoon');
export const Active = inScenario('active');
export const PastDue = inScenario('pastDue');
export const Unpaid = inScenario('unpaid');
export const Canceled = inScenario('canceled');
export const Enterprise = inScenario('enterprise');
export const UnknownStatus: Story = { name: 'Unknown status (paused)', ...inScenario('unknownStatus') };

const noCustomer = scenario('free', { before: [sessions.portalNoCustomer] });
/** 409 `no_customer`: the button explains, and offers Checkout for the provider's plan (or `upgradeTier`). */
export const NoCustomerOffersCheckout: Story = {
  ...noCustomer.story,
  args: { upgradeTier: 'business' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Manage billing' }));
    await expect(await canvas.findByText(noCustomerText)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Upgrade' }));
    await expectSentToCheckout(noCustomer.simulator);
    await expect(requests.checkoutSession).toHaveBeenCalledWith(
      expect.objectContaining({ tier: 'business' }),
    );
    await expect(requests.portalSession).toHaveBeenCalledOnce();
  },
};

const keyboard = scenario('free');
/** Tab, Enter: no customer, so Checkout is offered; Tab, Enter again: off to Checkout. */
export const KeyboardOnly: Story = {
  ...keyboard.story,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Manage billing' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(await canvas.findByText(noCustomerText)).toBeVisible();
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Upgrade' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expectSentToCheckout(keyboard.simulator);
  },
};

const keyboardPortal = scenario('active');
/** Space works as well as Enter. */
export const KeyboardToThePortal: Story = {
  ...keyboardPortal.story,
  play: async ({ canvasElement }) => {
    await userEvent.tab();
    await expect(within(canvasElement).getByRole('button', { name: 'Manage billing' })).toHaveFocus();
    await userEvent.keyboard(' ');
    await expectSentToPortal(keyboardPortal.simulator);
  },
};

const pastDue = scenario('pastDue');
/** Past due: the label hosts use to send the user to fix their card (the portal does the rest). */
export const UpdatePaymentMethod: Story = {
  ...pastDue.story,
  args: { children: 'Update payment method' },
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Update payment method' }));
    await expectSentToPortal(pastDue.simulator);
  },
};

/** While the Portal session is minted: `aria-busy`, further clicks ignored, focus kept. */
export const Minting: Story = {
  parameters: answer(sessions.portalPending),
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Manage billing' });
    await userEvent.click(button);
    await waitFor(() => expect(button).toHaveAttribute('aria-busy', 'true'));
    await expect(button).toHaveAttribute('data-state', 'pending');
    await expect(button).toHaveFocus();
    await userEvent.click(button);
    await expect(requests.portalSession).toHaveBeenCalledOnce();
  },
};

function failsWith(handler: Parameters<typeof answer>[0], message: RegExp): Story {
  return {
    parameters: answer(handler),
    play: async ({ canvasElement }) => {
      const canvas = within(canvasElement);
      const button = canvas.getByRole('button', { name: 'Manage billing' });
      await userEvent.click(button);
      await expect(await canvas.findByText(message)).toHaveAttribute('role', 'status');
      await expect(button).toHaveAccessibleDescription(message);
      await expect(requests.portalSession).toHaveBeenCalledOnce();
      await expect(navigate).not.toHaveBeenCalled();
    },
  };
}

export const NetworkError = failsWith(sessions.portalNetworkError, /Could not reach the billing service/);
export const Unauthorized = failsWith(sessions.portalUnauthorized, /You are not allowed to manage billing/);
export const ServiceUnavailable = failsWith(
  sessions.portalUnavailable,
  /The billing service is having trouble/,
);
export const MalformedResponse = failsWith(sessions.portalMalformed, /sent an answer this page cannot read/);
/** An `http:` portal link: refused (only https, except loopback stand-ins the host allows). */
export const UnsafeRedirectRefused = failsWith(sessions.portalUnsafe, /refused to open the billing link/);
