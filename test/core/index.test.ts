import { describe, expect, it } from 'vitest';
import * as core from '../../src/core';

describe('@saiku/billing-react/core', () => {
  it('exports the run-time names DESIGN.md promises', () => {
    for (const name of [
      'parseBillingState',
      'createProxyBackend',
      'createSaikuClient',
      'describeBilling',
      'BillingError',
    ]) {
      expect(core, name).toHaveProperty(name, expect.any(Function));
    }
  });

  it('exports the helpers a host builds on', () => {
    for (const name of [
      'parseCheckoutSession',
      'parsePortalSession',
      'parseErrorBody',
      'isBillingError',
      'isTransientCode',
      'codeForStatus',
      'assertSafeRedirect',
      'formatDate',
      'phaseFor',
      'planNameFor',
    ]) {
      expect(core, name).toHaveProperty(name, expect.any(Function));
    }
    expect(core.defaultProxyBasePath).toBe('/api/billing');
    expect(core.defaultSaikuBaseUrl).toBe('https://api.saiku.bi');
  });
});
