// The demo host's admin page: the library's billing section (BillingSettings), a gated feature, and a
// panel built from hooks. It renders under whatever BillingProvider is above it (the demo's, or a story's).
import {
  BillingGate,
  BillingSettings,
  ManageButton,
  UpgradeButton,
  useBillingDescription,
  type BillingDateKind,
} from '../src';
import './AdminPage.css';
import { demoPlans } from './plans';

export function AdminPage() {
  return (
    <>
      <header className="demo-header">
        <p className="demo-logo">Acme Admin</p>
        <nav aria-label="Main">
          <a href="/">Dashboard</a>{' '}
          <a href="/" aria-current="page">
            Billing
          </a>
        </nav>
      </header>
      <main className="demo-main">
        <h1>Billing</h1>
        {/* The whole billing section in one element; the table's own plans are the demo provider's list, so
            a story's provider needs none. */}
        <BillingSettings plans={demoPlans} upgradeTier="team" />
        <div className="demo-grid">
          <section aria-labelledby="feature-heading">
            <h2 id="feature-heading">Forecasts (a billed feature)</h2>
            <BillingGate
              loading={<p>Checking your plan…</p>}
              fallback={
                <div className="demo-locked">
                  <p>Forecasts are part of the Team plan.</p>
                  <UpgradeButton tier="team">Unlock forecasts</UpgradeButton>
                </div>
              }
            >
              <Forecast />
            </BillingGate>
          </section>
          <section aria-labelledby="custom-heading">
            <h2 id="custom-heading">Built from hooks</h2>
            <CustomPanel />
          </section>
        </div>
      </main>
    </>
  );
}

export function Forecast() {
  return (
    <div className="demo-feature" data-testid="billed-feature">
      <p>Forecast unlocked: revenue next quarter is up 12 %.</p>
      <svg viewBox="0 0 120 40" role="img" aria-label="A rising revenue chart">
        <polyline
          points="0,35 20,30 40,32 60,22 80,18 100,10 120,6"
          fill="none"
          stroke="currentColor"
          strokeWidth="3"
        />
      </svg>
    </div>
  );
}

const dateTerms: Record<BillingDateKind, string> = {
  renews: 'Renews',
  trial_ends: 'Trial ends',
  access_ends: 'Access ends',
  access_ended: 'Access ended',
  period_ends: 'Period ends',
};

/** What a host builds when the stock components do not fit: hooks and describeBilling only. */
function CustomPanel() {
  const { description, isPending, error } = useBillingDescription();
  if (isPending) return <p>Loading…</p>;
  if (!description) return <p role="status">{error?.message}</p>;
  return (
    <dl className="demo-facts">
      <dt>Plan</dt>
      <dd>{description.planName}</dd>
      <dt>Status</dt>
      <dd>{description.status === '' ? 'Free' : description.status}</dd>
      <dt>{description.date ? dateTerms[description.date.kind] : 'Date'}</dt>
      <dd>{description.date ? description.date.formatted : '—'}</dd>
      <dt>Billed features</dt>
      <dd>{description.hasAccess ? 'on' : 'off'}</dd>
      <dt>Next step</dt>
      <dd>
        {description.action === 'upgrade' ? (
          <UpgradeButton tier="business">Start Business</UpgradeButton>
        ) : (
          <ManageButton target="_blank">Open the customer portal in a new tab</ManageButton>
        )}
      </dd>
    </dl>
  );
}
