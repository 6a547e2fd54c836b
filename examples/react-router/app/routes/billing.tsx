// The loader fetches the state on the server under billingStateQueryKey and the page hands it to
// the client in a HydrationBoundary: the first paint has the plan and the browser makes no state request.
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { BillingGate, BillingProvider, BillingStatusBanner, PlanCard } from '@saiku/billing-react';
import {
  billingStateQueryKey,
  createSaikuClient,
  defaultAllowedRedirectHosts,
} from '@saiku/billing-react/core';
import { useMemo } from 'react';
import { redirectHosts, saiku } from '../saiku.server';
import type { Route } from './+types/billing';

export async function loader() {
  const queryClient = new QueryClient();
  // In your app: createSaikuClient({ apiKey: await saikuKeyForTenant(request) }).
  const client = createSaikuClient(saiku);
  await queryClient.prefetchQuery({ queryKey: billingStateQueryKey, queryFn: () => client.getState() });
  return { dehydratedState: dehydrate(queryClient), redirectHosts };
}

export default function Billing({ loaderData }: Route.ComponentProps) {
  // Made once, not on every render: a new object would rebuild the billing context.
  const checkout = useMemo(() => ({ tier: 'team', email: 'alice@acme.test', name: 'Acme' }), []);
  const allowedRedirectHosts = useMemo(
    () => [...defaultAllowedRedirectHosts, ...loaderData.redirectHosts],
    [loaderData.redirectHosts],
  );
  return (
    <HydrationBoundary state={loaderData.dehydratedState}>
      <BillingProvider checkout={checkout} allowedRedirectHosts={allowedRedirectHosts}>
        <main>
          <h1>Billing</h1>
          <BillingStatusBanner />
          <PlanCard upgradeTier="team" />
          <BillingGate fallback={<p>Forecasts come with the Team plan.</p>}>
            <p>Forecast: revenue next quarter is up 12 %.</p>
          </BillingGate>
        </main>
      </BillingProvider>
    </HydrationBoundary>
  );
}
