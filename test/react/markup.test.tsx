// The buttons are valid wherever hosts put buttons: inside a <p> and inside the host's own <form>. Their
// no-JavaScript form is the provider's (one, empty, where a form may go), which each button submits
// through its `form` attribute, so server HTML parses as rendered and hydrates without a mismatch.
import { act, screen, waitFor } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BillingProvider, ManageButton, PricingTable, UpgradeButton } from '../../src';
import { createProxyBackend } from '../../src/core';
import { checkoutSessionBody, freeState } from './fixtures';
import { seedPlans } from './plans';
import { noScriptSubmission, renderWithBilling, setupFakeBillingApi } from './renderWithBilling';

const api = setupFakeBillingApi();

afterEach(() => {
  document.body.innerHTML = '';
});

/** A host page: an Upgrade button in running text; Manage and the plans inside the host's own form. */
function hostPage() {
  return (
    <BillingProvider
      backend={createProxyBackend({ fetch: vi.fn<typeof fetch>() })}
      initialState={freeState()}
      plans={seedPlans}
      locale="en-US"
    >
      <p id="pitch">
        Forecasts come with Team. <UpgradeButton tier="team">Upgrade now</UpgradeButton>
      </p>
      <form id="profile" action="/profile" method="post">
        <input name="displayName" aria-label="Display name" defaultValue="Ada" />
        <ManageButton />
        <button type="submit">Save profile</button>
        <PricingTable />
      </form>
    </BillingProvider>
  );
}

/** Server HTML parsed by the HTML parser (as a browser parses it), then hydrated. */
async function serverRenderAndHydrate() {
  const html = renderToString(hostPage());
  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  const recoverable = vi.fn();
  const consoleError = vi.spyOn(console, 'error');
  await act(async () => {
    hydrateRoot(container, hostPage(), { onRecoverableError: recoverable });
  });
  return { container, recoverable, consoleError };
}

const button = (name: string) => screen.getByRole<HTMLButtonElement>('button', { name });

describe('buttons inside any markup', () => {
  it('server HTML keeps each button where it was rendered: no form inside a <p> or inside a form', async () => {
    const { container } = await serverRenderAndHydrate();
    expect(container.querySelectorAll('p form, form form')).toHaveLength(0);
    // The parser would have closed the <p> before a <form>, leaving the button outside it.
    expect(container.querySelector('#pitch')).toContainElement(button('Upgrade now'));
    expect(container.querySelector('#profile')).toContainElement(button('Manage billing'));
    expect(container.querySelectorAll('form')).toHaveLength(2);
  });

  it('hydrates with no recoverable error and no warning', async () => {
    const { recoverable, consoleError } = await serverRenderAndHydrate();
    expect(recoverable).not.toHaveBeenCalled();
    expect(consoleError).not.toHaveBeenCalled();
  });

  it("each button submits the provider's form, never the host's, with its own route and fields", async () => {
    await serverRenderAndHydrate();
    expect(button('Manage billing').form).not.toBe(document.querySelector('#profile'));
    expect(noScriptSubmission(button('Upgrade now'))).toEqual({
      method: 'post',
      route: '/api/billing/checkout',
      fields: { tier: 'team' },
    });
    expect(noScriptSubmission(button('Manage billing'))).toMatchObject({ route: '/api/billing/portal' });
    expect(noScriptSubmission(button('Choose Business'))).toEqual({
      method: 'post',
      route: '/api/billing/checkout',
      fields: { tier: 'business' },
    });
    // The host's own button still submits the host's form.
    expect(button('Save profile').form).toBe(document.querySelector('#profile'));
  });

  it("a click inside the host's form starts Checkout and does not submit the host's form", async () => {
    api.answer('state', freeState());
    const hostSubmit = vi.fn((event: React.FormEvent) => event.preventDefault());
    const { user, navigate } = renderWithBilling(
      <form aria-label="Profile" onSubmit={hostSubmit}>
        <UpgradeButton tier="team" />
      </form>,
    );
    await user.click(button('Upgrade'));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith(checkoutSessionBody.url));
    expect(hostSubmit).not.toHaveBeenCalled();
  });
});
