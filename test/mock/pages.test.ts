// @vitest-environment jsdom
// The stand-in Checkout and Portal pages, read the way a person (or a screen reader) would.
import { createHash } from 'node:crypto';
import { getByLabelText, getByRole, queryByRole } from '@testing-library/dom';
import { describe, expect, it } from 'vitest';
import { type BillingSimulator } from '../../src/mock';
import { DAY, MINUTE, call, checkoutInput, portalInput, simulatorAt, submit } from './support';

/** Loads a page into the test document; returns the response for its status and headers. */
async function visit(simulator: BillingSimulator, url: string): Promise<Response> {
  const response = await simulator.fetch(new Request(url));
  const html = await response.text();
  document.open();
  document.write(html);
  document.close();
  return response;
}

/** The form a button belongs to, checked to be a real POST form. */
function formOf(name: string | RegExp): string {
  const button = getByRole(document.body, 'button', { name });
  expect(button.tagName).toBe('BUTTON');
  const form = button.closest('form');
  expect(form?.method).toBe('post');
  return form?.getAttribute('action') ?? '';
}

async function mintCheckout(simulator: BillingSimulator, input: object = checkoutInput) {
  const response = await call(simulator, '/me/billing/checkout-session', { body: input });
  return (await response.json()) as { url: string; sessionId: string };
}

async function mintPortal(simulator: BillingSimulator) {
  const response = await call(simulator, '/me/billing/portal-session', { body: portalInput });
  return ((await response.json()) as { url: string }).url;
}

