// The loader fetches the state on the server under billingStateQueryKey and the page hands it to
// the client in a HydrationBoundary: the first paint has the plan and the browser makes no state request.
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { BillingGate, BillingProvider, BillingStatusBanner, PlanCard } from '@saiku/billing-react';
import { billingStateQueryKey, createSaikuClient } from '@saiku/billing-react/core';
import { allowedRedirectHosts, saiku } from '../saiku.server';
import type { Route } from './+types/billing';

export async function loader() {
  const queryClient = new QueryClient();
  // In your app: createSaikuClient({ apiKey: await saikuKeyForTenant(request) }).
  const client = createSaikuClient(saiku);
  await queryClient.prefetchQuery({ queryKey: billingStateQueryKey, queryFn: () => client.getState() });
  return { dehydratedState: dehydrate(queryClient), allowedRedirectHosts };
}

// Made once, outside the component: a new object on every render would rebuild the billing context.
const checkout = { tier: 'team', email: 'alice@acme.test', name: 'Acme' };

export default function Billing({ loaderData }: Route.ComponentProps) {
  return (
    <HydrationBoundary state={loaderData.dehydratedState}>
      <BillingProvider checkout={checkout} allowedRedirectHosts={loaderData.allowedRedirectHosts}>
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
