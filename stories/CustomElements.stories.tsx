import type { Meta, StoryObj } from '@storybook/react-vite';
import type { CSSProperties } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { defineBillingElements } from '../src/elements';
import { demoPlans } from '../demo/plans';
import { navigate } from './support/navigate';
import { requests, scenario } from './support/network';
import { expectSentToCheckout } from './support/plays';

// The elements render through their own provider (one per api-base), not the stories' one: the same
// `navigate` spy, and no tab syncing between stories.
defineBillingElements({ navigate, syncTabs: false });

/**
 * The components as custom elements (`@saiku/billing-react/elements`, or `/standalone` with no React on
 * the page): `<saiku-billing-settings>` here, its options as attributes and its `plans` as a property.
 * Styles live in its shadow root; this Storybook loads `styles.css`, whose `:root` and `data-theme` values
 * reach inside, so the Theme toolbar themes it too.
 */
const meta = {
  title: 'Guides/Custom elements',
  parameters: { billing: { provider: false } },
  render: () => <saiku-billing-settings upgrade-tier="team" plans={demoPlans} />,
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** The element's shadow root, queried like a screen. */
async function shadowOf(canvasElement: HTMLElement) {
  const element = canvasElement.querySelector('saiku-billing-settings');
  await waitFor(() => expect(element?.shadowRoot?.querySelector('.saiku-billing-settings')).toBeTruthy());
  return within(element?.shadowRoot as unknown as HTMLElement);
}

const free = scenario('free');
export const Free: Story = {
  ...free.story,
  play: async ({ canvasElement }) => {
    const shadow = await shadowOf(canvasElement);
    await expect(
      await shadow.findByText('Free', { selector: '.saiku-billing-plan-card__name' }),
    ).toBeVisible();
    await waitFor(() =>
      expect(shadow.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
        'Starter',
        'Team',
        'Business',
        'Enterprise',
      ]),
    );
    await expect(requests.state).toHaveBeenCalledOnce();
    await userEvent.click(shadow.getByRole('button', { name: 'Start with Team' }));
    await expectSentToCheckout(free.simulator);
  },
};

/** The host's brand, set on an ancestor outside the element: it reaches the buttons inside. */
export const Branded: Story = {
  ...scenario('free').story,
  render: () => (
    <div
      style={
        {
          '--saiku-billing-accent': '#0f766e',
          '--saiku-billing-accent-hover': '#115e59',
          '--saiku-billing-accent-fg': '#ffffff',
        } as CSSProperties
      }
    >
      <saiku-billing-settings upgrade-tier="team" plans={demoPlans} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const shadow = await shadowOf(canvasElement);
    const button = await shadow.findByRole('button', { name: 'Start with Team' });
    await expect(getComputedStyle(button).backgroundColor).toBe('rgb(15, 118, 110)');
  },
};
