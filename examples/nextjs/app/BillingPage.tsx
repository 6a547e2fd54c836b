'use client';
// README step 2: the provider and the components, in a client component.
import { BillingGate, BillingProvider, BillingStatusBanner, PlanCard } from '@saiku/billing-react';
import { defaultAllowedRedirectHosts } from '@saiku/billing-react/core';
import { useMemo } from 'react';

export function BillingPage({ redirectHosts }: { redirectHosts: string[] }) {
  // Made once, not on every render: a new object would rebuild the billing context.
  const checkout = useMemo(() => ({ tier: 'team', email: 'alice@acme.test', name: 'Acme' }), []);
  const allowedRedirectHosts = useMemo(
    () => [...defaultAllowedRedirectHosts, ...redirectHosts],
    [redirectHosts],
  );
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
