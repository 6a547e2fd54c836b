// A runtime at the floor of the README's support table (Safari 15.4, Chrome 100, Firefox 100, Next.js's
// edge runtime), made from this one: the APIs it lacks are removed for a test and put back after it.
// e2e/olderBrowser.e2e.test.ts removes the same ones in Chromium before the page's scripts run.
import { afterEach, beforeEach, expect } from 'vitest';

/** APIs newer than the floor, each as [where it lives, name]; eslint.config.js refuses them in src/ too. */
export const newerApis: readonly (readonly [owner: string, name: string])[] = [
  ['AbortSignal', 'any'], // Safari 17.4, Chrome 116, Firefox 124; not in Next.js's edge runtime
  ['AbortSignal', 'timeout'], // Safari 16, Chrome 103
  ['Promise', 'withResolvers'], // Safari 17.4, Chrome 119, Node 22
  ['Object', 'groupBy'], // Safari 17.4, Chrome 117, Node 21
  ['Map', 'groupBy'],
  ['URL', 'canParse'], // Safari 17, Chrome 120
  ['URL', 'parse'], // Safari 18, Chrome 126, Node 22
  ['Array', 'fromAsync'], // Safari 16.4, Chrome 121, Node 22
  ['Array.prototype', 'toSorted'], // Safari 16, Chrome 110
  ['Array.prototype', 'toReversed'],
  ['Array.prototype', 'toSpliced'],
];

/**
 * Removes `apis` from this realm and makes `Intl.NumberFormat` ignore `trailingZeroDisplay`, as Chrome
 * before 106 and Firefox before 116 do; returns what puts them back. Self-contained (no imports, no
 * closure), so a page can run it too: `page.addInitScript(removeNewerApis, newerApis)`.
 */
export function removeNewerApis(apis: readonly (readonly [string, string])[]): () => void {
  const restores: (() => void)[] = [];
  for (const [owner, name] of apis) {
    const target = owner
      .split('.')
      .reduce<object | undefined>(
        (value, key) => (value as Record<string, object> | undefined)?.[key],
        globalThis,
      );
    const descriptor = target && Object.getOwnPropertyDescriptor(target, name);
    if (!target || !descriptor) continue;
    Reflect.deleteProperty(target, name);
    restores.push(() => Object.defineProperty(target, name, descriptor));
  }
  const NumberFormat = Intl.NumberFormat;
  Intl.NumberFormat = function OlderNumberFormat(
    locales?: Intl.LocalesArgument,
    options?: Intl.NumberFormatOptions,
  ) {
    const { trailingZeroDisplay: _, ...known } = options ?? {};
    return new NumberFormat(locales, known);
  } as typeof Intl.NumberFormat;
  restores.push(() => (Intl.NumberFormat = NumberFormat));
  return () => restores.forEach((restore) => restore());
}

/** Runs each test of the calling suite in an older runtime (`removeNewerApis`), restoring this one after it. */
export function inOlderRuntime(): void {
  let restore = () => {};
  beforeEach(() => {
    restore = removeNewerApis(newerApis);
    expect('any' in AbortSignal).toBe(false);
  });
  afterEach(() => restore());
}
