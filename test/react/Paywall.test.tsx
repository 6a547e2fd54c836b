// <Paywall> and usePaywall in jsdom, which has no HTMLDialogElement.showModal: what the dialog holds, its
// events, its plan actions and its strings. Its modal behaviour (inert page, focus trap, Escape) is
// tested in Chromium: stories/Paywall.stories.tsx and e2e/paywall.e2e.test.ts.
import { screen, waitFor, within } from '@testing-library/react';
import { useState, type ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  BillingGate,
  Paywall,
  usePaywall,
  type AccessRequirement,
  type BillingEvent,
  type BillingLabelsInput,
} from '../../src';
import { germanPaywallLabels, japanesePaywallLabels } from '../../src/locales';
import { activeState, checkoutSessionBody, freeState, portalSessionBody } from './fixtures';
import { entitledPlans } from './plans';
import { renderWithBilling, setupFakeBillingApi } from './renderWithBilling';

const api = setupFakeBillingApi();

function Opener({ requirement, name = 'Unlock' }: { requirement?: AccessRequirement; name?: string }) {
  const paywall = usePaywall();
  return (
    <>
      <button type="button" onClick={() => paywall.open(requirement)}>
        {name}
      </button>
      <p data-testid="is-open">{String(paywall.isOpen)}</p>
      <button type="button" onClick={paywall.close}>
        Close from the page
      </button>
    </>
  );
}

function renderPaywall(
  requirement: AccessRequirement | undefined,
  options: { labels?: BillingLabelsInput; strictMode?: boolean } = {},
) {
  return renderPaywallWith(<Opener requirement={requirement} />, options);
}

/** `opener` and a `<Paywall />` under a provider with `entitledPlans`, recording the events. */
function renderPaywallWith(
  opener: ReactElement,
  options: { labels?: BillingLabelsInput; strictMode?: boolean } = {},
) {
  const onEvent = vi.fn<(event: BillingEvent) => void>();
  const result = renderWithBilling(
    <>
      {opener}
      <Paywall />
    </>,
    { plans: entitledPlans, onEvent, locale: 'en-US', ...options },
  );
  return { ...result, events: () => onEvent.mock.calls.map(([event]) => event) };
}

/** The plan elements inside the open dialog, by their data-tier. */
function plansIn(dialog: HTMLElement): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>('[data-tier]')];
}

