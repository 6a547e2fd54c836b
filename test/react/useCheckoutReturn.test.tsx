// useCheckoutReturn: the return from Checkout as a custom UI (and the shadcn registry's plan card) reads it.
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { useCheckoutReturn, type CheckoutReturnStatus } from '../../src';
import { activeState, freeState } from './fixtures';
import { json, renderWithBilling, setupFakeBillingApi } from './renderWithBilling';

const api = setupFakeBillingApi();
afterEach(() => {
  vi.useRealTimers();
});

function ReturnStatus() {
  const status = useCheckoutReturn();
  expectTypeOf(status).toEqualTypeOf<CheckoutReturnStatus>();
  return <output aria-label="Checkout return">{status}</output>;
}

const status = () => screen.getByRole('status', { name: 'Checkout return' });

describe('useCheckoutReturn', () => {
  it('is idle on a page that did not come back from Checkout', async () => {
    window.history.replaceState(null, '', '/settings/billing');
    renderWithBilling(<ReturnStatus />);
    expect(status()).toHaveTextContent('idle');
  });

  it('is confirming while the webhook is late, then confirmed once billed features are on', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    window.history.replaceState(null, '', '/settings/billing?saiku_checkout=success');
    api.answerInTurn('state', json(freeState()), json(activeState()));
    renderWithBilling(<ReturnStatus />);
    expect(status()).toHaveTextContent('confirming');
    await vi.waitFor(() => expect(api.count('state')).toBe(1), { interval: 5 });
    expect(status()).toHaveTextContent('confirming');

    await vi.dynamicImportSettled();
    await act(() => vi.advanceTimersByTimeAsync(1_600));
    await vi.waitFor(() => expect(status()).toHaveTextContent('confirmed'), { interval: 5 });
  });

  it('names the provider when used outside it', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<ReturnStatus />)).toThrow(
      'useCheckoutReturn must be used inside <BillingProvider>.',
    );
  });
});
