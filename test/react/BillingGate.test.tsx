import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BillingGate, billingKeys } from '../../src';
import {
  activeState,
  canceledEndedState,
  canceledWithAccessState,
  freeState,
  pastDueState,
  trialingState,
  unpaidState,
} from './fixtures';
import { deferred, json, renderWithBilling, setupFakeBillingApi } from './renderWithBilling';

const api = setupFakeBillingApi();

const gate = (
  <BillingGate fallback={<p>Reports need a paid plan.</p>} loading={<p>Checking your plan…</p>}>
    <p>Your reports</p>
  </BillingGate>
);

describe('BillingGate', () => {
  it.each([
    ['trialing', trialingState],
    ['active', activeState],
    ['past due (Stripe still retrying)', pastDueState],
    ['canceled, still paid up', canceledWithAccessState],
  ])('shows its children while billed features are on: %s', async (_label, makeState) => {
    api.answer('state', makeState());
    renderWithBilling(gate);
    expect(await screen.findByText('Your reports')).toBeInTheDocument();
    expect(screen.queryByText('Reports need a paid plan.')).not.toBeInTheDocument();
  });

  it.each([
    ['free', freeState],
    ['unpaid', unpaidState],
    ['canceled, period over', canceledEndedState],
  ])('shows the fallback while billed features are off: %s', async (_label, makeState) => {
    api.answer('state', makeState());
    renderWithBilling(gate);
    expect(await screen.findByText('Reports need a paid plan.')).toBeInTheDocument();
    expect(screen.queryByText('Your reports')).not.toBeInTheDocument();
  });

  it('fails closed: the fallback when the state cannot be loaded', async () => {
    api.answer('state', json({ error: 'unauthorized' }, { status: 401 }));
    renderWithBilling(gate);
    expect(await screen.findByText('Reports need a paid plan.')).toBeInTheDocument();
    expect(screen.queryByText('Your reports')).not.toBeInTheDocument();
  });

  it('shows the loading slot while the state loads, never the children', async () => {
    const held = deferred(json(activeState()));
    api.answer('state', held.answer);
    renderWithBilling(gate);
    expect(screen.getByText('Checking your plan…')).toBeInTheDocument();
    expect(screen.queryByText('Your reports')).not.toBeInTheDocument();
    expect(screen.queryByText('Reports need a paid plan.')).not.toBeInTheDocument();

    held.release();
    expect(await screen.findByText('Your reports')).toBeInTheDocument();
    expect(screen.queryByText('Checking your plan…')).not.toBeInTheDocument();
  });

  it('renders nothing by default while loading or locked', async () => {
    api.answer('state', freeState());
    const { container, queryClient } = renderWithBilling(
      <div data-testid="slot">
        <BillingGate>
          <p>Your reports</p>
        </BillingGate>
      </div>,
    );
    expect(screen.getByTestId('slot')).toBeEmptyDOMElement();
    await waitFor(() => expect(queryClient.getQueryState(billingKeys.state())?.status).toBe('success'));
    expect(screen.getByTestId('slot')).toBeEmptyDOMElement();
    expect(container).not.toHaveTextContent('Your reports');
  });

  it('opens when the state changes to active', async () => {
    api.answerInTurn('state', json(freeState()), json(activeState()));
    const { queryClient } = renderWithBilling(gate);
    await screen.findByText('Reports need a paid plan.');
    await act(() => queryClient.refetchQueries());
    expect(await screen.findByText('Your reports')).toBeInTheDocument();
  });
});
