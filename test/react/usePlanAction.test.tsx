import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { usePlanAction, usePlans, type Tier } from '../../src';
import { activeState, checkoutSessionBody, freeState, pausedState, portalSessionBody } from './fixtures';
import { seedPlans } from './plans';
import { deferred, json, renderWithBilling, setupFakeBillingApi } from './renderWithBilling';

const api = setupFakeBillingApi();

/** A host's own plan button, built on the hook. */
function PlanButton({ tier }: { tier: Tier }) {
  const { kind, start, isPending, error, isLoading } = usePlanAction(tier);
  if (isLoading) return <p>Loading {tier}…</p>;
  return (
    <div>
      <button type="button" data-kind={kind} aria-busy={isPending || undefined} onClick={() => void start()}>
        {tier}: {kind}
      </button>
      {error ? <p>Failed: {error.code}</p> : null}
    </div>
  );
}

function PlanList() {
  const plans = usePlans();
  return (
    <ul>
      {plans.map((plan) => (
        <li key={plan.tier}>
          {plan.tier}: {plan.action}
        </li>
      ))}
    </ul>
  );
}

describe('usePlanAction', () => {
  it('says it is loading, then what the plan rule picks', async () => {
    const held = deferred(json(freeState()));
    api.answer('state', held.answer);
    renderWithBilling(<PlanButton tier="business" />, { plans: seedPlans });
    expect(screen.getByText('Loading business…')).toBeInTheDocument();
    held.release();
    expect(await screen.findByRole('button', { name: 'business: checkout' })).toBeInTheDocument();
  });

  it('from free, start() mints one Checkout session for the plan', async () => {
    api.answer('state', freeState());
    const { user, navigate } = renderWithBilling(<PlanButton tier="business" />, { plans: seedPlans });
    await user.click(await screen.findByRole('button', { name: 'business: checkout' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith(checkoutSessionBody.url));
    expect(api.requests('checkout-session').map((r) => (r.body as { tier: string }).tier)).toEqual([
      'business',
    ]);
  });

  it.each([
    ['an active subscriber switching plan', activeState, 'business', 'portal'],
    ["an active subscriber's own plan", activeState, 'team', 'current'],
    ["a paused subscriber's own plan", pausedState, 'team', 'current'],
  ])('%s opens the Portal and never mints a Checkout session', async (_name, state, tier, kind) => {
    api.answer('state', state());
    const { user, navigate } = renderWithBilling(<PlanButton tier={tier} />, { plans: seedPlans });
    await user.click(await screen.findByRole('button', { name: `${tier}: ${kind}` }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith(portalSessionBody.url));
    expect(api.count('checkout-session')).toBe(0);
  });

  it('goes to the contact URL for a contact plan, minting nothing', async () => {
    api.answer('state', freeState());
    const { user, navigate } = renderWithBilling(<PlanButton tier="enterprise" />, { plans: seedPlans });
    await user.click(await screen.findByRole('button', { name: 'enterprise: contact' }));
    expect(navigate).toHaveBeenCalledWith('https://saiku.bi/contact-sales');
    expect(api.count('checkout-session') + api.count('portal-session')).toBe(0);
  });

  it("does nothing for a free tenant's current free plan", async () => {
    api.answer('state', freeState());
    const { user, navigate } = renderWithBilling(<PlanButton tier="starter" />, { plans: seedPlans });
    await user.click(await screen.findByRole('button', { name: 'starter: current' }));
    expect(navigate).not.toHaveBeenCalled();
    expect(api.count('checkout-session') + api.count('portal-session')).toBe(0);
  });

  it("treats a tier the provider's plans do not list as a bare plan", async () => {
    api.answer('state', activeState());
    renderWithBilling(<PlanButton tier="pro_plus" />);
    expect(await screen.findByRole('button', { name: 'pro_plus: portal' })).toBeInTheDocument();
  });

  it('puts a failure in error', async () => {
    api.answer('state', activeState());
    api.answer('portal-session', json({ error: 'upstream' }, { status: 503 }));
    const { user } = renderWithBilling(<PlanButton tier="business" />, { plans: seedPlans });
    await user.click(await screen.findByRole('button', { name: 'business: portal' }));
    expect(await screen.findByText('Failed: upstream')).toBeInTheDocument();
  });
});

describe('usePlans', () => {
  it("lists the provider's plans, each with its action for this tenant", async () => {
    api.answer('state', activeState());
    renderWithBilling(<PlanList />, { plans: seedPlans });
    await waitFor(() =>
      expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
        'starter: portal',
        'team: current',
        'business: portal',
        'enterprise: contact',
      ]),
    );
  });

  it('is empty without plans', async () => {
    api.answer('state', activeState());
    const { queryClient } = renderWithBilling(<PlanList />);
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    expect(screen.queryAllByRole('listitem')).toEqual([]);
  });
});
