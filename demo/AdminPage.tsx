// The demo host's admin page: the library's billing section (BillingSettings), a gated feature, and a
// panel built from hooks. It renders under whatever BillingProvider is above it (the demo's, or a story's).
import { useEffect, useState } from 'react';
import {
  BillingGate,
  BillingSettings,
  ManageButton,
  Paywall,
  UpgradeButton,
  useBillingDescription,
  usePaywall,
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
            {/* The plans' entitlements say who has forecasts; the server's GET /api/forecasts asks the same rule. */}
            <BillingGate
              feature="forecasts"
              loading={<p>Checking your plan…</p>}
              fallback={<LockedForecasts />}
            >
              <Forecast />
              <ServerForecast />
            </BillingGate>
            {/* Once anywhere under the provider: usePaywall().open() shows it. */}
            <Paywall />
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

/** The locked state sells the feature where it is missing: the paywall, on the plans that include it. */
function LockedForecasts() {
  const { open } = usePaywall();
  return (
    <div className="demo-locked">
      <p>Forecasts are part of the Team plan.</p>
      <button type="button" className="saiku-billing-button" onClick={() => open({ feature: 'forecasts' })}>
        Unlock forecasts
      </button>
    </div>
  );
}

interface MonthForecast {
  month: string;
  revenue: number;
}

type ServerAnswer =
  | { kind: 'loading' }
  | { kind: 'granted'; currency: string; months: MonthForecast[] }
  | { kind: 'refused' }
  | { kind: 'failed'; status: number | null };

/** The forecast route's answer, read as the page needs it: a 200 with months, a 402, or anything else. */
async function readForecast(response: Response): Promise<ServerAnswer> {
  const body: unknown = await response.json().catch(() => null);
  if (typeof body !== 'object' || body === null) return { kind: 'failed', status: response.status };
  const { error, currency, forecasts } = body as { error?: unknown; currency?: unknown; forecasts?: unknown };
  if (response.status === 402 && error === 'payment_required') return { kind: 'refused' };
  if (!response.ok || typeof currency !== 'string' || !Array.isArray(forecasts))
    return { kind: 'failed', status: response.status };
  const months = forecasts.filter(
    (entry): entry is MonthForecast =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof (entry as MonthForecast).month === 'string' &&
      typeof (entry as MonthForecast).revenue === 'number',
  );
  return { kind: 'granted', currency, months };
}

/**
 * The billed work itself, from the host's own API: `GET /api/forecasts` (demo/server.mjs) guards it with
 * the same rule on the server (`createAccessCheck`), answering 402 `payment_required` to a tenant
 * without it, and six months of projected revenue (minor units) to one with it.
 */
function ServerForecast() {
  const [answer, setAnswer] = useState<ServerAnswer>({ kind: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    fetch('/api/forecasts', { signal: controller.signal })
      .then(readForecast)
      .then(setAnswer)
      .catch(() => {
        if (!controller.signal.aborted) setAnswer({ kind: 'failed', status: null });
      });
    return () => controller.abort();
  }, []);
  if (answer.kind === 'granted') {
    const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: answer.currency });
    return (
      <table className="demo-server-forecast" data-answer="granted">
        <caption>Projected revenue, from GET /api/forecasts</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Revenue</th>
          </tr>
        </thead>
        <tbody>
          {answer.months.map(({ month, revenue }) => (
            <tr key={month}>
              <th scope="row">{month}</th>
              <td>{money.format(revenue / 100)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <p className="demo-server-forecast" role="status" data-answer={answer.kind}>
      {answer.kind === 'loading'
        ? 'Asking the server for the forecast…'
        : answer.kind === 'refused'
          ? 'The server refused forecasts: payment required (402). It may not have seen the new plan yet.'
          : `The server's forecasts could not be loaded${answer.status ? ` (HTTP ${answer.status})` : ''}.`}
    </p>
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
