// Moving through a page as a keyboard user does: Tab until the target has focus.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Presses Tab until `target` has focus (and shows it: `:focus-visible`), as a keyboard user would. */
export async function tabTo(page: Page, target: Locator, maxTabs = 40): Promise<void> {
  await target.waitFor();
  for (let tabs = 1; tabs <= maxTabs; tabs++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) {
      expect(await target.evaluate((element) => element.matches(':focus-visible')), 'focus is visible').toBe(
        true,
      );
      return;
    }
  }
  throw new Error(`${maxTabs} presses of Tab never reached ${target.toString()}`);
}
