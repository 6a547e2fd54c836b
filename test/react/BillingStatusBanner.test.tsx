import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { billingKeys, BillingStatusBanner, type BillingState } from '../../src';
import {
  activeState,
  canceledEndedState,
  canceledWithAccessState,
  checkoutSessionBody,
  freeState,
  longDate,
  pastDueState,
  pausedState,
  portalSessionBody,
  teamState,
  trialingState,
  unpaidState,
} from './fixtures';
import { json, liveRegionOf, renderWithBilling, setupFakeBillingApi } from './renderWithBilling';

const api = setupFakeBillingApi();

/** The banner: the live region that says something (the provider keeps an empty one for return-from-Checkout news). */
async function findBanner(message: string | RegExp): Promise<HTMLElement> {
  const text = await screen.findByText(message);
  const region = liveRegionOf(text);
  if (!region) throw new Error('the banner message is not in a polite live region');
  return region;
}

describe('BillingStatusBanner', () => {
  it('warns of a trial ending in 2 days, with the date, and offers to manage billing', async () => {
    const state = trialingState(2);
    api.answer('state', state);
    const { user, navigate } = renderWithBilling(<BillingStatusBanner />);

    const banner = await findBanner(
      `Your trial ends in 2 days (${longDate(state.trialEndsAt ?? '')}). Add a payment method to keep billed features.`,
    );
    await user.click(within(banner).getByRole('button', { name: 'Manage billing' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith(portalSessionBody.url));
  });

  it('says "tomorrow" with one day left', async () => {
    api.answer('state', trialingState(1));
    renderWithBilling(<BillingStatusBanner />);
    expect(await screen.findByText(/^Your trial ends tomorrow/)).toBeInTheDocument();
  });

  it('honours trialWarningDays', async () => {
    api.answer('state', trialingState(10));
    renderWithBilling(<BillingStatusBanner trialWarningDays={14} />);
    expect(await screen.findByText(/^Your trial ends in 10 days/)).toBeInTheDocument();
  });

  it('asks a past-due tenant to update the payment method', async () => {
    api.answer('state', pastDueState());
    const { user, navigate } = renderWithBilling(<BillingStatusBanner />);
    const banner = await findBanner(
      'Your last payment failed. Update your payment method to keep access to billed features.',
    );
    await user.click(within(banner).getByRole('button', { name: 'Update payment method' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith(portalSessionBody.url));
  });

  it('tells an unpaid tenant billed features are paused', async () => {
    api.answer('state', unpaidState());
    renderWithBilling(<BillingStatusBanner />);
    const banner = await findBanner(
      'Billed features are paused because payments failed. Update your payment method to restore them.',
    );
    expect(within(banner).getByRole('button', { name: 'Update payment method' })).toBeInTheDocument();
  });

  it.each([
    [
      'paused',
      pausedState,
      'Your trial ended without a payment method, so your subscription is paused. Add one to resume it.',
      'Add a payment method to resume',
    ],
    [
      'incomplete',
      () => teamState('incomplete', { billedFeaturesActive: false }),
      'Your first payment is not finished yet. Finish it to start your subscription.',
      'Finish your payment',
    ],
  ])('tells a %s tenant what to do, in the Portal', async (_name, state, message, action) => {
    api.answer('state', state());
    const { user, navigate } = renderWithBilling(<BillingStatusBanner />);
    const banner = await findBanner(message);
    await user.click(within(banner).getByRole('button', { name: action }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith(portalSessionBody.url));
    expect(api.count('checkout-session')).toBe(0);
  });

  it('tells a canceled tenant when access ends', async () => {
    const state = canceledWithAccessState();
    api.answer('state', state);
    renderWithBilling(<BillingStatusBanner />);
    const banner = await findBanner(
      `Your subscription is canceled. Access ends on ${longDate(state.currentPeriodEnd ?? '')}.`,
    );
    expect(within(banner).getByRole('button', { name: 'Manage billing' })).toBeInTheDocument();
  });

  it('tells a tenant whose subscription ended, and offers Checkout', async () => {
    const state = canceledEndedState();
    api.answer('state', state);
    const { user, navigate } = renderWithBilling(<BillingStatusBanner />, { checkout: { tier: 'team' } });
    const banner = await findBanner(
      `Your subscription ended on ${longDate(state.currentPeriodEnd ?? '')}. Choose a plan to restore billed features.`,
    );
    await user.click(within(banner).getByRole('button', { name: 'Upgrade' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith(checkoutSessionBody.url));
  });

  it('marks its tone and phase for styling, not by colour alone', async () => {
    api.answer('state', pastDueState());
    renderWithBilling(<BillingStatusBanner className="host-banner" />);
    const banner = await findBanner(/Your last payment failed/);
    expect(banner).toHaveAttribute('data-tone', 'warning');
    expect(banner).toHaveAttribute('data-phase', 'past_due');
    expect(banner).toHaveClass('host-banner');
  });

  it('hides its action with hideAction', async () => {
    api.answer('state', pastDueState());
    renderWithBilling(<BillingStatusBanner hideAction />);
    await findBanner(/Your last payment failed/);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it.each([
    ['active', activeState],
    ['free', freeState],
    ['trialing with 10 days left', () => trialingState(10)],
  ] as [string, () => BillingState][])('says nothing to a %s tenant', async (_label, makeState) => {
    api.answer('state', makeState());
    const { queryClient } = renderWithBilling(<BillingStatusBanner />);
    await waitFor(() => expect(queryClient.getQueryState(billingKeys.state())?.status).toBe('success'));
    expect(screen.queryAllByRole('status').filter((region) => region.textContent !== '')).toEqual([]);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('says nothing while loading or after a failed load', async () => {
    api.answer('state', json({ error: 'unauthorized' }, { status: 401 }));
    const { queryClient } = renderWithBilling(<BillingStatusBanner />);
    expect(screen.queryAllByRole('status').filter((region) => region.textContent !== '')).toEqual([]);
    await waitFor(() => expect(queryClient.getQueryState(billingKeys.state())?.status).toBe('error'));
    expect(screen.queryAllByRole('status').filter((region) => region.textContent !== '')).toEqual([]);
  });
});
