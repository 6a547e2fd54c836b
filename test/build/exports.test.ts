// @vitest-environment node
// Each public entry's full run-time export list, pinned: a name added to (or dropped from) an entry
// fails here until the list below, the README's API table and, for a removal, its changelog agree.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  exports: Record<string, string | { default: string }>;
};

const expected: Record<string, readonly string[]> = {
  '.': [
    'BillingGate',
    'BillingProvider',
    'BillingSettings',
    'BillingStatusBanner',
    'ManageButton',
    'Paywall',
    'PlanCard',
    'PricingTable',
    'UpgradeButton',
    'billingKeys',
    'billingQueryOptions',
    'billingStaleTimeMs',
    'defaultCheckoutTier',
    'defaultLabels',
    'defaultPaywallLabels',
    'defaultPricingTableLabels',
    'mergeLabels',
    'paymentFixLabel',
    'useAccess',
    'useBillingDescription',
    'useBillingState',
    'useCheckout',
    'useCheckoutReturn',
    'usePaywall',
    'usePlanAction',
    'usePlans',
    'usePortal',
  ],
  './core': [
    'BillingError',
    'assertSafeRedirect',
    'billingStateQueryKey',
    'canAccess',
    'checkoutReturnParam',
    'createProxyBackend',
    'createSaikuClient',
    'currentPlan',
    'defaultAllowedRedirectHosts',
    'describeBilling',
    'formatPlanPrice',
    'hasSubscription',
    'isBillingError',
    'isFreePlan',
    'knownTiers',
    'parseBillingState',
    'planAction',
    'planTitle',
    'plansUnlocking',
    'portalReturnParam',
    'returnedErrorParam',
  ],
  './server': [
    'createAccessCheck',
    'createBillingProxy',
    'createMemoryRateLimiter',
    'defaultRateLimit',
    'toNodeHandler',
  ],
  './mock': ['billingHandlers', 'createBillingSimulator', 'createMockBackend', 'scenarios'],
  './mock/msw': ['billingHandlers'],
  './elements': ['billingElementTags', 'defineBillingElements'],
  './standalone': [],
  './locales': [
    'germanLabels',
    'germanPaywallLabels',
    'germanPricingTableLabels',
    'japaneseLabels',
    'japanesePaywallLabels',
    'japanesePricingTableLabels',
  ],
};

/**
 * Names exported by two entries on purpose: `/mock/msw` is the same `billingHandlers` over a static msw
 * import, for bundlers that should see msw as a plain dependency (README, API table).
 */
const exportedTwice = new Set(['billingHandlers']);

/** The built file an entry of the exports map points at. */
function fileOf(entry: string): string {
  const target = pkg.exports[entry];
  if (target === undefined || typeof target === 'string') throw new Error(`No JavaScript entry ${entry}.`);
  return resolve(root, target.default);
}

beforeAll(() => {
  if (!existsSync(fileOf('.'))) {
    throw new Error('dist/ is missing: run `npm run build` first (npm test builds before the tests run).');
  }
});

describe('the public entries export exactly their promised names', () => {
  it('covers every JavaScript entry of the exports map', () => {
    const entries = Object.entries(pkg.exports)
      .filter(([, target]) => typeof target !== 'string')
      .map(([entry]) => entry);
    expect(entries.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.keys(expected))('%s', async (entry) => {
    const module = (await import(pathToFileURL(fileOf(entry)).href)) as Record<string, unknown>;
    expect(Object.keys(module).sort()).toEqual(expected[entry]);
  });

  it('exports each name from one entry only (values from /core are not re-exported by the main entry)', () => {
    const entryOf = new Map<string, string>();
    for (const [entry, names] of Object.entries(expected)) {
      for (const name of names) {
        if (entryOf.has(name) && !exportedTwice.has(name)) {
          throw new Error(`${name} is exported by both ${entryOf.get(name)} and ${entry}.`);
        }
        entryOf.set(name, entry);
      }
    }
  });

  it("names every exported value in the README's API table", () => {
    const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
    const start = readme.indexOf('\n## Public API\n');
    const table = readme.slice(start, readme.indexOf('\n## ', start + 1));
    expect(start).toBeGreaterThan(0);
    const missing = Object.values(expected)
      .flat()
      .filter((name) => !table.includes(`\`${name}`));
    expect(missing).toEqual([]);
  });

  it('keeps the library internals out of /core', async () => {
    const core = (await import(pathToFileURL(fileOf('./core')).href)) as Record<string, unknown>;
    for (const internal of [
      'errorFromResponse',
      'codeForStatus',
      'parseErrorBody',
      'isTransientCode',
      'isLoopbackHost',
      'phaseFor',
      'toBillingError',
      'parseCheckoutSession',
      'parsePortalSession',
      'proxyPath',
    ]) {
      expect(core).not.toHaveProperty(internal);
    }
  });
});
