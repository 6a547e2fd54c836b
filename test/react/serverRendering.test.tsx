// @vitest-environment node
// The components render on the server from `initialState`, with no window and no request.
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import {
  BillingGate,
  BillingProvider,
  BillingStatusBanner,
  ManageButton,
  Paywall,
  PlanCard,
  PricingTable,
  UpgradeButton,
  type BillingState,
} from '../../src';
import { createProxyBackend } from '../../src/core';
import { entitledPlans, seedPlans } from './plans';
import { activeState, freeState, longDate, pastDueState } from './fixtures';

function renderPage(
  state: BillingState,
  fetch = vi.fn<typeof globalThis.fetch>(),
): { html: string; fetch: typeof fetch } {
  const html = renderToString(
    <BillingProvider backend={createProxyBackend({ fetch })} initialState={state} checkout={{ tier: 'team' }}>
      <BillingStatusBanner />
      <PlanCard />
      <BillingGate fallback={<p>Reports need a paid plan.</p>}>
        <p>Your reports</p>
      </BillingGate>
      <UpgradeButton tier="business">Go Business</UpgradeButton>
      <ManageButton />
    </BillingProvider>,
  );
  return { html, fetch };
}

/** The text a person would read, without markup. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('server rendering', () => {
  it('runs where there is no window', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it('renders an active plan from initialState, without a request', () => {
    const state = activeState();
    const { html, fetch } = renderPage(state);
    const text = textOf(html);
    expect(text).toContain('Team');
    expect(text).toContain('Active');
    expect(text).toContain(`Renews on ${longDate(state.currentPeriodEnd ?? '')}`);
    expect(text).toContain('Manage billing');
    expect(text).toContain('Your reports');
    expect(text).not.toContain('Loading your plan');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('renders a free plan with the no-JavaScript checkout form', () => {
    const { html, fetch } = renderPage(freeState());
    const text = textOf(html);
    expect(text).toContain('Free');
    expect(text).toContain('Upgrade');
    expect(text).toContain('Go Business');
    expect(text).toContain('Reports need a paid plan.');
    // One empty form, the provider's, which each button submits with its route and fields in formaction.
    const forms = html.match(/<form\b[^>]*><\/form>/g) ?? [];
    expect(forms).toHaveLength(1);
    expect(forms[0]).toMatch(/ method="post"/);
    expect(forms[0]).toMatch(/ hidden=""/);
    const formId = / id="([^"]+)"/.exec(forms[0] ?? '')?.[1] ?? 'no id';
    const buttonTag = (name: string) => new RegExp(`<button [^>]*>${name}</button>`).exec(html)?.[0];
    expect(buttonTag('Go Business')).toContain(`form="${formId}"`);
    expect(buttonTag('Go Business')).toMatch(/ formAction="\/api\/billing\/checkout\?tier=business"/i);
    expect(buttonTag('Manage billing')).toContain(`form="${formId}"`);
    expect(buttonTag('Manage billing')).toMatch(/ formAction="\/api\/billing\/portal"/i);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('renders the pricing table from initialState, with no-JavaScript forms and without a request', () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    const html = renderToString(
      <BillingProvider backend={createProxyBackend({ fetch })} initialState={activeState()} locale="en-US">
        <PricingTable plans={seedPlans} />
      </BillingProvider>,
    );
    const text = textOf(html);
    expect(text).toContain('Current plan');
    expect(text).toContain('$49/month');
    expect(text).toContain('Switch to Business');
    expect(html).toMatch(/aria-current="true" data-tier="team" data-action="current"/);
    expect(html).toMatch(/ formAction="\/api\/billing\/portal"/i);
    expect(html).not.toMatch(/ formAction="\/api\/billing\/checkout/i);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('renders a feature gate by the plans, and a closed paywall, without a request', () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    const html = renderToString(
      <BillingProvider
        backend={createProxyBackend({ fetch })}
        initialState={activeState()}
        plans={entitledPlans}
      >
        <BillingGate feature="forecasts" fallback={<p>Locked forecasts</p>}>
          <p>Your forecasts</p>
        </BillingGate>
        <BillingGate feature="sso" fallback={<p>Locked SSO</p>}>
          <p>Your SSO</p>
        </BillingGate>
        <Paywall />
      </BillingProvider>,
    );
    const text = textOf(html);
    expect(text).toContain('Your forecasts');
    expect(text).toContain('Locked SSO');
    expect(text).not.toContain('Your SSO');
    // Closed: the dialog is there, empty, not open.
    expect(html).toMatch(/<dialog[^>]*class="saiku-billing-paywall"[^>]*data-state="closed"[^>]*><\/dialog>/);
    expect(html).not.toMatch(/<dialog[^>]* open/);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('renders the banner for a tenant that needs attention', () => {
    const { html } = renderPage(pastDueState());
    expect(textOf(html)).toContain('Your last payment failed.');
    expect(textOf(html)).toContain('Update payment method');
  });

  it('renders the loading state without initialState, still without a request', () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    const html = renderToString(
      <BillingProvider backend={createProxyBackend({ fetch })}>
        <PlanCard />
      </BillingProvider>,
    );
    expect(textOf(html)).toContain('Loading your plan…');
    expect(html).toContain('aria-busy="true"');
    expect(fetch).not.toHaveBeenCalled();
  });
});
