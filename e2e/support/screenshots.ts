// Flow 8: screenshots of the main states. free.png, trialing.png and past-due.png are committed and
// shown in the README; the rest are ignored by git (.gitignore).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';

export const screenshotDir = resolve(import.meta.dirname, '../screenshots');

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  // Nothing hovered or focused: the picture shows the state, not where the test last clicked.
  await page.mouse.move(0, 0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({
    path: resolve(screenshotDir, `${name}.png`),
    fullPage: true,
    animations: 'disabled',
    caret: 'hide',
  });
}
