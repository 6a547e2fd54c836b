import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BillingStatusBanner, ManageButton, PlanCard, UpgradeButton } from '../../src';
import { activeState, canceledWithAccessState, freeState, longDate, pastDueState } from './fixtures';
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
