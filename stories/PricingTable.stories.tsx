import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { PricingTable, type BillingLabelsInput, type PlanActionKind } from '../src';
import {
  germanLabels,
  germanPricingTableLabels,
  japaneseLabels,
  japanesePricingTableLabels,
} from '../src/locales';
import { demoPlans } from '../demo/plans';
import { navigate } from './support/navigate';
import { answer, proxy, requests, scenario, states, type StoryScenario } from './support/network';
import { expectSentToCheckout, expectSentToPortal } from './support/plays';
import { http, HttpResponse } from 'msw';

/**
 * One card per plan with the one action the plan rule (`planAction`) picks for this tenant: Checkout,
 * the Portal (plan changes, payment fixes), a contact link, or the current plan's mark. The plans here
 * are the demo's: the four seed tiers, enterprise as contact-sales.
 */
const meta = {
  title: 'Components/PricingTable',
  component: PricingTable,
  parameters: { billing: { provider: { plans: demoPlans } } },
} satisfies Meta<typeof PricingTable>;

export default meta;
type Story = StoryObj<typeof meta>;

type Tier = 'starter' | 'team' | 'business' | 'enterprise';
type Expected = Record<Tier, [kind: PlanActionKind, action: string | null]>;

/** The table, once the state has loaded. */
async function findTable(canvasElement: HTMLElement, title = 'Plans'): Promise<HTMLElement> {
  const table = await within(canvasElement).findByRole('region', { name: title });
  await waitFor(() => expect(table).toHaveAttribute('data-state', 'ready'));
  return table;
}

/** The plan element for `tier`. */
function planOf(table: HTMLElement, tier: string): HTMLElement {
  const plan = table.querySelector<HTMLElement>(`li[data-tier="${tier}"]`);
  if (!plan) throw new Error(`No plan element for ${tier}`);
  return plan;
}

/** The table in one scenario: each plan's action, the current mark, and nothing minted before a click. */
function inScenario(name: StoryScenario, expected: Expected): Story {
  const network = scenario(name);
  return {
    ...network.story,
    play: async ({ canvasElement }) => {
      const table = await findTable(canvasElement);
      for (const [tier, [kind, action]] of Object.entries(expected)) {
        const plan = planOf(table, tier);
        await expect(plan).toHaveAccessibleName(within(plan).getByRole('heading').textContent ?? '');
        await expect(plan).toHaveAttribute('data-action', kind);
        if (kind === 'current') await expect(plan).toHaveAttribute('aria-current', 'true');
        else await expect(plan).not.toHaveAttribute('aria-current');
        const controls = [...within(plan).queryAllByRole('button'), ...within(plan).queryAllByRole('link')];
        await expect(controls.map((control) => control.textContent)).toEqual(action === null ? [] : [action]);
      }
      await expect(
        within(planOf(table, 'enterprise')).queryByRole('link')?.getAttribute('href') ?? null,
      ).toBe(expected.enterprise[0] === 'contact' ? 'mailto:sales@acme.test' : null);
      await expect(requests.state).toHaveBeenCalledOnce();
      await expect(requests.checkoutSession).not.toHaveBeenCalled();
      await expect(requests.portalSession).not.toHaveBeenCalled();
    },
  };
}

/** The same story in the dark theme. */
function dark(story: Story): Story {
  return { ...story, globals: { theme: 'dark' } };
}

const noSubscription: Expected = {
  starter: ['current', null],
  team: ['checkout', 'Start with Team'],
  business: ['checkout', 'Choose Business'],
  enterprise: ['contact', 'Contact sales'],
};
const subscribedTo = (manage: string): Expected => ({
  starter: ['portal', 'Switch to Starter'],
  team: ['current', manage],
  business: ['portal', 'Switch to Business'],
  enterprise: ['contact', 'Contact sales'],
});

export const Free = inScenario('free', noSubscription);
export const Trialing = inScenario('trialing', subscribedTo('Manage Team'));
export const Active = inScenario('active', subscribedTo('Manage Team'));
/** The current plan leads with the payment fix; other plans still change in the Portal. */
export const PastDue = inScenario('pastDue', subscribedTo('Update payment method'));
export const Unpaid = inScenario('unpaid', subscribedTo('Update payment method'));
/** Paused and incomplete keep their subscription: never a second Checkout. */
export const Paused = inScenario('paused', subscribedTo('Add a payment method to resume'));
export const Incomplete = inScenario('incomplete', subscribedTo('Finish your payment'));
/** Canceled and over: a new Checkout starts a fresh subscription. */
export const Canceled = inScenario('canceled', noSubscription);
export const Enterprise = inScenario('enterprise', {
  starter: ['portal', 'Switch to Starter'],
  team: ['portal', 'Switch to Team'],
  business: ['portal', 'Switch to Business'],
  enterprise: ['current', 'Manage Enterprise'],
});
/** A status Stripe adds later, with a customer: still a subscription, so the Portal. */
export const UnknownStatus: Story = {
  name: 'Unknown status (on_hold)',
  ...inScenario('unknownStatus', subscribedTo('Manage Team')),
};

export const FreeDark = dark(Free);
export const TrialingDark = dark(Trialing);
export const ActiveDark = dark(Active);
export const PastDueDark = dark(PastDue);
export const UnpaidDark = dark(Unpaid);
export const PausedDark = dark(Paused);
export const IncompleteDark = dark(Incomplete);
export const CanceledDark = dark(Canceled);
export const EnterpriseDark = dark(Enterprise);
export const UnknownStatusDark: Story = { ...dark(UnknownStatus), name: 'Unknown status (on_hold) dark' };

