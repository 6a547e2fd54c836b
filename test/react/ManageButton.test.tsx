import { act, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ManageButton, PlanCard } from '../../src';
import { activeState, checkoutSessionBody, freeState, portalSessionBody } from './fixtures';
import {
  backFromStripe,
  json,
  liveRegionOf,
  noScriptSubmission,
  renderWithBilling,
  setupFakeBillingApi,
} from './renderWithBilling';

const api = setupFakeBillingApi();
// 409 no_customer comes from a tenant that never subscribed, so its state says free.
beforeEach(() => api.answer('state', freeState()));

const noCustomerText = 'There is no subscription to manage yet. Choose a plan to start one.';
const noCustomer = json(
  { error: 'no_customer', message: 'Run POST /me/billing/checkout-session first.' },
  { status: 409 },
);

describe('ManageButton', () => {
  it('mints a Portal session that returns to this page, and goes there', async () => {
    window.history.replaceState(null, '', '/settings/billing?saiku_checkout=success#invoices');
    const { user, navigate } = renderWithBilling(<ManageButton />);

    await user.click(screen.getByRole('button', { name: 'Manage billing' }));

    await waitFor(() => expect(navigate).toHaveBeenCalledWith(portalSessionBody.url));
    expect(api.requests('portal-session')).toEqual([
      {
        url: 'http://localhost:3000/api/billing/portal-session',
        body: { returnUrl: 'http://localhost:3000/settings/billing?saiku_portal=return' },
      },
    ]);
    expect(api.count('checkout-session')).toBe(0);
  });

  // A new tab only with target="_blank": otherwise a stray window.open is a blank tab or a popup warning.
  it('goes to the Portal in this tab, opening no other', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    const { user, navigate } = renderWithBilling(<ManageButton />);
    await user.click(screen.getByRole('button', { name: 'Manage billing' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith(portalSessionBody.url));
    expect(open).not.toHaveBeenCalled();
  });

  it("uses the returnUrl prop, else the provider's portal default", async () => {
    const { user, navigate, rerender } = renderWithBilling(<ManageButton />, {
      portal: { returnUrl: 'https://app.acme.com/account' },
    });
    await user.click(screen.getByRole('button', { name: 'Manage billing' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledOnce());
    await backFromStripe();

    rerender(<ManageButton returnUrl="https://app.acme.com/billing" />);
    await user.click(screen.getByRole('button', { name: 'Manage billing' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(2));

    expect(api.requests('portal-session').map((r) => r.body)).toEqual([
      { returnUrl: 'https://app.acme.com/account?saiku_portal=return' },
      { returnUrl: 'https://app.acme.com/billing?saiku_portal=return' },
    ]);
  });

  it('refuses a portal URL on another host', async () => {
    api.answer('portal-session', json({ url: 'https://billing.stripe.com.evil.test/p/session/x' }));
    const { user, navigate } = renderWithBilling(<ManageButton />);
    await user.click(screen.getByRole('button', { name: 'Manage billing' }));
    expect(await screen.findByText(/does not point at a trusted billing site/)).toBeInTheDocument();
    expect(navigate).not.toHaveBeenCalled();
  });

  describe('with nothing to manage (409 no_customer)', () => {
    it("says so and offers Checkout for the provider's plan instead", async () => {
      api.answer('portal-session', noCustomer);
      const { user, navigate } = renderWithBilling(<ManageButton />, { checkout: { tier: 'team' } });

      await user.click(screen.getByRole('button', { name: 'Manage billing' }));

      const message = await screen.findByText(noCustomerText);
      expect(liveRegionOf(message)).not.toBeNull();
      expect(screen.getByRole('button', { name: 'Manage billing' })).toHaveAccessibleDescription(
        noCustomerText,
      );
      expect(navigate).not.toHaveBeenCalled();

      await user.click(screen.getByRole('button', { name: 'Upgrade' }));

      await waitFor(() => expect(navigate).toHaveBeenCalledWith(checkoutSessionBody.url));
      expect(api.count('portal-session')).toBe(1);
      expect(api.requests('checkout-session').map((r) => (r.body as { tier: string }).tier)).toEqual([
        'team',
      ]);
    });

    it('offers the plan named by upgradeTier', async () => {
      api.answer('portal-session', noCustomer);
      const { user, navigate } = renderWithBilling(<ManageButton upgradeTier="business" />, {
        checkout: { tier: 'team' },
      });
      await user.click(screen.getByRole('button', { name: 'Manage billing' }));
      await user.click(await screen.findByRole('button', { name: 'Upgrade' }));
      await waitFor(() => expect(navigate).toHaveBeenCalledOnce());
      expect(api.requests('checkout-session').map((r) => (r.body as { tier: string }).tier)).toEqual([
        'business',
      ]);
    });

    it("offers the default plan ('team') when none is configured", async () => {
      api.answer('portal-session', noCustomer);
      const { user, navigate } = renderWithBilling(<ManageButton />);
      await user.click(screen.getByRole('button', { name: 'Manage billing' }));
      await screen.findByText(noCustomerText);
      await user.click(screen.getByRole('button', { name: 'Upgrade' }));
      await waitFor(() => expect(navigate).toHaveBeenCalledOnce());
      expect(api.requests('checkout-session').map((r) => (r.body as { tier: string }).tier)).toEqual([
        'team',
      ]);
    });

    it("says so after the proxy's no-JavaScript route came back with billing_error=no_customer", async () => {
      window.history.replaceState(null, '', '/settings/billing?billing_error=no_customer');
      renderWithBilling(<ManageButton />, { checkout: { tier: 'team' } });
      expect(await screen.findByText(noCustomerText)).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Upgrade' })).toBeInTheDocument();
      // The marker leaves the address bar, so a reload does not repeat it.
      await waitFor(() => expect(window.location.search).toBe(''));
      expect(api.count('portal-session')).toBe(0);
    });
  });

  it("stops offering Checkout for a form route's no_customer once the state shows a subscription", async () => {
    window.history.replaceState(null, '', '/settings/billing?billing_error=no_customer');
    api.answer('state', freeState());
    const { queryClient } = renderWithBilling(
      <>
        <PlanCard action={null} />
        <ManageButton />
      </>,
      { checkout: { tier: 'team' } },
    );
    expect(await screen.findByText(noCustomerText)).toBeInTheDocument();
    await waitFor(() => expect(api.count('state')).toBe(1));
    // The user subscribed in another tab; this page learns it on its next fetch.
    api.answer('state', activeState());
    await act(() => queryClient.refetchQueries());
    await waitFor(() => expect(screen.queryByText(noCustomerText)).not.toBeInTheDocument());
    expect(screen.queryByRole('button', { name: 'Upgrade' })).not.toBeInTheDocument();
  });

  it("works without JavaScript: it posts the provider's form to the proxy's portal route", () => {
    renderWithBilling(<ManageButton returnUrl="https://app.acme.com/billing" />);
    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Manage billing' });
    expect(noScriptSubmission(button)).toEqual({
      method: 'post',
      route: '/api/billing/portal',
      fields: { returnUrl: 'https://app.acme.com/billing?saiku_portal=return' },
    });
  });

  it('starts from the keyboard alone', async () => {
    const { user, navigate } = renderWithBilling(<ManageButton>Invoices</ManageButton>);
    await user.tab();
    expect(screen.getByRole('button', { name: 'Invoices' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(navigate).toHaveBeenCalledWith(portalSessionBody.url));
  });

  it("keeps our behaviour on the host's element with asChild", async () => {
    const { user, navigate } = renderWithBilling(
      <ManageButton asChild>
        <a href="#portal">Billing portal</a>
      </ManageButton>,
    );
    await user.click(screen.getByRole('link', { name: 'Billing portal' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith(portalSessionBody.url));
  });
});
