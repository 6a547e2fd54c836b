import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { PlanCard, type BillingBackend } from '../src';
import { navigate } from './support/navigate';
import { answer, proxy, requests, scenario, sessions, states, type StoryScenario } from './support/network';
import {
  expectLoadError,
  expectNavigatedOnceTo,
  expectPlan,
  expectSentToCheckout,
  findPlanCard,
} from './support/plays';

const meta = {
  title: 'Components/PlanCard',
  component: PlanCard,
  args: { upgradeTier: 'team' },
  argTypes: { action: { control: false } },
} satisfies Meta<typeof PlanCard>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The card in one scenario: its plan, badge, date line and the action that fits. */
function inScenario(
  name: StoryScenario,
  plan: string,
  badge: string | null,
  action: string,
  line?: RegExp,
): Story {
  const network = scenario(name);
  return {
    ...network.story,
    play: async ({ canvasElement }) => {
      const card = await expectPlan(canvasElement, plan, badge);
      await expect(within(card).getByRole('button', { name: action })).toBeVisible();
      if (line) await expect(within(card).getByText(line)).toBeVisible();
      await expect(requests.state).toHaveBeenCalledOnce();
    },
  };
}

export const Free = inScenario('free', 'Free', null, 'Upgrade');
export const Trialing = inScenario(
  'trialing',
  'Team',
  'Trial',
  'Manage billing',
  /^11 days left in your trial$/,
);
export const TrialEndingSoon = inScenario(
  'trialEndingSoon',
  'Team',
  'Trial',
  'Manage billing',
  /^2 days left in your trial$/,
);
export const Active = inScenario('active', 'Team', 'Active', 'Manage billing', /^Renews on /);
export const PastDue = inScenario('pastDue', 'Team', 'Past due', 'Update payment method', /^Renews on /);
/** Unpaid: the subscription still exists, so a new card in the portal restores it (not a second Checkout). */
export const Unpaid = inScenario('unpaid', 'Team', 'Unpaid', 'Update payment method');
export const Canceled = inScenario('canceled', 'Team', 'Canceled', 'Upgrade', /^Access ended on /);
export const Enterprise = inScenario('enterprise', 'Enterprise', 'Active', 'Manage billing', /^Renews on /);
/** Stripe paused the subscription (the trial ended without a card): a payment method resumes it, in the Portal. */
export const Paused = inScenario(
  'paused',
  'Team',
  'Paused',
  'Add a payment method to resume',
  /^Current period ends on /,
);
/** The first payment is unfinished (3-D Secure, say): finished in the Portal, never a second Checkout. */
export const Incomplete = inScenario('incomplete', 'Team', 'Incomplete', 'Finish your payment');
/** A status Stripe adds after this library was written: shown as it comes, managed in the Portal. */
export const UnknownStatus: Story = {
  name: 'Unknown status (on_hold)',
  ...inScenario('unknownStatus', 'Team', 'On hold', 'Manage billing', /^Current period ends on /),
};

export const Loading: Story = {
  parameters: answer(states.loading),
  play: async ({ canvasElement }) => {
    const card = await within(canvasElement).findByRole('region', { name: 'Your plan' });
    await expect(card).toHaveAttribute('aria-busy', 'true');
    await expect(within(card).getByText('Loading your plan…')).toBeVisible();
  },
};

/** The proxy cannot be reached: the library retries three times (1 s, 2 s, 4 s), then says so. */
export const NetworkError: Story = {
  parameters: answer(states.networkError),
  play: async ({ canvasElement }) => {
    await expectLoadError(canvasElement, /Could not reach the billing service/, { retried: true });
  },
};

/** 401 from the proxy: the host's auth refused. Never retried. */
export const Unauthorized: Story = {
  parameters: answer(states.unauthorized),
  play: async ({ canvasElement }) => {
    await expectLoadError(canvasElement, /You are not allowed to manage billing/);
  },
};

/** 503: retried three times with back-off, then the error. */
export const ServiceUnavailable: Story = {
  parameters: answer(states.unavailable),
  play: async ({ canvasElement }) => {
    await expectLoadError(canvasElement, /The billing service is having trouble/, { retried: true });
  },
};

/** A 200 whose body is not a billing state: refused at run time, not rendered from a cast. */
export const MalformedResponse: Story = {
  parameters: answer(states.malformed),
  play: async ({ canvasElement }) => {
    await expectLoadError(canvasElement, /sent an answer this page cannot read/);
  },
};

