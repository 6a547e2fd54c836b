// Back from the Customer Portal: the page refetches at once and, backing off for about 15 s, until the
// state differs from the one it had when the user left; then portal_returned, and the marker goes.
// No spinner meanwhile: the state on screen stays and updates in place. Every page renders under
// StrictMode above the provider, whose effects poll and report.
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BillingGate, ManageButton, PlanCard, type BillingEvent } from '../../src';
import { activeState, daysFromNow, portalSessionBody, teamState, trialingState } from './fixtures';
import { json, renderWithBilling, setupFakeBillingApi } from './renderWithBilling';

const api = setupFakeBillingApi();
afterEach(() => {
  vi.useRealTimers();
  sessionStorage.clear();
});

async function advance(ms: number): Promise<void> {
  // The return's code is loaded on demand: let it arrive before moving the clock.
  await vi.dynamicImportSettled();
  await act(() => vi.advanceTimersByTimeAsync(ms));
}

function Page() {
  return (
    <>
      <PlanCard />
      <BillingGate fallback={<p>Reports need a paid plan.</p>}>
        <p>Your reports</p>
      </BillingGate>
      <ManageButton>Invoices</ManageButton>
    </>
  );
}

/** Leaves for the Portal from /billing with `state` on screen, as a user does; the page is then gone. */
async function leaveForPortal(state = activeState()): Promise<void> {
  window.history.replaceState(null, '', '/billing?tab=plan');
  api.answer('state', state);
  const { user, navigate, unmount } = renderWithBilling(<Page />, { strictMode: true });
  await user.click(await screen.findByRole('button', { name: 'Invoices' }));
  await vi.waitFor(() => expect(navigate).toHaveBeenCalledWith(portalSessionBody.url));
  unmount();
  window.history.replaceState(null, '', '/billing?tab=plan&saiku_portal=return');
}

function portalReturned(onEvent: ReturnType<typeof vi.fn<(event: BillingEvent) => void>>) {
  return onEvent.mock.calls.map(([event]) => event).filter((event) => event.type === 'portal_returned');
}

