import { focusManager, QueryClient } from '@tanstack/react-query';
import { act, screen, waitFor } from '@testing-library/react';
import { Component, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { useBillingState, useCheckout, usePortal, type BillingError } from '../../src';
import { activeState, checkoutSessionBody, freeState, portalSessionBody } from './fixtures';
import { deferred, json, renderWithBilling, setupFakeBillingApi } from './renderWithBilling';

const api = setupFakeBillingApi();

function Tier() {
  const { data, error } = useBillingState({ select: (state) => state.tier });
  if (error) return <p>Failed: {error.code}</p>;
  return <p>Tier: {data ?? '…'}</p>;
}

describe('useBillingState', () => {
  it('refetches when the user comes back to the tab', async () => {
    api.answerInTurn('state', json(freeState()), json(activeState()));
    renderWithBilling(<Tier />);
    expect(await screen.findByText('Tier: starter')).toBeInTheDocument();

    // The portal tab closes; this tab becomes visible again.
    act(() => {
      window.dispatchEvent(new Event('visibilitychange'));
    });

    expect(await screen.findByText('Tier: team')).toBeInTheDocument();
    expect(api.count('state')).toBe(2);
  });

  it("refetches on focus even while the state is fresh (TanStack's focusManager)", async () => {
    api.answer('state', activeState());
    renderWithBilling(<Tier />);
    await screen.findByText('Tier: team');
    expect(api.count('state')).toBe(1);

    act(() => focusManager.setFocused(false));
    act(() => focusManager.setFocused(true));

    await waitFor(() => expect(api.count('state')).toBe(2));
  });

  const focusInAnotherWindow =
    'refetches when the window regains focus while the tab stayed visible (the portal' +
    ' in another window)';
  it(focusInAnotherWindow, async () => {
    api.answerInTurn('state', json(freeState()), json(activeState()));
    renderWithBilling(<Tier />);
    expect(await screen.findByText('Tier: starter')).toBeInTheDocument();

    act(() => {
      window.dispatchEvent(new Event('focus'));
    });

    expect(await screen.findByText('Tier: team')).toBeInTheDocument();
    expect(api.count('state')).toBe(2);
  });

  it('makes one request when the tab becomes visible and the window gains focus together', async () => {
    api.answer('state', activeState());
    renderWithBilling(<Tier />);
    await screen.findByText('Tier: team');
    const held = deferred(json(freeState()));
    api.answer('state', held.answer);

    act(() => {
      window.dispatchEvent(new Event('visibilitychange'));
    });
    await waitFor(() => expect(api.count('state')).toBe(2));
    // Focus lands while that request is still in flight: it is reused, neither doubled nor restarted.
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    held.release();

    expect(await screen.findByText('Tier: starter')).toBeInTheDocument();
    expect(api.count('state')).toBe(2);
  });

  it('holds the request while enabled is false', async () => {
    function Held({ enabled }: { enabled: boolean }) {
      const { data, fetchStatus } = useBillingState({ enabled });
      return <p>{data ? `Status: ${data.subscriptionStatus}` : `Waiting (${fetchStatus})`}</p>;
    }
    const { rerender } = renderWithBilling(<Held enabled={false} />);
    expect(screen.getByText('Waiting (idle)')).toBeInTheDocument();
    await act(async () => {});
    expect(api.count('state')).toBe(0);

    rerender(<Held enabled />);
    expect(await screen.findByText('Status: active')).toBeInTheDocument();
    expect(api.count('state')).toBe(1);
  });

  it('hands errors to an error boundary only with throwOnError', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    api.answer('state', json({ error: 'unauthorized' }, { status: 401 }));
    class Boundary extends Component<{ children: ReactNode }, { error: BillingError | null }> {
      override state = { error: null as BillingError | null };
      static getDerivedStateFromError(error: BillingError) {
        return { error };
      }
      override render() {
        return this.state.error ? <p>Boundary caught {this.state.error.code}</p> : this.props.children;
      }
    }
    function Throwing() {
      useBillingState({ throwOnError: true });
      return <p>Loaded</p>;
    }
    renderWithBilling(
      <>
        <Boundary>
          <Throwing />
        </Boundary>
        <Tier />
      </>,
    );
    expect(await screen.findByText('Boundary caught unauthorized')).toBeInTheDocument();
    expect(screen.getByText('Failed: unauthorized')).toBeInTheDocument();
  });
});

describe('useCheckout and usePortal in a custom UI', () => {
  function CustomPlans() {
    const checkout = useCheckout();
    const portal = usePortal();
    return (
      <>
        <button
          type="button"
          onClick={() => void checkout.start({ tier: 'enterprise', email: 'cto@acme.com' })}
        >
          {checkout.isPending ? 'Opening Checkout…' : 'Talk business'}
        </button>
        <button type="button" onClick={() => void portal.open({ returnUrl: 'https://app.acme.com/back' })}>
          Invoices
        </button>
        {checkout.error ? <p>Checkout failed: {checkout.error.code}</p> : null}
        {portal.error ? <p>Portal failed: {portal.error.code}</p> : null}
      </>
    );
  }

  it('start() mints a session with the given input and navigates', async () => {
    const { user, navigate } = renderWithBilling(<CustomPlans />);
    await user.click(screen.getByRole('button', { name: 'Talk business' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith(checkoutSessionBody.url));
    expect(api.requests('checkout-session')[0]?.body).toEqual({
      tier: 'enterprise',
      email: 'cto@acme.com',
      successUrl: 'http://localhost:3000/?saiku_checkout=success',
      cancelUrl: 'http://localhost:3000/',
    });
  });

  it('open() mints a portal session with the given returnUrl and navigates', async () => {
    const { user, navigate } = renderWithBilling(<CustomPlans />);
    await user.click(screen.getByRole('button', { name: 'Invoices' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith(portalSessionBody.url));
    expect(api.requests('portal-session')[0]?.body).toEqual({ returnUrl: 'https://app.acme.com/back' });
  });

  it('failures land in error, never as an unhandled rejection', async () => {
    api.answer('checkout-session', json({ error: 'upstream' }, { status: 500 }));
    api.answer('portal-session', json({ error: 'no_customer' }, { status: 409 }));
    const { user, navigate } = renderWithBilling(<CustomPlans />);
    await user.click(screen.getByRole('button', { name: 'Talk business' }));
    await user.click(screen.getByRole('button', { name: 'Invoices' }));
    expect(await screen.findByText('Checkout failed: upstream')).toBeInTheDocument();
    expect(await screen.findByText('Portal failed: no_customer')).toBeInTheDocument();
    expect(navigate).not.toHaveBeenCalled();
  });
});

describe('useBillingState and the host client', () => {
  it("honours a host client's retry: false (no retry even for a 503)", async () => {
    api.answer('state', json({ error: 'upstream', message: 'Down' }, { status: 503 }));
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    renderWithBilling(<Tier />, { queryClient });
    expect(await screen.findByText('Failed: upstream')).toBeInTheDocument();
    expect(api.count('state')).toBe(1);
  });
});
