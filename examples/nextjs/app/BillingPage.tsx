'use client';
// README step 2: the provider and the components, in a client component.
import { BillingGate, BillingProvider, BillingStatusBanner, PlanCard } from '@saiku/billing-react';

// Made once, outside the component: a new object on every render would rebuild the billing context.
const checkout = { tier: 'team', email: 'alice@acme.test', name: 'Acme' };

export function BillingPage({ allowedRedirectHosts }: { allowedRedirectHosts: string[] }) {
  return (
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
  );
}
