// The shadcn registry as a host meets it: the items `shadcn build` wrote into the packed package
// (dist/r) added with the real `shadcn add` to a Tailwind v4 + Vite app (examples/shadcn-vite), the
// app type-checked and built for production, then served with the real proxy in front of the
// simulator and driven in Chromium: a gated action → the paywall dialog → stand-in Checkout → return →
// manage.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { collectPageErrors, launchChromium, newContext } from './support/browser';
import { e2eWebhookDelayMs } from './support/demo';
import {
  addedItems,
  buildShadcnHost,
  serveShadcnHost,
  type ShadcnHostBuild,
  type ShadcnHostServer,
} from './support/shadcnHost';
import { poll } from './support/wait';

let build: ShadcnHostBuild;
let host: ShadcnHostServer;
let browser: Browser;

beforeAll(async () => {
  [build, browser] = await Promise.all([buildShadcnHost(), launchChromium()]);
  host = await serveShadcnHost(build.dir, e2eWebhookDelayMs);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  build?.dispose();
});

describe('shadcn add from the registry the package ships', () => {
  it("writes the items, their shared button and shadcn's button, card, badge and dialog, and installs nothing", () => {
    expect(build.addedFiles.sort()).toEqual(
      [
        ...[...addedItems, 'billing-button'].map((name) => `src/components/billing/${name}.tsx`),
        ...['badge', 'button', 'card', 'dialog'].map((name) => `src/components/ui/${name}.tsx`),
      ].sort(),
    );
    // Every npm dependency of the items was already declared: no install, package.json untouched.
    expect(build.packageJson.after).toBe(build.packageJson.before);
    // The siblings through the app's `@saiku` namespace, shadcn's items by name from its registry.
    expect(build.registryRequests).toEqual(
      expect.arrayContaining([
        '/saiku/pricing-table.json',
        '/saiku/billing-button.json',
        '/saiku/upgrade-button.json',
        '/saiku/manage-button.json',
        '/r/styles/new-york-v4/button.json',
        '/r/styles/new-york-v4/card.json',
        '/r/styles/new-york-v4/badge.json',
        '/r/styles/new-york-v4/dialog.json',
      ]),
    );
    // Each item's `docs` line, shown after the install, says where it renders.
    for (const component of ['PlanCard', 'PricingTable', 'UpgradeButton', 'ManageButton', 'PaywallDialog']) {
      expect(build.addOutput).toContain(`\`<${component}>\` (components/billing/`);
    }
    const planCard = readFileSync(join(build.dir, 'src/components/billing/plan-card.tsx'), 'utf8');
    expect(planCard).toContain("from '@saiku/billing-react'");
    expect(planCard).toContain("from '@/components/ui/card'");
    expect(planCard).toContain("from '@/components/billing/upgrade-button'");
    const paywall = readFileSync(join(build.dir, 'src/components/billing/paywall-dialog.tsx'), 'utf8');
    expect(paywall).toContain("from '@/components/ui/dialog'");
    expect(paywall).toContain("from '@/components/billing/pricing-table'");
    // tsc (strict, noUncheckedIndexedAccess) and vite build said nothing: no error, no warning.
    expect(build.buildOutput.trim()).toBe('');
  });
});

/**
 * The page's errors, less the two the flow provokes on purpose: Manage before any subscription (409),
 * and the card's Upgrade whose request the test cuts off.
 */
function unexpected(errors: string[]): string[] {
  return errors.filter(
    (error) =>
      !/status of 409 .*\/api\/billing\/portal-session\)$/.test(error) &&
      !/net::ERR_FAILED .*\/api\/billing\/checkout-session\)$/.test(error),
  );
}

function regions(page: Page) {
  const card = page.locator('[role="region"][aria-label="Your plan"]');
  const table = page.locator('section[aria-label="Plans"]');
  return {
    card,
    title: card.locator('[data-slot="card-title"]'),
    badge: card.locator('[data-slot="badge"]'),
    table,
    plan: (tier: string) => table.locator(`li[data-tier="${tier}"]`),
    shortcuts: page.getByRole('region', { name: 'Shortcuts' }),
    paywall: page.getByRole('dialog', { name: 'Upgrade to unlock this' }),
  };
}

