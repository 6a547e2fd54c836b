// Flow 5: without JavaScript, Upgrade and Manage still reach Checkout and the Portal, through the
// proxy's form routes (POST /api/billing/checkout and /portal answer 303 See Other).
//
// The demo is a client-rendered SPA: with JavaScript off it renders nothing at all (asserted below).
// A host that renders on the server sends the components' HTML instead, so that is what this test
// loads: `renderToString` of the library's own components, served at a path of the demo's origin
// (a Playwright route stands in for the host's server-rendered page), with JavaScript disabled.
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BillingProvider, ManageButton, UpgradeButton } from '../src';
import type { BillingState } from '../src';
import { launchChromium, newContext } from './support/browser';
import { startDemo, type DemoServer } from './support/demo';
import { expectKeyNeverReachedBrowser, ResponseRecorder } from './support/secrets';

let demo: DemoServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let recorder: ResponseRecorder;

beforeAll(async () => {
  [demo, browser] = await Promise.all([startDemo(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

beforeEach(async () => {
  demo.simulator.reset();
  context = await newContext(browser, { javaScriptEnabled: false });
  page = await context.newPage();
  recorder = new ResponseRecorder();
  await recorder.attach(page);
});

afterEach(async () => {
  await context?.close();
});

const serverRenderedPath = '/server-rendered-billing';

/** The page a server-rendering host sends: exactly the markup the components render on the server. */
function serverRenderedPage(state: BillingState): string {
  const markup = renderToString(
    createElement(
      BillingProvider,
      { initialState: state },
      createElement(UpgradeButton, { tier: 'team' }),
      createElement(ManageButton),
    ),
  );
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Billing (server-rendered)</title></head>
<body><main><h1>Billing</h1>${markup}</main></body>
</html>`;
}

async function serveServerRenderedPage(): Promise<void> {
  await page.route(
    (url) => url.origin === demo.url && url.pathname === serverRenderedPath,
    (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: serverRenderedPage(demo.simulator.getState()),
      }),
  );
}

/** Clicks a button and returns the proxy's answer to the form post it submits. */
async function submit(buttonName: string, route: 'checkout' | 'portal'): Promise<Response> {
  const [answer] = await Promise.all([
    page.waitForResponse(
      (response) =>
        response.url() === `${demo.url}/api/billing/${route}` && response.request().method() === 'POST',
    ),
    page.getByRole('button', { name: buttonName, exact: true }).click(),
  ]);
  return answer;
}

describe('with JavaScript disabled', () => {
  it('the demo SPA renders nothing, so a host that needs the no-JS path renders on the server', async () => {
    await page.goto(`${demo.url}/`);
    expect(await page.locator('#root').innerHTML()).toBe('');
    expect(await page.getByRole('button').count()).toBe(0);
    await expectKeyNeverReachedBrowser(recorder, { scripts: false, billingApi: false });
  });

  it('Upgrade and Manage post to the proxy, which answers 303 to the stand-in Checkout and Portal', async () => {
    await serveServerRenderedPage();
    const pageUrl = `${demo.url}${serverRenderedPath}`;
    await page.goto(pageUrl);

    // The markup is real forms aimed at the proxy's form routes.
    const checkoutForm = page.locator('form[method="post"][action="/api/billing/checkout"]');
    expect(await checkoutForm.count()).toBe(1);
    expect(await checkoutForm.locator('input[type="hidden"][name="tier"]').getAttribute('value')).toBe(
      'team',
    );
    expect(await page.locator('form[method="post"][action="/api/billing/portal"]').count()).toBe(1);

    // Manage before there is a subscription: the proxy sends the browser back with billing_error.
    const noCustomer = await submit('Manage billing', 'portal');
    expect(noCustomer.status()).toBe(303);
    expect(await noCustomer.headerValue('location')).toBe(`${pageUrl}?billing_error=no_customer`);
    await page.waitForURL(`${pageUrl}?billing_error=no_customer`);
    // (Playwright routes do not see redirect targets: the demo server answers this one with its SPA
    // shell. A server-rendering host would render the forms here again; open the page anew instead.)
    await page.goto(pageUrl);

    // Upgrade: 303 to the stand-in Checkout.
    const toCheckout = await submit('Upgrade', 'checkout');
    expect(toCheckout.status()).toBe(303);
    expect(await toCheckout.headerValue('location')).toMatch(
      new RegExp(`^${demo.simulator.pages.checkout}/`),
    );
    await page.waitForURL((url) => url.href.startsWith(`${demo.simulator.pages.checkout}/`));
    await page.getByRole('heading', { level: 1, name: 'Subscribe to Team' }).waitFor();
    // The proxy defaulted the return URLs to the page the form came from (its Referer), with markers.
    const [session] = demo.simulator.listCheckoutSessions();
    expect(session).toMatchObject({
      tier: 'team',
      successUrl: `${pageUrl}?saiku_checkout=success`,
      cancelUrl: `${pageUrl}?saiku_checkout=canceled`,
    });

    // The stand-in page needs no JavaScript either: Pay, and back on the success URL.
    await page.getByRole('button', { name: 'Pay' }).click();
    await page.waitForURL(`${pageUrl}?saiku_checkout=success`);
    await page.goto(pageUrl);
    demo.simulator.advance(demo.simulator.webhookDelayMs);
    expect(demo.simulator.getState()).toMatchObject({
      subscriptionStatus: 'trialing',
      tier: 'team',
      billedFeaturesActive: true,
    });

    // Manage now has a subscription to manage: 303 to the stand-in Portal.
    const toPortal = await submit('Manage billing', 'portal');
    expect(toPortal.status()).toBe(303);
    expect(await toPortal.headerValue('location')).toMatch(new RegExp(`^${demo.simulator.pages.portal}/`));
    await page.waitForURL((url) => url.href.startsWith(`${demo.simulator.pages.portal}/`));
    await page.getByRole('heading', { level: 1, name: 'Manage your subscription' }).waitFor();
    await page.getByRole('definition').filter({ hasText: 'Trialing' }).waitFor();
    await page.getByRole('button', { name: 'Return' }).click();
    await page.waitForURL(`${pageUrl}?saiku_portal=return`);

    await expectKeyNeverReachedBrowser(recorder, { scripts: false });
  });
});
