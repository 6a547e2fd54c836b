// Pins createAccessCheck's public types as DESIGN.md's "Access" section writes them.
import KeyvRedis from '@keyv/redis';
import Keyv from 'keyv';
import { describe, expectTypeOf, it } from 'vitest';
import type { BillingState, PlanInfo } from '../../src/core';
import {
  createAccessCheck,
  createBillingProxy,
  type AccessCheck,
  type AccessCheckResult,
  type AccessReason,
  type AccessStateStore,
} from '../../src/server';

describe('createAccessCheck', () => {
  it('answers check with { allowed, reason, state } and guard with a Response or null', () => {
    const access = createAccessCheck({ apiKey: 'sk_test_0123456789', plans: [] as PlanInfo[] });
    expectTypeOf(access).toEqualTypeOf<AccessCheck<string>>();
    expectTypeOf(access.check).returns.resolves.toEqualTypeOf<AccessCheckResult>();
    expectTypeOf<AccessCheckResult>().toEqualTypeOf<{
      allowed: boolean;
      reason: AccessReason;
      state: BillingState | null;
    }>();
    expectTypeOf<AccessReason>().toEqualTypeOf<'granted' | 'no_access' | 'unauthorized' | 'unavailable'>();
    expectTypeOf(access.guard).returns.resolves.toEqualTypeOf<Response | null>();
  });

  it('checks feature keys against plans declared as const', () => {
    const access = createAccessCheck({
      apiKey: (request: Request) => request.headers.get('x-key'),
      plans: [{ tier: 'starter' }, { tier: 'team', entitlements: ['forecasts', 'reports'] }],
      onUnavailable: 'last-known',
    });
    expectTypeOf(access).toEqualTypeOf<AccessCheck<'forecasts' | 'reports'>>();
    const request = new Request('https://app.example.com/');
    void access.check(request, { feature: 'forecasts' });
    void access.guard(request, { tier: 'business' });
    // @ts-expect-error: no plan lists it
    void access.check(request, { feature: 'forecast' });
  });

  it('takes a Keyv (on Redis or in memory) as the shared store, for the check and the proxy', () => {
    const store = new Keyv(new KeyvRedis('redis://127.0.0.1:6379'));
    expectTypeOf(store).toExtend<AccessStateStore>();
    expectTypeOf(new Keyv()).toExtend<AccessStateStore>();
    createAccessCheck({ apiKey: 'sk_test_0123456789', plans: [], cache: { store, ttlMs: 5_000 } });
    createBillingProxy({ apiKey: 'sk_test_0123456789', cache: { store } });
    // @ts-expect-error: the policies are 'deny' and 'last-known'
    createAccessCheck({ apiKey: 'sk_test_0123456789', plans: [], onUnavailable: 'allow' });
  });
});
