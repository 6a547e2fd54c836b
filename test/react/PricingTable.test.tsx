import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PricingTable, type BillingEvent, type BillingState, type PlanActionKind } from '../../src';
import {
  germanLabels,
  germanPricingTableLabels,
  japaneseLabels,
  japanesePricingTableLabels,
} from '../../src/locales';
import {
  activeState,
  canceledEndedState,
  canceledWithAccessState,
  checkoutSessionBody,
  freeState,
  pastDueState,
  pausedState,
  portalSessionBody,
  teamState,
  trialingState,
  unpaidState,
} from './fixtures';
import { seedPlans } from './plans';
import {
  deferred,
  json,
  liveRegionOf,
  noScriptSubmission,
  renderWithBilling,
  setupFakeBillingApi,
} from './renderWithBilling';

const api = setupFakeBillingApi();

type Row = [kind: PlanActionKind, action: string | null];
interface Case {
  state: () => BillingState;
  starter: Row;
  team: Row;
  business: Row;
  enterprise: Row;
}

const toSubscriber = (team: Row): Omit<Case, 'state'> => ({
  starter: ['portal', 'Switch to Starter'],
  team,
  business: ['portal', 'Switch to Business'],
  enterprise: ['contact', 'Contact sales'],
});
const noSubscription: Omit<Case, 'state'> = {
  starter: ['current', null],
  team: ['checkout', 'Start with Team'],
  business: ['checkout', 'Choose Business'],
  enterprise: ['contact', 'Contact sales'],
};

const cases: Record<string, Case> = {
  free: { state: freeState, ...noSubscription },
  trialing: { state: () => trialingState(10), ...toSubscriber(['current', 'Manage Team']) },
  active: { state: activeState, ...toSubscriber(['current', 'Manage Team']) },
  'past due': { state: pastDueState, ...toSubscriber(['current', 'Update payment method']) },
  unpaid: { state: unpaidState, ...toSubscriber(['current', 'Update payment method']) },
  paused: { state: pausedState, ...toSubscriber(['current', 'Add a payment method to resume']) },
  incomplete: {
    state: () => teamState('incomplete', { billedFeaturesActive: false }),
    ...toSubscriber(['current', 'Finish your payment']),
  },
  'canceled, still paid up': { state: canceledWithAccessState, ...noSubscription },
  'canceled and over': { state: canceledEndedState, ...noSubscription },
  enterprise: {
    state: () => teamState('active', { tier: 'enterprise' }),
    starter: ['portal', 'Switch to Starter'],
    team: ['portal', 'Switch to Team'],
    business: ['portal', 'Switch to Business'],
    enterprise: ['current', 'Manage Enterprise'],
  },
  'a status Stripe adds later': {
    state: () => teamState('on_hold', { billedFeaturesActive: false }),
    ...toSubscriber(['current', 'Manage Team']),
  },
};

async function findPlans(title = 'Plans'): Promise<HTMLElement[]> {
  const table = await screen.findByRole('region', { name: title });
  await waitFor(() => expect(table).toHaveAttribute('data-state', 'ready'));
  // The plans, not their feature lists: the list items straight under the table's list.
  return within(table)
    .getAllByRole('listitem')
    .filter((item) => item.parentElement?.parentElement === table);
}

/** The plan element for `tier` among `plans`. */
function planOf(plans: HTMLElement[], tier: string): HTMLElement {
  const found = plans.find((plan) => plan.dataset.tier === tier);
  if (!found) throw new Error(`No plan element for ${tier}`);
  return found;
}

