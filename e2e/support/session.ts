// The setup the flow files share: one demo server and one Chromium per file, and per test a fresh
// context and page with the response recorder attached and page errors collected. The exported
// bindings are live: a test file imports `page`, `demo`, `recorder` and reads the current ones.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { collectPageErrors, launchChromium, newContext } from './browser';
import { startDemo, type DemoServer } from './demo';
import { ResponseRecorder } from './secrets';

export let demo: DemoServer;
export let page: Page;
export let recorder: ResponseRecorder;

let browser: Browser;
let context: BrowserContext;
let pageErrors: string[];

/** Registers the hooks; call once at the top of a flow file. A test that passed must leave no errors in the page. */
export function setupDemoSession(): void {
  beforeAll(async () => {
    [demo, browser] = await Promise.all([startDemo(), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  beforeEach(async () => {
    demo.simulator.reset();
    context = await newContext(browser);
    page = await context.newPage();
    pageErrors = collectPageErrors(page);
    recorder = new ResponseRecorder();
    await recorder.attach(page);
  });

  afterEach(async (test) => {
    const failed = test.task.result?.state === 'fail';
    await context?.close();
    if (!failed) expect(pageErrors, 'errors in the page').toEqual([]);
  });
}