describe('return from the Portal', () => {
  it('the return URL carries the marker', async () => {
    await leaveForPortal();
    expect(api.requests('portal-session')[0]?.body).toEqual({
      returnUrl: 'http://localhost:3000/billing?tab=plan&saiku_portal=return',
    });
  });

  it('polls until the plan changes, updating in place, then reports portal_returned changed: true once', async () => {
    const left = activeState();
    await leaveForPortal(left);
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const business = { ...left, tier: 'business' };
    // The Portal's webhook lands between the second and third request.
    api.answerInTurn('state', json(left), json(left), json(business));
    const stateRequestsBefore = api.count('state');
    const onEvent = vi.fn<(event: BillingEvent) => void>();
    renderWithBilling(<Page />, { onEvent, strictMode: true });

    // One request for the page view, then polls.
    await vi.waitFor(() => expect(api.count('state') - stateRequestsBefore).toBe(1), { interval: 5 });
    const card = await screen.findByRole('region', { name: 'Your plan' });
    await vi.waitFor(() => expect(card).toHaveTextContent('Team'));
    // No spinner, no confirmation message: the card just shows the state it has.
    expect(card).not.toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByText(/Confirming/)).not.toBeInTheDocument();
    expect(window.location.search).toContain('saiku_portal=return');
    expect(portalReturned(onEvent)).toEqual([]);

    await advance(1_100);
    await vi.waitFor(() => expect(api.count('state') - stateRequestsBefore).toBe(2), { interval: 5 });
    await advance(1_600);
    await vi.waitFor(() => expect(card).toHaveTextContent('Business'));
    expect(screen.getByText('Your reports')).toBeInTheDocument();

    await vi.waitFor(() => expect(window.location.search).toBe('?tab=plan'), { interval: 5 });
    expect(portalReturned(onEvent)).toEqual([{ type: 'portal_returned', state: business, changed: true }]);
    // Changed: the polling stops.
    await advance(60_000);
    expect(api.count('state') - stateRequestsBefore).toBe(3);
    expect(portalReturned(onEvent)).toHaveLength(1);
  });

  it('gives up after about 15 s when nothing changed: portal_returned changed: false, polls stop', async () => {
    const left = activeState();
    await leaveForPortal(left);
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const before = api.count('state');
    api.answer('state', left);
    const onEvent = vi.fn<(event: BillingEvent) => void>();
    renderWithBilling(<Page />, { onEvent, strictMode: true });
    await vi.waitFor(() => expect(api.count('state') - before).toBe(1), { interval: 5 });

    await advance(14_000);
    expect(portalReturned(onEvent)).toEqual([]);
    const polls = api.count('state') - before;
    // Backing off: several polls, far fewer than one a second.
    expect(polls).toBeGreaterThan(3);
    expect(polls).toBeLessThan(10);

    await advance(1_500);
    await vi.waitFor(() => expect(window.location.search).toBe('?tab=plan'), { interval: 5 });
    expect(portalReturned(onEvent)).toEqual([{ type: 'portal_returned', state: left, changed: false }]);
    const atTimeout = api.count('state');
    await advance(60_000);
    expect(api.count('state')).toBe(atTimeout);
  });

  it('a change already visible on the first request is reported at once, with one request', async () => {
    const left = activeState();
    await leaveForPortal(left);
    const before = api.count('state');
    const canceled = teamState('canceled', { currentPeriodEnd: left.currentPeriodEnd });
    api.answer('state', canceled);
    const onEvent = vi.fn<(event: BillingEvent) => void>();
    renderWithBilling(<Page />, { onEvent, strictMode: true });

    await vi.waitFor(() => expect(portalReturned(onEvent)).toHaveLength(1));
    expect(portalReturned(onEvent)[0]).toEqual({ type: 'portal_returned', state: canceled, changed: true });
    expect(window.location.search).toBe('?tab=plan');
    expect(api.count('state') - before).toBe(1);
  });

  // In the Portal a user can move the renewal (switching to yearly billing) or end a trial early, with the
  // plan and status the same: still a change, reported at once rather than after 15 s of polling.
  it.each([
    ['the renewal date', activeState, 'currentPeriodEnd'],
    ['the trial end', () => trialingState(10), 'trialEndsAt'],
  ] as const)(
    'a change of %s alone is a change: portal_returned changed: true',
    async (_name, makeState, field) => {
      const left = makeState();
      await leaveForPortal(left);
      const before = api.count('state');
      const moved = { ...left, [field]: daysFromNow(2) };
      api.answer('state', moved);
      const onEvent = vi.fn<(event: BillingEvent) => void>();
      renderWithBilling(<Page />, { onEvent, strictMode: true });

      await vi.waitFor(() => expect(portalReturned(onEvent)).toHaveLength(1));
      expect(portalReturned(onEvent)[0]).toEqual({ type: 'portal_returned', state: moved, changed: true });
      expect(window.location.search).toBe('?tab=plan');
      expect(api.count('state') - before).toBe(1);
    },
  );

  it('without a saved state (another tab, storage refused) it refetches once and reports changed: false', async () => {
    window.history.replaceState(null, '', '/billing?saiku_portal=return');
    api.answer('state', activeState());
    const onEvent = vi.fn<(event: BillingEvent) => void>();
    renderWithBilling(<Page />, { onEvent, strictMode: true });
    await vi.waitFor(() => expect(portalReturned(onEvent)).toHaveLength(1));
    expect(portalReturned(onEvent)[0]).toMatchObject({ changed: false });
    expect(window.location.search).toBe('');
    expect(api.count('state')).toBe(1);
  });

  it('asks again even when the page was server-rendered with the old state', async () => {
    const left = activeState();
    await leaveForPortal(left);
    const before = api.count('state');
    const business = { ...left, tier: 'business' };
    api.answer('state', business);
    renderWithBilling(<Page />, { initialState: left, strictMode: true });
    // Rendered at once from the server's state, then updated in place.
    expect(screen.getByRole('region', { name: 'Your plan' })).toHaveTextContent('Team');
    await vi.waitFor(() =>
      expect(screen.getByRole('region', { name: 'Your plan' })).toHaveTextContent('Business'),
    );
    expect(api.count('state') - before).toBe(1);
  });
});
