// The demo in Chromium made to look like the oldest browsers the README supports (Safari 15.4, Chrome 100,
// Firefox 100): before any of the page's scripts run, the APIs newer than those are removed
// (test/core/olderRuntime.ts: AbortSignal.any and the rest) and Intl ignores trailingZeroDisplay. Without
// a guard for AbortSignal.any no state request is ever made there and the plan card shows an error.
import { expect, it } from 'vitest';
import { newerApis, removeNewerApis } from '../test/core/olderRuntime';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { demoPage } from './support/demoPage';
import { expectKeyNeverReachedBrowser } from './support/secrets';
import { demo, page, recorder, setupDemoSession } from './support/session';
import { poll } from './support/wait';

setupDemoSession();

it('without AbortSignal.any & co: state, prices, Upgrade → Checkout → Pay → back → Team, then Manage', async () => {
  await page.addInitScript(removeNewerApis, newerApis);
  await page.goto(`${demo.url}/`);
  expect(await page.evaluate(() => ['any' in AbortSignal, 'withResolvers' in Promise])).toEqual([
    false,
    false,
  ]);
  const d = demoPage(page);
  await d.planCard.and(page.locator('[data-state="ready"]')).waitFor();
  await poll(() => d.planName.textContent()).toBe('Free');
  // Whole prices without decimals although this Intl ignores trailingZeroDisplay.
  const teamPrice = page.locator('.saiku-billing-pricing li[data-tier="team"] .saiku-billing-pricing__price');
  await poll(() => teamPrice.textContent()).toBe('$49/month');
  await expectNoSeriousA11yViolations(page, 'free, older browser');

  await d.upgrade.click();
  await page.waitForURL((url) => url.href.startsWith(`${demo.simulator.pages.checkout}/`));
  await page.getByRole('button', { name: 'Pay' }).click();
  await page.waitForURL(
    (url) => url.origin === demo.url && url.searchParams.get('saiku_checkout') === 'success',
  );
  await d.confirming.waitFor();
  demo.simulator.advance(demo.simulator.webhookDelayMs); // Stripe's webhook reaches Saiku
  await poll(() => d.planName.textContent()).toBe('Team');
  await poll(() => d.badge.textContent()).toBe('Trial');

  await d.manage.click();
  await page.waitForURL((url) => url.href.startsWith(`${demo.simulator.pages.portal}/`));
  await page.getByRole('heading', { level: 1, name: 'Manage your subscription' }).waitFor();
  expect(demo.simulator.listCheckoutSessions()).toHaveLength(1);
  await expectKeyNeverReachedBrowser(recorder);
});
