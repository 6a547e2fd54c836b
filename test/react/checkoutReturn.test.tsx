// Back from Checkout: the webhook may land after the browser does, so the provider polls until
// billed features are on, says so meanwhile, and gives up politely after about 30 s.
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BillingStatusBanner, PlanCard, type BillingEvent } from '../../src';
import { activeState, freeState } from './fixtures';
import { json, renderWithBilling, setupFakeBillingApi } from './renderWithBilling';

const api = setupFakeBillingApi();
afterEach(() => {
  vi.useRealTimers();
});

const confirming = 'Confirming your subscription…';
const confirmed = 'Your subscription is active.';
const timedOut = /still being confirmed/;

async function advance(ms: number): Promise<void> {
  // The return's code is loaded on demand: let it arrive before moving the clock.
  await vi.dynamicImportSettled();
  await act(() => vi.advanceTimersByTimeAsync(ms));
}

function backFromCheckout(): void {
  window.history.replaceState(null, '', '/settings/billing?tab=plan&saiku_checkout=success');
}

describe('return from Checkout', () => {
  it('says it is confirming, polls until billed features are on, then drops the marker', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    backFromCheckout();
    // The webhook lands between the second and third poll.
    api.answerInTurn('state', json(freeState()), json(freeState()), json(activeState()));
    renderWithBilling(
      <>
        <BillingStatusBanner />
        <PlanCard upgradeTier="team" />
      </>,
    );

    expect((await screen.findAllByText(confirming)).length).toBeGreaterThan(0);
    await vi.waitFor(() => expect(api.count('state')).toBe(1), { interval: 5 });
    // Upgrading again now would mint a second subscription: the card holds its button back.
    expect(screen.queryByRole('button', { name: 'Upgrade' })).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Your plan' })).toHaveAttribute('aria-busy', 'true');
    expect(window.location.search).toContain('saiku_checkout=success');

    await advance(1_600);
    await vi.waitFor(() => expect(api.count('state')).toBe(2), { interval: 5 });
    expect(screen.getAllByText(confirming).length).toBeGreaterThan(0);

    await advance(2_400);
    await vi.waitFor(() => expect(api.count('state')).toBe(3), { interval: 5 });

    expect((await screen.findAllByText(confirmed)).length).toBeGreaterThan(0);
    expect(screen.queryByText(confirming)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Manage billing' })).toBeInTheDocument();
    expect(window.location.search).toBe('?tab=plan');
    expect(window.location.pathname).toBe('/settings/billing');

    // Confirmed: the polling stops.
    await advance(60_000);
    expect(api.count('state')).toBe(3);
  });

  it('confirms under React.StrictMode too, reporting checkout_completed once', async () => {
    backFromCheckout();
    const active = activeState();
    api.answer('state', active);
    const onEvent = vi.fn<(event: BillingEvent) => void>();
    // StrictMode above the provider: the effects that read the markers, poll and report mount twice.
    renderWithBilling(<PlanCard />, { strictMode: true, onEvent });
    expect(await screen.findByText(confirmed)).toBeInTheDocument();
    await vi.waitFor(() => expect(window.location.search).toBe('?tab=plan'));
    expect(onEvent.mock.calls.map(([event]) => event)).toEqual([
      { type: 'checkout_completed', state: active },
    ]);
    expect(api.count('state')).toBe(1);
  });

  it('asks again even when the page was server-rendered with the old state', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    backFromCheckout();
    api.answer('state', activeState());
    renderWithBilling(<PlanCard />, { initialState: freeState() });
    expect(await screen.findByText('Team')).toBeInTheDocument();
    expect(api.count('state')).toBeGreaterThanOrEqual(1);
    await vi.waitFor(() => expect(window.location.search).toBe('?tab=plan'), { interval: 5 });
  });

  it('gives up after about 30 s with a message, and stops polling', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    backFromCheckout();
    api.answer('state', freeState());
    renderWithBilling(<PlanCard upgradeTier="team" />);
    expect((await screen.findAllByText(confirming)).length).toBeGreaterThan(0);

    await advance(25_000);
    expect(screen.queryByText(timedOut)).not.toBeInTheDocument();
    const pollsIn25s = api.count('state');
    // Backing off: more than one poll, far fewer than one a second.
    expect(pollsIn25s).toBeGreaterThan(3);
    expect(pollsIn25s).toBeLessThan(15);

    await advance(6_000);
    expect((await screen.findAllByText(timedOut)).length).toBeGreaterThan(0);
    expect(screen.queryByText(confirming)).not.toBeInTheDocument();
    // A reload must not start polling again.
    expect(window.location.search).not.toContain('saiku_checkout');
    const pollsAtTimeout = api.count('state');

    await advance(60_000);
    expect(api.count('state')).toBe(pollsAtTimeout);
  });

  it('shows nothing special after a cancelled Checkout (no marker)', async () => {
    window.history.replaceState(null, '', '/settings/billing?tab=plan');
    api.answer('state', freeState());
    renderWithBilling(
      <>
        <BillingStatusBanner />
        <PlanCard upgradeTier="team" />
      </>,
    );
    expect(await screen.findByRole('button', { name: 'Upgrade' })).toBeInTheDocument();
    expect(screen.queryByText(confirming)).not.toBeInTheDocument();
    expect(screen.queryByText(confirmed)).not.toBeInTheDocument();
    expect(api.count('state')).toBe(1);
    expect(window.location.search).toBe('?tab=plan');
  });

  it('announces the confirmation in a polite live region', async () => {
    backFromCheckout();
    api.answerInTurn('state', json(activeState()));
    renderWithBilling(<PlanCard />);
    const announcement = await screen.findByText(confirmed);
    expect(announcement.closest('[role="status"]')).toHaveAttribute('aria-live', 'polite');
  });
});