const recovering = scenario('active', {
  before: [
    http.get(`${proxy}/state`, () => HttpResponse.json({ error: 'unauthorized' }, { status: 401 }), {
      once: true,
    }),
  ],
});
/** The first load fails; "Try again" asks once more and the plan appears. */
export const TryAgainAfterAnError: Story = {
  ...recovering.story,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Try again' }));
    await expectPlan(canvasElement, 'Team', 'Active');
    await expect(requests.state).toHaveBeenCalledTimes(2);
  },
};

const free = scenario('free');
/** Upgrade mints one Checkout session at click time and hands its URL to `navigate`. */
export const UpgradeFromTheCard: Story = {
  ...free.story,
  play: async ({ canvasElement }) => {
    const card = await expectPlan(canvasElement, 'Free', null);
    await userEvent.click(within(card).getByRole('button', { name: 'Upgrade' }));
    await expectSentToCheckout(free.simulator);
    await expect(requests.checkoutSession).toHaveBeenCalledOnce();
    await expect(requests.checkoutSession).toHaveBeenCalledWith(
      expect.objectContaining({ tier: 'team', email: 'alice@acme.test' }),
    );
  },
};

const activeWithoutCustomer = scenario('active', { before: [sessions.portalNoCustomer] });
/** "Manage billing" answered 409 `no_customer`: nothing to manage yet, so the card offers Checkout. */
export const ManageWithNoCustomer: Story = {
  ...activeWithoutCustomer.story,
  play: async ({ canvasElement }) => {
    const card = await expectPlan(canvasElement, 'Team', 'Active');
    await userEvent.click(within(card).getByRole('button', { name: 'Manage billing' }));
    await expect(await within(card).findByText(/There is no subscription to manage yet/)).toBeVisible();
    await userEvent.click(within(card).getByRole('button', { name: 'Upgrade' }));
    await expectSentToCheckout(activeWithoutCustomer.simulator);
    // The state still says subscribed, so Upgrade tries the Portal first; its 409 lets Checkout go ahead.
    await expect(requests.portalSession).toHaveBeenCalledTimes(2);
  },
};

const unsafe = scenario('free', { before: [sessions.checkoutUnsafe] });
/** The proxy answered with a URL that is not on an allowed host: refused, nothing navigates. */
export const UnsafeRedirectRefused: Story = {
  ...unsafe.story,
  play: async ({ canvasElement }) => {
    const card = await expectPlan(canvasElement, 'Free', null);
    await userEvent.click(within(card).getByRole('button', { name: 'Upgrade' }));
    await expect(await within(card).findByText(/refused to open the billing link/)).toBeVisible();
    await expect(navigate).not.toHaveBeenCalled();
  },
};

/** `action` replaces the built-in button: here a link to the host's pricing page. */
export const CustomAction: Story = {
  ...scenario('free').story,
  args: { action: <a href="#pricing">Compare plans</a> },
  play: async ({ canvasElement }) => {
    const card = await findPlanCard(canvasElement);
    await expect(within(card).getByRole('link', { name: 'Compare plans' })).toBeVisible();
    await expect(within(card).queryByRole('button')).toBeNull();
  },
};

const inlineBackend: BillingBackend = {
  getState: async () => ({
    tenantId: 'tenant_inline',
    tier: 'business',
    stripeCustomerId: 'cus_inline',
    subscriptionStatus: 'active',
    currentPeriodEnd: '2030-01-15T00:00:00.000Z',
    trialEndsAt: null,
    billedFeaturesActive: true,
  }),
  createCheckoutSession: async () => ({
    url: 'https://checkout.stripe.com/c/pay/cs_test_inline',
    sessionId: 'cs_test_inline',
  }),
  createPortalSession: async () => ({ url: 'https://billing.stripe.com/p/session/test_inline' }),
};
/** Any object with the three `BillingBackend` methods works: no proxy, no network (and no no-JS form). */
export const CustomBackend: Story = {
  parameters: { billing: { provider: { backend: inlineBackend } } },
  play: async ({ canvasElement }) => {
    const card = await expectPlan(canvasElement, 'Business', 'Active');
    await expect(within(card).getByText('Renews on January 15, 2030')).toBeVisible();
    await userEvent.click(within(card).getByRole('button', { name: 'Manage billing' }));
    await expectNavigatedOnceTo('https://billing.stripe.com/p/session/test_inline');
    await waitFor(() => expect(requests.state).not.toHaveBeenCalled());
  },
};