describe('the stand-in Checkout page', () => {
  it('shows the plan and has Pay and Cancel buttons, in an accessible page', async () => {
    const simulator = simulatorAt();
    const { url } = await mintCheckout(simulator);
    const response = await visit(simulator, url);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toMatch(/Checkout: Team/);
    expect(getByRole(document.body, 'heading', { level: 1 }).textContent).toBe('Subscribe to Team');
    expect(document.body.textContent).toContain('14-day free trial');
    expect(document.body.textContent).toContain('alice@acme.test');
    expect(formOf('Pay')).toBe(`${url}/pay`);
    expect(formOf('Cancel')).toBe(`${url}/cancel`);
  });

  it('"Pay" completes the session and sends the browser to the success URL as given', async () => {
    const simulator = simulatorAt();
    const { url } = await mintCheckout(simulator);
    await visit(simulator, url);
    const response = await submit(simulator, formOf('Pay'));
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe(checkoutInput.successUrl);
    expect(simulator.listCheckoutSessions()[0]?.status).toBe('complete');
    simulator.advance(1500);
    expect(simulator.getState('sk_test_a').subscriptionStatus).toBe('trialing');

    const again = await submit(simulator, `${url}/pay`);
    expect(again.status).toBe(410);
    expect((await visit(simulator, url)).status).toBe(410);
    expect(getByRole(document.body, 'link', { name: 'Return to the app' }).getAttribute('href')).toBe(
      checkoutInput.successUrl,
    );
  });

  it('"Cancel" sends the browser to the cancel URL and changes nothing', async () => {
    const simulator = simulatorAt({ webhookDelayMs: 0 });
    const { url } = await mintCheckout(simulator);
    await visit(simulator, url);
    const response = await submit(simulator, formOf('Cancel'));
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe(checkoutInput.cancelUrl);
    expect(simulator.getState('sk_test_a').subscriptionStatus).toBe('');
    expect(simulator.listCheckoutSessions()[0]?.status).toBe('open');
  });

  it('says when a session has expired, and links back to the app', async () => {
    const simulator = simulatorAt();
    const { url } = await mintCheckout(simulator);
    simulator.advance(30 * MINUTE);
    expect((await visit(simulator, url)).status).toBe(410);
    expect(getByRole(document.body, 'heading', { level: 1 }).textContent).toMatch(/expired/);
    expect(getByRole(document.body, 'link', { name: 'Return to the app' }).getAttribute('href')).toBe(
      checkoutInput.cancelUrl,
    );
    expect((await submit(simulator, `${url}/pay`)).status).toBe(410);
  });

  it('offers no trial to a tenant that had one', async () => {
    const simulator = simulatorAt({ scenario: 'canceled' });
    await visit(simulator, (await mintCheckout(simulator)).url);
    expect(document.body.textContent).toContain('Billed monthly, starting today');
  });

  it('answers 404 to an unknown session and 405 to the wrong method', async () => {
    const simulator = simulatorAt();
    expect((await visit(simulator, 'https://checkout.stripe.com/c/pay/cs_nope')).status).toBe(404);
    const { url } = await mintCheckout(simulator);
    const get = await simulator.fetch(new Request(`${url}/pay`));
    expect(get.status).toBe(405);
    expect(get.headers.get('Allow')).toBe('POST');
    expect(simulator.listCheckoutSessions()[0]?.status).toBe('open');
  });

  it('escapes everything it shows', async () => {
    const simulator = simulatorAt();
    const name = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const email = '"><b>bold</b>@acme.test';
    const { url } = await mintCheckout(simulator, { ...checkoutInput, name, email });
    const html = await (await simulator.fetch(new Request(url))).text();
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    await visit(simulator, url);
    expect(document.querySelector('script, img, b')).toBeNull();
    expect(document.body.textContent).toContain(name);
    expect(document.body.textContent).toContain(email);
  });

  it('sends a CSP that allows only its own style and forms to the simulator and the host', async () => {
    const simulator = simulatorAt();
    const { url } = await mintCheckout(simulator, {
      ...checkoutInput,
      cancelUrl: 'http://localhost:5173/billing',
    });
    const response = await visit(simulator, url);
    const csp = response.headers.get('Content-Security-Policy') ?? '';
    const style = document.querySelector('style')?.textContent ?? '';
    const hash = createHash('sha256').update(style).digest('base64');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`style-src 'sha256-${hash}'`);
    expect(csp).toContain(
      'form-action https://checkout.stripe.com https://app.acme.test http://localhost:5173',
    );
    expect(csp).toContain("base-uri 'none'");
    expect(response.headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Cache-Control')).toBe('no-store');
  });

  it('lives under publicUrl, path included, and also answers with the prefix stripped', async () => {
    const simulator = simulatorAt({ publicUrl: 'http://127.0.0.1:5173/__saiku' });
    const { url, sessionId } = await mintCheckout(simulator);
    expect(url).toBe(`http://127.0.0.1:5173/__saiku/checkout/${sessionId}`);
    await visit(simulator, url);
    expect(formOf('Pay')).toBe(`${url}/pay`);
    const stripped = await simulator.fetch(new Request(`http://127.0.0.1:5173/checkout/${sessionId}`));
    expect(stripped.status).toBe(200);
  });
});

