// Debian's Chromium driven by playwright-core (no browser download: `.ci/run` installs it with apt).
import { chromiumArgs, chromiumPath } from '../../chromium.config';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';

export { chromiumPath };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

/**
 * How long one browser step (a click, a navigation, waiting for an element) may take before it fails,
 * naming itself.
 */
export const stepTimeoutMs = 20_000;

/** A fresh profile per test: en-US dates, a desktop viewport, nothing shared with other tests. */
export async function newContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    locale: 'en-US',
    viewport: { width: 1200, height: 640 },
    ...options,
  });
  // Well inside the test's 60 s, so a stuck step fails as itself rather than as the whole test.
  context.setDefaultTimeout(stepTimeoutMs);
  context.setDefaultNavigationTimeout(stepTimeoutMs);
  return context;
}

/** Uncaught exceptions and console errors of a page, to assert a flow ran clean. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    // Chromium asks every origin for /favicon.ico; the demo has none. Not a flow's error.
    if (message.location().url.endsWith('/favicon.ico')) return;
    if (message.type() === 'error')
      errors.push(`console.error: ${message.text()} (${message.location().url})`);
  });
  return errors;
}