const fromFree = scenario('free');
/** From free, "Choose Business" mints one Checkout session, for business, and goes there. */
export const ChooseBusinessFromFree: Story = {
  ...fromFree.story,
  play: async ({ canvasElement }) => {
    const table = await findTable(canvasElement);
    await userEvent.click(within(table).getByRole('button', { name: 'Choose Business' }));
    await expectSentToCheckout(fromFree.simulator);
    await expect(requests.checkoutSession).toHaveBeenCalledOnce();
    await expect(requests.checkoutSession).toHaveBeenCalledWith(
      expect.objectContaining({ tier: 'business' }),
    );
    await expect(requests.portalSession).not.toHaveBeenCalled();
  },
};

const fromTeam = scenario('active');
/** From active Team, "Switch to Business" mints a Portal session (Stripe changes the plan) and no Checkout session. */
export const SwitchToBusinessFromActiveTeam: Story = {
  ...fromTeam.story,
  play: async ({ canvasElement }) => {
    const table = await findTable(canvasElement);
    await userEvent.click(within(table).getByRole('button', { name: 'Switch to Business' }));
    await expectSentToPortal(fromTeam.simulator);
    await expect(requests.portalSession).toHaveBeenCalledOnce();
    await expect(requests.checkoutSession).not.toHaveBeenCalled();
    await expect(fromTeam.simulator.listCheckoutSessions()).toHaveLength(0);
  },
};

// ---- states without data ---------------------------------------------------------------------------

export const Loading: Story = {
  parameters: answer(states.loading),
  play: async ({ canvasElement }) => {
    const table = await within(canvasElement).findByRole('region', { name: 'Plans' });
    await expect(table).toHaveAttribute('aria-busy', 'true');
    await expect(within(table).getByText('Loading plans…')).toBeVisible();
    await expect(within(table).queryByRole('button')).toBeNull();
  },
};

/** 401 from the proxy: said in a live region, with a retry. */
export const LoadError: Story = {
  parameters: answer(states.unauthorized),
  play: async ({ canvasElement }) => {
    const table = await within(canvasElement).findByRole('region', { name: 'Plans' });
    await expect(await within(table).findByText(/You are not allowed to manage billing/)).toBeVisible();
    await expect(table).toHaveAttribute('data-state', 'error');
    await expect(within(table).getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};

const recovering = scenario('free', {
  before: [
    http.get(`${proxy}/state`, () => HttpResponse.json({ error: 'unauthorized' }, { status: 401 }), {
      once: true,
    }),
  ],
});
/** The first load fails; "Try again" asks once more and the plans appear. */
export const TryAgainAfterAnError: Story = {
  ...recovering.story,
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Try again' }));
    const table = await findTable(canvasElement);
    await expect(within(table).getByRole('button', { name: 'Choose Business' })).toBeVisible();
    await expect(requests.state).toHaveBeenCalledTimes(2);
  },
};

/** No `plans` anywhere: nothing is rendered, and development builds warn in the console. */
export const NoPlans: Story = {
  ...scenario('free').story,
  parameters: { ...scenario('free').story.parameters, billing: { provider: { plans: [] } } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(requests.state).toHaveBeenCalledOnce());
    await expect(within(canvasElement).queryByRole('region')).toBeNull();
    await expect(within(canvasElement).queryByRole('list')).toBeNull();
  },
};

export const LoadingDark = dark(Loading);
export const LoadErrorDark = dark(LoadError);
export const NoPlansDark = dark(NoPlans);

// ---- locales ---------------------------------------------------------------------------------------

function inLocale(
  locale: string,
  labels: BillingLabelsInput,
  expected: { title: string; team: string; business: string; contact: string; current: string },
): Story {
  const network = scenario('free');
  return {
    ...network.story,
    parameters: { ...network.story.parameters, billing: { provider: { plans: demoPlans, locale, labels } } },
    // The text is in its own language for screen readers and for axe.
    decorators: [
      (Story) => (
        <div lang={locale}>
          <Story />
        </div>
      ),
    ],
    play: async ({ canvasElement }) => {
      const table = await findTable(canvasElement, expected.title);
      const team = planOf(table, 'team');
      await expect(within(team).getByText(expected.team)).toBeVisible();
      await expect(within(planOf(table, 'starter')).getByText(expected.current)).toBeVisible();
      await expect(within(table).getByRole('link', { name: expected.contact })).toBeVisible();
      await userEvent.click(within(table).getByRole('button', { name: expected.business }));
      await expectSentToCheckout(network.simulator);
      await expect(navigate).toHaveBeenCalledOnce();
    },
  };
}

export const German: Story = {
  name: 'de-DE',
  ...inLocale(
    'de-DE',
    { ...germanLabels, pricingTable: germanPricingTableLabels },
    {
      title: 'Tarife',
      team: '49 $/Monat',
      business: 'Business wählen',
      contact: 'Vertrieb kontaktieren',
      current: 'Aktueller Tarif',
    },
  ),
};

export const Japanese: Story = {
  name: 'ja-JP',
  ...inLocale(
    'ja-JP',
    { ...japaneseLabels, pricingTable: japanesePricingTableLabels },
    {
      title: '料金プラン',
      team: '$49/月',
      business: 'Businessを選択',
      contact: '営業に問い合わせる',
      current: '現在のプラン',
    },
  ),
};

export const GermanDark: Story = { ...dark(German), name: 'de-DE dark' };
export const JapaneseDark: Story = { ...dark(Japanese), name: 'ja-JP dark' };
