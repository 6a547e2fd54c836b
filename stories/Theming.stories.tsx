import type { Meta, StoryObj } from '@storybook/react-vite';
import type { CSSProperties } from 'react';
import { expect, within } from 'storybook/test';
import {
  BillingProvider,
  BillingStatusBanner,
  ManageButton,
  PlanCard,
  UpgradeButton,
  type BillingState,
} from '../src';
import { scenarios } from '../src/mock';
import { navigate } from './support/navigate';
import { answer, scenario, states } from './support/network';
import { findPlanCard } from './support/plays';

/**
 * Every colour, radius, space and font is a `--saiku-billing-*` custom property (src/styles.css). Dark
 * follows `prefers-color-scheme`, or is forced with `data-theme="dark"` on any ancestor (the Theme
 * toolbar above does that for every story); a host re-brands by setting the properties on any ancestor.
 */
const meta = {
  title: 'Guides/Theming',
  render: () => (
    <>
      <BillingStatusBanner />
      <div style={{ height: '1rem' }} />
      <PlanCard />
    </>
  ),
  tags: ['!autodocs'],
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** The computed colour of a CSS value, as the browser resolves it (for comparing with getComputedStyle). */
function resolvedColor(value: string): string {
  const probe = document.createElement('span');
  probe.style.color = value;
  document.body.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}

const pastDueLight = scenario('pastDue');
export const Light: Story = {
  ...pastDueLight.story,
  globals: { theme: 'light' },
  play: async ({ canvasElement }) => {
    const card = await findPlanCard(canvasElement);
    await expect(getComputedStyle(card).backgroundColor).toBe(resolvedColor('#ffffff'));
    const banner = canvasElement.querySelector('.saiku-billing-banner') as HTMLElement;
    await expect(getComputedStyle(banner).color).toBe(resolvedColor('#713f12'));
  },
};

const pastDueDark = scenario('pastDue');
/** `data-theme="dark"` on an ancestor (here the story's canvas). */
export const Dark: Story = {
  ...pastDueDark.story,
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-theme="dark"]')).not.toBeNull();
    const card = await findPlanCard(canvasElement);
    await expect(getComputedStyle(card).backgroundColor).toBe(resolvedColor('#16181d'));
    const banner = canvasElement.querySelector('.saiku-billing-banner') as HTMLElement;
    await expect(getComputedStyle(banner).color).toBe(resolvedColor('#fbe3a6'));
  },
};

/** A host's brand: set the properties on any ancestor (a wrapper here; `:root` in an app). */
const brand = {
  '--saiku-billing-font': "Georgia, 'Times New Roman', serif",
  '--saiku-billing-radius': '2px',
  '--saiku-billing-radius-button': '2px',
  '--saiku-billing-radius-badge': '2px',
  '--saiku-billing-bg': '#fbfaf7',
  '--saiku-billing-fg': '#1c1917',
  '--saiku-billing-muted': '#57534e',
  '--saiku-billing-border': '#a8a29e',
  '--saiku-billing-accent': '#0f766e',
  '--saiku-billing-accent-hover': '#115e59',
  '--saiku-billing-accent-fg': '#ffffff',
  '--saiku-billing-secondary-bg': '#f0fdfa',
  '--saiku-billing-secondary-fg': '#134e4a',
  '--saiku-billing-focus': '#b45309',
  '--saiku-billing-shadow': 'none',
} as CSSProperties;

const freeBranded = scenario('free');
export const CustomProperties: Story = {
  ...freeBranded.story,
  decorators: [
    (Story) => (
      <div style={{ ...brand, padding: '1rem', background: 'var(--saiku-billing-bg)' }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    const card = await findPlanCard(canvasElement);
    const button = within(card).getByRole('button', { name: 'Upgrade' });
    await expect(getComputedStyle(button).backgroundColor).toBe(resolvedColor('#0f766e'));
    await expect(getComputedStyle(card).fontFamily).toContain('Georgia');
    await expect(getComputedStyle(card).borderRadius).toBe('2px');
  },
};

/** Every tone of badge and banner side by side, each from its own provider's `initialState` (no request). */
function EveryTone() {
  const cases: { id: string; title: string; state: BillingState }[] = [
    { id: 'free', title: 'Free', state: scenarios.free },
    { id: 'trial', title: 'Trial ending soon', state: scenarios.trialEndingSoon },
    { id: 'active', title: 'Active', state: scenarios.active },
    { id: 'past-due', title: 'Past due', state: scenarios.pastDue },
    { id: 'unpaid', title: 'Unpaid', state: scenarios.unpaid },
    { id: 'canceled', title: 'Canceled', state: scenarios.canceled },
  ];
  return (
    <div
      style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(22rem, 1fr))', gap: '1.5rem' }}
    >
      {cases.map(({ id, title, state }) => (
        <BillingProvider key={id} initialState={state} navigate={navigate} locale="en-US" syncTabs={false}>
          <div style={{ display: 'flex', flexDirection: 'column', gap: '0.75rem' }}>
            <h2 id={`tone-${id}`} style={{ margin: 0, fontSize: '1rem' }}>
              {title}
            </h2>
            <BillingStatusBanner />
            {/* Several cards on one page: each named by its heading, so the regions stay distinct. */}
            <PlanCard aria-labelledby={`tone-${id}`} />
            <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
              <UpgradeButton tier="business">Start Business</UpgradeButton>
              <ManageButton />
            </div>
          </div>
        </BillingProvider>
      ))}
    </div>
  );
}

async function expectEveryTone(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  for (const name of ['Free', 'Trial ending soon', 'Active', 'Past due', 'Unpaid', 'Canceled']) {
    await expect(canvas.getByRole('region', { name })).toHaveAttribute('data-state', 'ready');
  }
  for (const tone of ['info', 'warning', 'danger']) {
    await expect(canvasElement.querySelector(`.saiku-billing-banner[data-tone="${tone}"]`)).not.toBeNull();
  }
}

export const EveryToneLight: Story = {
  // A refetch on window focus would ask the proxy: keep it pending so the initial states stay on screen.
  parameters: { ...answer(states.loading), billing: { provider: false } },
  globals: { theme: 'light' },
  render: () => <EveryTone />,
  play: async ({ canvasElement }) => expectEveryTone(canvasElement),
};

export const EveryToneDark: Story = {
  ...EveryToneLight,
  globals: { theme: 'dark' },
};
