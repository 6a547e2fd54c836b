// The README's Next.js App Router recipe, both halves: a server component fetches the state with
// createSaikuClient under billingStateQueryKey and dehydrates it; the client renders from it with the
// plan on the first paint and no state request. The server half talks to the simulator in memory.
import {
  dehydrate,
  HydrationBoundary,
  QueryClient,
  QueryClientProvider,
  type DehydratedState,
} from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BillingGate, BillingProvider, PlanCard, type BillingState } from '../../src';
import { createProxyBackend } from '../../src/core';
import { billingStateQueryKey, createSaikuClient } from '../../src/core';
import { createBillingSimulator } from '../../src/mock';
import { defaultApiKey } from '../../src/mock/createBillingSimulator';
import { proxyPath, setupFakeBillingApi } from './renderWithBilling';

const api = setupFakeBillingApi();
const simulator = createBillingSimulator({ scenario: 'active' });

/** The server half, as in the recipe: what `app/billing/page.tsx` does before rendering. */
function saikuForThisUser() {
  return createSaikuClient({
    apiKey: defaultApiKey,
    fetch: (input, init) => simulator.fetch(new Request(input, init)),
  });
}

async function prefetchOnServer(): Promise<DehydratedState> {
  const queryClient = new QueryClient();
  const saiku = saikuForThisUser();
  await queryClient.prefetchQuery({ queryKey: billingStateQueryKey, queryFn: () => saiku.getState() });
  // What crosses from the server component to the client component: JSON.
  return JSON.parse(JSON.stringify(dehydrate(queryClient))) as DehydratedState;
}

function Billing() {
  return (
    <BillingProvider backend={createProxyBackend({ baseUrl: proxyPath })}>
      <PlanCard />
      <BillingGate fallback={<p>Reports need a paid plan.</p>}>
        <p>Your reports</p>
      </BillingGate>
    </BillingProvider>
  );
}

describe('server prefetch (Next.js App Router recipe)', () => {
  it('HydrationBoundary: the first paint has the plan, and the client makes 0 state requests', async () => {
    const dehydrated = await prefetchOnServer();
    const queryClient = new QueryClient();
    render(
      <QueryClientProvider client={queryClient}>
        <HydrationBoundary state={dehydrated}>
          <Billing />
        </HydrationBoundary>
      </QueryClientProvider>,
    );
    // Synchronously, on the first render: no loading state.
    expect(screen.getByRole('region', { name: 'Your plan' })).toHaveTextContent('Team');
    expect(screen.getByText('Your reports')).toBeInTheDocument();
    await act(async () => {});
    expect(queryClient.isFetching()).toBe(0);
    expect(api.count('state')).toBe(0);
  });

  it('initialState: the same with the state passed as a prop', async () => {
    const state: BillingState = await saikuForThisUser().getState();
    const queryClient = new QueryClient();
    render(
      <BillingProvider
        backend={createProxyBackend({ baseUrl: proxyPath })}
        queryClient={queryClient}
        initialState={state}
      >
        <PlanCard />
      </BillingProvider>,
    );
    expect(screen.getByRole('region', { name: 'Your plan' })).toHaveTextContent('Team');
    await act(async () => {});
    expect(queryClient.isFetching()).toBe(0);
    expect(api.count('state')).toBe(0);
  });

  it('billingStateQueryKey is the key every hook reads: billingKeys.state()', async () => {
    const { billingKeys, billingQueryOptions } = await import('../../src');
    expect(billingKeys.state()).toEqual(billingStateQueryKey);
    expect(billingQueryOptions(createProxyBackend()).queryKey).toEqual(billingStateQueryKey);
  });
});
