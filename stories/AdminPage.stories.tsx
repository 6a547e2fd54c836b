import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { expect, userEvent, within } from 'storybook/test';
import { canAccess, plansUnlocking } from '../src/core';
import { demoPlans } from '../demo/plans';
import type { BillingSimulator } from '../src/mock';
import { AdminPage } from './support/AdminPage';
import { demoSnippets } from './support/demoSource';
import { answer, requests, scenario, states, type StoryScenario } from './support/network';
import { expectLoadError, expectPlan, expectSentToCheckout } from './support/plays';

/**
 * The demo's billing page (demo/App.tsx): banner, plan card, a gated feature and a panel built from the
 * hooks, all under one provider, so the whole page makes one state request.
 */
const meta = {
  title: 'Examples/Admin page',
  component: AdminPage,
  parameters: {
    layout: 'fullscreen',
    // "Show code": what the demo host writes for this page (demo/App.tsx), not the story's wrapper.
    docs: { source: { code: demoSnippets.app, language: 'tsx' } },
    // The demo's provider has its plans: they say which plans include forecasts.
    billing: { provider: { plans: demoPlans } },
  },
} satisfies Meta<typeof AdminPage>;

export default meta;
type Story = StoryObj<typeof meta>;

interface PageExpectation {
  plan: string;
  /** The status badge; null for none. */
  badge: string | null;
  /** The banner's message, or null for no banner. */
  banner: RegExp | null;
  /** Whether the billed feature shows. */
  unlocked: boolean;
}

const forecasts = { feature: 'forecasts' } as const;

/**
 * The demo server's `GET /api/forecasts` as the page meets it: the forecast for a tenant whose plan
 * includes it, 402 payment_required otherwise (demo/server.mjs guards it with `createAccessCheck`).
 */
function forecastsRoute(simulator: BillingSimulator) {
  return http.get('*/api/forecasts', () =>
    canAccess(simulator.getState(), forecasts, demoPlans)
      ? HttpResponse.json({
          currency: 'usd',
          forecasts: [
            { month: '2027-01', revenue: 412_000 },
            { month: '2027-02', revenue: 435_500 },
          ],
        })
      : HttpResponse.json(
          {
            error: 'payment_required',
            requirement: forecasts,
            plans: plansUnlocking(forecasts, demoPlans).map((plan) => plan.tier),
          },
          { status: 402 },
        ),
  );
}

/** A scenario's network with the demo's forecasts route beside the billing routes. */
function withForecasts(name: StoryScenario) {
  const network = scenario(name);
  const { parameters, ...rest } = network.story;
  return {
    ...network,
    story: {
      ...rest,
      parameters: {
        ...parameters,
        msw: { handlers: [forecastsRoute(network.simulator), ...parameters.msw.handlers] },
      },
    },
  };
}

function inScenario(name: StoryScenario, expected: PageExpectation): Story {
  return {
    ...withForecasts(name).story,
    play: async ({ canvasElement }) => {
      const canvas = within(canvasElement);
      await expectPlan(canvasElement, expected.plan, expected.badge);
      const banner = canvasElement.querySelector<HTMLElement>('.saiku-billing-banner');
      if (expected.banner)
        await expect(within(banner as HTMLElement).getByText(expected.banner)).toBeVisible();
      else await expect(banner).toBeNull();
      if (expected.unlocked) {
        await expect(canvas.getByRole('img', { name: 'A rising revenue chart' })).toBeVisible();
        await expect(
          await canvas.findByRole('table', { name: 'Projected revenue, from GET /api/forecasts' }),
        ).toBeVisible();
        await expect(canvas.getByRole('cell', { name: '$4,120.00' })).toBeVisible();
      } else await expect(canvas.getByRole('button', { name: 'Unlock forecasts' })).toBeVisible();
      // Four consumers (banner, card, gate, hooks panel), one request.
      await expect(requests.state).toHaveBeenCalledOnce();
    },
  };
}

