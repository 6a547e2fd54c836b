// Choosing and changing a plan in the demo's pricing table, in Chromium: Checkout for a free tenant,
// then the stand-in Portal (never a second Checkout) to change the plan of the subscription it started.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { demoPage } from './support/demoPage';
import { expectKeyNeverReachedBrowser } from './support/secrets';
import { demo, page, recorder, setupDemoSession } from './support/session';
import { poll } from './support/wait';

setupDemoSession();

/** The table's plan element for `tier`, and what its attributes say. */
function plan(p: Page, tier: string) {
  const element = p.locator(`.saiku-billing-pricing li[data-tier="${tier}"]`);
  return {
    element,
    action: () => element.getAttribute('data-action'),
    current: () => element.getAttribute('aria-current'),
  };
}

/** The tier of the plan the table marks current (there is at most one). */
async function currentTier(p: Page): Promise<string | null> {
  const current = p.locator('.saiku-billing-pricing li[aria-current="true"]');
  return (await current.count()) === 1 ? current.getAttribute('data-tier') : null;
}

it('free → Choose Business → Pay → Business trialing; Switch to Team in the Portal → Team current', async () => {
  await page.goto(`${demo.url}/`);
  const d = demoPage(page);
  await page.locator('.saiku-billing-pricing[data-state="ready"]').waitFor();
  await poll(() => d.planName.textContent()).toBe('Free');
  expect(await currentTier(page)).toBe('starter');
  expect(await plan(page, 'business').action()).toBe('checkout');
  expect(await plan(page, 'enterprise').action()).toBe('contact');
  expect(
    await plan(page, 'enterprise').element.getByRole('link', { name: 'Contact sales' }).getAttribute('href'),
  ).toBe('mailto:sales@acme.test');
  await expectNoSeriousA11yViolations(page, 'pricing table, free');

  await page.getByRole('button', { name: 'Choose Business', exact: true }).click();
  await page.waitForURL((url) => url.href.startsWith(`${demo.simulator.pages.checkout}/`));
  await page.getByRole('heading', { level: 1, name: 'Subscribe to Business' }).waitFor();
  await page.getByRole('button', { name: 'Pay' }).click();
  await page.waitForURL(
    (url) => url.origin === demo.url && url.searchParams.get('saiku_checkout') === 'success',
  );
  demo.simulator.advance(demo.simulator.webhookDelayMs); // Stripe's webhook reaches Saiku

  await poll(() => d.planName.textContent()).toBe('Business');
  await poll(() => d.badge.textContent()).toBe('Trial');
  await poll(() => currentTier(page)).toBe('business');
  expect(await plan(page, 'business').action()).toBe('current');
  // Every other paid plan now changes in the Portal: no Checkout is offered to a subscriber.
  expect(await plan(page, 'team').action()).toBe('portal');
  expect(await plan(page, 'starter').action()).toBe('portal');
  expect(await page.locator('.saiku-billing-pricing li[data-action="checkout"]').count()).toBe(0);
  expect(demo.simulator.listCheckoutSessions()).toHaveLength(1);
  await expectNoSeriousA11yViolations(page, 'pricing table, Business trialing');

  await page.getByRole('button', { name: 'Switch to Team', exact: true }).click();
  await page.waitForURL((url) => url.href.startsWith(`${demo.simulator.pages.portal}/`));
  await page.getByLabel('New plan').selectOption('team');
  // The stand-in Portal, like Stripe's, sends the user back to the return URL once the plan changed.
  await page.getByRole('button', { name: 'Change plan' }).click();
  await page.waitForURL((url) => url.origin === demo.url && url.pathname === '/');

  await poll(() => currentTier(page)).toBe('team');
  expect(await plan(page, 'team').current()).toBe('true');
  expect(await plan(page, 'business').action()).toBe('portal');
  await poll(() => d.planName.textContent()).toBe('Team');
  // Still the one subscription the first Checkout started.
  expect(demo.simulator.listCheckoutSessions()).toHaveLength(1);
  expect(demo.simulator.getState()).toMatchObject({ tier: 'team', subscriptionStatus: 'trialing' });

  await expectKeyNeverReachedBrowser(recorder);
});
