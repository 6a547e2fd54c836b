import { act, screen, waitFor } from '@testing-library/react';
import { createRef, forwardRef, type ButtonHTMLAttributes } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  defaultCheckoutTier,
  ManageButton,
  UpgradeButton,
  type BillingBackend,
  type BillingEvent,
} from '../../src';
import { createProxyBackend } from '../../src/core';
import {
  activeState,
  canceledEndedState,
  checkoutSessionBody,
  freeState,
  pastDueState,
  pausedState,
  portalSessionBody,
  teamState,
  trialingState,
} from './fixtures';
import {
  deferred,
  json,
  liveRegionOf,
  noScriptSubmission,
  proxyPath,
  backFromStripe,
  renderWithBilling,
  setupFakeBillingApi,
} from './renderWithBilling';

const api = setupFakeBillingApi();
// A tenant without a subscription: the one Checkout is for (a subscriber's click opens the Portal, below).
beforeEach(() => api.answer('state', freeState()));

const unsafeText =
  'This page refused to open the billing link because it does not point at a trusted billing site.';

function onBillingPage(): void {
  window.history.replaceState(null, '', '/settings/billing?tab=plan#top');
}

describe('UpgradeButton', () => {
  it('mints one Checkout session on click, back to this page, and goes there', async () => {
    onBillingPage();
    api.answer('state', freeState());
    const { user, navigate } = renderWithBilling(<UpgradeButton tier="team" />);

    await user.click(screen.getByRole('button', { name: 'Upgrade' }));

    await waitFor(() => expect(navigate).toHaveBeenCalledOnce());
    expect(navigate).toHaveBeenCalledWith(checkoutSessionBody.url);
    expect(api.requests('checkout-session')).toEqual([
      {
        url: 'http://localhost:3000/api/billing/checkout-session',
        body: {
          tier: 'team',
          successUrl: 'http://localhost:3000/settings/billing?tab=plan&saiku_checkout=success',
          cancelUrl: 'http://localhost:3000/settings/billing?tab=plan&saiku_checkout=canceled',
        },
      },
    ]);
  });

  it("takes the plan, email and URLs from the provider's checkout defaults", async () => {
    const { user, navigate } = renderWithBilling(<UpgradeButton />, {
      checkout: {
        tier: 'business',
        email: 'alice@acme.com',
        name: 'Acme Corp',
        successUrl: 'https://app.acme.com/welcome',
        cancelUrl: 'https://app.acme.com/plans?saiku_checkout=canceled',
      },
    });
    await user.click(screen.getByRole('button', { name: 'Upgrade' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledOnce());
    expect(api.requests('checkout-session')[0]?.body).toEqual({
      tier: 'business',
      email: 'alice@acme.com',
      name: 'Acme Corp',
      successUrl: 'https://app.acme.com/welcome?saiku_checkout=success',
      cancelUrl: 'https://app.acme.com/plans?saiku_checkout=canceled',
    });
  });

  it('mints one session for a double click', async () => {
    const held = deferred(json(checkoutSessionBody));
    api.answer('checkout-session', held.answer);
    const { user, navigate } = renderWithBilling(<UpgradeButton tier="team" />);
    const button = screen.getByRole('button', { name: 'Upgrade' });

    await user.dblClick(button);
    await user.click(button);
    await waitFor(() => expect(api.count('checkout-session')).toBe(1));
    held.release();

    await waitFor(() => expect(navigate).toHaveBeenCalledOnce());
    expect(api.count('checkout-session')).toBe(1);
  });

  it('mints one session for two clicks in the same tick, before React re-renders', async () => {
    const held = deferred(json(checkoutSessionBody));
    api.answer('checkout-session', held.answer);
    const { navigate } = renderWithBilling(<UpgradeButton tier="team" />);
    const button = screen.getByRole('button', { name: 'Upgrade' });

    act(() => {
      button.click();
      button.click();
    });
    await waitFor(() => expect(api.count('checkout-session')).toBe(1));
    held.release();

    await waitFor(() => expect(navigate).toHaveBeenCalledOnce());
    expect(api.count('checkout-session')).toBe(1);
  });

  it('is busy from the click until the page leaves, and keeps focus', async () => {
    const held = deferred(json(checkoutSessionBody));
    api.answer('checkout-session', held.answer);
    const { user, navigate } = renderWithBilling(<UpgradeButton tier="team" />);
    const button = screen.getByRole('button', { name: 'Upgrade' });
    expect(button).toHaveAttribute('data-state', 'idle');
    expect(button).not.toHaveAttribute('aria-busy');

    await user.click(button);

    await waitFor(() => expect(button).toHaveAttribute('aria-busy', 'true'));
    expect(button).toHaveAttribute('data-state', 'pending');
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toBeEnabled();
    expect(button).toHaveFocus();

    held.release();
    await waitFor(() => expect(navigate).toHaveBeenCalledOnce());
    // Stripe's page can take a second or two: until this one is gone, a click mints nothing.
    expect(button).toHaveAttribute('aria-busy', 'true');
    await user.click(button);
    expect(api.count('checkout-session')).toBe(1);

    await backFromStripe();
    expect(button).toHaveAttribute('data-state', 'idle');
    expect(button).not.toHaveAttribute('aria-busy');
  });

  it("runs the host's onClick first, and preventDefault() there cancels the checkout", async () => {
    const calls: string[] = [];
    const proxy = createProxyBackend({ baseUrl: proxyPath });
    const backend: BillingBackend = {
      ...proxy,
      getState: (options) => proxy.getState(options),
      createCheckoutSession: (input) => {
        calls.push('mint');
        return proxy.createCheckoutSession(input);
      },
      createPortalSession: (input) => proxy.createPortalSession(input),
    };
    let cancel = false;
    const { user, navigate } = renderWithBilling(
      <UpgradeButton
        tier="team"
        onClick={(event) => {
          calls.push('host');
          if (cancel) event.preventDefault();
        }}
      />,
      { backend },
    );
    const button = screen.getByRole('button', { name: 'Upgrade' });

    await user.click(button);
    await waitFor(() => expect(navigate).toHaveBeenCalledOnce());
    expect(calls).toEqual(['host', 'mint']);

    cancel = true;
    calls.length = 0;
    await user.click(button);
    expect(calls).toEqual(['host']);
    expect(api.count('checkout-session')).toBe(1);
    expect(navigate).toHaveBeenCalledOnce();
  });

  // The state is known (initialState), so a click that got through would report checkout_started
  // before user.click resolves. React never calls onClick for a disabled <button>: this one checks that
  // `disabled` reaches the button; the next one reaches our own guard.
  it('refuses a disabled click', async () => {
    const onEvent = vi.fn<(event: BillingEvent) => void>();
    const { user, navigate } = renderWithBilling(<UpgradeButton tier="team" disabled />, {
      initialState: freeState(),
      onEvent,
    });
    const button = screen.getByRole('button', { name: 'Upgrade' });
    expect(button).toBeDisabled();
    await user.click(button);
    expect(onEvent).not.toHaveBeenCalled();
    expect(button).not.toHaveAttribute('aria-busy');
    expect(api.count('checkout-session')).toBe(0);
    expect(navigate).not.toHaveBeenCalled();
  });

  it('refuses a click on a disabled asChild link, which neither the browser nor React stops', async () => {
    const onEvent = vi.fn<(event: BillingEvent) => void>();
    const { user, navigate } = renderWithBilling(
      <UpgradeButton asChild tier="team" disabled>
        <a href="#plans">Go</a>
      </UpgradeButton>,
      { initialState: freeState(), onEvent },
    );
    const link = screen.getByRole('link', { name: 'Go' });
    await user.click(link);
    expect(onEvent).not.toHaveBeenCalled();
    expect(link).not.toHaveAttribute('aria-busy');
    expect(link).toHaveAttribute('data-state', 'idle');
    expect(api.count('checkout-session')).toBe(0);
    expect(navigate).not.toHaveBeenCalled();
    // Our handler still saw the click: the link's own navigation is cancelled.
    expect(window.location.hash).toBe('');
  });

  it('refuses a click on a button the host marks aria-disabled, which stays focusable and clickable', async () => {
    const onEvent = vi.fn<(event: BillingEvent) => void>();
    const { user, navigate } = renderWithBilling(
      <>
        <UpgradeButton tier="team" aria-disabled="true">
          Upgrade
        </UpgradeButton>
        <UpgradeButton asChild tier="team">
          <button type="button" aria-disabled="true">
            Go
          </button>
        </UpgradeButton>
      </>,
      { initialState: freeState(), onEvent },
    );
    for (const name of ['Upgrade', 'Go']) {
      const button = screen.getByRole('button', { name });
      expect(button).toHaveAttribute('aria-disabled', 'true');
      await user.click(button);
      button.focus();
      await user.keyboard('{Enter}');
      expect(button).toHaveAttribute('data-state', 'idle');
    }
    expect(onEvent).not.toHaveBeenCalled();
    expect(api.count('checkout-session')).toBe(0);
    expect(navigate).not.toHaveBeenCalled();
  });

  // Only a Portal asked for in a new tab opens one: a stray window.open is a blank tab or a popup warning.
  it('goes to Checkout in this tab, opening no other', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    const { user, navigate } = renderWithBilling(<UpgradeButton tier="team" />);
    await user.click(screen.getByRole('button', { name: 'Upgrade' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith(checkoutSessionBody.url));
    expect(open).not.toHaveBeenCalled();
  });

  it("checks out the default plan ('team') when neither the button nor the provider names one", async () => {
    const { user, navigate } = renderWithBilling(<UpgradeButton />);
    await user.click(screen.getByRole('button', { name: 'Upgrade' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledOnce());
    expect(api.requests('checkout-session').map((r) => (r.body as { tier: string }).tier)).toEqual([
      defaultCheckoutTier,
    ]);
    expect(defaultCheckoutTier).toBe('team');
  });

  it('says so when the plan was set to empty, without a request', async () => {
    const { user, navigate } = renderWithBilling(<UpgradeButton tier="" />);
    const button = screen.getByRole('button', { name: 'Upgrade' });
    await user.click(button);
    expect(await screen.findByText(/The billing request was refused: Choose a plan/)).toBeInTheDocument();
    expect(button).toHaveAttribute('data-state', 'error');
    expect(api.count('checkout-session')).toBe(0);
    expect(navigate).not.toHaveBeenCalled();
  });

  describe("the proxy's guards", () => {
    it('opens the Portal instead when the proxy answers 409 already_subscribed, returning to this page', async () => {
      onBillingPage();
      // The page still thinks the tenant is free: it subscribed in another tab since the state was read.
      api.answer('state', freeState());
      api.answer(
        'checkout-session',
        json({ error: 'already_subscribed', message: 'Change plans in the portal.' }, { status: 409 }),
      );
      const { user, navigate } = renderWithBilling(<UpgradeButton tier="business" />);

      await user.click(screen.getByRole('button', { name: 'Upgrade' }));

      await waitFor(() => expect(navigate).toHaveBeenCalledWith(portalSessionBody.url));
      expect(api.count('checkout-session')).toBe(1);
      expect(api.requests('portal-session').map((r) => r.body)).toEqual([
        { returnUrl: 'http://localhost:3000/settings/billing?tab=plan&saiku_portal=return' },
      ]);
      // On its way to the Portal, as after any session.
      expect(screen.getByRole('button', { name: 'Upgrade' })).toHaveAttribute('data-state', 'pending');
    });

    it('shows the rate-limit message on every button after a form post came back rate_limited', async () => {
      window.history.replaceState(null, '', '/settings/billing?billing_error=rate_limited');
      renderWithBilling(
        <>
          <UpgradeButton tier="team" />
          <ManageButton />
        </>,
      );
      const text = 'Too many billing requests. Try again shortly.';
      for (const name of ['Upgrade', 'Manage billing']) {
        expect(screen.getByRole('button', { name })).toHaveAccessibleDescription(text);
      }
      expect(liveRegionOf(screen.getAllByText(text)[0] as HTMLElement)).not.toBeNull();
      await waitFor(() => expect(window.location.search).toBe(''));
      expect(api.count('checkout-session') + api.count('portal-session')).toBe(0);
    });
  });

  describe('a form post that came back with an error', () => {
    it('is no trip to Stripe: a rate-limited Checkout form reports no checkout_canceled', async () => {
      window.history.replaceState(
        null,
        '',
        '/settings/billing?saiku_checkout=canceled&billing_error=rate_limited',
      );
      const onEvent = vi.fn();
      renderWithBilling(<UpgradeButton tier="team" />, { onEvent });
      const button = screen.getByRole('button', { name: 'Upgrade' });
      expect(button).toHaveAccessibleDescription('Too many billing requests. Try again shortly.');
      await waitFor(() => expect(window.location.search).toBe(''));
      expect(onEvent).not.toHaveBeenCalled();
    });

    it("shows its error until the next action, not for the page's life", async () => {
      window.history.replaceState(null, '', '/settings/billing?billing_error=rate_limited');
      const { user, navigate } = renderWithBilling(<UpgradeButton tier="team" />);
      const button = screen.getByRole('button', { name: 'Upgrade' });
      expect(button).toHaveAccessibleDescription('Too many billing requests. Try again shortly.');
      await user.click(button);
      await waitFor(() => expect(navigate).toHaveBeenCalledWith(checkoutSessionBody.url));
      expect(button).not.toHaveAccessibleDescription();
      expect(screen.queryByText('Too many billing requests. Try again shortly.')).not.toBeInTheDocument();
    });
  });

  it('is busy while it reads the state before minting (nothing had fetched it yet)', async () => {
    const held = deferred(json(freeState()));
    api.answer('state', held.answer);
    const { user } = renderWithBilling(<UpgradeButton tier="team" />);
    const button = screen.getByRole('button', { name: 'Upgrade' });
    await user.click(button);
    expect(button).toHaveAttribute('aria-busy', 'true');
    expect(api.count('checkout-session')).toBe(0);
    held.release();
    await waitFor(() => expect(api.count('checkout-session')).toBe(1));
  });

  describe('redirect safety', () => {
    it.each([
      'javascript:alert(1)',
      'http://checkout.stripe.com/c/pay/cs_test_a1b2c3',
      'https://evil.test/c/pay/cs_test_a1b2c3',
      'https://checkout.stripe.com.evil.test/c/pay',
      'https://user:pass@checkout.stripe.com/c/pay',
      '/c/pay/relative',
    ])('shows an error and does not navigate when the backend answers %s', async (url) => {
      api.answer('checkout-session', json({ url, sessionId: 'cs_test_x' }));
      const { user, navigate } = renderWithBilling(<UpgradeButton tier="team" />);
      const button = screen.getByRole('button', { name: 'Upgrade' });

      await user.click(button);

      const message = await screen.findByText(unsafeText);
      expect(liveRegionOf(message)).not.toBeNull();
      expect(button).toHaveAccessibleDescription(unsafeText);
      expect(button).toHaveAttribute('data-state', 'error');
      expect(navigate).not.toHaveBeenCalled();
    });

    it('follows an http URL only to a loopback host the allowlist names', async () => {
      api.answer('checkout-session', json({ url: 'http://localhost:4242/checkout/cs_1', sessionId: 'cs_1' }));
      const { user, navigate } = renderWithBilling(<UpgradeButton tier="team" />, {
        allowedRedirectHosts: ['localhost:4242'],
      });
      await user.click(screen.getByRole('button', { name: 'Upgrade' }));
      await waitFor(() => expect(navigate).toHaveBeenCalledWith('http://localhost:4242/checkout/cs_1'));
    });

    it('a new click clears the last error', async () => {
      api.answerInTurn(
        'checkout-session',
        json({ url: 'https://evil.test/x', sessionId: 'cs_x' }),
        json(checkoutSessionBody),
      );
      const { user, navigate } = renderWithBilling(<UpgradeButton tier="team" />);
      const button = screen.getByRole('button', { name: 'Upgrade' });
      await user.click(button);
      await screen.findByText(unsafeText);

      await user.click(button);
      await waitFor(() => expect(navigate).toHaveBeenCalledWith(checkoutSessionBody.url));
      expect(screen.queryByText(unsafeText)).not.toBeInTheDocument();
      expect(button).not.toHaveAccessibleDescription();
    });
  });

  describe('asChild', () => {
    it("keeps our behaviour on the host's link", async () => {
      const { user, navigate } = renderWithBilling(
        <UpgradeButton asChild tier="team" className="ours">
          <a href="#plans" className="host-link">
            Go
          </a>
        </UpgradeButton>,
      );
      const link = screen.getByRole('link', { name: 'Go' });
      expect(link.tagName).toBe('A');
      expect(link).toHaveClass('host-link', 'saiku-billing-button', 'ours');
      expect(screen.queryByRole('button')).not.toBeInTheDocument();

      await user.click(link);
      await waitFor(() => expect(navigate).toHaveBeenCalledWith(checkoutSessionBody.url));
      expect(api.count('checkout-session')).toBe(1);
      // Our handler took the click: the href was not followed.
      expect(window.location.hash).toBe('');
    });

    it("keeps the host's button component, and both refs reach the DOM node", async () => {
      const hostClicks = vi.fn();
      const FancyButton = forwardRef<HTMLButtonElement, ButtonHTMLAttributes<HTMLButtonElement>>(
        function FancyButton(props, ref) {
          return (
            <button ref={ref} {...props} className={['fancy', props.className].filter(Boolean).join(' ')} />
          );
        },
      );
      const hostRef = createRef<HTMLButtonElement>();
      const ourRef = createRef<HTMLButtonElement>();
      const { user, navigate } = renderWithBilling(
        <UpgradeButton asChild tier="team" ref={ourRef}>
          <FancyButton ref={hostRef} onClick={hostClicks}>
            Go Team
          </FancyButton>
        </UpgradeButton>,
      );
      const button = screen.getByRole('button', { name: 'Go Team' });
      expect(button).toHaveClass('fancy', 'saiku-billing-button');
      expect(hostRef.current).toBe(button);
      expect(ourRef.current).toBe(button);

      await user.click(button);
      await waitFor(() => expect(navigate).toHaveBeenCalledWith(checkoutSessionBody.url));
      expect(hostClicks).toHaveBeenCalledOnce();
      expect(api.count('checkout-session')).toBe(1);
    });

    it('forwards a ref to our own button too', () => {
      const ref = createRef<HTMLButtonElement>();
      renderWithBilling(<UpgradeButton tier="team" ref={ref} />);
      expect(ref.current).toBe(screen.getByRole('button', { name: 'Upgrade' }));
    });
  });

  describe('accessibility', () => {
    it('is a real button named by its text, or by its children', () => {
      renderWithBilling(
        <>
          <UpgradeButton tier="team" />
          <UpgradeButton tier="business">Upgrade to Business</UpgradeButton>
        </>,
      );
      expect(screen.getByRole('button', { name: 'Upgrade' }).tagName).toBe('BUTTON');
      expect(screen.getByRole('button', { name: 'Upgrade to Business' }).tagName).toBe('BUTTON');
    });

    it('starts checkout from the keyboard alone: Tab, then Enter', async () => {
      const { user, navigate } = renderWithBilling(<UpgradeButton tier="team" />);
      await user.tab();
      expect(screen.getByRole('button', { name: 'Upgrade' })).toHaveFocus();
      await user.keyboard('{Enter}');
      await waitFor(() => expect(navigate).toHaveBeenCalledWith(checkoutSessionBody.url));
      expect(api.count('checkout-session')).toBe(1);
    });

    it('starts checkout with Space too', async () => {
      const { user, navigate } = renderWithBilling(<UpgradeButton tier="team" />);
      await user.tab();
      await user.keyboard(' ');
      await waitFor(() => expect(navigate).toHaveBeenCalledOnce());
    });

    it("works without JavaScript: it posts the provider's form to the proxy's checkout route", () => {
      renderWithBilling(<UpgradeButton tier="team" />, {
        checkout: { successUrl: 'https://app.acme.com/welcome', cancelUrl: 'https://app.acme.com/plans' },
      });
      const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Upgrade' });
      expect(noScriptSubmission(button)).toEqual({
        method: 'post',
        route: '/api/billing/checkout',
        fields: {
          tier: 'team',
          successUrl: 'https://app.acme.com/welcome?saiku_checkout=success',
          cancelUrl: 'https://app.acme.com/plans?saiku_checkout=canceled',
        },
      });
      // The form is the provider's, not around the button, so the button may sit in a <p> or a host's form.
      expect(button.closest('form')).toBeNull();
    });

    it('leaves fields the proxy defaults out of the form', () => {
      renderWithBilling(<UpgradeButton tier="team" />);
      const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Upgrade' });
      expect(noScriptSubmission(button)?.fields).toEqual({ tier: 'team' });
    });

    it('is a plain button with a backend that has no form routes', () => {
      const proxy = createProxyBackend({ baseUrl: proxyPath });
      const backend: BillingBackend = {
        getState: (options) => proxy.getState(options),
        createCheckoutSession: (input) => proxy.createCheckoutSession(input),
        createPortalSession: (input) => proxy.createPortalSession(input),
      };
      renderWithBilling(<UpgradeButton tier="team" />, { backend });
      const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Upgrade' });
      expect(button).toHaveAttribute('type', 'button');
      expect(noScriptSubmission(button)).toBeNull();
      // No form to submit, so the provider renders none.
      expect(document.querySelector('form')).toBeNull();
    });
  });

  describe('for a tenant that already has a subscription', () => {
    it.each([
      ['trialing', () => trialingState(5)],
      ['active', activeState],
      ['past due', pastDueState],
      ['paused', pausedState],
      ['incomplete', () => teamState('incomplete', { billedFeaturesActive: false })],
      ['in a status Stripe adds later', () => teamState('on_hold')],
    ])('%s: opens the Portal instead, and mints no Checkout session', async (_name, state) => {
      api.answer('state', state());
      const { user, navigate } = renderWithBilling(<UpgradeButton tier="business" />);
      await user.click(screen.getByRole('button', { name: 'Upgrade' }));
      await waitFor(() => expect(navigate).toHaveBeenCalledWith(portalSessionBody.url));
      expect(api.count('portal-session')).toBe(1);
      expect(api.count('checkout-session')).toBe(0);
    });

    it('goes on to Checkout when the Portal finds no customer to manage (409 no_customer)', async () => {
      api.answer('state', activeState());
      api.answer('portal-session', json({ error: 'no_customer' }, { status: 409 }));
      const { user, navigate } = renderWithBilling(<UpgradeButton tier="team" />);
      await user.click(screen.getByRole('button', { name: 'Upgrade' }));
      await waitFor(() => expect(navigate).toHaveBeenCalledWith(checkoutSessionBody.url));
      expect(api.count('portal-session')).toBe(1);
      expect(api.count('checkout-session')).toBe(1);
      expect(screen.queryByText(/no subscription to manage/)).not.toBeInTheDocument();
    });

    it('a canceled subscription is over: Checkout starts a new one', async () => {
      api.answer('state', canceledEndedState());
      const { user, navigate } = renderWithBilling(<UpgradeButton tier="team" />);
      await user.click(screen.getByRole('button', { name: 'Upgrade' }));
      await waitFor(() => expect(navigate).toHaveBeenCalledWith(checkoutSessionBody.url));
      expect(api.count('portal-session')).toBe(0);
    });

    it('reads the state the page already has, without a second request', async () => {
      api.answer('state', activeState());
      const { user, queryClient } = renderWithBilling(<UpgradeButton tier="business" />);
      await user.click(screen.getByRole('button', { name: 'Upgrade' }));
      await waitFor(() => expect(api.count('portal-session')).toBe(1));
      await backFromStripe();
      await user.click(screen.getByRole('button', { name: 'Upgrade' }));
      await waitFor(() => expect(api.count('portal-session')).toBe(2));
      expect(queryClient.isFetching()).toBe(0);
      expect(api.count('state')).toBe(1);
    });

    it("goes ahead with Checkout when the state cannot be read (the proxy's guard decides)", async () => {
      api.answer('state', json({ error: 'upstream' }, { status: 503 }));
      const { user, navigate } = renderWithBilling(<UpgradeButton tier="team" />);
      await user.click(screen.getByRole('button', { name: 'Upgrade' }));
      await waitFor(() => expect(navigate).toHaveBeenCalledWith(checkoutSessionBody.url));
      expect(api.count('state')).toBe(1);
    });

    it("without JavaScript, posts to the proxy's portal route once the state is known", async () => {
      api.answer('state', activeState());
      renderWithBilling(<UpgradeButton tier="business" />, { initialState: activeState() });
      const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Upgrade' });
      expect(noScriptSubmission(button)).toMatchObject({ route: '/api/billing/portal', fields: {} });
    });
  });
});
