// Lifecycle events, returns and tabs, in Chromium against the demo: two tabs of the app stay in step
// without focus, each event shows once in the demo's "Billing events" panel (the provider's onEvent),
// the Portal's plan change is picked up on the return, and target="_blank" opens the Portal in a new tab.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectPageErrors } from './support/browser';
import { demoPage } from './support/demoPage';
import { expectKeyNeverReachedBrowser } from './support/secrets';
import { demo, page, recorder, setupDemoSession } from './support/session';
import { poll } from './support/wait';

setupDemoSession();

async function openDemo(on: Page): Promise<ReturnType<typeof demoPage>> {
  await on.goto(`${demo.url}/`);
  const d = demoPage(on);
  await d.planCard.and(on.locator('[data-state="ready"]')).waitFor();
  // The events panel is there (simulator mode), so no event can go unseen.
  await eventsPanel(on).waitFor();
  return d;
}

function eventsPanel(on: Page) {
  return on.getByRole('complementary', { name: 'Billing events' });
}

/** The event types the demo's panel has listed, in order. */
async function eventTypes(on: Page): Promise<string[]> {
  return eventsPanel(on)
    .locator('li[data-event-type]')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-event-type') ?? ''));
}

/** Counts the state requests a page makes from now on. */
function countStateRequests(on: Page): { count: number } {
  const counter = { count: 0 };
  on.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/billing/state') counter.count += 1;
  });
  return counter;
}

describe('two tabs of the app', () => {
  it('pay in one: the other shows the new plan within 2 s, unfocused and with no request of its own', async () => {
    const d = await openDemo(page);
    await poll(() => d.planName.textContent()).toBe('Free');

    const other = await page.context().newPage();
    const otherErrors = collectPageErrors(other);
    await recorder.attach(other);
    const o = await openDemo(other);
    await poll(() => o.planName.textContent()).toBe('Free');
    await page.bringToFront();
    const otherRequests = countStateRequests(other);
    // Headless Chromium reports every page as focused; what matters is that B is never told to look again.
    await other.evaluate(() => {
      const seen = { count: 0 };
      (window as unknown as { lookedAgain: typeof seen }).lookedAgain = seen;
      window.addEventListener('focus', () => (seen.count += 1));
      document.addEventListener('visibilitychange', () => (seen.count += 1));
    });

    await d.upgrade.click();
    await page.waitForURL((url) => url.href.startsWith(`${demo.simulator.pages.checkout}/`));
    await page.getByRole('button', { name: 'Pay' }).click();
    await d.confirming.waitFor();
    demo.simulator.advance(demo.simulator.webhookDelayMs);
    await poll(() => d.planName.textContent()).toBe('Team');

    // Tab B was never focused again: the state arrived on the BroadcastChannel.
    await expect.poll(() => o.planName.textContent(), { timeout: 2_000, interval: 50 }).toBe('Team');
    await poll(() => o.badge.textContent()).toBe('Trial');
    await o.feature.waitFor();
    expect(otherRequests.count).toBe(0);
    expect(
      await other.evaluate(() => (window as unknown as { lookedAgain: { count: number } }).lookedAgain.count),
    ).toBe(0);

    // Each event once in the paying tab (the demo keeps its log across the trip, in sessionStorage); the
    // other tab saw the state change, and nothing of the trip.
    // (state_changed too, unless the page's first request after the return already saw the payment.)
    await poll(async () => (await eventTypes(page)).filter((type) => type !== 'state_changed')).toEqual([
      'checkout_started',
      'checkout_completed',
    ]);
    expect((await eventTypes(page)).filter((type) => type === 'state_changed').length).toBeLessThanOrEqual(1);
    expect(await eventTypes(other)).toEqual(['state_changed']);
    expect(otherErrors).toEqual([]);
    await expectKeyNeverReachedBrowser(recorder);
  });
});

describe('events on the page', () => {
  it('Cancel on the stand-in Checkout: checkout_canceled once, and the marker is gone', async () => {
    const d = await openDemo(page);
    await poll(() => d.planName.textContent()).toBe('Free');
    await d.upgrade.click();
    await page.waitForURL((url) => url.href.startsWith(`${demo.simulator.pages.checkout}/`));
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.waitForURL((url) => url.origin === demo.url && url.pathname === '/');
    await poll(() => eventTypes(page)).toEqual(['checkout_started', 'checkout_canceled']);
    await poll(() => new URL(page.url()).search).toBe('');
    await poll(() => d.planName.textContent()).toBe('Free');
    // The marker left without a history entry: about:blank, the demo, Checkout, and the page we are on.
    expect(await page.evaluate(() => window.history.length)).toBe(4);
    expect(await eventTypes(page)).toEqual(['checkout_started', 'checkout_canceled']);
  });

  it('change plan in the stand-in Portal, come back: portal_returned changed: true, the new plan shown', async () => {
    demo.simulator.setScenario('active');
    const d = await openDemo(page);
    await poll(() => d.planName.textContent()).toBe('Team');

    await d.manage.click();
    await page.waitForURL((url) => url.href.startsWith(`${demo.simulator.pages.portal}/`));
    expect(new URL(page.url()).href).not.toContain('saiku_portal'); // only the return URL carries it
    await page.getByLabel('New plan').selectOption('business');
    await page.getByRole('button', { name: 'Change plan' }).click();

    await page.waitForURL((url) => url.origin === demo.url && url.pathname === '/');
    await poll(() => d.planName.textContent()).toBe('Business');
    // A new page view: its first state is no change, so no state_changed; the return compares with the state
    // kept in sessionStorage when the user left.
    await poll(() => eventTypes(page)).toEqual(['portal_opened', 'portal_returned']);
    const returned = eventsPanel(page).locator('li[data-event-type="portal_returned"]');
    expect(await returned.textContent()).toContain('changed: true');
    await poll(() => new URL(page.url()).search).toBe('');
    await expectKeyNeverReachedBrowser(recorder);
  });

  it('target="_blank" opens the Portal in a new tab, and this tab stays', async () => {
    demo.simulator.setScenario('active');
    const d = await openDemo(page);
    await poll(() => d.planName.textContent()).toBe('Team');

    const [portalTab] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('button', { name: 'Open the customer portal in a new tab' }).click(),
    ]);
    await portalTab.waitForURL((url) => url.href.startsWith(`${demo.simulator.pages.portal}/`));
    await portalTab.getByRole('heading', { level: 1, name: 'Manage your subscription' }).waitFor();
    expect(page.url()).toBe(`${demo.url}/`);
    await poll(() => eventTypes(page)).toEqual(['portal_opened']);
    await portalTab.close();
  });
});
