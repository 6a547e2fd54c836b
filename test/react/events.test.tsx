// The provider's onEvent: each lifecycle event once per occurrence on the page, whatever mounts twice
// (StrictMode), however many components read the state, and whichever of focus / visibilitychange fires.
import { act, screen } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BillingGate,
  BillingStatusBanner,
  ManageButton,
  PlanCard,
  UpgradeButton,
  type BillingEvent,
} from '../../src';
import {
  activeState,
  daysFromNow,
  freeState,
  longDate,
  portalSessionBody,
  teamState,
  trialingState,
} from './fixtures';
import {
  json,
  renderWithBilling,
  setupFakeBillingApi,
  type RenderWithBillingOptions,
  type RenderWithBillingResult,
} from './renderWithBilling';

const api = setupFakeBillingApi();
afterEach(() => {
  vi.useRealTimers();
});

function Page({ children = null }: { children?: ReactNode }) {
  return (
    <>
      <BillingStatusBanner />
      <PlanCard upgradeTier="team" />
      <BillingGate fallback={<p>Reports need a paid plan.</p>}>
        <p>Your reports</p>
      </BillingGate>
      {children}
    </>
  );
}

/** The page under StrictMode above the provider, whose effects emit the events: they mount twice. */
function renderPage(ui: ReactElement, options: RenderWithBillingOptions): RenderWithBillingResult {
  return renderWithBilling(ui, { ...options, strictMode: true });
}

/** An onEvent spy, and the events it saw, in order. */
function recordEvents() {
  const onEvent = vi.fn<(event: BillingEvent) => void>();
  return { onEvent, events: () => onEvent.mock.calls.map(([event]) => event) };
}

async function advance(ms: number): Promise<void> {
  // The return's code is loaded on demand: let it arrive before moving the clock.
  await vi.dynamicImportSettled();
  await act(() => vi.advanceTimersByTimeAsync(ms));
}