describe('the stand-in Portal page', () => {
  it('shows plan and status, with a labelled plan select and every action', async () => {
    const simulator = simulatorAt({ scenario: 'active' });
    const response = await visit(simulator, await mintPortal(simulator));
    expect(response.status).toBe(200);
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toMatch(/Customer portal/);
    expect(getByRole(document.body, 'heading', { level: 1 }).textContent).toBe('Manage your subscription');
    expect(document.body.textContent).toMatch(/PlanTeam/);
    expect(document.body.textContent).toMatch(/StatusActive/);
    expect(document.body.textContent).toMatch(/Renews onMarch 28, 2026/);
    const select = getByLabelText(document.body, 'New plan') as HTMLSelectElement;
    expect([...select.options].map((option) => option.value)).toEqual([
      'starter',
      'team',
      'business',
      'enterprise',
    ]);
    expect(select.value).toBe('team');
    for (const name of ['Change plan', 'Update card', 'Cancel subscription', 'Return']) formOf(name);
    expect(queryByRole(document.body, 'button', { name: 'Resume subscription' })).toBeNull();
  });

  it('"Change plan" switches the tier and returns', async () => {
    const simulator = simulatorAt({ scenario: 'active' });
    const url = await mintPortal(simulator);
    await visit(simulator, url);
    const response = await submit(simulator, formOf('Change plan'), { tier: 'business' });
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe(portalInput.returnUrl);
    expect(simulator.getState('sk_test_a').tier).toBe('business');
    expect(simulator.listPortalSessions()[0]?.status).toBe('used');
    expect((await visit(simulator, url)).status).toBe(410);
  });

  it('"Change plan" refuses an unknown tier with a page that leads back', async () => {
    const simulator = simulatorAt({ scenario: 'active' });
    const url = await mintPortal(simulator);
    const response = await submit(simulator, `${url}/change-plan`, { tier: '<gold>' });
    expect(response.status).toBe(400);
    await visit(simulator, url);
    expect(simulator.getState('sk_test_a').tier).toBe('team');
  });

  it('"Update card" ends past_due', async () => {
    const simulator = simulatorAt({ scenario: 'pastDue' });
    await visit(simulator, await mintPortal(simulator));
    expect(document.body.textContent).toMatch(/StatusPast due/);
    const response = await submit(simulator, formOf('Update card'));
    expect(response.status).toBe(303);
    expect(simulator.getState('sk_test_a')).toMatchObject({
      subscriptionStatus: 'active',
      billedFeaturesActive: true,
    });
  });

  it('"Cancel subscription" cancels at period end; the next visit offers "Resume subscription"', async () => {
    const simulator = simulatorAt({ scenario: 'active' });
    await visit(simulator, await mintPortal(simulator));
    const response = await submit(simulator, formOf('Cancel subscription'));
    expect(response.headers.get('Location')).toBe(portalInput.returnUrl);
    expect(simulator.getState('sk_test_a')).toMatchObject({
      subscriptionStatus: 'canceled',
      billedFeaturesActive: true,
    });

    await visit(simulator, await mintPortal(simulator));
    expect(document.body.textContent).toMatch(/StatusCanceled at period end/);
    expect(document.body.textContent).toMatch(/Access ends onMarch 28, 2026/);
    expect(queryByRole(document.body, 'button', { name: 'Cancel subscription' })).toBeNull();
    expect(queryByRole(document.body, 'button', { name: 'Change plan' })).toBeNull();
    expect((await submit(simulator, formOf('Resume subscription'))).status).toBe(303);
    expect(simulator.getState('sk_test_a')).toMatchObject({
      subscriptionStatus: 'active',
      billedFeaturesActive: true,
    });
  });

  it('"Return" goes back without changing anything', async () => {
    const simulator = simulatorAt({ scenario: 'trialing' });
    const before = simulator.getState('sk_test_a');
    await visit(simulator, await mintPortal(simulator));
    const response = await submit(simulator, formOf('Return'));
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe(portalInput.returnUrl);
    expect(simulator.getState('sk_test_a')).toEqual(before);
  });

  it('answers 409 to an action the state does not offer', async () => {
    const simulator = simulatorAt({ scenario: 'canceled' });
    const url = await mintPortal(simulator);
    await visit(simulator, url);
    expect(queryByRole(document.body, 'button', { name: 'Cancel subscription' })).toBeNull();
    const response = await submit(simulator, `${url}/cancel`);
    expect(response.status).toBe(409);
    await visit(simulator, url);
    expect(getByRole(document.body, 'heading', { level: 1 }).textContent).toBe('Manage your subscription');
  });

  it('expires 30 minutes after minting', async () => {
    const simulator = simulatorAt({ scenario: 'active' });
    const url = await mintPortal(simulator);
    simulator.advance(30 * MINUTE);
    expect((await visit(simulator, url)).status).toBe(410);
    expect(getByRole(document.body, 'link', { name: 'Return to the app' }).getAttribute('href')).toBe(
      portalInput.returnUrl,
    );
    expect((await submit(simulator, `${url}/cancel`)).status).toBe(410);
    expect(simulator.getState('sk_test_a').subscriptionStatus).toBe('active');
  });

  it('shows a trial’s end date', async () => {
    const simulator = simulatorAt({ scenario: 'trialing' });
    simulator.advance(DAY);
    await visit(simulator, await mintPortal(simulator));
    expect(document.body.textContent).toMatch(/Trial ends on/);
  });
});
