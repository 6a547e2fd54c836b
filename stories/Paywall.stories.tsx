import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { Paywall, usePaywall, type AccessRequirement, type BillingLabelsInput } from '../src';
import {
  germanLabels,
  germanPaywallLabels,
  germanPricingTableLabels,
  japaneseLabels,
  japanesePaywallLabels,
  japanesePricingTableLabels,
} from '../src/locales';
import { demoPlans } from '../demo/plans';
import { answer, requests, scenario, states, type StoryScenario } from './support/network';
import { expectSentToCheckout, expectSentToPortal } from './support/plays';

/** The provider's onEvent in these stories: the paywall reports its opening and closing. */
const onEvent = fn().mockName('onEvent');

/** A gated action that opens the paywall, as a host writes it, beside the one `<Paywall />`. */
function GatedAction({ requirement }: { requirement?: AccessRequirement }) {
  const { open } = usePaywall();
  return (
    <>
      <button type="button" className="saiku-billing-button" onClick={() => open(requirement)}>
        Unlock forecasts
      </button>
      <Paywall />
    </>
  );
}

/**
 * The paywall: a modal dialog opened at the gated action (`usePaywall().open(requirement)`), listing the
 * provider's plans that unlock the requirement, each with the one action the plan rule picks. The plans
 * are the demo's: forecasts from Team up. Escape, Tab and focus in real Chromium: e2e/paywall.e2e.test.ts.
 */
const meta = {
  title: 'Components/Paywall',
  component: GatedAction,
  // The props table of the component itself, beside the story's gated action.
  subcomponents: { Paywall },
  args: { requirement: { feature: 'forecasts' } },
  argTypes: { requirement: { control: 'object' } },
  parameters: { billing: { provider: { plans: demoPlans, onEvent } } },
  beforeEach: () => onEvent.mockClear(),
} satisfies Meta<typeof GatedAction>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Opens the paywall from the gated action and returns the dialog. */
async function openPaywall(
  canvasElement: HTMLElement,
  title = 'Upgrade to unlock this',
): Promise<HTMLElement> {
  await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Unlock forecasts' }));
  // The dialog is in the top layer but still inside the canvas's DOM.
  return within(canvasElement).findByRole('dialog', { name: title });
}

/** The plan elements in the open dialog, once the state has loaded. */
async function plansIn(dialog: HTMLElement, count: number): Promise<HTMLElement[]> {
  await waitFor(() => expect(dialog.querySelectorAll('li[data-tier]')).toHaveLength(count));
  return [...dialog.querySelectorAll<HTMLElement>('li[data-tier]')];
}

/** A modal in Chromium: shown with showModal, the page behind inert and not scrolling, focus inside. */
async function expectModal(canvasElement: HTMLElement, dialog: HTMLElement): Promise<void> {
  await expect(dialog.matches(':modal')).toBe(true);
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  await expect(dialog).toContainElement(document.activeElement as HTMLElement);
  await expect(document.documentElement.style.overflow).toBe('hidden');
  // Inert: the opener behind the dialog cannot take focus.
  const opener = within(canvasElement).getByRole('button', { name: 'Unlock forecasts', hidden: true });
  opener.focus();
  await expect(opener).not.toHaveFocus();
}

function inScenario(
  name: StoryScenario,
  expected: { plans: [tier: string, action: string, control: string | null][]; line: string },
): Story {
  return {
    ...scenario(name).story,
    play: async ({ canvasElement }) => {
      const dialog = await openPaywall(canvasElement);
      await expectModal(canvasElement, dialog);
      const plans = await plansIn(dialog, expected.plans.length);
      await expect(dialog).toHaveAccessibleDescription(expected.line);
      for (const [index, [tier, action, control]] of expected.plans.entries()) {
        const plan = plans[index] as HTMLElement;
        await expect(plan).toHaveAttribute('data-tier', tier);
        await expect(plan).toHaveAttribute('data-action', action);
        const controls = [...within(plan).queryAllByRole('button'), ...within(plan).queryAllByRole('link')];
        await expect(controls.map((element) => element.textContent)).toEqual(
          control === null ? [] : [control],
        );
      }
      await expect(onEvent).toHaveBeenCalledWith({
        type: 'paywall_opened',
        requirement: { feature: 'forecasts' },
      });
      await expect(requests.checkoutSession).not.toHaveBeenCalled();
    },
  };
}

/** A free tenant: Checkout on Team and Business, sales for Enterprise; prices beside each. */
export const Free = inScenario('free', {
  line: 'Choose a plan that includes it.',
  plans: [
    ['team', 'checkout', 'Start with Team'],
    ['business', 'checkout', 'Choose Business'],
    ['enterprise', 'contact', 'Contact sales'],
  ],
});

