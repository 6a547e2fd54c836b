import { BillingGate, BillingProvider, BillingStatusBanner, PlanCard } from '@saiku/billing-react';
import { defaultAllowedRedirectHosts } from '@saiku/billing-react/core';

// Made once, outside the component: a new object on every render would rebuild the billing context.
const checkout = { tier: 'team', email: 'alice@acme.test', name: 'Acme' };
// server.js serves the simulator's stand-in Checkout and Portal from this origin when it runs
// without SAIKU_API_KEY. Against the real API, leave allowedRedirectHosts out: Stripe's hosts.
const allowedRedirectHosts = [...defaultAllowedRedirectHosts, window.location.host];

export function BillingPage() {
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
