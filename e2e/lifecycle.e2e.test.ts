// The billing lifecycle a host's user lives through, in Chromium, against the demo as `npm start`
// serves it: the real proxy in front of the billing simulator, the stand-in Checkout and Portal.
// Every test also checks that the API key never reached the browser (flow 6) and runs axe on each
// state it passes through (flow 7); the main states are saved as screenshots (flow 8).
import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { DAY_MS, formatLikeLibrary } from './support/dates';
import { demoPage, shownErrors } from './support/demoPage';
import { saveScreenshot } from './support/screenshots';
import { expectKeyNeverReachedBrowser } from './support/secrets';
import { demo, page, recorder, setupDemoSession } from './support/session';
import { poll } from './support/wait';

setupDemoSession();

const isPage =
  (path: string, search: Record<string, string> | null = null) =>
  (url: URL) =>
    url.origin === demo.url &&
    url.pathname === path &&
    (search === null
      ? url.search === ''
      : Object.entries(search).every(([key, value]) => url.searchParams.get(key) === value));

async function openDemo(): Promise<ReturnType<typeof demoPage>> {
  await page.goto(`${demo.url}/`);
  const d = demoPage(page);
  await d.planCard.and(page.locator('[data-state="ready"]')).waitFor();
  return d;
}

describe('a free tenant upgrades', () => {
  it('Upgrade → stand-in Checkout → Pay → back, confirming, then the trial and the unlocked feature', async () => {
    const d = await openDemo();
    await poll(() => d.planName.textContent()).toBe('Free');
    expect(await d.badge.count()).toBe(0); // the name says "Free": no badge repeats it
    await d.lockedFeature.waitFor();
    expect(await d.feature.count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'free');
    await saveScreenshot(page, 'free');

    await d.upgrade.click();
    await page.waitForURL((url) => url.href.startsWith(`${demo.simulator.pages.checkout}/`));
    await page.getByRole('heading', { level: 1, name: 'Subscribe to Team' }).waitFor();
    await page.getByText('14-day free trial, then billed monthly').waitFor();
    await expectNoSeriousA11yViolations(page, 'stand-in Checkout');
    await saveScreenshot(page, 'checkout');

    const paidAfter = demo.simulator.now().getTime();
    await page.getByRole('button', { name: 'Pay' }).click();
    // Back on the success URL: the page the user left, with the library's marker.
    await page.waitForURL(isPage('/', { saiku_checkout: 'success' }));
    await d.confirming.waitFor();
    // The webhook has not landed yet (it lands when the test says so): the page is waiting for it.
    expect(demo.simulator.getState().subscriptionStatus).toBe('');
    expect(await d.planCard.getAttribute('aria-busy')).toBe('true');
    await expectNoSeriousA11yViolations(page, 'confirming');
    await saveScreenshot(page, 'confirming');

    demo.simulator.advance(demo.simulator.webhookDelayMs); // Stripe's webhook reaches Saiku
    const paidBefore = demo.simulator.now().getTime();
    await poll(() => d.planName.textContent()).toBe('Team');
    await poll(() => d.badge.textContent()).toBe('Trial');

    // A 14-day trial from the moment "Pay" was pressed, printed as the library prints dates.
    const state = demo.simulator.getState();
    expect(state.subscriptionStatus).toBe('trialing');
    const trialEnd = Date.parse(state.trialEndsAt ?? '');
    expect(trialEnd).toBeGreaterThanOrEqual(paidAfter + 14 * DAY_MS);
    expect(trialEnd).toBeLessThanOrEqual(paidBefore + 14 * DAY_MS);
    const expectedDates = new Set([
      formatLikeLibrary(new Date(paidAfter + 14 * DAY_MS)),
      formatLikeLibrary(new Date(paidBefore + 14 * DAY_MS)),
    ]);
    expect(expectedDates).toContain(formatLikeLibrary(new Date(trialEnd)));
    await poll(() => d.planDate.textContent()).toBe(`Trial ends on ${formatLikeLibrary(new Date(trialEnd))}`);
    await poll(() => d.trialDays.textContent()).toBe('14 days left in your trial');

    await d.feature.waitFor();
    expect(await d.lockedFeature.count()).toBe(0);
    expect(await d.confirming.count()).toBe(0);
    // The marker is dropped from the address bar once the subscription is confirmed.
    await poll(() => new URL(page.url()).searchParams.has('saiku_checkout')).toBe(false);
    expect(page.url()).toBe(`${demo.url}/`);
    expect(await shownErrors(d.errorLines)).toEqual([]);
    await expectNoSeriousA11yViolations(page, 'trialing');
    await saveScreenshot(page, 'trialing');

    await expectKeyNeverReachedBrowser(recorder);
  });
});

