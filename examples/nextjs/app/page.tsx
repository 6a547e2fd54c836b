// README step 5: a server component fetches the state and hands it to the client in a
// HydrationBoundary, so the first paint has the plan and the browser makes no state request.
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { billingStateQueryKey, createSaikuClient } from '@saiku/billing-react/core';
import { allowedRedirectHosts, saiku } from '@/lib/saiku';
import { BillingPage } from './BillingPage';

// The plan is per tenant and changes: render on every request (your auth's cookies() does this too).
export const dynamic = 'force-dynamic';

export default async function Page() {
  const queryClient = new QueryClient();
  // In your app: createSaikuClient({ apiKey: await saikuKeyForCurrentTenant() }).
  const client = createSaikuClient(saiku);
  await queryClient.prefetchQuery({ queryKey: billingStateQueryKey, queryFn: () => client.getState() });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <BillingPage allowedRedirectHosts={allowedRedirectHosts} />
    </HydrationBoundary>
  );
}
