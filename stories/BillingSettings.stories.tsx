import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { BillingSettings } from '../src';
import { demoPlans } from '../demo/plans';
import type { BillingSimulator } from '../src/mock';
import { scenario, requests, type StoryScenario } from './support/network';
import { expectPlan, expectSentToPortal } from './support/plays';

/**
 * The whole billing section of an admin settings page in one element: the status banner, the plan card,
 * invoices and payment (the Customer Portal, once the tenant is a Stripe customer) and the plans, which
 * wrap into as many columns as fit. `sections` leaves parts out; `headingLevel` fits the page's outline.
 */
const meta = {
  title: 'Components/BillingSettings',
  component: BillingSettings,
  args: { headingLevel: 2 },
  parameters: { billing: { provider: { plans: demoPlans } } },
} satisfies Meta<typeof BillingSettings>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The section headings at `level`, in reading order. */
function headings(canvasElement: HTMLElement, level: number): string[] {
  return within(canvasElement)
    .queryAllByRole('heading', { level })
    .map((heading) => heading.textContent ?? '');
}

function inScenario(
  name: StoryScenario,
  plan: string,
  badge: string | null,
  sections: string[],
  extra?: (canvasElement: HTMLElement, simulator: BillingSimulator) => Promise<void>,
): Story {
  const network = scenario(name);
  return {
    ...network.story,
    play: async ({ canvasElement }) => {
      await expectPlan(canvasElement, plan, badge);
      await waitFor(() => expect(headings(canvasElement, 2)).toEqual(sections));
      // The table's plan names sit one level below the section headings.
      await expect(headings(canvasElement, 3)).toEqual(['Starter', 'Team', 'Business', 'Enterprise']);
      // Banner, plan card, invoices and the table: one state request.
      await expect(requests.state).toHaveBeenCalledOnce();
      await extra?.(canvasElement, network.simulator);
    },
  };
}

const withInvoices = ['Your plan', 'Invoices and payment', 'Plans'];

export const Free = inScenario('free', 'Free', null, ['Your plan', 'Plans']);

export const Trialing = inScenario(
  'trialing',
  'Team',
  'Trial',
  withInvoices,
  async (canvasElement, simulator) => {
    const invoices = within(canvasElement).getByRole('region', { name: 'Invoices and payment' });
    await userEvent.click(
      within(invoices).getByRole('button', { name: 'View invoices and payment details' }),
    );
    await expectSentToPortal(simulator);
  },
);

export const PastDue = inScenario('pastDue', 'Team', 'Past due', withInvoices, async (canvasElement) => {
  await expect(within(canvasElement).getByText(/^Your last payment failed/)).toBeVisible();
});

export const Canceled = inScenario('canceled', 'Team', 'Canceled', withInvoices);

export const DarkTheme: Story = { ...Trialing, globals: { theme: 'dark' } };

/** Only the plan card and the invoices, under the host's own h3 headings. */
export const PlanAndInvoicesOnly: Story = {
  ...scenario('active').story,
  args: { sections: ['plan', 'manage'], headingLevel: 3 },
  play: async ({ canvasElement }) => {
    await expectPlan(canvasElement, 'Team', 'Active');
    await waitFor(() => expect(headings(canvasElement, 3)).toEqual(['Your plan', 'Invoices and payment']));
    await expect(canvasElement.querySelector('.saiku-billing-pricing')).toBeNull();
    await expect(canvasElement.querySelector('.saiku-billing-banner')).toBeNull();
  },
};

/** On a 320 px phone: everything in one column, nothing wider than the screen. */
export const Phone: Story = {
  ...scenario('trialing').story,
  decorators: [
    (Story) => (
      <div style={{ width: 320, boxSizing: 'border-box' }} data-testid="phone">
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    await expectPlan(canvasElement, 'Team', 'Trial');
    const phone = within(canvasElement).getByTestId('phone');
    const settings = phone.querySelector<HTMLElement>('.saiku-billing-settings');
    await expect(settings).not.toBeNull();
    await waitFor(() => expect(phone.querySelectorAll('.saiku-billing-pricing__plan')).toHaveLength(4));
    // Nothing overflows sideways, and every plan has the whole width to itself (one column).
    await expect(settings?.scrollWidth).toBeLessThanOrEqual(320);
    const plans = [...phone.querySelectorAll<HTMLElement>('.saiku-billing-pricing__plan')];
    const lefts = new Set(plans.map((plan) => Math.round(plan.getBoundingClientRect().left)));
    await expect(lefts.size).toBe(1);
  },
};

/** On a wide screen: the plan card beside the invoices, and the plans side by side. */
export const Wide: Story = {
  ...scenario('trialing').story,
  decorators: [
    (Story) => (
      <div style={{ width: 1100 }} data-testid="wide">
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    await expectPlan(canvasElement, 'Team', 'Trial');
    const wide = within(canvasElement).getByTestId('wide');
    await waitFor(() => expect(wide.querySelectorAll('.saiku-billing-pricing__plan')).toHaveLength(4));
    const tops = (selector: string) =>
      new Set(
        [...wide.querySelectorAll<HTMLElement>(selector)].map((element) =>
          Math.round(element.getBoundingClientRect().top),
        ),
      );
    await waitFor(() => expect(tops('.saiku-billing-settings__summary > *').size).toBe(1));
    await expect(tops('.saiku-billing-pricing__plan').size).toBe(1);
  },
};
