import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { BillingGate, UpgradeButton } from '../src';
import { demoPlans } from '../demo/plans';
import { Forecast } from './support/AdminPage';
import { answer, requests, scenario, states, type StoryScenario } from './support/network';
import { waitForStateRequests } from './support/plays';

const meta = {
  title: 'Components/BillingGate',
  component: BillingGate,
  // As the demo uses it: the feature, a locked state that sells it, and a line while the plan loads.
  args: {
    loading: <p>Checking your plan…</p>,
    fallback: (
      <div className="demo-locked">
        <p>Forecasts are part of the Team plan.</p>
        <UpgradeButton tier="team">Unlock forecasts</UpgradeButton>
      </div>
    ),
    children: <Forecast />,
  },
  argTypes: {
    loading: { control: false },
    fallback: { control: false },
    children: { control: false },
  },
} satisfies Meta<typeof BillingGate>;

export default meta;
type Story = StoryObj<typeof meta>;

async function expectUnlocked(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  await expect(await canvas.findByRole('img', { name: 'A rising revenue chart' })).toBeVisible();
  await expect(canvas.queryByRole('button', { name: 'Unlock forecasts' })).toBeNull();
}

async function expectLocked(canvasElement: HTMLElement, timeout?: number) {
  const canvas = within(canvasElement);
  await expect(await canvas.findByRole('button', { name: 'Unlock forecasts' }, { timeout })).toBeVisible();
  await expect(canvas.queryByTestId('billed-feature')).toBeNull();
}

/** Children while `billedFeaturesActive`, the fallback otherwise. */
function inScenario(name: StoryScenario, unlocked: boolean): Story {
  return {
    ...scenario(name).story,
    play: async ({ canvasElement }) => {
      await (unlocked ? expectUnlocked(canvasElement) : expectLocked(canvasElement));
      await expect(requests.state).toHaveBeenCalledOnce();
    },
  };
}

export const Free = inScenario('free', false);
export const Trialing = inScenario('trialing', true);
export const TrialEndingSoon = inScenario('trialEndingSoon', true);
export const Active = inScenario('active', true);
/** Past due keeps access while Stripe retries the card. */
export const PastDue = inScenario('pastDue', true);
export const Unpaid = inScenario('unpaid', false);
export const Canceled = inScenario('canceled', false);
export const Enterprise = inScenario('enterprise', true);
/** Unknown statuses follow `billedFeaturesActive` like every other. */
export const UnknownStatus: Story = {
  name: 'Unknown status (on_hold)',
  ...inScenario('unknownStatus', false),
};

export const Loading: Story = {
  parameters: answer(states.loading),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Checking your plan…')).toBeVisible();
    await expect(within(canvasElement).queryByTestId('billed-feature')).toBeNull();
  },
};

/** Fails closed: when the state cannot be loaded (after the retries), the fallback shows, never the feature. */
export const NetworkError: Story = {
  parameters: answer(states.networkError),
  play: async ({ canvasElement }) => {
    await waitForStateRequests(4);
    await expectLocked(canvasElement, 3000);
  },
};

export const Unauthorized: Story = {
  parameters: answer(states.unauthorized),
  play: async ({ canvasElement }) => {
    await expectLocked(canvasElement);
    await expect(requests.state).toHaveBeenCalledOnce();
  },
};

export const ServiceUnavailable: Story = {
  parameters: answer(states.unavailable),
  play: async ({ canvasElement }) => {
    await waitForStateRequests(4);
    await expectLocked(canvasElement, 3000);
  },
};

export const MalformedResponse: Story = {
  parameters: answer(states.malformed),
  play: async ({ canvasElement }) => {
    await expectLocked(canvasElement);
  },
};

/** `feature` and `tier` read the provider's plans (the demo's: forecasts from Team up). */
function withAccess(
  name: StoryScenario,
  access: { feature: string } | { tier: string },
  unlocked: boolean,
): Story {
  const network = scenario(name);
  return {
    ...network.story,
    args: access,
    parameters: { ...network.story.parameters, billing: { provider: { plans: demoPlans } } },
    play: async ({ canvasElement }) => {
      await (unlocked ? expectUnlocked(canvasElement) : expectLocked(canvasElement));
      await expect(requests.state).toHaveBeenCalledOnce();
    },
  };
}

/** `feature="forecasts"` on the Team plan, which lists it in `entitlements`. */
export const FeatureOnTeam = withAccess('active', { feature: 'forecasts' }, true);
/** `feature="forecasts"` for a free tenant. */
export const FeatureOnFree = withAccess('free', { feature: 'forecasts' }, false);
/** `feature="sso"`, which no demo plan lists: locked even on Enterprise. */
export const FeatureNoPlanLists = withAccess('enterprise', { feature: 'sso' }, false);
/** `tier="business"` for a Team subscriber: below the tier, so locked. */
export const TierAboveThePlan = withAccess('active', { tier: 'business' }, false);
/** `tier="business"` for an Enterprise tenant: at or above, so open. */
export const TierAtOrAbove = withAccess('enterprise', { tier: 'business' }, true);
/** `tier="team"` while unpaid: billed features are off, so locked whatever the tier. */
export const TierWhileUnpaid = withAccess('unpaid', { tier: 'team' }, false);
