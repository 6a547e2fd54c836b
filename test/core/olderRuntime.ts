// A runtime at the floor of the README's support table (Safari 15.4, Chrome 100, Firefox 100, Next.js's
// edge runtime), made from this one: the APIs it lacks are removed for a test and put back after it.
import { afterEach, beforeEach, expect } from 'vitest';

/** APIs newer than the floor, each where it lives; eslint.config.js refuses them in src/ too. */
const newerApis: [owner: object, name: string][] = [
  [AbortSignal, 'any'], // Safari 17.4, Chrome 116, Firefox 124; not in Next.js's edge runtime
  [AbortSignal, 'timeout'], // Safari 16, Chrome 103
  [Promise, 'withResolvers'], // Safari 17.4, Chrome 119, Node 22
  [Object, 'groupBy'], // Safari 17.4, Chrome 117, Node 21
  [Map, 'groupBy'],
  [URL, 'canParse'], // Safari 17, Chrome 120
  [URL, 'parse'], // Safari 18, Chrome 126, Node 22
  [Array.prototype, 'toSorted'], // Safari 16, Chrome 110
  [Array.prototype, 'toReversed'],
  [Array.prototype, 'toSpliced'],
];

/**
 * Removes `newerApis` before each test of the calling suite and restores them after it; `Intl.NumberFormat`
 * ignores `trailingZeroDisplay` meanwhile, as Chrome before 106 and Firefox before 116 do.
 */
export function inOlderRuntime(): void {
  const saved = newerApis.map(
    ([owner, name]) => [owner, name, Object.getOwnPropertyDescriptor(owner, name)] as const,
  );
  const NumberFormat = Intl.NumberFormat;
  beforeEach(() => {
    for (const [owner, name] of newerApis) Reflect.deleteProperty(owner, name);
    expect('any' in AbortSignal).toBe(false);
    Intl.NumberFormat = function OlderNumberFormat(
      locales?: Intl.LocalesArgument,
      options?: Intl.NumberFormatOptions,
    ) {
      const { trailingZeroDisplay: _, ...known } = options ?? {};
      return new NumberFormat(locales, known);
    } as typeof Intl.NumberFormat;
  });
  afterEach(() => {
    for (const [owner, name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(owner, name, descriptor);
    }
    Intl.NumberFormat = NumberFormat;
  });
}
