import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  BillingGate,
  billingKeys,
  BillingProvider,
  BillingStatusBanner,
  ManageButton,
  PlanCard,
  UpgradeButton,
  useBillingDescription,
  useBillingState,
  useCheckout,
  usePortal,
} from '../../src';
import { createProxyBackend } from '../../src/core';
import { activeState, freeState } from './fixtures';
import {
  createTestQueryClient,
  proxyPath,
  renderWithBilling,
  setupFakeBillingApi,
} from './renderWithBilling';

const api = setupFakeBillingApi();

describe('BillingProvider', () => {
  describe('query client', () => {
    it('uses the queryClient prop', async () => {
      const state = activeState();
      api.answer('state', state);
      const client = createTestQueryClient();
      renderWithBilling(<PlanCard />, { queryClient: client });
      await screen.findByText('Team');
      expect(client.getQueryData(billingKeys.state())).toEqual(state);
    });

    it("else uses an enclosing QueryClientProvider's client", async () => {
      const state = activeState();
      api.answer('state', state);
      const outer = createTestQueryClient();
      const { queryClient: unused } = renderWithBilling(<PlanCard />, {
        withoutQueryClient: true,
        renderOptions: {
          wrapper: ({ children }: { children: ReactNode }) => (
            <QueryClientProvider client={outer}>{children}</QueryClientProvider>
          ),
        },
      });
      await screen.findByText('Team');
      expect(outer.getQueryData(billingKeys.state())).toEqual(state);
      expect(unused.getQueryData(billingKeys.state())).toBeUndefined();
    });

    it('else makes its own, so a host without react-query still works', async () => {
      const { queryClient: unused } = renderWithBilling(<PlanCard />, { withoutQueryClient: true });
      expect(await screen.findByText('Team')).toBeInTheDocument();
      expect(unused.getQueryData(billingKeys.state())).toBeUndefined();
      expect(api.count('state')).toBe(1);
    });

    it('shares one request between two providers on one client', async () => {
      const client = createTestQueryClient();
      const backend = createProxyBackend({ baseUrl: proxyPath });
      render(
        <>
          <BillingProvider backend={backend} queryClient={client}>
            <PlanCard />
          </BillingProvider>
          <BillingProvider backend={backend} queryClient={client}>
            <BillingGate>
              <p>Reports</p>
            </BillingGate>
          </BillingProvider>
        </>,
      );
      expect(await screen.findByText('Reports')).toBeInTheDocument();
      expect(screen.getByText('Team')).toBeInTheDocument();
      expect(api.count('state')).toBe(1);
    });
  });

  describe('initialState (server-fetched)', () => {
    it('renders at once, with no loading state and no request', async () => {
      const { queryClient } = renderWithBilling(
        <>
          <PlanCard />
          <BillingGate fallback={<p>Locked</p>}>
            <p>Reports</p>
          </BillingGate>
        </>,
        { initialState: freeState() },
      );
      // Synchronously, on the first render.
      expect(screen.getAllByText('Free').length).toBeGreaterThan(0);
      expect(screen.getByText('Locked')).toBeInTheDocument();
      expect(screen.queryByText('Loading your plan…')).not.toBeInTheDocument();

      await act(async () => {});
      expect(queryClient.isFetching()).toBe(0);
      expect(api.count('state')).toBe(0);
    });
  });

  describe('outside the provider', () => {
    function useEach(hook: () => unknown) {
      return function Probe() {
        hook();
        return null;
      };
    }
    it.each([
      ['useBillingState', useEach(() => useBillingState())],
      ['useBillingDescription', useEach(() => useBillingDescription())],
      ['useCheckout', useEach(() => useCheckout())],
      ['usePortal', useEach(() => usePortal())],
      ['PlanCard', () => <PlanCard />],
      ['UpgradeButton', () => <UpgradeButton tier="team" />],
      ['ManageButton', () => <ManageButton />],
      ['BillingGate', () => <BillingGate />],
      ['BillingStatusBanner', () => <BillingStatusBanner />],
    ])('%s throws an error that names BillingProvider', (_name, Probe) => {
      vi.spyOn(console, 'error').mockImplementation(() => {});
      expect(() => render(<Probe />)).toThrow(/<BillingProvider>/);
    });
  });

  describe('props that cannot change after mount', () => {
    it('warns exactly once when the backend changes, and keeps the first one', async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const { rerender, queryClient } = renderWithBilling(<PlanCard />);
      await screen.findByText('Team');

      // An inline createProxyBackend() makes a new backend on every render.
      rerender(<PlanCard />, { backend: createProxyBackend({ baseUrl: '/elsewhere/billing' }) });
      rerender(<PlanCard />, { backend: createProxyBackend({ baseUrl: '/elsewhere/billing' }) });
      rerender(<PlanCard className="again" />);

      expect(warn).toHaveBeenCalledOnce();
      expect(warn.mock.calls[0]?.[0]).toMatch(/backend/);

      // Still the first backend: a request to /elsewhere would fail the test.
      await act(() => queryClient.refetchQueries());
      expect(api.count('state')).toBe(2);
    });

    it('warns once when the queryClient changes', async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const { rerender } = renderWithBilling(<PlanCard />);
      await screen.findByText('Team');
      rerender(<PlanCard />, { queryClient: new QueryClient() });
      rerender(<PlanCard />, { queryClient: new QueryClient() });
      expect(warn).toHaveBeenCalledOnce();
      expect(warn.mock.calls[0]?.[0]).toMatch(/queryClient/);
    });

    it('stays silent across re-renders with the same objects', async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const { rerender } = renderWithBilling(<PlanCard />);
      await screen.findByText('Team');
      rerender(<PlanCard className="a" />);
      rerender(<PlanCard className="b" />);
      await waitFor(() => expect(screen.getByRole('region', { name: 'Your plan' })).toHaveClass('b'));
      expect(warn).not.toHaveBeenCalled();
    });
  });
});