describe('a subscriber manages billing', () => {
  it('Manage → stand-in Portal → Cancel subscription → back, the card says when access ends', async () => {
    demo.simulator.setScenario('trialing');
    const trialEndsAt = demo.simulator.getState().trialEndsAt ?? '';
    const d = await openDemo();
    await poll(() => d.badge.textContent()).toBe('Trial');

    await d.manage.click();
    await page.waitForURL((url) => url.href.startsWith(`${demo.simulator.pages.portal}/`));
    await page.getByRole('heading', { level: 1, name: 'Manage your subscription' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'stand-in Portal');
    await saveScreenshot(page, 'portal');

    await page.getByRole('button', { name: 'Cancel subscription' }).click();
    await page.waitForURL(isPage('/'));
    await poll(() => d.badge.textContent()).toBe('Canceled');
    // A canceled trial keeps access until the trial's end.
    const accessEnds = `Access ends on ${formatLikeLibrary(trialEndsAt)}`;
    await poll(() => d.planDate.textContent()).toBe(accessEnds);
    const state = demo.simulator.getState();
    expect(state).toMatchObject({
      subscriptionStatus: 'canceled',
      billedFeaturesActive: true,
      currentPeriodEnd: trialEndsAt,
    });
    await poll(() => d.banner.locator('p').textContent()).toBe(
      `Your subscription is canceled. Access ends on ${formatLikeLibrary(trialEndsAt)}.`,
    );
    await d.feature.waitFor();
    await expectNoSeriousA11yViolations(page, 'canceled');
    await saveScreenshot(page, 'canceled');

    await expectKeyNeverReachedBrowser(recorder);
  });
});

describe('a free tenant changes their mind', () => {
  it('Cancel on the stand-in Checkout → back on the cancel URL, nothing changed, no error', async () => {
    const before = demo.simulator.getState();
    const d = await openDemo();
    await poll(() => d.planName.textContent()).toBe('Free');

    await d.upgrade.click();
    await page.waitForURL((url) => url.href.startsWith(`${demo.simulator.pages.checkout}/`));
    await page.getByRole('button', { name: 'Cancel' }).click();

    // The cancel URL is the page the user left, without any marker.
    await page.waitForURL(isPage('/'));
    await poll(() => d.planName.textContent()).toBe('Free');
    expect(await d.badge.count()).toBe(0);
    await d.upgrade.waitFor();
    await d.lockedFeature.waitFor();
    expect(await d.confirming.count()).toBe(0);
    expect(await d.banner.count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await shownErrors(d.errorLines)).toEqual([]);
    expect(await page.getByText('Confirming your subscription…').count()).toBe(0);

    // Saiku saw no payment: the state is what it was, and the session was never completed.
    demo.simulator.advance(demo.simulator.webhookDelayMs);
    expect(demo.simulator.getState()).toEqual(before);
    expect(demo.simulator.listCheckoutSessions().map((session) => session.status)).toEqual(['open']);
    await page.reload();
    await poll(() => d.planName.textContent()).toBe('Free');
    expect(await shownErrors(d.errorLines)).toEqual([]);

    await expectKeyNeverReachedBrowser(recorder);
  });
});

describe('a payment fails', () => {
  async function updateCardFromBanner(d: ReturnType<typeof demoPage>): Promise<void> {
    await d.banner.getByRole('button', { name: 'Update payment method' }).click();
    await page.waitForURL((url) => url.href.startsWith(`${demo.simulator.pages.portal}/`));
    await page.getByRole('term').filter({ hasText: 'Status' }).waitFor();
    await page.getByRole('definition').filter({ hasText: 'Past due' }).waitFor();
    await page.getByRole('button', { name: 'Update card' }).click();
    await page.waitForURL(isPage('/'));
    await poll(() => d.badge.textContent()).toBe('Active');
    await poll(() => d.banner.count()).toBe(0);
    await d.manage.waitFor();
    await d.feature.waitFor();
    expect(demo.simulator.getState()).toMatchObject({
      subscriptionStatus: 'active',
      billedFeaturesActive: true,
    });
    expect(await shownErrors(d.errorLines)).toEqual([]);
  }

  const pastDueBySwitch =
    'past due from the simulator panel (scenario switch): the banner asks for a card ' +
    '→ Portal → Update card → active';
  it(pastDueBySwitch, async () => {
    const d = await openDemo();
    await poll(() => d.planName.textContent()).toBe('Free');

    await d.simulatorPanel.getByLabel('Scenario').selectOption('pastDue');
    await d.simulatorPanel.getByRole('button', { name: 'Switch scenario' }).click();
    await d.simulatorPanel.getByText('Switched to pastDue.').waitFor();

    await poll(() => d.badge.textContent()).toBe('Past due');
    await poll(() => d.banner.locator('p').textContent()).toBe(
      'Your last payment failed. Update your payment method to keep access to billed features.',
    );
    await d.banner.getByRole('button', { name: 'Update payment method' }).waitFor();
    await d.planCard.getByRole('button', { name: 'Update payment method' }).waitFor();
    const renews = demo.simulator.getState().currentPeriodEnd ?? '';
    await poll(() => d.planDate.textContent()).toBe(`Renews on ${formatLikeLibrary(renews)}`);
    await d.feature.waitFor(); // past due keeps access while Stripe retries
    await expectNoSeriousA11yViolations(page, 'past due');
    await saveScreenshot(page, 'past-due');

    await updateCardFromBanner(d);
    await expectKeyNeverReachedBrowser(recorder);
  });

  const pastDueByFailedCharge =
    'past due from the simulator panel (Fail next payment, then the clock passes the ' +
    'trial end) → Update card → active';
  it(pastDueByFailedCharge, async () => {
    const d = await openDemo();
    await d.simulatorPanel.getByLabel('Scenario').selectOption('trialing');
    await d.simulatorPanel.getByRole('button', { name: 'Switch scenario' }).click();
    await poll(() => d.badge.textContent()).toBe('Trial');

    await d.simulatorPanel.getByRole('button', { name: 'Fail next payment' }).click();
    await d.simulatorPanel.getByText('The next payment will fail.').waitFor();
    // The trialing scenario has 11 days left: 15 days later the first charge has failed.
    await d.simulatorPanel.getByRole('button', { name: '+15 days' }).click();
    await d.simulatorPanel.getByText('Moved the clock 15 days.').waitFor();

    await poll(() => d.badge.textContent()).toBe('Past due');
    await poll(() => d.banner.locator('p').textContent()).toBe(
      'Your last payment failed. Update your payment method to keep access to billed features.',
    );
    expect(demo.simulator.getState().subscriptionStatus).toBe('past_due');

    await updateCardFromBanner(d);
    await expectKeyNeverReachedBrowser(recorder);
  });
});
