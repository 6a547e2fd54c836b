// A host's billing page made of the registry's items, as `npm run add-billing` installs them into
// src/components/billing/ (with shadcn's button, card and badge in src/components/ui/).
import { BillingProvider, type PlanInfo } from '@saiku/billing-react';
import { ManageButton } from '@/components/billing/manage-button';
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
    highlighted: true,
  },
  {
    tier: 'business',
    description: 'For a company with many teams.',
    price: { amount: 14900, currency: 'usd', interval: 'month' },
    features: ['Unlimited workspaces', 'Forecasts', 'Single sign-on'],
  },
  {
    tier: 'enterprise',
    description: 'Custom contracts, support and hosting.',
    price: 'Custom',
    features: ['Everything in Business', 'A named contact'],
    contactUrl: 'mailto:sales@acme.test',
  },
];

// Built with VITE_STAND_IN_STRIPE=true (the registry's end-to-end test), the simulator's stand-in
// Checkout and Portal pages are served from this app's own origin; otherwise only Stripe's hosts.
const allowedRedirectHosts =
  import.meta.env.VITE_STAND_IN_STRIPE === 'true'
    ? ['checkout.stripe.com', 'billing.stripe.com', window.location.host]
    : undefined;

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
          </div>
        </section>
        <section aria-labelledby="plans" className="grid gap-3">
          <h2 id="plans" className="text-lg font-semibold">
            All plans
          </h2>
          <PricingTable />
        </section>
      </main>
    </BillingProvider>
  );
}
