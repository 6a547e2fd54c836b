// A host's own test suite, set up the way docs/simulator.md shows: the simulator behind msw, and the
// provider with nothing but `navigate` — the default proxy backend and the default redirect allowlist.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BillingProvider, ManageButton, PlanCard } from '../../src';
import { billingHandlers, createBillingSimulator } from '../../src/mock';

let now = Date.parse('2026-03-01T09:00:00Z');
const simulator = createBillingSimulator({ scenario: 'free', now: () => new Date(now) });
const server = setupServer(...billingHandlers(simulator));

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  simulator.reset();
  now = Date.parse('2026-03-01T09:00:00Z');
  window.history.replaceState(null, '', '/');
});
afterAll(() => server.close());

function renderHost(ui: ReactNode) {
  const navigate = vi.fn<(url: string) => void>();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <BillingProvider navigate={navigate} locale="en-US">
        {ui}
      </BillingProvider>
    </QueryClientProvider>,
  );
  return { navigate, user: userEvent.setup() };
}

describe('the library over the simulator, with its defaults', () => {
  it('upgrades: one session, to a Stripe-shaped URL the default allowlist accepts, then the trial shows', async () => {
    window.history.replaceState(null, '', '/settings/billing');
    const { navigate, user } = renderHost(<PlanCard upgradeTier="team" />);

    await user.click(await screen.findByRole('button', { name: 'Upgrade' }));

    await waitFor(() => expect(navigate).toHaveBeenCalledOnce());
    const url = navigate.mock.calls[0]?.[0] ?? '';
    expect(url).toMatch(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/);
    expect(simulator.requestCounts().checkoutSession).toBe(1);
    expect(screen.queryByRole('alert')).toBeNull();

    // "Pay" on the stand-in page, Saiku's webhook lands, the browser comes back to the success URL.
    const [session] = simulator.listCheckoutSessions();
    simulator.completeCheckout(session?.sessionId ?? '');
    now += simulator.webhookDelayMs;
    window.history.replaceState(null, '', '/settings/billing?saiku_checkout=success');
    renderHost(<PlanCard upgradeTier="team" />);

    expect(await screen.findByText(/Trial ends on March 15, 2026/)).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Manage billing' }).length).toBeGreaterThan(0);
  });

  it('manages: a tenant without a customer is offered Checkout instead', async () => {
    const { navigate, user } = renderHost(<ManageButton />);

    await user.click(await screen.findByRole('button', { name: 'Manage billing' }));

    expect(await screen.findByRole('button', { name: 'Upgrade' })).toBeInTheDocument();
    expect(navigate).not.toHaveBeenCalled();
    expect(simulator.requestCounts().portalSession).toBe(1);
  });
});