describe('PricingTable', () => {
  describe.each(Object.entries(cases))('for a tenant that is %s', (_name, expected) => {
    it('gives each plan the action the plan rule picks, and marks the current one', async () => {
      api.answer('state', expected.state());
      renderWithBilling(<PricingTable />, { plans: seedPlans });
      const plans = await findPlans();

      expect(plans.map((plan) => plan.dataset.tier)).toEqual(['starter', 'team', 'business', 'enterprise']);
      for (const plan of plans) {
        const tier = plan.dataset.tier as 'starter' | 'team' | 'business' | 'enterprise';
        const [kind, action] = expected[tier];
        expect(plan, tier).toHaveAttribute('data-action', kind);
        if (kind === 'current') {
          expect(plan).toHaveAttribute('aria-current', 'true');
          expect(within(plan).getByText('Current plan')).toBeInTheDocument();
        } else {
          expect(plan).not.toHaveAttribute('aria-current');
        }
        const controls = [...within(plan).queryAllByRole('button'), ...within(plan).queryAllByRole('link')];
        // One action a user can take, or none: never a dead button.
        expect(controls.map((control) => control.textContent)).toEqual(action === null ? [] : [action]);
        for (const control of controls) expect(control).not.toHaveAttribute('aria-disabled');
      }
      expect(api.count('checkout-session')).toBe(0);
      expect(api.count('portal-session')).toBe(0);
    });
  });

  it('names each plan, shows its price, description, features and the recommended mark', async () => {
    api.answer('state', freeState());
    renderWithBilling(<PricingTable />, { plans: seedPlans, locale: 'en-US' });
    const plans = await findPlans();
    const [starter, team, business, enterprise] = ['starter', 'team', 'business', 'enterprise'].map((tier) =>
      planOf(plans, tier),
    ) as [HTMLElement, HTMLElement, HTMLElement, HTMLElement];

    expect(team).toHaveAccessibleName('Team');
    expect(within(team).getByRole('heading', { level: 3, name: 'Team' })).toBeInTheDocument();
    expect(within(team).getByText('$49/month')).toBeInTheDocument();
    expect(within(team).getByText('Recommended')).toBeInTheDocument();
    expect(team).toHaveAttribute('data-highlighted');
    expect(within(team).getByText('For teams that share dashboards.')).toBeInTheDocument();
    expect(
      within(within(team).getByRole('list', { name: 'Team includes' }))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['10 workspaces', 'Scheduled reports']);
    expect(within(starter).getByText('$0')).toBeInTheDocument();
    expect(within(business).getByText('$99/month')).toBeInTheDocument();
    expect(within(business).queryByText('Recommended')).not.toBeInTheDocument();
    // A text price is shown as given.
    expect(within(enterprise).getByText('Custom')).toBeInTheDocument();
  });

  it('takes a name from the plan over the tier, and a heading level that fits the page', async () => {
    api.answer('state', freeState());
    renderWithBilling(<PricingTable headingLevel={2} plans={[{ tier: 'team', name: 'Team Pro' }]} />);
    const team = planOf(await findPlans(), 'team');
    expect(within(team).getByRole('heading', { level: 2, name: 'Team Pro' })).toBeInTheDocument();
    expect(within(team).getByRole('button', { name: 'Choose Team Pro' })).toBeInTheDocument();
  });

  it('from free, "Choose Business" mints one Checkout session for business and goes there', async () => {
    api.answer('state', freeState());
    const { user, navigate } = renderWithBilling(<PricingTable />, { plans: seedPlans });
    await findPlans();

    await user.click(screen.getByRole('button', { name: 'Choose Business' }));

    await waitFor(() => expect(navigate).toHaveBeenCalledWith(checkoutSessionBody.url));
    expect(api.requests('checkout-session').map((request) => request.body)).toEqual([
      {
        tier: 'business',
        successUrl: 'http://localhost:3000/?saiku_checkout=success',
        cancelUrl: 'http://localhost:3000/?saiku_checkout=canceled',
      },
    ]);
    expect(api.count('portal-session')).toBe(0);
  });

  it('from active Team, "Switch to Business" mints a Portal session and no Checkout session', async () => {
    api.answer('state', activeState());
    const { user, navigate } = renderWithBilling(<PricingTable />, { plans: seedPlans });
    await findPlans();

    await user.click(screen.getByRole('button', { name: 'Switch to Business' }));

    await waitFor(() => expect(navigate).toHaveBeenCalledWith(portalSessionBody.url));
    expect(api.count('portal-session')).toBe(1);
    expect(api.count('checkout-session')).toBe(0);
  });

  it.each([
    ['paused', pausedState, 'Add a payment method to resume'],
    ['past due', pastDueState, 'Update payment method'],
  ])('a %s tenant fixes the payment in the Portal from its current plan', async (_name, state, label) => {
    api.answer('state', state());
    const { user, navigate } = renderWithBilling(<PricingTable />, { plans: seedPlans });
    await findPlans();
    await user.click(screen.getByRole('button', { name: label }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith(portalSessionBody.url));
    expect(api.count('checkout-session')).toBe(0);
  });

  it('links to sales with a real link, not a button', async () => {
    api.answer('state', freeState());
    renderWithBilling(<PricingTable />, { plans: seedPlans });
    const enterprise = planOf(await findPlans(), 'enterprise');
    const link = within(enterprise).getByRole('link', { name: 'Contact sales' });
    expect(link.tagName).toBe('A');
    expect(link).toHaveAttribute('href', 'https://saiku.bi/contact-sales');
  });

  it('runs one action at a time: a second plan clicked while the first is pending mints nothing', async () => {
    api.answer('state', freeState());
    const held = deferred(json(checkoutSessionBody));
    api.answer('checkout-session', held.answer);
    const { user, navigate } = renderWithBilling(<PricingTable />, { plans: seedPlans });
    await findPlans();

    const team = screen.getByRole('button', { name: 'Start with Team' });
    await user.click(team);
    await waitFor(() => expect(team).toHaveAttribute('aria-busy', 'true'));
    const business = screen.getByRole('button', { name: 'Choose Business' });
    expect(business).not.toHaveAttribute('aria-busy');
    await user.click(business);
    // Still Team's action: the busy mark stays on Team.
    expect(team).toHaveAttribute('aria-busy', 'true');
    expect(business).not.toHaveAttribute('aria-busy');
    held.release();

    await waitFor(() => expect(navigate).toHaveBeenCalledOnce());
    expect(
      api.requests('checkout-session').map((request) => (request.body as { tier: string }).tier),
    ).toEqual(['team']);
  });

  // Two plans clicked in the same tick, before anything has settled (a double click that slid, or a script).
  it('runs one action at a time: two plans clicked in one tick mint one session, shown on the first', async () => {
    api.answer('state', freeState());
    const held = deferred(json(checkoutSessionBody));
    api.answer('checkout-session', held.answer);
    const onEvent = vi.fn<(event: BillingEvent) => void>();
    const { navigate } = renderWithBilling(<PricingTable />, { plans: seedPlans, onEvent });
    await findPlans();

    const team = screen.getByRole('button', { name: 'Start with Team' });
    const business = screen.getByRole('button', { name: 'Choose Business' });
    act(() => {
      fireEvent.click(team);
      fireEvent.click(business);
    });
    await waitFor(() => expect(api.count('checkout-session')).toBe(1));
    // The plan being bought is the one that says so; the other stays as it was.
    expect(team).toHaveAttribute('aria-busy', 'true');
    expect(business).not.toHaveAttribute('aria-busy');
    expect(business).toHaveAttribute('data-state', 'idle');
    held.release();

    await waitFor(() => expect(navigate).toHaveBeenCalledOnce());
    expect(
      api.requests('checkout-session').map((request) => (request.body as { tier: string }).tier),
    ).toEqual(['team']);
    expect(onEvent.mock.calls.map(([event]) => event)).toEqual([{ type: 'checkout_started', tier: 'team' }]);
  });

  it("shows a failed action on that plan's card, in its live region", async () => {
    api.answer('state', activeState());
    api.answer('portal-session', json({ error: 'upstream', message: 'Down' }, { status: 503 }));
    const { user, navigate } = renderWithBilling(<PricingTable />, { plans: seedPlans });
    const plans = await findPlans();

    await user.click(screen.getByRole('button', { name: 'Switch to Business' }));

    const message = await within(planOf(plans, 'business')).findByText(
      'The billing service is having trouble. Try again shortly.',
    );
    expect(liveRegionOf(message)).not.toBeNull();
    expect(within(planOf(plans, 'starter')).queryByText(/trouble/)).not.toBeInTheDocument();
    expect(navigate).not.toHaveBeenCalled();
  });

  it('reports each failed action to onError', async () => {
    api.answer('state', freeState());
    api.answer('checkout-session', json({ error: 'upstream' }, { status: 503 }));
    const onError = vi.fn();
    const { user } = renderWithBilling(<PricingTable onError={onError} />, { plans: seedPlans });
    await findPlans();
    await user.click(screen.getByRole('button', { name: 'Choose Business' }));
    await waitFor(() => expect(onError).toHaveBeenCalledOnce());
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ name: 'BillingError', code: 'upstream' });
  });

  it('offers no Checkout while a return from Checkout is being confirmed', async () => {
    window.history.replaceState(null, '', '/?saiku_checkout=success');
    api.answer('state', freeState());
    renderWithBilling(<PricingTable />, { plans: seedPlans });
    const plans = await findPlans();
    expect(within(planOf(plans, 'team')).queryByRole('button')).not.toBeInTheDocument();
    expect(within(planOf(plans, 'business')).queryByRole('button')).not.toBeInTheDocument();
    expect(
      within(planOf(plans, 'enterprise')).getByRole('link', { name: 'Contact sales' }),
    ).toBeInTheDocument();
  });

  describe('without JavaScript', () => {
    it("posts Checkout plans to the proxy's checkout form route, with the plan", async () => {
      api.answer('state', freeState());
      renderWithBilling(<PricingTable />, {
        plans: seedPlans,
        checkout: { successUrl: 'https://app.acme.com/welcome', cancelUrl: 'https://app.acme.com/plans' },
      });
      await findPlans();
      const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Choose Business' });
      expect(noScriptSubmission(button)).toEqual({
        method: 'post',
        route: '/api/billing/checkout',
        fields: {
          tier: 'business',
          successUrl: 'https://app.acme.com/welcome?saiku_checkout=success',
          cancelUrl: 'https://app.acme.com/plans?saiku_checkout=canceled',
        },
      });
    });

    it("posts Portal plans to the proxy's portal form route", async () => {
      api.answer('state', activeState());
      renderWithBilling(<PricingTable />, {
        plans: seedPlans,
        portal: { returnUrl: 'https://app.acme.com/b' },
      });
      await findPlans();
      for (const name of ['Switch to Business', 'Manage Team']) {
        const button = screen.getByRole<HTMLButtonElement>('button', { name });
        expect(noScriptSubmission(button)).toEqual({
          method: 'post',
          route: '/api/billing/portal',
          fields: { returnUrl: 'https://app.acme.com/b?saiku_portal=return' },
        });
      }
    });
  });

  describe('states', () => {
    it('says it is loading while the state is on its way', async () => {
      const held = deferred(json(freeState()));
      api.answer('state', held.answer);
      renderWithBilling(<PricingTable />, { plans: seedPlans });
      const table = screen.getByRole('region', { name: 'Plans' });
      expect(table).toHaveAttribute('data-state', 'loading');
      expect(table).toHaveAttribute('aria-busy', 'true');
      expect(within(table).getByText('Loading plans…')).toBeInTheDocument();
      expect(within(table).queryByRole('button')).not.toBeInTheDocument();
      held.release();
      await waitFor(() => expect(table).toHaveAttribute('data-state', 'ready'));
    });

    it('shows an error with a retry that loads the plans', async () => {
      api.answerInTurn('state', json({ error: 'unauthorized' }, { status: 401 }), json(freeState()));
      const { user } = renderWithBilling(<PricingTable />, { plans: seedPlans });
      const table = screen.getByRole('region', { name: 'Plans' });
      const message = await within(table).findByText(/not allowed to manage billing/);
      expect(table).toHaveAttribute('data-state', 'error');
      expect(liveRegionOf(message)).not.toBeNull();

      await user.click(within(table).getByRole('button', { name: 'Try again' }));

      await waitFor(() => expect(table).toHaveAttribute('data-state', 'ready'));
      expect(within(table).getByRole('button', { name: 'Choose Business' })).toBeInTheDocument();
    });

    it.each([
      ['no plans anywhere', undefined],
      ['an empty list', []],
    ])('renders nothing and warns the developer once for %s', async (_name, plans) => {
      api.answer('state', freeState());
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const { container, rerender } = renderWithBilling(<PricingTable plans={plans} />);
      rerender(<PricingTable plans={plans} />);
      expect(container.querySelector('.saiku-billing-pricing')).toBeNull();
      expect(screen.queryByRole('region')).not.toBeInTheDocument();
      expect(screen.queryByRole('list')).not.toBeInTheDocument();
      await waitFor(() => expect(warn).toHaveBeenCalledOnce());
      expect(warn.mock.calls[0]?.[0]).toMatch(/<PricingTable> has no plans to show.*Pass `plans`/);
    });

    it("takes the table's own plans over the provider's", async () => {
      api.answer('state', freeState());
      renderWithBilling(<PricingTable plans={[{ tier: 'business' }]} />, { plans: seedPlans });
      expect((await findPlans()).map((plan) => plan.dataset.tier)).toEqual(['business']);
    });
  });

  describe('prices and languages', () => {
    it.each([
      ['en-US', undefined, 'Plans', '$49/month', '¥4,900/month', 'Choose Business'],
      ['de-DE', 'de', 'Tarife', '49 $/Monat', '4.900 ¥/Monat', 'Business wählen'],
      ['ja-JP', 'ja', '料金プラン', '$49/月', '￥4,900/月', 'Businessを選択'],
    ])(
      '%s: formats prices in minor units with Intl, JPY without a minor unit',
      async (locale, pack, title, usd, jpy, choose) => {
        api.answer('state', freeState());
        const labels =
          pack === 'de'
            ? { ...germanLabels, pricingTable: germanPricingTableLabels }
            : pack === 'ja'
              ? { ...japaneseLabels, pricingTable: japanesePricingTableLabels }
              : undefined;
        renderWithBilling(
          <PricingTable
            plans={[
              { tier: 'team', price: { amount: 4900, currency: 'usd', interval: 'month' } },
              { tier: 'business', price: { amount: 4900, currency: 'JPY', interval: 'month' } },
            ]}
          />,
          { locale, ...(labels ? { labels } : {}) },
        );
        const plans = await findPlans(title);
        const team = planOf(plans, 'team');
        const business = planOf(plans, 'business');
        const text = (element: HTMLElement | undefined) =>
          (element?.querySelector('.saiku-billing-pricing__price')?.textContent ?? '').replace(
            /[\u00a0\u202f]/g,
            ' ',
          );
        expect(text(team)).toBe(usd);
        expect(text(business)).toBe(jpy);
        expect(within(business).getByRole('button', { name: choose })).toBeInTheDocument();
      },
    );

    it("takes any string from the table's labels prop, over the provider's", async () => {
      api.answer('state', freeState());
      renderWithBilling(<PricingTable labels={{ choose: (name) => `Go ${name}` }} />, {
        plans: seedPlans,
        labels: { pricingTable: { title: 'Pick a plan', choose: (name) => `Take ${name}` } },
      });
      const table = await screen.findByRole('region', { name: 'Pick a plan' });
      expect(await within(table).findByRole('button', { name: 'Go Business' })).toBeInTheDocument();
    });

    it("still reads the table's old `manage`, from the provider or the table's prop", async () => {
      api.answer('state', activeState());
      const { rerender } = renderWithBilling(<PricingTable />, {
        plans: seedPlans,
        labels: { pricingTable: { manage: (name) => `${name} verwalten` } },
      });
      const team = planOf(await findPlans(), 'team');
      expect(within(team).getByRole('button', { name: 'Team verwalten' })).toBeInTheDocument();
      rerender(<PricingTable labels={{ manage: (name) => `Edit ${name}` }} />, {
        labels: { pricingTable: { managePlan: (name) => `Open ${name}` } },
      });
      expect(within(team).getByRole('button', { name: 'Edit Team' })).toBeInTheDocument();
    });
  });
});