/** A canceled tenant whose period is over: back to Checkout, never the Portal of an ended subscription. */
export const Canceled = inScenario('canceled', {
  line: 'Choose a plan that includes it.',
  plans: [
    ['team', 'checkout', 'Start with Team'],
    ['business', 'checkout', 'Choose Business'],
    ['enterprise', 'contact', 'Contact sales'],
  ],
});

/** Unpaid: the Team plan already lists forecasts; the payment fix is in the Portal. */
export const Unpaid = inScenario('unpaid', {
  line: 'Choose a plan that includes it.',
  plans: [
    ['team', 'current', 'Update payment method'],
    ['business', 'portal', 'Switch to Business'],
    ['enterprise', 'contact', 'Contact sales'],
  ],
});

/** An active Team tenant already has it: the paywall says so and marks the plan current. */
export const AlreadyIncluded = inScenario('active', {
  line: 'Your plan already includes this.',
  plans: [
    ['team', 'current', 'Manage Team'],
    ['business', 'portal', 'Switch to Business'],
    ['enterprise', 'contact', 'Contact sales'],
  ],
});

const active = scenario('active');
/** Business and above, for a Team subscriber: a plan change in the Portal, never a second Checkout. */
export const TierForASubscriber: Story = {
  ...active.story,
  args: { requirement: { tier: 'business' } },
  play: async ({ canvasElement }) => {
    const dialog = await openPaywall(canvasElement);
    const [business] = await plansIn(dialog, 2);
    await expect(business).toHaveAttribute('data-action', 'portal');
    await userEvent.click(
      within(business as HTMLElement).getByRole('button', { name: 'Switch to Business' }),
    );
    await expectSentToPortal(active.simulator);
    await expect(requests.checkoutSession).not.toHaveBeenCalled();
  },
};

const free = scenario('free');
/** The plan's button goes to Checkout for that plan, through the same flow as every other button. */
export const StartsCheckout: Story = {
  ...free.story,
  play: async ({ canvasElement }) => {
    const dialog = await openPaywall(canvasElement);
    await plansIn(dialog, 3);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Choose Business' }));
    await expectSentToCheckout(free.simulator);
    await expect(requests.checkoutSession).toHaveBeenCalledWith(
      expect.objectContaining({ tier: 'business' }),
    );
  },
};

/** No plan lists the feature: the paywall says so, and offers nothing to buy. */
export const NoPlanUnlocksIt: Story = {
  ...scenario('free').story,
  args: { requirement: { feature: 'time-travel' } },
  play: async ({ canvasElement }) => {
    const dialog = await openPaywall(canvasElement);
    await expect(dialog).toHaveAccessibleDescription(
      'None of the plans you can choose here includes this yet. Please contact us.',
    );
    await expect(dialog.querySelectorAll('[data-tier]')).toHaveLength(0);
    await expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
  },
};

/** Opened before the state has loaded: the plans say they are loading. */
export const Loading: Story = {
  parameters: answer(states.loading),
  play: async ({ canvasElement }) => {
    const dialog = await openPaywall(canvasElement);
    await expect(await within(dialog).findByText('Loading plans…')).toBeVisible();
  },
};

/** The close button closes it, reports it, unlocks the page's scroll and gives focus back to the opener. */
export const Closed: Story = {
  ...scenario('free').story,
  play: async ({ canvasElement }) => {
    const overflow = document.documentElement.style.overflow;
    const dialog = await openPaywall(canvasElement);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(within(canvasElement).queryByRole('dialog')).toBeNull());
    await expect((dialog as HTMLDialogElement).open).toBe(false);
    await expect(within(canvasElement).getByRole('button', { name: 'Unlock forecasts' })).toHaveFocus();
    await expect(document.documentElement.style.overflow).toBe(overflow);
    await expect(onEvent.mock.calls.map(([event]) => (event as { type: string }).type)).toEqual([
      'paywall_opened',
      'paywall_closed',
    ]);
  },
};

function inLanguage(labels: BillingLabelsInput, locale: string, title: string, close: string): Story {
  const network = scenario('free');
  return {
    ...network.story,
    parameters: {
      ...network.story.parameters,
      billing: { provider: { plans: demoPlans, onEvent, labels, locale } },
    },
    play: async ({ canvasElement }) => {
      const dialog = await openPaywall(canvasElement, title);
      await plansIn(dialog, 3);
      await expect(within(dialog).getByRole('button', { name: close })).toBeVisible();
    },
  };
}

export const German = inLanguage(
  { ...germanLabels, pricingTable: germanPricingTableLabels, paywall: germanPaywallLabels },
  'de-DE',
  'Upgraden, um dies freizuschalten',
  'Schließen',
);

export const Japanese = inLanguage(
  { ...japaneseLabels, pricingTable: japanesePricingTableLabels, paywall: japanesePaywallLabels },
  'ja-JP',
  'アップグレードしてご利用ください',
  '閉じる',
);

export const Dark: Story = { ...Free, globals: { theme: 'dark' } };
