import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  BillingStatusBanner,
  ManageButton,
  mergeLabels,
  PlanCard,
  PricingTable,
  UpgradeButton,
  type BillingLabelsInput,
  type PricingTableProps,
} from '../../src';
import { germanLabels, germanPricingTableLabels } from '../../src/locales';
import { activeState, canceledWithAccessState, freeState, longDate, pastDueState } from './fixtures';
import { seedPlans } from './plans';
import { json, renderWithBilling, setupFakeBillingApi } from './renderWithBilling';

const api = setupFakeBillingApi();

describe('labels and locale', () => {
  it('labels replace the text of the buttons, everywhere they appear', async () => {
    api.answer('state', freeState());
    renderWithBilling(
      <>
        <PlanCard upgradeTier="team" />
        <UpgradeButton tier="team" />
        <ManageButton />
      </>,
      { labels: { upgrade: 'Jetzt upgraden', manage: 'Abrechnung verwalten' } },
    );
    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Your plan' })).not.toHaveAttribute('aria-busy'),
    );
    expect(screen.getAllByRole('button', { name: 'Jetzt upgraden' })).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Abrechnung verwalten' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Upgrade' })).not.toBeInTheDocument();
  });

  it('children win over labels', () => {
    renderWithBilling(<UpgradeButton tier="team">Go Team</UpgradeButton>, {
      labels: { upgrade: 'Jetzt upgraden' },
    });
    expect(screen.getByRole('button', { name: 'Go Team' })).toBeInTheDocument();
  });

  it('locale formats the dates (compared against Intl)', async () => {
    const state = activeState();
    api.answer('state', state);
    renderWithBilling(<PlanCard />, { locale: 'de-DE' });
    const german = longDate(state.currentPeriodEnd ?? '', 'de-DE');
    expect(await screen.findByText(`Renews on ${german}`)).toBeInTheDocument();
    // The German month name differs from the English one, so this proves the locale reached Intl.
    expect(german).not.toBe(longDate(state.currentPeriodEnd ?? '', 'en-US'));
  });

  it('labels and locale together translate the card', async () => {
    const state = canceledWithAccessState();
    api.answer('state', state);
    renderWithBilling(<PlanCard />, {
      locale: 'de-DE',
      labels: {
        upgrade: 'Wieder abonnieren',
        planName: (d) => (d.phase === 'free' ? 'Kostenlos' : `Tarif ${d.planName}`),
        status: (d) => (d.phase === 'canceled' ? 'Gekündigt' : d.status),
        date: (d) => `Zugang bis ${d.formatted}`,
      },
    });
    expect(await screen.findByText('Gekündigt')).toBeInTheDocument();
    expect(screen.getByText('Tarif Team')).toBeInTheDocument();
    expect(
      screen.getByText(`Zugang bis ${longDate(state.currentPeriodEnd ?? '', 'de-DE')}`),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Wieder abonnieren' })).toBeInTheDocument();
  });

  it('a banner label can be overridden alone; the others keep their defaults', async () => {
    api.answer('state', pastDueState());
    renderWithBilling(<BillingStatusBanner />, {
      labels: {
        banner: { pastDue: 'Zahlung fehlgeschlagen.' },
        updatePaymentMethod: 'Zahlungsmethode ändern',
      },
    });
    expect(await screen.findByText('Zahlung fehlgeschlagen.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Zahlungsmethode ändern' })).toBeInTheDocument();
  });

  it('error text can be translated', async () => {
    api.answer('state', freeState());
    api.answer('checkout-session', json({ error: 'upstream' }, { status: 503 }));
    const { user } = renderWithBilling(<UpgradeButton tier="team" />, {
      labels: { error: (error) => `Fehler: ${error.code}` },
    });
    await user.click(screen.getByRole('button', { name: 'Upgrade' }));
    expect(await screen.findByText('Fehler: upstream')).toBeInTheDocument();
  });
});

/**
 * A past-due tenant's page with a string from each place labels live: a flat one (the payment fix, on the
 * banner's, the card's and the table's button), the banner's section and the pricing table's section.
 */
async function renderPage(
  options: { labels?: BillingLabelsInput; locale?: string; tableLabels?: PricingTableProps['labels'] } = {},
) {
  const { tableLabels, ...provider } = options;
  api.answer('state', pastDueState());
  renderWithBilling(
    <>
      <BillingStatusBanner />
      <PlanCard />
      <PricingTable labels={tableLabels} />
    </>,
    { plans: seedPlans, ...provider },
  );
  // The card and the table, both showing the state.
  await waitFor(() => expect(document.querySelectorAll('[data-state="ready"]')).toHaveLength(2));
}

describe("one rule: defaults, then the provider's labels, then the component's labels prop", () => {
  it('shows the English defaults where nothing is given', async () => {
    await renderPage();
    expect(screen.getByText(/^Your last payment failed\./)).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Update payment method' })).toHaveLength(3);
    expect(screen.getByRole('region', { name: 'Your plan' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Plans' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Switch to Business' })).toBeInTheDocument();
  });

  it("takes the provider's labels over the defaults, a section's entries one by one", async () => {
    await renderPage({
      labels: {
        updatePaymentMethod: 'Fix the card',
        banner: { pastDue: 'The card was declined.' },
        pricingTable: { switchTo: (name) => `Move to ${name}` },
      },
    });
    expect(screen.getByText('The card was declined.')).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Fix the card' })).toHaveLength(3);
    expect(screen.getByRole('button', { name: 'Move to Business' })).toBeInTheDocument();
    // What the provider did not name keeps its default, inside the table's section too.
    expect(screen.getByRole('region', { name: 'Your plan' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Plans' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Contact sales' })).toBeInTheDocument();
  });

  it("takes the table's labels prop over the provider's section, which fills the rest", async () => {
    await renderPage({
      labels: { pricingTable: { title: 'Pick a plan', switchTo: (name) => `Move to ${name}` } },
      tableLabels: { switchTo: (name) => `Go to ${name}` },
    });
    expect(screen.getByRole('button', { name: 'Go to Business' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Move to Business' })).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Pick a plan' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Contact sales' })).toBeInTheDocument();
  });

  it('keeps a locale pack whole under a few overrides merged by the same rule', async () => {
    const labels = mergeLabels(
      { ...germanLabels, pricingTable: germanPricingTableLabels },
      {
        updatePaymentMethod: 'Karte ändern',
        banner: { trialEnding: () => 'Ihre Testphase endet bald.' },
        pricingTable: { contact: () => 'Rufen Sie uns an' },
      },
    );
    await renderPage({ labels, locale: 'de-DE' });
    // The overrides…
    expect(screen.getAllByRole('button', { name: 'Karte ändern' })).toHaveLength(3);
    expect(screen.getByRole('link', { name: 'Rufen Sie uns an' })).toBeInTheDocument();
    // …and the pack's other strings, in the sections the overrides touched as well.
    expect(screen.getByText(germanLabels.banner.pastDue)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Tarife' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Zu Business wechseln' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Ihr Tarif' })).toBeInTheDocument();
    expect(screen.queryByText(/Your last payment failed/)).not.toBeInTheDocument();
  });
});
