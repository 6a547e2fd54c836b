// Flow 5: without JavaScript, Upgrade and Manage still reach Checkout and the Portal, through the
// proxy's form routes (POST /api/billing/checkout and /portal answer 303 See Other).
//
// The demo is a client-rendered SPA: with JavaScript off it renders nothing at all (asserted below).
// A host that renders on the server sends the components' HTML instead, so that is what this test
// loads: `renderToString` of a host page (e2e/support/hostPage.ts: a button in a <p>, others inside
// the host's own form), served at a path of the demo's origin (a Playwright route stands in for the
// host's server-rendered page). With JavaScript off the forms do the work; with it on, the page
// hydrates (through the demo's Vite) and the clicks are handled in place.
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BillingState } from '../src';
import { collectPageErrors, launchChromium, newContext } from './support/browser';
import { startDemo, type DemoServer } from './support/demo';
import { HostPage, hostFormAction, type HostPageProps } from './support/hostPage';
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

async function open(javaScriptEnabled: boolean): Promise<void> {
  demo.simulator.reset();
  context = await newContext(browser, { javaScriptEnabled });
  page = await context.newPage();
  recorder = new ResponseRecorder();
  await recorder.attach(page);
  // Every POST's path: one to the host's own form action means the host's form was submitted.
  posts = [];
  page.on('request', (request) => {
    if (request.method() === 'POST') posts.push(new URL(request.url()).pathname);
  });
}

let posts: string[] = [];
const hostFormPosts = () => posts.filter((path) => path === hostFormAction).length;

afterEach(async () => {
  await context?.close();
});

const serverRenderedPath = '/server-rendered-billing';
const hydrateEntry = `/@fs${resolve(import.meta.dirname, 'support/hydrateHostPage.ts')}`;

/** The page a server-rendering host sends: the markup the components render on the server, and (for
 * a browser with JavaScript) the script that hydrates it from the same state. */
function serverRenderedPage(state: BillingState): string {
  const props: HostPageProps = { state, allowedRedirectHosts: [new URL(demo.simulator.pages.checkout).host] };
  const markup = renderToString(createElement(HostPage, props));
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Billing (server-rendered)</title></head>
<body><main><h1>Billing</h1><div id="host">${markup}</div></main>
<script>window.hostPageProps = ${JSON.stringify(props)};</script>
<script type="module" src="${hydrateEntry}"></script>
</body>
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
        `${new URL(response.url()).origin}${new URL(response.url()).pathname}` ===
          `${demo.url}/api/billing/${route}` && response.request().method() === 'POST',
    ),
    page.getByRole('button', { name: buttonName, exact: true }).click(),
  ]);
  return answer;
}

describe('with JavaScript disabled', () => {
  beforeEach(() => open(false));

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

    // The markup is as rendered: the button in running text stays in its <p>, the others in the host's
    // form, and the one billing form (the provider's, empty) sits outside both.
    const pitch = page.locator('p', { has: page.getByRole('button', { name: 'Upgrade now' }) });
    expect(await pitch.count()).toBe(1);
    const hostForm = page.getByRole('form', { name: 'Profile' });
    expect(await hostForm.getByRole('button', { name: 'Manage billing' }).count()).toBe(1);
    expect(await page.locator('p form, form form').count()).toBe(0);
    expect(await page.locator('form[method="post"]:not([action])').count()).toBe(1);

    // Manage before there is a subscription: the proxy sends the browser back with billing_error.
    const noCustomer = await submit('Manage billing', 'portal');
    expect(noCustomer.status()).toBe(303);
    expect(await noCustomer.headerValue('location')).toBe(`${pageUrl}?billing_error=no_customer`);
    await page.waitForURL(`${pageUrl}?billing_error=no_customer`);
    // (Playwright routes do not see redirect targets: the demo server answers this one with its SPA
    // shell. A server-rendering host would render the forms here again; open the page anew instead.)
    await page.goto(pageUrl);

    // Upgrade: 303 to the stand-in Checkout.
    const toCheckout = await submit('Upgrade now', 'checkout');
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

    // Every billing button posted the billing form, never the host's.
    expect(hostFormPosts()).toBe(0);
    await expectKeyNeverReachedBrowser(recorder, { scripts: false });
  });

  it("a billing button in the host's form posts the billing form; the host's own posts the host's", async () => {
    await serveServerRenderedPage();
    await page.goto(`${demo.url}${serverRenderedPath}`);
    const toCheckout = await submit('Choose Business', 'checkout');
    expect(toCheckout.status()).toBe(303);
    await page.getByRole('heading', { level: 1, name: 'Subscribe to Business' }).waitFor();
    expect(hostFormPosts()).toBe(0);

    await page.goto(`${demo.url}${serverRenderedPath}`);
    await Promise.all([
      page.waitForRequest((request) => new URL(request.url()).pathname === hostFormAction),
      page.getByRole('button', { name: 'Save profile' }).click(),
    ]);
    expect(hostFormPosts()).toBe(1);
  });
});

describe('with JavaScript, the same server-rendered page', () => {
  beforeEach(() => open(true));

  async function hydrated(): Promise<string[]> {
    const errors = collectPageErrors(page);
    await serveServerRenderedPage();
    await page.goto(`${demo.url}${serverRenderedPath}`);
    await page.waitForFunction(() => window.hydrated === true);
    return errors;
  }

  it('hydrates with no recoverable error and no console error', async () => {
    const errors = await hydrated();
    expect(await page.evaluate(() => window.hydrationErrors)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("a click in a <p> and a click inside the host's form go to Checkout, never submitting a form", async () => {
    const errors = await hydrated();
    await page.getByRole('button', { name: 'Upgrade now' }).click();
    await page.waitForURL((url) => url.href.startsWith(`${demo.simulator.pages.checkout}/`));
    await page.getByRole('heading', { level: 1, name: 'Subscribe to Team' }).waitFor();

    await hydrated();
    await page.getByRole('button', { name: 'Choose Business' }).click();
    await page.waitForURL((url) => url.href.startsWith(`${demo.simulator.pages.checkout}/`));
    await page.getByRole('heading', { level: 1, name: 'Subscribe to Business' }).waitFor();

    // Minted by the JSON route (a click handled in place), not by a form post.
    expect(demo.simulator.listCheckoutSessions().map((session) => session.tier)).toEqual([
      'team',
      'business',
    ]);
    expect(posts).toEqual(['/api/billing/checkout-session', '/api/billing/checkout-session']);
    expect(hostFormPosts()).toBe(0);
    expect(errors).toEqual([]);
  });
});
