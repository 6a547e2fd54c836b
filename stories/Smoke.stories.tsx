import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { PlanCard, type BillingBackend } from '../src';

const backend: BillingBackend = {
  getState: async () => ({
    tenantId: 't1',
    tier: 'team',
    stripeCustomerId: 'cus_1',
    subscriptionStatus: 'active',
    currentPeriodEnd: '2030-01-15T00:00:00.000Z',
    trialEndsAt: null,
    billedFeaturesActive: true,
  }),
  createCheckoutSession: async () => ({ url: 'https://checkout.stripe.com/c/pay/cs_1', sessionId: 'cs_1' }),
  createPortalSession: async () => ({ url: 'https://billing.stripe.com/p/session/1' }),
};

const meta = {
  title: 'Smoke',
  component: PlanCard,
  parameters: { billing: { provider: { backend } } },
} satisfies Meta<typeof PlanCard>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Inline: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Team')).toBeVisible();
  },
};