export const Free = inScenario('free', { plan: 'Free', badge: null, banner: null, unlocked: false });
export const Trialing = inScenario('trialing', {
  plan: 'Team',
  badge: 'Trial',
  banner: null,
  unlocked: true,
});
export const TrialEndingSoon = inScenario('trialEndingSoon', {
  plan: 'Team',
  badge: 'Trial',
  banner: /^Your trial ends in 2 days/,
  unlocked: true,
});
export const Active = inScenario('active', { plan: 'Team', badge: 'Active', banner: null, unlocked: true });
export const PastDue = inScenario('pastDue', {
  plan: 'Team',
  badge: 'Past due',
  banner: /^Your last payment failed/,
  unlocked: true,
});
export const Unpaid = inScenario('unpaid', {
  plan: 'Team',
  badge: 'Unpaid',
  banner: /^Billed features are paused/,
  unlocked: false,
});
export const Canceled = inScenario('canceled', {
  plan: 'Team',
  badge: 'Canceled',
  banner: /^Your subscription ended/,
  unlocked: false,
});
export const Enterprise = inScenario('enterprise', {
  plan: 'Enterprise',
  badge: 'Active',
  banner: null,
  unlocked: true,
});
export const UnknownStatus: Story = {
  name: 'Unknown status (on_hold)',
  ...inScenario('unknownStatus', { plan: 'Team', badge: 'On hold', banner: null, unlocked: false }),
};

export const Loading: Story = {
  parameters: answer(states.loading),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Loading your plan…')).toBeVisible();
    await expect(canvas.getByText('Checking your plan…')).toBeVisible();
  },
};

export const NetworkError: Story = {
  parameters: answer(states.networkError),
  play: async ({ canvasElement }) => {
    await expectLoadError(canvasElement, /Could not reach the billing service/, { retried: true });
    await expect(within(canvasElement).getByRole('button', { name: 'Unlock forecasts' })).toBeVisible();
  },
};

export const Unauthorized: Story = {
  parameters: answer(states.unauthorized),
  play: async ({ canvasElement }) => {
    await expectLoadError(canvasElement, /You are not allowed to manage billing/);
  },
};

export const ServiceUnavailable: Story = {
  parameters: answer(states.unavailable),
  play: async ({ canvasElement }) => {
    await expectLoadError(canvasElement, /The billing service is having trouble/, { retried: true });
  },
};

export const MalformedResponse: Story = {
  parameters: answer(states.malformed),
  play: async ({ canvasElement }) => {
    await expectLoadError(canvasElement, /sent an answer this page cannot read/);
  },
};

const free = withForecasts('free');
/** Three Upgrade buttons on the page, one flow: the one clicked mints its plan's session. */
export const UpgradeFromTheHooksPanel: Story = {
  ...free.story,
  play: async ({ canvasElement }) => {
    await expectPlan(canvasElement, 'Free', null);
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Start Business' }));
    await expectSentToCheckout(free.simulator);
    await expect(requests.checkoutSession).toHaveBeenCalledWith(
      expect.objectContaining({ tier: 'business' }),
    );
  },
};

const lockedOut = withForecasts('free');
/** The locked feature sells itself: its button opens the paywall on the plans that include forecasts. */
export const ForecastsPaywall: Story = {
  ...lockedOut.story,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectPlan(canvasElement, 'Free', null);
    await userEvent.click(canvas.getByRole('button', { name: 'Unlock forecasts' }));
    const dialog = await canvas.findByRole('dialog', { name: 'Upgrade to unlock this' });
    const tiers = [...dialog.querySelectorAll<HTMLElement>('li[data-tier]')].map((plan) => plan.dataset.tier);
    await expect(tiers).toEqual(['team', 'business', 'enterprise']);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Start with Team' }));
    await expectSentToCheckout(lockedOut.simulator);
    await expect(requests.checkoutSession).toHaveBeenCalledWith(expect.objectContaining({ tier: 'team' }));
  },
};