describe('Paywall', () => {
  it('shows nothing until opened', async () => {
    api.answer('state', freeState());
    renderPaywall({ feature: 'forecasts' });
    await screen.findByRole('button', { name: 'Unlock' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByTestId('is-open')).toHaveTextContent('false');
  });

  it('opens at the gated action on the plans that unlock the requirement, with their prices and actions', async () => {
    api.answer('state', freeState());
    const { user, events } = renderPaywall({ feature: 'sso' });
    await user.click(await screen.findByRole('button', { name: 'Unlock' }));

    const dialog = screen.getByRole('dialog', { name: 'Upgrade to unlock this' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveAccessibleDescription('Choose a plan that includes it.');
    await waitFor(() => expect(plansIn(dialog)).toHaveLength(2));
    const [business, enterprise] = plansIn(dialog) as [HTMLElement, HTMLElement];
    expect(business).toHaveAttribute('data-tier', 'business');
    expect(business).toHaveAttribute('data-action', 'checkout');
    expect(within(business).getByText('$99/month')).toBeInTheDocument();
    expect(within(business).getByRole('button', { name: 'Choose Business' })).toBeInTheDocument();
    expect(enterprise).toHaveAttribute('data-action', 'contact');
    expect(within(enterprise).getByRole('link', { name: 'Contact sales' })).toHaveAttribute(
      'href',
      'https://saiku.bi/contact-sales',
    );
    expect(screen.getByTestId('is-open')).toHaveTextContent('true');
    expect(events()).toEqual([{ type: 'paywall_opened', requirement: { feature: 'sso' } }]);
  });

  it('starts the plan’s Checkout through the one plan rule', async () => {
    api.answer('state', freeState());
    const { user, navigate, events } = renderPaywall({ feature: 'forecasts' });
    await user.click(await screen.findByRole('button', { name: 'Unlock' }));
    const dialog = screen.getByRole('dialog');
    await user.click(await within(dialog).findByRole('button', { name: 'Start with Team' }));

    await waitFor(() => expect(navigate).toHaveBeenCalledWith(checkoutSessionBody.url));
    expect(api.requests('checkout-session').map((request) => request.body)).toEqual([
      expect.objectContaining({ tier: 'team' }),
    ]);
    expect(events().map((event) => event.type)).toEqual(['paywall_opened', 'checkout_started']);
  });

  it('sends a subscriber to the Portal for a plan change, never a second Checkout', async () => {
    api.answer('state', activeState());
    const { user, navigate } = renderPaywall({ feature: 'sso' });
    await user.click(await screen.findByRole('button', { name: 'Unlock' }));
    const dialog = screen.getByRole('dialog');
    await user.click(await within(dialog).findByRole('button', { name: 'Switch to Business' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith(portalSessionBody.url));
    expect(api.count('checkout-session')).toBe(0);
  });

  it('closes with its close button, reports it, and gives focus back to the opener', async () => {
    api.answer('state', freeState());
    const { user, events } = renderPaywall({ tier: 'business' });
    const opener = await screen.findByRole('button', { name: 'Unlock' });
    await user.click(opener);
    const dialog = screen.getByRole('dialog');
    expect(dialog).toContainElement(document.activeElement as HTMLElement);

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
    expect(screen.getByTestId('is-open')).toHaveTextContent('false');
    expect(events()).toEqual([
      { type: 'paywall_opened', requirement: { tier: 'business' } },
      { type: 'paywall_closed' },
    ]);
  });

  it('closes from usePaywall().close() anywhere under the provider', async () => {
    api.answer('state', freeState());
    const { user, events } = renderPaywall(undefined);
    await user.click(await screen.findByRole('button', { name: 'Unlock' }));
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    // Past the dialog: jsdom has no inert page, so a test can reach the page behind it.
    await user.click(screen.getByRole('button', { name: 'Close from the page', hidden: true }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(events()).toEqual([{ type: 'paywall_opened' }, { type: 'paywall_closed' }]);
  });

  it('reports each opening and closing once under StrictMode', async () => {
    api.answer('state', freeState());
    const { user, events } = renderPaywall({ feature: 'forecasts' }, { strictMode: true });
    await user.click(await screen.findByRole('button', { name: 'Unlock' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Close' }));
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(events().map((event) => event.type)).toEqual([
      'paywall_opened',
      'paywall_closed',
      'paywall_opened',
    ]);
  });

  it('says so when no plan unlocks the requirement, and offers no plans', async () => {
    api.answer('state', freeState());
    const { user } = renderPaywall({ feature: 'time-travel' });
    await user.click(await screen.findByRole('button', { name: 'Unlock' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveAccessibleDescription(/None of the plans you can choose here includes this yet/);
    expect(plansIn(dialog)).toEqual([]);
    expect(
      within(dialog)
        .getAllByRole('button')
        .map((button) => button.getAttribute('aria-label')),
    ).toEqual(['Close']);
  });

  it('says the tenant’s plan already includes it when it does, marking that plan current', async () => {
    api.answer('state', activeState());
    const { user } = renderPaywall({ feature: 'forecasts' });
    await user.click(await screen.findByRole('button', { name: 'Unlock' }));
    const dialog = screen.getByRole('dialog');
    await waitFor(() => expect(dialog).toHaveAccessibleDescription('Your plan already includes this.'));
    expect(dialog.querySelector('[data-tier="team"]')).toHaveAttribute('aria-current', 'true');
  });

  it.each([
    ['German', germanPaywallLabels, 'Upgraden, um dies freizuschalten', 'Schließen'],
    ['Japanese', japanesePaywallLabels, 'アップグレードしてご利用ください', '閉じる'],
  ])('speaks %s from the provider’s labels.paywall', async (_language, paywall, title, close) => {
    api.answer('state', freeState());
    const { user } = renderPaywall({ feature: 'forecasts' }, { labels: { paywall } });
    await user.click(await screen.findByRole('button', { name: 'Unlock' }));
    const dialog = screen.getByRole('dialog', { name: title });
    expect(within(dialog).getByRole('button', { name: close })).toBeInTheDocument();
  });

  it('takes its own labels over the provider’s, string by string', async () => {
    api.answer('state', freeState());
    const { user } = renderWithBilling(
      <>
        <Opener requirement={{ feature: 'forecasts' }} />
        <Paywall labels={{ title: 'Forecasts need Team' }} />
      </>,
      { plans: entitledPlans, labels: { paywall: germanPaywallLabels } },
    );
    await user.click(await screen.findByRole('button', { name: 'Unlock' }));
    const dialog = screen.getByRole('dialog', { name: 'Forecasts need Team' });
    expect(within(dialog).getByRole('button', { name: 'Schließen' })).toBeInTheDocument();
  });

  it('opens from a BillingGate’s locked state', async () => {
    api.answer('state', freeState());
    function Locked() {
      const { open } = usePaywall();
      return (
        <button type="button" onClick={() => open({ feature: 'forecasts' })}>
          Unlock forecasts
        </button>
      );
    }
    const { user } = renderWithBilling(
      <>
        <BillingGate feature="forecasts" fallback={<Locked />}>
          <p>Forecasts</p>
        </BillingGate>
        <Paywall />
      </>,
      { plans: entitledPlans },
    );
    await user.click(await screen.findByRole('button', { name: 'Unlock forecasts' }));
    const dialog = screen.getByRole('dialog');
    await waitFor(() =>
      expect(plansIn(dialog).map((plan) => plan.dataset.tier)).toEqual(['team', 'business', 'enterprise']),
    );
  });

  it('refuses a malformed requirement at open() with a TypeError, and stays closed', async () => {
    api.answer('state', freeState());
    function Malformed() {
      const { open } = usePaywall();
      const [caught, setCaught] = useState('');
      const click = () => {
        try {
          open({ feature: '' });
        } catch (error) {
          setCaught(error instanceof TypeError ? error.message : 'not a TypeError');
        }
      };
      return (
        <>
          <button type="button" onClick={click}>
            Unlock
          </button>
          <p data-testid="caught">{caught}</p>
        </>
      );
    }
    const { user, events } = renderPaywallWith(<Malformed />);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(screen.getByTestId('caught')).toHaveTextContent(/access requirement is \{ feature: string \}/);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(events()).toEqual([]);
  });

  it('warns in development when opened with no <Paywall /> under the provider', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    api.answer('state', freeState());
    const { user } = renderWithBilling(<Opener requirement={{ feature: 'forecasts' }} />, {
      plans: entitledPlans,
    });
    await user.click(await screen.findByRole('button', { name: 'Unlock' }));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('no <Paywall />'));
  });

  it('names the provider when used outside it', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    function Bare() {
      usePaywall();
      return null;
    }
    expect(() => renderWithBilling(<></>, { renderOptions: { wrapper: () => <Bare /> } })).toThrow(
      'usePaywall must be used inside <BillingProvider>.',
    );
  });
});
