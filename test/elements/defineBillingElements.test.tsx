// The saiku-* elements in jsdom, over the real proxy backend with the network faked by msw: what a host
// page that is not React sees (attributes, properties, the shadow root, events on document).
import { waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { billingElementTags, defineBillingElements } from '../../src/elements';
import type { BillingEvent } from '../../src';
import { freeState, pastDueState, trialingState } from '../react/fixtures';
import { entitledPlans, seedPlans } from '../react/plans';
import { setupFakeBillingApi } from '../react/renderWithBilling';

const api = setupFakeBillingApi();
const navigate = vi.fn<(url: string) => void>();

beforeAll(() => defineBillingElements({ navigate, syncTabs: false }));
afterEach(() => {
  document.body.replaceChildren();
  navigate.mockReset();
});

/** Puts `html` on the page, as a server-rendered host page has it. */
function page(html: string): void {
  document.body.innerHTML = html;
}

/** The shadow root of the first `tag` on the page, queried like a screen. */
function shadowOf(tag: keyof HTMLElementTagNameMap, index = 0) {
  const element = document.querySelectorAll(tag)[index];
  if (!element?.shadowRoot) throw new Error(`No <${tag}> with a shadow root.`);
  return within(element.shadowRoot as unknown as HTMLElement);
}

describe('saiku-* elements', () => {
  it('defines every tag, each with an open shadow root holding the theme', () => {
    for (const tag of billingElementTags) expect(customElements.get(tag)).toBeDefined();
    const card = document.createElement('saiku-plan-card');
    expect(card.shadowRoot?.mode).toBe('open');
    expect(card.shadowRoot?.querySelector('style')?.textContent).toContain('.saiku-billing-plan-card{');
    // A second call (another bundle on the page) changes nothing.
    expect(() => defineBillingElements()).not.toThrow();
  });

  it('share one state request among every element of one api-base, and make one per other api-base', async () => {
    api.answer('state', trialingState());
    page(`
      <saiku-billing-status-banner></saiku-billing-status-banner>
      <saiku-plan-card></saiku-plan-card>
      <saiku-manage-button>Billing portal</saiku-manage-button>
      <saiku-billing-gate><p>Forecasts</p><p slot="fallback">Locked</p></saiku-billing-gate>`);
    expect(await shadowOf('saiku-plan-card').findByText('Trial')).toBeInTheDocument();
    expect(
      shadowOf('saiku-manage-button').getByRole('button', { name: 'Billing portal' }),
    ).toBeInTheDocument();
    expect(api.count('state')).toBe(1);

    const other = document.createElement('saiku-plan-card');
    other.apiBase = '/api/billing/';
    document.body.append(other);
    await waitFor(() => expect(api.count('state')).toBe(2));
  });

  it('dispatch each lifecycle event once, bubbling and composed, heard on document', async () => {
    api.answer('state', freeState());
    const heard: BillingEvent[] = [];
    const listener = (event: CustomEvent<BillingEvent>) => {
      expect(event.bubbles && event.composed).toBe(true);
      heard.push(event.detail);
    };
    document.addEventListener('saiku-billing-event', listener);
    page(`<saiku-plan-card upgrade-tier="business"></saiku-plan-card>
      <saiku-upgrade-button tier="team"></saiku-upgrade-button>`);
    const button = await shadowOf('saiku-upgrade-button').findByRole('button', { name: 'Upgrade' });
    await userEvent.click(button);
    await waitFor(() => expect(navigate).toHaveBeenCalledOnce());
    expect(heard).toEqual([{ type: 'checkout_started', tier: 'team' }]);
    expect(api.requests('checkout-session')[0]?.body).toMatchObject({ tier: 'team' });
    document.removeEventListener('saiku-billing-event', listener);
  });

  it('take plans, labels and checkout as properties, and reject what is not one', async () => {
    api.answer('state', freeState());
    const settings = document.createElement('saiku-billing-settings');
    settings.plans = seedPlans;
    settings.labels = { settings: { plansHeading: 'Choose a plan' } };
    settings.checkout = { tier: 'business', email: 'ops@acme.test' };
    settings.setAttribute('heading-level', '3');
    document.body.append(settings);
    const shadow = shadowOf('saiku-billing-settings');
    expect(await shadow.findByRole('heading', { level: 3, name: 'Choose a plan' })).toBeInTheDocument();
    expect((await shadow.findAllByRole('heading', { level: 4 })).map((h) => h.textContent)).toEqual([
      'Starter',
      'Team',
      'Business',
      'Enterprise',
    ]);
    await userEvent.click(shadow.getByRole('button', { name: 'Upgrade' }));
    await waitFor(() => expect(api.count('checkout-session')).toBe(1));
    expect(api.requests('checkout-session')[0]?.body).toMatchObject({
      tier: 'business',
      email: 'ops@acme.test',
    });

    expect(() => {
      settings.plans = 'team' as never;
    }).toThrow(new TypeError('<saiku-billing-settings>.plans must be an array of plans, got string.'));
  });

  it('reflect their attributes as properties', () => {
    const button = document.createElement('saiku-upgrade-button');
    button.tier = 'business';
    button.theme = 'dark';
    button.allowedRedirectHosts = ['checkout.stripe.com', 'localhost:5173'];
    expect(button.getAttribute('tier')).toBe('business');
    expect(button.getAttribute('theme')).toBe('dark');
    expect(button.getAttribute('allowed-redirect-hosts')).toBe('checkout.stripe.com localhost:5173');
    expect(button.apiBase).toBe('/api/billing');
    const settings = document.createElement('saiku-billing-settings');
    settings.setAttribute('sections', 'plan plans');
    expect(settings.sections).toEqual(['plan', 'plans']);
  });

  it('keep a property a framework set before the element was upgraded', async () => {
    api.answer('state', freeState());
    // An element made in a template's inert document is not upgraded: a property set now is its own.
    const template = document.createElement('template');
    template.innerHTML = '<saiku-pricing-table></saiku-pricing-table>';
    const table = template.content.firstElementChild as HTMLElementTagNameMap['saiku-pricing-table'];
    table.plans = seedPlans.slice(0, 2);
    expect(Object.hasOwn(table, 'plans')).toBe(true);
    document.body.append(document.adoptNode(table));
    const shadow = shadowOf('saiku-pricing-table');
    expect(await shadow.findAllByRole('heading', { level: 3 })).toHaveLength(2);
    // Its accessor is in charge from then on: a new value is shown.
    table.plans = seedPlans;
    await waitFor(() => expect(shadow.getAllByRole('heading', { level: 3 })).toHaveLength(4));
  });

  it('show the gate’s default slot with billed features and its fallback slot without', async () => {
    api.answer('state', pastDueState());
    page('<saiku-billing-gate><p>Forecasts</p><p slot="fallback">Locked</p></saiku-billing-gate>');
    const gate = document.querySelector('saiku-billing-gate');
    await waitFor(() => expect(gate?.shadowRoot?.querySelector('slot')).not.toBeNull());
    expect(gate?.shadowRoot?.querySelector('slot')?.getAttribute('name')).toBeNull();

    document.body.replaceChildren();
    await waitFor(() => expect(api.count('state')).toBe(1));
    api.answer('state', freeState());
    page('<saiku-billing-gate><p>Forecasts</p><p slot="fallback">Locked</p></saiku-billing-gate>');
    const locked = document.querySelector('saiku-billing-gate');
    await waitFor(() =>
      expect(locked?.shadowRoot?.querySelector('slot')?.getAttribute('name')).toBe('fallback'),
    );
  });
  it('gate by the feature or tier the gate names, against the plans property', async () => {
    api.answer('state', pastDueState()); // a Team tenant with billed features on
    page(`
      <saiku-billing-gate feature="forecasts"><p>Forecasts</p><p slot="fallback">Locked</p></saiku-billing-gate>
      <saiku-billing-gate feature="sso"><p>SSO</p><p slot="fallback">Locked</p></saiku-billing-gate>
      <saiku-billing-gate tier="business"><p>Business</p><p slot="fallback">Locked</p></saiku-billing-gate>`);
    const gates = [...document.querySelectorAll('saiku-billing-gate')];
    for (const gate of gates) gate.plans = entitledPlans;
    const shown = () =>
      gates.map((gate) => gate.shadowRoot?.querySelector('slot')?.getAttribute('name') ?? 'default');
    await waitFor(() => expect(shown()).toEqual(['default', 'fallback', 'fallback']));
    expect(gates[0]?.feature).toBe('forecasts');

    // Properties reflect to the attributes the gate reads.
    const tierGate = gates[2];
    if (!tierGate) throw new Error('No tier gate.');
    tierGate.tier = 'team';
    await waitFor(() => expect(shown()).toEqual(['default', 'fallback', 'default']));
    expect(tierGate.getAttribute('tier')).toBe('team');
  });

  it('fail closed, without taking the other elements down, for a gate given both feature and tier', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    api.answer('state', pastDueState());
    page(`
      <saiku-plan-card></saiku-plan-card>
      <saiku-billing-gate feature="forecasts" tier="team">
        <p>Both</p><p slot="fallback">Locked</p>
      </saiku-billing-gate>`);
    expect(await shadowOf('saiku-plan-card').findByText('Past due')).toBeInTheDocument();
    const gate = document.querySelector('saiku-billing-gate');
    await waitFor(() =>
      expect(gate?.shadowRoot?.querySelector('slot')?.getAttribute('name')).toBe('fallback'),
    );
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('takes feature or tier, not both'));
  });
});
