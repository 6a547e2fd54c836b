// The custom elements on a page with no React (examples/plain-html: plain HTML, dist/standalone.js, the
// real proxy in front of the simulator), in Chromium: one state request for every element, the whole
// upgrade → Checkout → return → manage flow through the shadow roots, each lifecycle event heard once on
// `document`, the host's --saiku-billing-* properties and `theme="dark"` reaching inside, axe clean, no
// console error; and the host's light-DOM forms working with JavaScript off.
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import type { BillingSimulator } from '../src/mock';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { collectPageErrors, launchChromium, newContext } from './support/browser';
import { e2eWebhookDelayMs } from './support/demo';
import { poll } from './support/wait';

interface PlainPage {
  url: string;
  simulator: BillingSimulator;
  close(): Promise<void>;
}

let server: PlainPage;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];
/** Every GET of the state the page made, in order. */
let stateRequests: string[];

beforeAll(async () => {
  // examples/plain-html/server.mjs is plain JavaScript without declarations: load it by path, type it here.
  const modulePath: string = resolve(import.meta.dirname, '../examples/plain-html/server.mjs');
  const { startPlainPage } = (await import(/* @vite-ignore */ modulePath)) as {
    startPlainPage(options: { port: number; webhookDelayMs: number }): Promise<PlainPage>;
  };
  [server, browser] = await Promise.all([
    startPlainPage({ port: 0, webhookDelayMs: e2eWebhookDelayMs }),
    launchChromium(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  server.simulator.reset();
  context = await newContext(browser);
  // What `document` hears, kept across the trips to Stripe (one list per tab).
  await context.addInitScript(() => {
    document.addEventListener('saiku-billing-event', (event) => {
      const heard = JSON.parse(sessionStorage.getItem('heard') ?? '[]') as string[];
      sessionStorage.setItem('heard', JSON.stringify([...heard, event.detail.type]));
    });
  });
  page = await context.newPage();
  pageErrors = collectPageErrors(page);
  stateRequests = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/billing/state') stateRequests.push(request.url());
  });
});

afterEach(async (test) => {
  const failed = test.task.result?.state === 'fail';
  await context?.close();
  if (!failed) expect(pageErrors, 'errors in the page').toEqual([]);
});

const heard = () => page.evaluate(() => JSON.parse(sessionStorage.getItem('heard') ?? '[]') as string[]);
/** What was heard apart from `state_changed`, which a confirmation's polls may or may not see happen. */
const heardFlow = async () => (await heard()).filter((type) => type !== 'state_changed');

/** Playwright's locators pierce open shadow roots: the plan card inside `<saiku-billing-settings>`. */
function planCard() {
  const card = page.locator('saiku-billing-settings section.saiku-billing-plan-card');
  return {
    card,
    name: card.locator('.saiku-billing-plan-card__name'),
    badge: card.locator('.saiku-billing-badge'),
    upgrade: card.getByRole('button', { name: 'Upgrade', exact: true }),
    manage: card.getByRole('button', { name: 'Manage billing', exact: true }),
  };
}

it('upgrade → Checkout → Pay → back → manage, with one state request, events on document and no React', async () => {
  await page.goto(`${server.url}/`);
  const plan = planCard();
  await poll(() => plan.name.textContent()).toBe('Free');
  await page
    .locator('saiku-pricing-table, saiku-billing-settings .saiku-billing-pricing[data-state="ready"]')
    .first()
    .waitFor();
  await page.locator('saiku-billing-gate').getByText('Forecasts come with the Team plan.').waitFor();

  // Every element (settings with its banner, card and table; the gate; the button in its fallback): one request.
  expect(stateRequests).toHaveLength(1);
  // No React on the page: the one script is the standalone file, and the rendered nodes carry no React fiber.
  const react = await page.evaluate(() => {
    const button = document
      .querySelector('saiku-billing-settings')
      ?.shadowRoot?.querySelector('button.saiku-billing-button');
    return {
      scripts: [...document.scripts].map((script) => new URL(script.src || location.href).pathname),
      globals: ['React', 'ReactDOM', '__REACT_DEVTOOLS_GLOBAL_HOOK__'].filter((name) => name in window),
      fiber: button ? Object.keys(button).filter((key) => key.startsWith('__react')) : null,
    };
  });
  expect(react).toEqual({ scripts: ['/standalone.js', '/'], globals: [], fiber: [] });
  // The host's light-DOM no-JavaScript forms give way to the shadow root.
  expect(await page.getByRole('button', { name: 'Upgrade to Team' }).count()).toBe(0);

  // Themed from outside: the page sets --saiku-billing-accent on body; theme="dark" switches the rest.
  const upgradeColour = () => plan.upgrade.evaluate((button) => getComputedStyle(button).backgroundColor);
  expect(await upgradeColour()).toBe('rgb(15, 118, 110)');
  const cardBackground = () => plan.card.evaluate((card) => getComputedStyle(card).backgroundColor);
  expect(await cardBackground()).toBe('rgb(255, 255, 255)');
  await page.locator('saiku-billing-settings').evaluate((element) => element.setAttribute('theme', 'dark'));
  expect(await cardBackground()).toBe('rgb(22, 24, 29)');
  expect(await upgradeColour()).toBe('rgb(15, 118, 110)');
  await expectNoSeriousA11yViolations(page, 'elements, free, dark');
  await page.locator('saiku-billing-settings').evaluate((element) => element.removeAttribute('theme'));
  await expectNoSeriousA11yViolations(page, 'elements, free');

  await plan.upgrade.click();
  await page.waitForURL((url) => url.href.startsWith(`${server.simulator.pages.checkout}/`));
  await page.getByRole('heading', { level: 1, name: 'Subscribe to Team' }).waitFor();
  await page.getByRole('button', { name: 'Pay' }).click();
  await page.waitForURL(
    (url) => url.origin === server.url && url.searchParams.get('saiku_checkout') === 'success',
  );
  await plan.card.getByText('Confirming your subscription…').waitFor();
  await expectNoSeriousA11yViolations(page, 'elements, confirming');
  server.simulator.advance(server.simulator.webhookDelayMs); // Stripe's webhook reaches Saiku

  await poll(() => plan.name.textContent()).toBe('Team');
  await poll(() => plan.badge.textContent()).toBe('Trial');
  await page.locator('saiku-billing-gate').getByText('Forecast unlocked').waitFor();
  await poll(() => page.url()).toBe(`${server.url}/`);
  await poll(heardFlow).toEqual(['checkout_started', 'checkout_completed']);
  await expectNoSeriousA11yViolations(page, 'elements, trialing');

  await plan.manage.click();
  await page.waitForURL((url) => url.href.startsWith(`${server.simulator.pages.portal}/`));
  await page.getByRole('button', { name: 'Cancel subscription' }).click();
  await page.waitForURL((url) => url.origin === server.url);
  await poll(() => plan.badge.textContent()).toBe('Canceled');
  // Each event once, whichever element the page rendered it for.
  await poll(heardFlow).toEqual([
    'checkout_started',
    'checkout_completed',
    'portal_opened',
    'portal_returned',
  ]);
  expect((await heard()).filter((type) => type === 'state_changed').length).toBeLessThanOrEqual(1);
  expect(server.simulator.listCheckoutSessions()).toHaveLength(1);
});

it('Cancel on Checkout, a plan change in the table, and Manage with no customer yet, all on Preact', async () => {
  await page.goto(`${server.url}/`);
  const plan = planCard();
  await poll(() => plan.name.textContent()).toBe('Free');

  // Cancel on the stand-in Checkout: back on the cancel URL, checkout_canceled once, nothing minted twice.
  await page.getByRole('button', { name: 'Start with Team' }).click();
  await page.waitForURL((url) => url.href.startsWith(`${server.simulator.pages.checkout}/`));
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.waitForURL((url) => url.origin === server.url);
  await poll(() => page.url()).toBe(`${server.url}/`);
  await poll(heard).toEqual(['checkout_started', 'checkout_canceled']);

  // An element added later joins the page: no request of its own. With no Stripe customer, Manage says so
  // and offers Checkout instead.
  const before = stateRequests.length;
  await page.evaluate(() => {
    const manage = document.createElement('saiku-manage-button');
    manage.textContent = 'Open billing';
    document.querySelector('main')?.append(manage);
  });
  const manage = page.locator('saiku-manage-button');
  await manage.getByRole('button', { name: 'Open billing' }).click();
  await manage.getByText('There is no subscription to manage yet. Choose a plan to start one.').waitFor();
  await manage.getByRole('button', { name: 'Upgrade' }).waitFor();
  expect(stateRequests.length).toBe(before);
  // Chromium logs every 4xx answer to a fetch; the 409 is the Portal's answer, not an error of the page.
  const portal409 = pageErrors.findIndex((error) =>
    /status of 409 .*\/api\/billing\/portal-session/.test(error),
  );
  expect(portal409).toBeGreaterThanOrEqual(0);
  pageErrors.splice(portal409, 1);

  // A subscriber changes plan from the table: the Portal, never a second Checkout.
  server.simulator.setScenario('trialing');
  await page.reload();
  await poll(() => plan.badge.textContent()).toBe('Trial');
  await page.getByRole('button', { name: 'Switch to Business' }).click();
  await page.waitForURL((url) => url.href.startsWith(`${server.simulator.pages.portal}/`));
  await page.getByLabel('New plan').selectOption('business');
  await page.getByRole('button', { name: 'Change plan' }).click();
  await page.waitForURL((url) => url.origin === server.url);
  await poll(() => plan.name.textContent()).toBe('Business');
  await poll(heardFlow).toEqual([
    'checkout_started',
    'checkout_canceled',
    'portal_opened',
    'portal_returned',
  ]);
  expect(server.simulator.listCheckoutSessions()).toHaveLength(1);
  expect(stateRequests.length).toBeGreaterThan(before);
});

it('without JavaScript, the light-DOM form the host rendered posts to the proxy and lands on Checkout', async () => {
  await context.close();
  context = await newContext(browser, { javaScriptEnabled: false });
  page = await context.newPage();
  pageErrors = collectPageErrors(page);
  await page.goto(`${server.url}/`);
  await page.getByRole('button', { name: 'Upgrade to Team' }).click();
  await page.waitForURL((url) => url.href.startsWith(`${server.simulator.pages.checkout}/`));
  await page.getByRole('heading', { level: 1, name: 'Subscribe to Team' }).waitFor();
});
