// The request budgets of the issue, as tests: one state request per page, no session before a click.
import type { ReactNode } from 'react';
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BillingGate,
  BillingProvider,
  BillingStatusBanner,
  billingStaleTimeMs,
  ManageButton,
  PlanCard,
  UpgradeButton,
} from '../../src';
import { billingStateQueryKey, createProxyBackend } from '../../src/core';
import { activeState, freeState } from './fixtures';
import {
  createTestQueryClient,
  proxyPath,
  renderWithBilling,
  setupFakeBillingApi,
} from './renderWithBilling';

const api = setupFakeBillingApi();
afterEach(() => {
  vi.useRealTimers();
});

function Page({ extra = null }: { extra?: ReactNode }) {
  return (
    <main>
      <BillingStatusBanner />
      <PlanCard />
      <BillingGate fallback={<p>Reports need a paid plan.</p>}>
        <p>Your reports</p>
      </BillingGate>
      <UpgradeButton tier="business">Go Business</UpgradeButton>
      <ManageButton>Invoices</ManageButton>
      {extra}
    </main>
  );
}

describe('request budget', () => {
  it('a page with several billing components makes exactly one state request and no session request', async () => {
    api.answer('state', activeState());
    const { queryClient } = renderWithBilling(<Page />);

    expect(await screen.findByText('Your reports')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Your plan' })).toHaveTextContent('Team');
    // Settled: nothing still in flight that could add a request.
    expect(queryClient.isFetching()).toBe(0);
    expect(api.count('state')).toBe(1);
    expect(api.count('checkout-session')).toBe(0);
    expect(api.count('portal-session')).toBe(0);
  });

  it('keeps the budget under React.StrictMode, which mounts every effect twice', async () => {
    api.answer('state', freeState());
    // StrictMode above the provider, whose effects (return markers, polling, tab sync) mount twice too.
    const { user, navigate, queryClient } = renderWithBilling(<Page />, { strictMode: true });
    const upgrade = await screen.findByRole('button', { name: 'Go Business' });
    await vi.waitFor(() => expect(queryClient.isFetching()).toBe(0));
    expect(api.count('state')).toBe(1);

    await user.click(upgrade);
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledOnce());
    expect(api.count('checkout-session')).toBe(1);
  });

  it('mints no session while the buttons are shown, hovered and focused, only on click', async () => {
    api.answer('state', freeState());
    const { user, navigate } = renderWithBilling(<Page />);
    const upgrade = await screen.findByRole('button', { name: 'Go Business' });

    await user.hover(upgrade);
    await user.tab();
    await user.hover(screen.getByRole('button', { name: 'Invoices' }));
    expect(api.count('checkout-session')).toBe(0);
    expect(api.count('portal-session')).toBe(0);

    await user.click(upgrade);
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledOnce());
    expect(api.count('checkout-session')).toBe(1);
    expect(api.count('portal-session')).toBe(0);
  });

  it('a component mounted later, within the stale time, reuses the state without a request', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    api.answer('state', activeState());
    const { rerender, queryClient } = renderWithBilling(<PlanCard />);
    await screen.findByText('Team');
    expect(api.count('state')).toBe(1);

    await act(() => vi.advanceTimersByTimeAsync(billingStaleTimeMs - 1_000));
    rerender(
      <Page
        extra={
          <BillingGate>
            <p>More reports</p>
          </BillingGate>
        }
      />,
    );
    // Shown at once, from the cache.
    expect(screen.getByText('More reports')).toBeInTheDocument();
    await act(async () => {});
    expect(queryClient.isFetching()).toBe(0);
    expect(api.count('state')).toBe(1);

    // Past the stale time, a newly mounted reader asks again.
    await act(() => vi.advanceTimersByTimeAsync(2_000));
    rerender(
      <Page
        extra={
          <BillingGate key="later">
            <p>Even more reports</p>
          </BillingGate>
        }
      />,
    );
    await vi.waitFor(() => expect(api.count('state')).toBe(2));
  });

  it('back from the Portal, the returning tab makes one state request for the page view before any poll', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    window.history.replaceState(null, '', '/billing?saiku_portal=return');
    sessionStorage.setItem('saiku-billing:portal-left', JSON.stringify(freeState()));
    api.answer('state', freeState());
    const { queryClient } = renderWithBilling(<Page />, { strictMode: true });
    await screen.findByText('Reports need a paid plan.');
    await vi.waitFor(() => expect(queryClient.isFetching()).toBe(0));
    expect(api.count('state')).toBe(1);
    // The polls come later, backing off (the first after 1 s).
    await act(() => vi.advanceTimersByTimeAsync(900));
    expect(api.count('state')).toBe(1);
    sessionStorage.clear();
  });

  it('the other tabs make no request when one tab learns a new state', async () => {
    api.answer('state', freeState());
    const [first, ...others] = [createTestQueryClient(), createTestQueryClient(), createTestQueryClient()];
    const tabs = [first, ...others];
    render(
      <>
        {tabs.map((client, index) => (
          <BillingProvider
            key={index}
            backend={createProxyBackend({ baseUrl: proxyPath })}
            queryClient={client}
          >
            <PlanCard aria-label={`Tab ${index}`} />
          </BillingProvider>
        ))}
      </>,
    );
    await vi.waitFor(() => expect(screen.getAllByText('Free')).toHaveLength(3));
    await vi.waitFor(() => expect(tabs.every((client) => client.isFetching() === 0)).toBe(true));
    const afterLoad = api.count('state');

    api.answer('state', activeState());
    await act(() => first.refetchQueries({ queryKey: billingStateQueryKey }));
    // Node's BroadcastChannel delivers between the three providers as a browser does between tabs.
    await vi.waitFor(() => expect(screen.getAllByText('Team')).toHaveLength(3));
    expect(tabs.every((client) => client.isFetching() === 0)).toBe(true);
    expect(api.count('state')).toBe(afterLoad + 1);
  });
});
