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
    'BillingError',
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
    'billingStateQueryKey',
    'canAccess',
    'checkoutReturnParam',
    'createProxyBackend',
    'defaultAllowedRedirectHosts',
    'defaultCheckoutTier',
    'defaultLabels',
    'defaultPaywallLabels',
    'defaultPricingTableLabels',
    'describeBilling',
    'formatPlanPrice',
    'hasSubscription',
    'isBillingError',
    'mergeLabels',
    'parseBillingState',
    'paymentFixLabel',
    'planAction',
    'planTitle',
    'plansUnlocking',
    'portalReturnParam',
    'returnedErrorParam',
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
    'parseCheckoutSession',
    'parsePortalSession',
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
    'defaultProxyTiers',
    'defaultRateLimit',
    'toNodeHandler',
  ],
  './mock': [
    'billingHandlers',
    'createBillingSimulator',
    'createMockBackend',
    'createScenario',
    'defaultApiKey',
    'defaultHandlersBaseUrl',
    'defaultPageUrls',
    'defaultWebhookDelayMs',
    'scenarioNames',
    'scenarioTenantId',
    'scenarios',
    'simulatorSchedule',
    'simulatorTiers',
  ],
  './mock/msw': ['billingHandlers', 'defaultHandlersBaseUrl'],
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
    ]) {
      expect(core).not.toHaveProperty(internal);
    }
  });
});