describe('the built app in Chromium', () => {
  it('free → Upgrade fails → gated action → paywall → Start with Team (busy) → Pay → Team trial → Portal', async () => {
    host.simulator.reset(); // a free tenant, also when CI runs the flow a second time
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    try {
      await page.goto(`${host.url}/`);
      const r = regions(page);
      await page.locator('[aria-label="Your plan"][data-state="ready"]').waitFor();
      expect(await r.title.textContent()).toBe('Free');
      await page.locator('section[aria-label="Plans"][data-state="ready"]').waitFor();
      expect(await r.plan('starter').getAttribute('aria-current')).toBe('true');
      expect(await r.plan('team').getAttribute('data-action')).toBe('checkout');
      expect(await r.plan('enterprise').getAttribute('data-action')).toBe('contact');
      expect(
        await r.plan('enterprise').getByRole('link', { name: 'Contact sales' }).getAttribute('href'),
      ).toBe('mailto:sales@acme.test');
      // Styled by Tailwind with the app's shadcn tokens: the card's border and radius (rounded-xl is
      // --radius + 4px = 14px), the button's background is --primary.
      const looks = await page.evaluate(() => {
        const card = document.querySelector('[aria-label="Your plan"]');
        const button = card?.querySelector('button');
        if (!card || !button) return null;
        const probe = document.body.appendChild(document.createElement('div'));
        probe.style.backgroundColor = 'var(--primary)';
        const primary = getComputedStyle(probe).backgroundColor;
        probe.remove();
        const style = getComputedStyle(card);
        return {
          border: style.borderTopWidth,
          radius: style.borderTopLeftRadius,
          button: getComputedStyle(button).backgroundColor,
          primary,
        };
      });
      expect(looks).toMatchObject({ border: '1px', radius: '14px' });
      expect(looks?.button).toBe(looks?.primary);
      await expectNoSeriousA11yViolations(page, 'shadcn host, free');

      // Manage before any subscription: the proxy's 409 no_customer, announced under the button.
      const manage = r.shortcuts.getByRole('button', { name: 'Manage billing' });
      await manage.click();
      const noCustomer = 'There is no subscription to manage yet. Choose a plan to start one.';
      await poll(() => r.shortcuts.getByRole('status').filter({ hasText: noCustomer }).count()).toBe(1);
      const describedBy = (await manage.getAttribute('aria-describedby')) ?? '';
      expect(await page.locator(`[id="${describedBy}"]`).getAttribute('aria-live')).toBe('polite');
      expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(noCustomer);

      // The card's Upgrade whose request never reaches the server: its error, announced under it.
      await page.route('**/api/billing/checkout-session', (route) => route.abort('failed'), { times: 1 });
      const upgrade = r.card.getByRole('button', { name: 'Upgrade' });
      await upgrade.click();
      await poll(() => upgrade.getAttribute('data-state')).toBe('error');
      const upgradeError = page.locator(`[id="${(await upgrade.getAttribute('aria-describedby')) ?? ''}"]`);
      expect(await upgradeError.getAttribute('aria-live')).toBe('polite');
      expect(await upgradeError.textContent()).not.toBe('');

      // The gated action without the feature: the paywall dialog, focus inside, on the plans that have it.
      const forecast = r.shortcuts.getByRole('button', { name: 'Forecast next quarter' });
      const focusIn = (dialog: typeof r.paywall) =>
        dialog.evaluate((el) => el.contains(document.activeElement));
      await forecast.click();
      await r.paywall.waitFor();
      expect(await r.paywall.getAttribute('aria-modal')).toBe('true');
      expect(await focusIn(r.paywall)).toBe(true);
      expect(
        await r.paywall
          .locator('li[data-tier]')
          .evaluateAll((plans) => plans.map((plan) => `${plan.dataset.tier}:${plan.dataset.action}`)),
      ).toEqual(['team:checkout', 'business:checkout', 'enterprise:contact']);
      await page.keyboard.press('Shift+Tab');
      expect(await focusIn(r.paywall)).toBe(true);
      await expectNoSeriousA11yViolations(page, 'shadcn host, paywall dialog');
      // Escape closes it and gives focus back to the gated action.
      await page.keyboard.press('Escape');
      await r.paywall.waitFor({ state: 'detached' });
      expect(await forecast.evaluate((el) => el === document.activeElement)).toBe(true);

      // Again, and its plan action: busy while the session is minted (the request is held until that is
      // seen), then Checkout.
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/api/billing/checkout-session', async (route) => {
        await held;
        await route.continue();
      });
      await forecast.click();
      const start = r.paywall.getByRole('button', { name: 'Start with Team' });
      await start.click();
      await poll(() => start.getAttribute('aria-busy')).toBe('true');
      expect(await start.getAttribute('aria-disabled')).toBe('true');
      release();
      await page.waitForURL((url) => url.href.startsWith(`${host.simulator.pages.checkout}/`));
      await page.getByRole('heading', { level: 1, name: 'Subscribe to Team' }).waitFor();
      await page.getByRole('button', { name: 'Pay' }).click();
      await page.waitForURL(
        (url) => url.origin === host.url && url.searchParams.get('saiku_checkout') === 'success',
      );

      // Back before the webhook: the card says so and offers no second Checkout anywhere.
      await r.card.getByText('Confirming your subscription…').waitFor();
      expect(await r.card.getByRole('button', { name: 'Upgrade' }).count()).toBe(0);
      expect(await r.table.locator('li[data-action="checkout"] button').count()).toBe(0);
      host.simulator.advance(host.simulator.webhookDelayMs); // Stripe's webhook reaches Saiku

      await poll(() => r.title.textContent()).toBe('Team');
      await poll(() => r.badge.textContent()).toBe('Trial');
      await poll(() => r.table.locator('li[aria-current="true"]').getAttribute('data-tier')).toBe('team');
      expect(await r.plan('business').getAttribute('data-action')).toBe('portal');
      expect(await r.table.locator('li[data-action="checkout"]').count()).toBe(0);
      expect(host.simulator.listCheckoutSessions()).toHaveLength(1);
      // With the feature, the gated action does its work: no paywall.
      await forecast.click();
      await r.shortcuts.getByText('Next quarter: about 1,240 orders.').waitFor();
      expect(await r.paywall.count()).toBe(0);
      await expectNoSeriousA11yViolations(page, 'shadcn host, Team trialing');

      // The table's plan change goes through the Portal, never a second Checkout.
      await r.plan('business').getByRole('button', { name: 'Switch to Business' }).click();
      await page.waitForURL((url) => url.href.startsWith(`${host.simulator.pages.portal}/`));
      await page.getByLabel('New plan').selectOption('business');
      await page.getByRole('button', { name: 'Change plan' }).click();
      await page.waitForURL((url) => url.origin === host.url && url.pathname === '/');
      await poll(() => r.table.locator('li[aria-current="true"]').getAttribute('data-tier')).toBe('business');
      await poll(() => r.title.textContent()).toBe('Business');
      expect(host.simulator.listCheckoutSessions()).toHaveLength(1);

      // Manage → the stand-in Portal → Cancel subscription → back, the card says when access ends.
      await r.card.getByRole('button', { name: 'Manage billing' }).click();
      await page.waitForURL((url) => url.href.startsWith(`${host.simulator.pages.portal}/`));
      await page.getByRole('button', { name: 'Cancel subscription' }).click();
      await page.waitForURL((url) => url.origin === host.url && url.pathname === '/');
      await poll(() => r.badge.textContent()).toBe('Canceled');
      await r.card.getByText(/^Access ends on /).waitFor();
      expect(host.simulator.getState()).toMatchObject({ tier: 'business', subscriptionStatus: 'canceled' });
      expect(unexpected(errors)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
