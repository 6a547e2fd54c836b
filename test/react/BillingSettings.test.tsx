import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BillingSettings } from '../../src';
import { germanLabels, japaneseLabels } from '../../src/locales';
import { activeState, freeState, pastDueState, trialingState } from './fixtures';
import { seedPlans } from './plans';
import { renderWithBilling, setupFakeBillingApi } from './renderWithBilling';

const api = setupFakeBillingApi();

/** The section headings, in the order a screen reader's heading list reads them, with their levels. */
function headings(level: number): string[] {
  return screen.getAllByRole('heading', { level }).map((heading) => heading.textContent ?? '');
}

describe('BillingSettings', () => {
  it('shows a subscriber the banner, plan card, invoices and plans, from one state request', async () => {
    api.answer('state', pastDueState());
    const { user } = renderWithBilling(<BillingSettings />, { plans: seedPlans });

    const card = await screen.findByRole('region', { name: 'Your plan' });
    expect(await within(card).findByText('Past due')).toBeVisible();
    expect(screen.getByText(/^Your last payment failed/)).toBeVisible();
    expect(headings(2)).toEqual(['Your plan', 'Invoices and payment', 'Plans']);
    // The table's plan names sit one level below the section headings.
    expect(headings(3)).toEqual(['Starter', 'Team', 'Business', 'Enterprise']);
    const invoices = screen.getByRole('region', { name: 'Invoices and payment' });
    await user.click(within(invoices).getByRole('button', { name: 'View invoices and payment details' }));
    await waitFor(() => expect(api.count('portal-session')).toBe(1));
    expect(api.count('state')).toBe(1);
  });

  it('offers no invoices to a tenant with no Stripe customer yet (the Portal would answer no_customer)', async () => {
    api.answer('state', freeState());
    renderWithBilling(<BillingSettings />, { plans: seedPlans });
    await screen.findAllByRole('heading', { level: 3 });
    expect(headings(2)).toEqual(['Your plan', 'Plans']);
    expect(screen.queryByRole('region', { name: 'Invoices and payment' })).toBeNull();
  });

  it('leaves out the sections not asked for, and the plans when there are none', async () => {
    api.answer('state', trialingState());
    renderWithBilling(<BillingSettings sections={['plan', 'manage']} headingLevel={3} />, {
      plans: seedPlans,
    });
    await screen.findByRole('region', { name: 'Invoices and payment' });
    expect(headings(3)).toEqual(['Your plan', 'Invoices and payment']);
    expect(screen.queryByRole('region', { name: 'Plans' })).toBeNull();
  });

  it('shows no plans section without plans, and takes its own plans over the provider’s', async () => {
    api.answer('state', freeState());
    const { rerender } = renderWithBilling(<BillingSettings />);
    await screen.findByRole('region', { name: 'Your plan' });
    expect(screen.queryByRole('heading', { name: 'Plans' })).toBeNull();
    rerender(<BillingSettings plans={seedPlans.slice(0, 2)} />);
    expect(headings(3)).toEqual(['Starter', 'Team']);
  });

  it('takes its headings from the provider’s labels.settings, the rest staying English', async () => {
    api.answer('state', trialingState());
    renderWithBilling(<BillingSettings sections={['plan', 'manage']} />, {
      labels: { settings: { manageHeading: 'Rechnungen' } },
    });
    await screen.findByRole('region', { name: 'Rechnungen' });
    expect(headings(2)).toEqual(['Your plan', 'Rechnungen']);
  });

  it('reads German and Japanese from the locale packs', async () => {
    api.answer('state', activeState());
    const { unmount } = renderWithBilling(<BillingSettings sections={['plan', 'manage']} />, {
      labels: germanLabels,
    });
    await screen.findByRole('button', { name: 'Rechnungen und Zahlungsdaten ansehen' });
    expect(headings(2)).toEqual(['Ihr Tarif', 'Rechnungen und Zahlung']);
    unmount();

    renderWithBilling(<BillingSettings sections={['plan', 'manage']} />, { labels: japaneseLabels });
    await screen.findByRole('button', { name: '請求書とお支払い情報を表示' });
    expect(headings(2)).toEqual(['ご利用中のプラン', '請求書とお支払い']);
  });

  it('names an unknown section in a TypeError', () => {
    expect(() =>
      renderWithBilling(<BillingSettings sections={['plan', 'invoices' as 'plan']} />, {
        renderOptions: { onCaughtError: () => {} },
      }),
    ).toThrow(
      new TypeError(
        '<BillingSettings sections>: unknown section "invoices"; use any of status, plan, manage, plans.',
      ),
    );
  });
});
