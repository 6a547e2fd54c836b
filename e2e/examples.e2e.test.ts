// The host apps a host copies (examples/: Next.js App Router, React Router 7 framework mode, a Vite
// SPA behind Express), installed from the packed tarball, built for production, each started on a
// free loopback port with its proxy in front of the simulator, and driven in Chromium: Upgrade →
// stand-in Checkout → Pay → back → Team → Manage → stand-in Portal → Business → back, in English and in a
// German browser in Berlin's time zone, with no console error (React's hydration errors included).
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium, newContext } from './support/browser';
import { demoPage } from './support/demoPage';
import {
  build,
  bundledReactVersions,
  examples,
  install,
  packForExamples,
  startExample,
  swapInReact18,
  type Example,
} from './support/examples';
import { expectKeyNeverReachedBrowser, ResponseRecorder } from './support/secrets';
import { poll } from './support/wait';

const german = { locale: 'de-DE', timezoneId: 'Europe/Berlin' };
const browsers = [{ locale: 'en-US', timezoneId: 'America/New_York' }, german];

let browser: Browser;
/** Each example's `npm ci`, all started at once (mostly unpacking: it overlaps well on 2 cores). */
const installs = new Map<string, Promise<void>>();

beforeAll(async () => {
  packForExamples();
  for (const example of examples) {
    const installing = install(example);
    installing.catch(() => undefined); // awaited, and so reported, by the example's own beforeAll
    installs.set(example.name, installing);
  }
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** A date as the library prints it in `locale` (always in UTC), computed here on its own. */
function formatDate(iso: string, locale: string): string {
  const format = { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' } as const;
  return new Intl.DateTimeFormat(locale, format).format(new Date(iso));
}

/**
 * Waits until React has hydrated the element (it keeps its props on the node then), so a click runs
 * the component's handler rather than posting the no-JavaScript form.
 */
async function hydrated(element: Locator): Promise<void> {
  await poll(() =>
    element.evaluate((node) => Object.keys(node).some((key) => key.startsWith('__reactProps$'))),
  ).toBe(true);
}

async function trialEndsAt(url: string): Promise<string> {
  const state = (await (await fetch(`${url}/api/billing/state`)).json()) as { trialEndsAt: string };
  return state.trialEndsAt;
}

async function walkTheFlow(page: Page, url: string, locale: string, serverRendered: boolean) {
  const stateRequests: string[] = [];
  const posts: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname === '/api/billing/state') stateRequests.push(request.url());
    if (request.method() === 'POST') posts.push(pathname);
  });
  const d = demoPage(page);
  const isHome = (next: URL) => next.origin === url && next.pathname === '/';

  if (serverRendered) {
    // The first paint has the plan: it is in the server's HTML.
    const html = await (await fetch(`${url}/`)).text();
    expect(html).toMatch(/saiku-billing-plan-card__name[^>]*>Free</);
  }
  await page.goto(`${url}/`);
  await d.planCard.and(page.locator('[data-state="ready"]')).waitFor();
  await poll(() => d.planName.textContent()).toBe('Free');
  await hydrated(d.upgrade);
  // Prefetched on the server: the browser asks for no state; the SPA asks once.
  expect(stateRequests).toHaveLength(serverRendered ? 0 : 1);

  await d.upgrade.click();
  await page.waitForURL((next) => next.href.startsWith(`${url}/simulator/checkout/`));
  await page.getByRole('heading', { level: 1, name: 'Subscribe to Team' }).waitFor();
  // The component's own request, not the no-JavaScript form.
  expect(posts).toEqual(['/api/billing/checkout-session']);
  await page.getByRole('button', { name: 'Pay' }).click();
  await page.waitForURL(isHome);

  // Back from Checkout: the simulated webhook lands 1.5 s after Pay, and the page polls until then.
  await poll(() => d.planName.textContent()).toBe('Team');
  await poll(() => d.badge.textContent()).toBe('Trial');
  const trialEnd = `Trial ends on ${formatDate(await trialEndsAt(url), locale)}`;
  await poll(() => d.planDate.textContent()).toBe(trialEnd);
  await poll(() => page.url()).toBe(`${url}/`);

  await hydrated(d.manage);
  await d.manage.click();
  await page.waitForURL((next) => next.href.startsWith(`${url}/simulator/portal/`));
  await page.getByRole('heading', { level: 1, name: 'Manage your subscription' }).waitFor();
  expect(posts.at(-1)).toBe('/api/billing/portal-session');
  await page.getByLabel('New plan').selectOption('business');
  await page.getByRole('button', { name: 'Change plan' }).click();
  // Back from the Portal (server-rendered where the app renders on the server, a trialing tenant in
  // English): the page polls until the change reaches Saiku, then drops its marker.
  await page.waitForURL(isHome);
  await poll(() => d.planName.textContent()).toBe('Business');
  await poll(() => d.planDate.textContent()).toBe(trialEnd);
  await poll(() => page.url()).toBe(`${url}/`);
}

/** A fresh server (a fresh simulator) and browser context, the flow, then no page error and no key. */
async function drive(example: Example, { locale, timezoneId }: { locale: string; timezoneId: string }) {
  const app = await startExample(example);
  const context = await newContext(browser, { locale, timezoneId });
  try {
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const recorder = new ResponseRecorder();
    await recorder.attach(page);
    await walkTheFlow(page, app.url, locale, example.serverRendered);
    expect(errors, 'errors in the page').toEqual([]);
    await expectKeyNeverReachedBrowser(recorder);
  } finally {
    await context.close();
    await app.stop();
  }
}

const flow = 'upgrade → Checkout → Pay → back → manage → Portal → Business → back';

/** Without JavaScript, the server-rendered Upgrade is a form the proxy's route answers with a 303 to Checkout. */
async function driveWithoutJavaScript(example: Example) {
  const app = await startExample(example);
  const context = await newContext(browser, { javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    const d = demoPage(page);
    await page.goto(`${app.url}/`);
    expect(await d.planName.textContent()).toBe('Free');
    const [post] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST'),
      d.upgrade.click(),
    ]);
    expect(`${post.status()} ${new URL(post.url()).pathname}`).toBe('303 /api/billing/checkout');
    await page.waitForURL((next) => next.href.startsWith(`${app.url}/simulator/checkout/`));
    await page.getByRole('heading', { level: 1, name: 'Subscribe to Team' }).waitFor();
  } finally {
    await context.close();
    await app.stop();
  }
}

for (const example of examples) {
  describe(`examples/${example.name}`, () => {
    beforeAll(async () => {
      await installs.get(example.name);
      await build(example);
    }, 300_000);

    for (const settings of browsers) {
      it(`${flow}, in a ${settings.locale} browser`, { timeout: 120_000 }, () => drive(example, settings));
    }

    if (example.serverRendered) {
      it('without JavaScript: Upgrade posts through the proxy to Checkout', { timeout: 120_000 }, () =>
        driveWithoutJavaScript(example),
      );
    }

    const react18 = example.react18;
    if (react18) {
      it(`${flow}, on React 18.3, in a de-DE browser`, { timeout: 300_000 }, async () => {
        const undo = swapInReact18(example, react18.buildDir);
        try {
          await build(example, react18.bundle);
          expect(bundledReactVersions(example, react18.clientDir)).toEqual(['18.3.1']);
          await drive(example, german);
        } finally {
          undo();
        }
      });
    }
  });
}
