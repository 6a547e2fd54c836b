// Flow 1 again with the keyboard only: Tab to each control, Enter or Space to press it. No mouse.
import type { Locator } from 'playwright-core';
import { expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { tabTo as tabToTarget } from './support/keyboard';
import { DAY_MS, formatLikeLibrary } from './support/dates';
import { demoPage } from './support/demoPage';
import { expectKeyNeverReachedBrowser } from './support/secrets';
import { demo, page, recorder, setupDemoSession } from './support/session';
import { poll } from './support/wait';

setupDemoSession();

const tabTo = (target: Locator) => tabToTarget(page, target);

it('a free tenant upgrades with the keyboard only: Tab, Enter on Upgrade, Tab, Space on Pay', async () => {
  await page.goto(`${demo.url}/`);
  const d = demoPage(page);
  await poll(() => d.planName.textContent()).toBe('Free');

  await tabTo(d.upgrade);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.href.startsWith(`${demo.simulator.pages.checkout}/`));
  await page.getByRole('heading', { level: 1, name: 'Subscribe to Team' }).waitFor();

  const paidAfter = demo.simulator.now().getTime();
  await tabTo(page.getByRole('button', { name: 'Pay' }));
  await page.keyboard.press('Space');
  await page.waitForURL(
    (url) => url.pathname === '/' && url.searchParams.get('saiku_checkout') === 'success',
  );
  await d.confirming.waitFor();
  await expectNoSeriousA11yViolations(page, 'confirming (keyboard run)');

  demo.simulator.advance(demo.simulator.webhookDelayMs);
  const paidBefore = demo.simulator.now().getTime();
  await poll(() => d.planName.textContent()).toBe('Team');
  await poll(() => d.badge.textContent()).toBe('Trial');
  const trialEnd = Date.parse(demo.simulator.getState().trialEndsAt ?? '');
  expect(trialEnd).toBeGreaterThanOrEqual(paidAfter + 14 * DAY_MS);
  expect(trialEnd).toBeLessThanOrEqual(paidBefore + 14 * DAY_MS);
  await poll(() => d.planDate.textContent()).toBe(`Trial ends on ${formatLikeLibrary(new Date(trialEnd))}`);
  await d.feature.waitFor();
  await poll(() => page.url()).toBe(`${demo.url}/`);

  // And on to the portal and back, still without a mouse.
  await tabTo(d.manage);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.href.startsWith(`${demo.simulator.pages.portal}/`));
  await tabTo(page.getByRole('button', { name: 'Return' }));
  await page.keyboard.press('Enter');
  await page.waitForURL(`${demo.url}/`);
  await poll(() => d.badge.textContent()).toBe('Trial');

  await expectKeyNeverReachedBrowser(recorder);
});
