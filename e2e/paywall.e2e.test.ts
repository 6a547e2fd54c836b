// The paywall in Chromium against the demo: the locked Forecasts section opens it with the keyboard
// alone (a real modal: focus in, Tab kept inside, Escape, focus back), and a free tenant buys Team from it:
// the page and the server's GET /api/forecasts refuse forecasts before, and grant them after.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { demoPage } from './support/demoPage';
import { tabTo } from './support/keyboard';
import { demo, page, setupDemoSession } from './support/session';
import { poll } from './support/wait';

setupDemoSession();

const unlock = (on: Page) => on.getByRole('button', { name: 'Unlock forecasts' });
const paywall = (on: Page) => on.getByRole('dialog', { name: 'Upgrade to unlock this' });

/** Whether focus is inside `container`. */
const holdsFocus = (container: Locator) =>
  container.evaluate((element) => element.contains(document.activeElement));
/** The focused element's accessible text, for messages. */
const focusedText = (on: Page) =>
  on.evaluate(
    () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent,
  );

/** The event types the demo's "Billing events" panel lists, in order. */
async function eventTypes(on: Page): Promise<string[]> {
  return on
    .getByRole('complementary', { name: 'Billing events' })
    .locator('li[data-event-type]')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-event-type') ?? ''));
}

describe('the paywall', () => {
  it('opens from the gated action with the keyboard, keeps Tab inside, closes on Escape, focus back', async () => {
    await page.goto(`${demo.url}/`);
    const d = demoPage(page);
    await poll(() => d.planName.textContent()).toBe('Free');
    await d.lockedFeature.waitFor();

    await tabTo(page, unlock(page));
    await page.keyboard.press('Enter');
    const dialog = paywall(page);
    await dialog.waitFor();
    expect(await dialog.evaluate((element) => element.matches(':modal'))).toBe(true);
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    expect(await holdsFocus(dialog), 'focus moved into the dialog').toBe(true);
    const plans = dialog.locator('li[data-tier]');
    await poll(() =>
      plans.evaluateAll((items) => items.map((item) => item.getAttribute('data-tier'))),
    ).toEqual(['team', 'business', 'enterprise']);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).toBe('hidden');
    await expectNoSeriousA11yViolations(page, 'paywall open');

    // Close, Start with Team, Choose Business, Contact sales: Tab visits each and comes back round.
    const controls = await dialog.locator('button, a[href]').count();
    expect(controls).toBe(4);
    const seen = new Set<string>();
    for (let press = 0; press < controls * 2 + 1; press++) {
      await page.keyboard.press('Tab');
      expect(await holdsFocus(dialog), `Tab ${press + 1} stayed inside`).toBe(true);
      seen.add(String(await focusedText(page)));
    }
    expect([...seen].sort()).toEqual(['Choose Business', 'Close', 'Contact sales', 'Start with Team']);
    await page.keyboard.press('Shift+Tab');
    expect(await holdsFocus(dialog), 'Shift+Tab stayed inside').toBe(true);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await unlock(page).evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).not.toBe('hidden');
    expect((await eventTypes(page)).filter((type) => type.startsWith('paywall_'))).toEqual([
      'paywall_opened',
      'paywall_closed',
    ]);

    // The close button does the same, from Enter.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Close' }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    expect(await unlock(page).evaluate((element) => element === document.activeElement)).toBe(true);
  });

  it('a free tenant hits the paywall, pays for Team in the stand-in Checkout, comes back to forecasts', async () => {
    await page.goto(`${demo.url}/`);
    const d = demoPage(page);
    await poll(() => d.planName.textContent()).toBe('Free');
    // The server refuses the work itself, not only the page: 402 with the plans that include it.
    const refused = await page.request.get(`${demo.url}/api/forecasts`);
    expect(refused.status()).toBe(402);
    expect(await refused.json()).toMatchObject({
      error: 'payment_required',
      requirement: { feature: 'forecasts' },
    });

    await unlock(page).click();
    const dialog = paywall(page);
    await dialog.getByRole('button', { name: 'Start with Team' }).click();
    await page.waitForURL((url) => url.href.startsWith(`${demo.simulator.pages.checkout}/`));
    await page.getByRole('heading', { level: 1, name: 'Subscribe to Team' }).waitFor();
    await page.getByRole('button', { name: 'Pay' }).click();
    await page.waitForURL(
      (url) => url.pathname === '/' && url.searchParams.get('saiku_checkout') === 'success',
    );
    await d.confirming.waitFor();
    // Until Saiku hears from Stripe the plan is still free, and so is the gate.
    expect(await d.feature.count()).toBe(0);

    demo.simulator.advance(demo.simulator.webhookDelayMs);
    await poll(() => d.planName.textContent()).toBe('Team');
    await d.feature.waitFor();
    expect(await unlock(page).count()).toBe(0);
    expect(await paywall(page).count()).toBe(0);
    expect(demo.simulator.getState()).toMatchObject({ tier: 'team', billedFeaturesActive: true });
    // The unlocked section's data comes from the API, which now grants it too.
    const table = page.getByRole('table', { name: 'Projected revenue, from GET /api/forecasts' });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBe(7); // a header row and six months
    const granted = await page.request.get(`${demo.url}/api/forecasts`);
    expect(granted.status()).toBe(200);
    expect(await granted.json()).toMatchObject({ currency: 'usd', forecasts: expect.any(Array) });
  });
});
