import { screen, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { PlanCard, type BillingState } from '../../src';
import {
  activeState,
  canceledEndedState,
  canceledWithAccessState,
  freeState,
  longDate,
  pastDueState,
  pausedState,
  teamState,
  trialingState,
  unpaidState,
} from './fixtures';
import { seedPlans } from './plans';
import { deferred, json, liveRegionOf, renderWithBilling, setupFakeBillingApi } from './renderWithBilling';

const api = setupFakeBillingApi();

interface Expected {
  plan: string;
  /** null: no badge (a free plan's name already says "Free"). */
  badge: string | null;
  date: ((state: BillingState) => string) | null;
  trial: string | null;
  action:
    | 'Upgrade'
    | 'Manage billing'
    | 'Update payment method'
    | 'Add a payment method to resume'
    | 'Finish your payment';
}

const cases: [string, () => BillingState, Expected][] = [
  ["'' (free)", freeState, { plan: 'Free', badge: null, date: null, trial: null, action: 'Upgrade' }],
  [
    'trialing',
    () => trialingState(10),
    {
      plan: 'Team',
      badge: 'Trial',
      date: (s) => `Trial ends on ${longDate(s.trialEndsAt ?? '')}`,
      trial: '10 days left in your trial',
      action: 'Manage billing',
    },
  ],
  [
    'active',
    activeState,
    {
      plan: 'Team',
      badge: 'Active',
      date: (s) => `Renews on ${longDate(s.currentPeriodEnd ?? '')}`,
      trial: null,
      action: 'Manage billing',
    },
  ],
  [
    'past_due',
    pastDueState,
    {
      plan: 'Team',
      badge: 'Past due',
      date: (s) => `Renews on ${longDate(s.currentPeriodEnd ?? '')}`,
      trial: null,
      action: 'Update payment method',
    },
  ],
  // No access, but a subscription a new card restores: the portal, not a second Checkout.
  [
    'unpaid',
    unpaidState,
    { plan: 'Team', badge: 'Unpaid', date: null, trial: null, action: 'Update payment method' },
  ],
  [
    'canceled, still paid up',
    canceledWithAccessState,
    {
      plan: 'Team',
      badge: 'Canceled',
      date: (s) => `Access ends on ${longDate(s.currentPeriodEnd ?? '')}`,
      trial: null,
      // Stripe cannot renew a canceled subscription in its Portal: a new Checkout (none to duplicate).
      action: 'Upgrade',
    },
  ],
  [
    'canceled, period over',
    canceledEndedState,
    {
      plan: 'Team',
      badge: 'Canceled',
      date: (s) => `Access ended on ${longDate(s.currentPeriodEnd ?? '')}`,
      trial: null,
      action: 'Upgrade',
    },
  ],
  [
    'paused (a trial that ended without a card)',
    pausedState,
    {
      plan: 'Team',
      badge: 'Paused',
      date: (s) => `Current period ends on ${longDate(s.currentPeriodEnd ?? '')}`,
      trial: null,
      // The subscription exists: a Checkout here would start a second one.
      action: 'Add a payment method to resume',
    },
  ],
  [
    'incomplete (an unfinished first payment)',
    () => teamState('incomplete', { billedFeaturesActive: false }),
    {
      plan: 'Team',
      badge: 'Incomplete',
      date: (s) => `Current period ends on ${longDate(s.currentPeriodEnd ?? '')}`,
      trial: null,
      action: 'Finish your payment',
    },
  ],
  [
    'a status Stripe adds later, with a customer',
    () => teamState('on_hold', { billedFeaturesActive: false }),
    {
      plan: 'Team',
      badge: 'On hold',
      date: (s) => `Current period ends on ${longDate(s.currentPeriodEnd ?? '')}`,
      trial: null,
      action: 'Manage billing',
    },
  ],
];

describe('PlanCard', () => {
  it.each(cases)(
    'shows a %s tenant its plan, status, date and the action that fits',
    async (_label, makeState, expected) => {
      const state = makeState();
      api.answer('state', state);
      renderWithBilling(<PlanCard upgradeTier="team" />);

      const card = await screen.findByRole('region', { name: 'Your plan' });
      await within(card).findByRole('button', { name: expected.action });
      expect(within(card).getByText(expected.plan)).toBeInTheDocument();
      if (expected.badge) expect(within(card).getByText(expected.badge)).toBeInTheDocument();
      else expect(card.querySelector('.saiku-billing-badge')).toBeNull();
      if (expected.date) expect(within(card).getByText(expected.date(state))).toBeInTheDocument();
      else expect(within(card).queryByText(/ on /)).not.toBeInTheDocument();
      if (expected.trial) expect(within(card).getByText(expected.trial)).toBeInTheDocument();
      else expect(within(card).queryByText(/left in your trial/)).not.toBeInTheDocument();

      const buttons = within(card).getAllByRole('button');
      expect(buttons.map((b) => b.textContent)).toEqual([expected.action]);
      expect(card).not.toHaveAttribute('aria-busy');
    },
  );

  it('shows "1 day left" in the singular', async () => {
    api.answer('state', trialingState(1));
    renderWithBilling(<PlanCard />);
    expect(await screen.findByText('1 day left in your trial')).toBeInTheDocument();
  });

  it('says it is loading, marked busy, until the state arrives', async () => {
    const held = deferred(json(activeState()));
    api.answer('state', held.answer);
    renderWithBilling(<PlanCard />);

    const card = screen.getByRole('region', { name: 'Your plan' });
    expect(card).toHaveAttribute('aria-busy', 'true');
    expect(within(card).getByText('Loading your plan…')).toBeInTheDocument();
    expect(within(card).queryByRole('button')).not.toBeInTheDocument();

    held.release();
    expect(await within(card).findByText('Team')).toBeInTheDocument();
    expect(card).not.toHaveAttribute('aria-busy');
    expect(within(card).queryByText('Loading your plan…')).not.toBeInTheDocument();
  });

  it('explains a failed load in a live region and loads again on "Try again"', async () => {
    api.answerInTurn(
      'state',
      json({ error: 'unauthorized', message: 'Sign in first.' }, { status: 401 }),
      json(activeState()),
    );
    const { user } = renderWithBilling(<PlanCard />);

    const message = await screen.findByText(
      'You are not allowed to manage billing. Sign in again or ask an administrator.',
    );
    expect(liveRegionOf(message)).not.toBeNull();
    expect(api.count('state')).toBe(1);

    await user.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByText('Team')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Manage billing' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    expect(api.count('state')).toBe(2);
  });

  it('keeps an unknown plan name readable', async () => {
    api.answer('state', { ...activeState(), tier: 'pro_plus' });
    renderWithBilling(<PlanCard />);
    expect(await screen.findByText('Pro plus')).toBeInTheDocument();
  });

  it("hides the action when `action={null}` and shows the host's own when given", async () => {
    api.answer('state', () => HttpResponse.json(activeState()));
    const { rerender } = renderWithBilling(<PlanCard action={null} />);
    await screen.findByText('Team');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();

    rerender(<PlanCard action={<a href="/plans">See plans</a>} />);
    expect(screen.getByRole('link', { name: 'See plans' })).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  describe("with the provider's plans", () => {
    it("shows the current plan's name and price", async () => {
      api.answer('state', activeState());
      renderWithBilling(<PlanCard />, {
        locale: 'en-US',
        plans: seedPlans.map((plan) => (plan.tier === 'team' ? { ...plan, name: 'Team (annual)' } : plan)),
      });
      const card = await screen.findByRole('region', { name: 'Your plan' });
      expect(await within(card).findByText('Team (annual)')).toBeInTheDocument();
      expect(within(card).getByText('$49/month')).toBeInTheDocument();
    });

    it('still says "Free" for a tenant without a subscription', async () => {
      api.answer('state', freeState());
      renderWithBilling(<PlanCard />, { locale: 'en-US', plans: seedPlans });
      const card = await screen.findByRole('region', { name: 'Your plan' });
      expect(await within(card).findByText('Free')).toBeInTheDocument();
      expect(card.querySelector('.saiku-billing-plan-card__price')).toBeNull();
    });

    it('names the tier as before when no plan matches', async () => {
      api.answer('state', teamState('active', { tier: 'pro_plus' }));
      renderWithBilling(<PlanCard />, { plans: seedPlans });
      const card = await screen.findByRole('region', { name: 'Your plan' });
      expect(await within(card).findByText('Pro plus')).toBeInTheDocument();
      expect(card.querySelector('.saiku-billing-plan-card__price')).toBeNull();
    });
  });
});