describe('onEvent', () => {
  it('checkout_started carries the tier, once per click, before the session is minted', async () => {
    api.answer('state', freeState());
    const { onEvent, events } = recordEvents();
    const { user, navigate } = renderPage(
      <Page>
        <UpgradeButton tier="business">Go Business</UpgradeButton>
      </Page>,
      { onEvent },
    );
    await user.click(await screen.findByRole('button', { name: 'Go Business' }));
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledOnce());
    expect(events()).toEqual([{ type: 'checkout_started', tier: 'business' }]);
  });

  it('checkout_completed carries the confirmed state, once, under StrictMode with several readers', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    window.history.replaceState(null, '', '/billing?saiku_checkout=success');
    const free = freeState();
    const paid = trialingState();
    api.answerInTurn('state', json(free), json(paid));
    const { onEvent, events } = recordEvents();
    renderPage(<Page />, { onEvent });

    await vi.waitFor(() => expect(api.count('state')).toBe(1), { interval: 5 });
    await advance(1_600);
    expect(await screen.findByText('Your reports')).toBeInTheDocument();
    await vi.waitFor(() => expect(window.location.search).toBe(''), { interval: 5 });
    await advance(60_000);
    // Every event the page reported, so a doubled one shows (and no checkout_unconfirmed).
    expect(events()).toEqual([
      { type: 'state_changed', state: paid, previous: free },
      { type: 'checkout_completed', state: paid },
    ]);
    expect(api.count('state')).toBe(2);
  });

  it('checkout_unconfirmed once when the webhook does not land within the confirmation window', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    window.history.replaceState(null, '', '/billing?saiku_checkout=success');
    api.answer('state', freeState());
    const { onEvent, events } = recordEvents();
    renderPage(<Page />, { onEvent });
    await vi.waitFor(() => expect(api.count('state')).toBe(1), { interval: 5 });

    await advance(29_000);
    expect(events()).toEqual([]);
    await advance(2_000);
    await advance(60_000);
    expect(events()).toEqual([{ type: 'checkout_unconfirmed' }]);
  });

  it('checkout_canceled once on the cancel URL, which loses its marker without a history entry', async () => {
    window.history.replaceState(null, '', '/billing?tab=plan&saiku_checkout=canceled');
    const historyLength = window.history.length;
    api.answer('state', freeState());
    const { onEvent, events } = recordEvents();
    renderPage(<Page />, { onEvent });

    await vi.waitFor(() => expect(window.location.search).toBe('?tab=plan'));
    expect(await screen.findByText('Reports need a paid plan.')).toBeInTheDocument();
    expect(window.history.length).toBe(historyLength);
    expect(events()).toEqual([{ type: 'checkout_canceled' }]);
    // Nothing to confirm: no "Confirming…", no polling.
    expect(screen.queryByText('Confirming your subscription…')).not.toBeInTheDocument();
    expect(api.count('state')).toBe(1);
  });

  it('the default cancel URL carries the marker; the success URL its own', async () => {
    window.history.replaceState(null, '', '/billing?tab=plan');
    api.answer('state', freeState());
    const { user, navigate } = renderWithBilling(<UpgradeButton tier="team" />);
    await user.click(screen.getByRole('button', { name: 'Upgrade' }));
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledOnce());
    expect(api.requests('checkout-session')[0]?.body).toMatchObject({
      successUrl: 'http://localhost:3000/billing?tab=plan&saiku_checkout=success',
      cancelUrl: 'http://localhost:3000/billing?tab=plan&saiku_checkout=canceled',
    });
  });

  it('portal_opened once the session is minted; not when there is nothing to manage', async () => {
    api.answer('state', activeState());
    api.answerInTurn(
      'portal-session',
      json({ error: 'no_customer', message: 'No customer.' }, { status: 409 }),
      json(portalSessionBody),
    );
    const { onEvent, events } = recordEvents();
    const { user, navigate } = renderPage(
      <Page>
        <ManageButton>Invoices</ManageButton>
      </Page>,
      { onEvent },
    );
    const invoices = await screen.findByRole('button', { name: 'Invoices' });
    await user.click(invoices);
    await screen.findByText(/no subscription to manage/);
    expect(events()).toEqual([]);

    await user.click(invoices);
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledWith(portalSessionBody.url));
    expect(events()).toEqual([{ type: 'portal_opened' }]);
  });

  it('state_changed once per new state, not on the first load, with focus and visibilitychange together', async () => {
    const before = activeState();
    const after = teamState('past_due', { currentPeriodEnd: before.currentPeriodEnd });
    api.answerInTurn('state', json(before), json(after), json(after));
    const { onEvent, events } = recordEvents();
    const { queryClient } = renderPage(<Page />, { onEvent });
    expect(await screen.findByText('Your reports')).toBeInTheDocument();
    expect(events()).toEqual([]);

    // The user comes back from another window: both events fire, one request, one event.
    act(() => {
      window.dispatchEvent(new Event('focus'));
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(await screen.findByText('Past due')).toBeInTheDocument();
    await vi.waitFor(() => expect(queryClient.isFetching()).toBe(0));
    expect(api.count('state')).toBe(2);
    expect(events()).toEqual([{ type: 'state_changed', state: after, previous: before }]);

    // The same state again: nothing changed, nothing reported.
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    await vi.waitFor(() => expect(api.count('state')).toBe(3));
    await vi.waitFor(() => expect(queryClient.isFetching()).toBe(0));
    expect(events()).toHaveLength(1);
  });

  // Dates are what a person sees on the card ("Renews on …", "Trial ends on …"), so a date alone is a change.
  it.each([
    ['the renewal date', activeState, 'currentPeriodEnd', 'Renews on'],
    ['the trial end', () => trialingState(10), 'trialEndsAt', 'Trial ends on'],
  ] as const)('state_changed when only %s moved', async (_name, makeState, field, line) => {
    const before = makeState();
    const moved = daysFromNow(40);
    const after = { ...before, [field]: moved };
    api.answerInTurn('state', json(before), json(after));
    const { onEvent, events } = recordEvents();
    const { queryClient } = renderPage(<Page />, { onEvent });
    expect(await screen.findByText(`${line} ${longDate(before[field] ?? '')}`)).toBeInTheDocument();
    await vi.waitFor(() => expect(queryClient.isFetching()).toBe(0));

    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    expect(await screen.findByText(`${line} ${longDate(moved)}`)).toBeInTheDocument();
    expect(api.count('state')).toBe(2);
    expect(events()).toEqual([{ type: 'state_changed', state: after, previous: before }]);
  });

  it('a throwing onEvent is reported on the console and never breaks the flow', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    api.answer('state', freeState());
    const failure = new Error('analytics is down');
    const onEvent = vi.fn(() => {
      throw failure;
    });
    const { user, navigate } = renderWithBilling(<UpgradeButton tier="team" />, { onEvent });
    await user.click(screen.getByRole('button', { name: 'Upgrade' }));

    await vi.waitFor(() => expect(navigate).toHaveBeenCalledOnce());
    expect(onEvent).toHaveBeenCalledOnce();
    // The flow went on: the page is on its way to Checkout, with no error shown.
    expect(screen.getByRole('button', { name: 'Upgrade' })).toHaveAttribute('data-state', 'pending');
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('checkout_started'), failure);
  });

  it('a new onEvent on re-render receives the next events', async () => {
    api.answer('state', freeState());
    const first = vi.fn<(event: BillingEvent) => void>();
    const second = vi.fn<(event: BillingEvent) => void>();
    const { user, navigate, rerender } = renderWithBilling(<UpgradeButton tier="team" />, { onEvent: first });
    rerender(<UpgradeButton tier="team" />, { onEvent: second });
    await user.click(screen.getByRole('button', { name: 'Upgrade' }));
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledOnce());
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith({ type: 'checkout_started', tier: 'team' });
  });
});
