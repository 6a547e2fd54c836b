// A host's billing page made of the registry's items, as `npm run add-billing` installs them into
// src/components/billing/ (with shadcn's button, card, badge and dialog in src/components/ui/).
import { useState } from 'react';
import { BillingProvider, useAccess, usePaywall, type PlanInfo } from '@saiku/billing-react';
import { Button } from '@/components/ui/button';
import { ManageButton } from '@/components/billing/manage-button';
import { PaywallDialog } from '@/components/billing/paywall-dialog';
import { PlanCard } from '@/components/billing/plan-card';
import { PricingTable } from '@/components/billing/pricing-table';
import { UpgradeButton } from '@/components/billing/upgrade-button';

const plans: PlanInfo[] = [
  {
    tier: 'starter',
    description: 'For one person trying Saiku.',
    price: { amount: 0, currency: 'usd' },
    features: ['1 workspace', 'Community support'],
  },
  {
    tier: 'team',
    description: 'For a team sharing dashboards.',
    price: { amount: 4900, currency: 'usd', interval: 'month' },
    features: ['10 workspaces', 'Forecasts', 'Scheduled reports'],
    entitlements: ['forecasts', 'reports'],
    highlighted: true,
  },
  {
    tier: 'business',
    description: 'For a company with many teams.',
    price: { amount: 14900, currency: 'usd', interval: 'month' },
    features: ['Unlimited workspaces', 'Forecasts', 'Single sign-on'],
    entitlements: ['forecasts', 'reports', 'sso'],
  },
  {
    tier: 'enterprise',
    description: 'Custom contracts, support and hosting.',
    price: 'Custom',
    features: ['Everything in Business', 'A named contact'],
    entitlements: ['forecasts', 'reports', 'sso'],
    contactUrl: 'mailto:sales@acme.test',
  },
];

// Built with VITE_STAND_IN_STRIPE=true (the registry's end-to-end test), the simulator's stand-in
// Checkout and Portal pages are served from this app's own origin; otherwise only Stripe's hosts.
const allowedRedirectHosts =
  import.meta.env.VITE_STAND_IN_STRIPE === 'true'
    ? ['checkout.stripe.com', 'billing.stripe.com', window.location.host]
    : undefined;

/** A gated action: with the feature it does its work, without it the paywall offers the plans that have it. */
function ForecastButton() {
  const { allowed } = useAccess({ feature: 'forecasts' });
  const paywall = usePaywall();
  const [forecast, setForecast] = useState(false);
  return (
    <div className="grid justify-items-start gap-2">
      <Button
        variant="outline"
        onClick={() => (allowed ? setForecast(true) : paywall.open({ feature: 'forecasts' }))}
      >
        Forecast next quarter
      </Button>
      {forecast ? <p className="text-sm">Next quarter: about 1,240 orders.</p> : null}
    </div>
  );
}

export function App() {
  return (
    <BillingProvider plans={plans} checkout={{ tier: 'team' }} allowedRedirectHosts={allowedRedirectHosts}>
      <main className="mx-auto grid max-w-5xl gap-8 p-6">
        <h1 className="text-2xl font-semibold">Billing</h1>
        <PlanCard upgradeTier="team" />
        <section aria-labelledby="shortcuts" className="grid gap-3">
          <h2 id="shortcuts" className="text-lg font-semibold">
            Shortcuts
          </h2>
          <div className="flex flex-wrap items-start gap-3">
            <UpgradeButton tier="business">Upgrade to Business</UpgradeButton>
            <ManageButton />
            <ForecastButton />
          </div>
        </section>
        <section aria-labelledby="plans" className="grid gap-3">
          <h2 id="plans" className="text-lg font-semibold">
            All plans
          </h2>
          <PricingTable />
        </section>
        <PaywallDialog />
      </main>
    </BillingProvider>
  );
}
