// Pins the public types of @saiku/billing-react/core as DESIGN.md's "The public API, exactly" writes them.
import { describe, expectTypeOf, it } from 'vitest';
import {
  assertSafeRedirect,
  canAccess,
  plansUnlocking,
  type AccessRequirement,
  type PlanFeature,
  type PlanInfo,
  BillingError,
  createProxyBackend,
  createSaikuClient,
  describeBilling,
  parseBillingState,
  type BillingBackend,
  type BillingDate,
  type BillingDateKind,
  type BillingDescription,
  type BillingErrorCode,
  type BillingErrorOptions,
  type BillingPhase,
  type BillingState,
  type CheckoutSession,
  type CheckoutSessionInput,
  type PortalSession,
  type PortalSessionInput,
  type SubscriptionStatus,
  type Tier,
} from '../../src/core';
import { parseCheckoutSession, parsePortalSession } from '../../src/core/parse';

describe('data types', () => {
  it('BillingState is the seed’s state body', () => {
    expectTypeOf<BillingState>().toEqualTypeOf<{
      tenantId: string;
      tier: Tier;
      stripeCustomerId: string | null;
      subscriptionStatus: SubscriptionStatus;
      currentPeriodEnd: string | null;
      trialEndsAt: string | null;
      billedFeaturesActive: boolean;
    }>();
  });

  it('Tier suggests the known plans and accepts any string', () => {
    expectTypeOf<'starter'>().toExtend<Tier>();
    expectTypeOf<'team'>().toExtend<Tier>();
    expectTypeOf<'business'>().toExtend<Tier>();
    expectTypeOf<'enterprise'>().toExtend<Tier>();
    expectTypeOf<'platinum'>().toExtend<Tier>();
    expectTypeOf<string>().toExtend<Tier>();
    expectTypeOf<Tier>().toExtend<string>();
    expectTypeOf<number>().not.toExtend<Tier>();
    // Not widened to plain string, so editors still offer the known plans.
    expectTypeOf<Tier>().not.toEqualTypeOf<string>();
  });

  it('SubscriptionStatus suggests Stripe’s statuses and keeps any other', () => {
    expectTypeOf<''>().toExtend<SubscriptionStatus>();
    expectTypeOf<'trialing' | 'active' | 'past_due' | 'unpaid' | 'canceled'>().toExtend<SubscriptionStatus>();
    expectTypeOf<'paused'>().toExtend<SubscriptionStatus>();
    expectTypeOf<SubscriptionStatus>().toExtend<string>();
    expectTypeOf<SubscriptionStatus>().not.toEqualTypeOf<string>();
    expectTypeOf<null>().not.toExtend<SubscriptionStatus>();
  });

  it('the session inputs and answers match the seed’s bodies', () => {
    expectTypeOf<CheckoutSessionInput>().toEqualTypeOf<{
      tier: Tier;
      email?: string;
      name?: string;
      successUrl: string;
      cancelUrl: string;
    }>();
    expectTypeOf<PortalSessionInput>().toEqualTypeOf<{ returnUrl: string }>();
    expectTypeOf<CheckoutSession>().toEqualTypeOf<{ url: string; sessionId: string }>();
    expectTypeOf<PortalSession>().toEqualTypeOf<{ url: string }>();
  });
});

describe('BillingBackend', () => {
  it('has the three methods, with these signatures', () => {
    expectTypeOf<BillingBackend['getState']>().toEqualTypeOf<
      (options?: { signal?: AbortSignal }) => Promise<BillingState>
    >();
    expectTypeOf<BillingBackend['createCheckoutSession']>().toEqualTypeOf<
      (input: CheckoutSessionInput) => Promise<{ url: string; sessionId: string }>
    >();
    expectTypeOf<BillingBackend['createPortalSession']>().toEqualTypeOf<
      (input: PortalSessionInput) => Promise<{ url: string }>
    >();
  });

  it('can be written by a host as a plain object', () => {
    const state: BillingState = {
      tenantId: 't',
      tier: 'team',
      stripeCustomerId: null,
      subscriptionStatus: '',
      currentPeriodEnd: null,
      trialEndsAt: null,
      billedFeaturesActive: false,
    };
    const backend = {
      getState: async () => state,
      createCheckoutSession: async () => ({
        url: 'https://checkout.stripe.com/c/pay/cs_1',
        sessionId: 'cs_1',
      }),
      createPortalSession: async () => ({ url: 'https://billing.stripe.com/p/session/1' }),
    };
    expectTypeOf(backend).toExtend<BillingBackend>();
  });
});

describe('functions', () => {
  it('the parsers take unknown and return the parsed type', () => {
    expectTypeOf(parseBillingState).toEqualTypeOf<(json: unknown) => BillingState>();
    expectTypeOf(parseCheckoutSession).returns.toEqualTypeOf<CheckoutSession>();
    expectTypeOf(parsePortalSession).returns.toEqualTypeOf<PortalSession>();
  });

  it('createProxyBackend takes optional options and returns a backend', () => {
    expectTypeOf(createProxyBackend).toBeCallableWith();
    expectTypeOf(createProxyBackend).toBeCallableWith({ baseUrl: '/api/billing' });
    expectTypeOf(createProxyBackend).toBeCallableWith({
      baseUrl: 'https://admin.acme.test/api/billing',
      fetch: globalThis.fetch,
      headers: { 'X-CSRF-Token': 't' },
    });
    expectTypeOf(createProxyBackend).toBeCallableWith({ headers: new Headers() });
    expectTypeOf(createProxyBackend).returns.toExtend<BillingBackend>();
    expectTypeOf<Parameters<typeof createProxyBackend>[0]>().toExtend<
      { baseUrl?: string; fetch?: typeof fetch; headers?: HeadersInit } | undefined
    >();
  });

  it('createSaikuClient needs an apiKey', () => {
    expectTypeOf(createSaikuClient).toBeCallableWith({ apiKey: 'sk_test_types' });
    expectTypeOf(createSaikuClient).toBeCallableWith({
      apiKey: 'sk_test_types',
      baseUrl: 'https://api.saiku.bi',
      fetch: globalThis.fetch,
      timeoutMs: 5000,
    });
    expectTypeOf(createSaikuClient).returns.toExtend<BillingBackend>();
    // @ts-expect-error: the key is required
    expectTypeOf(createSaikuClient).toBeCallableWith({});
    // @ts-expect-error: options are required
    expectTypeOf(createSaikuClient).toBeCallableWith();
  });

  it('describeBilling takes a state and optional now and locale', () => {
    expectTypeOf(describeBilling).toBeCallableWith({} as BillingState);
    expectTypeOf(describeBilling).toBeCallableWith({} as BillingState, { now: new Date(), locale: 'de-DE' });
    expectTypeOf(describeBilling).returns.toEqualTypeOf<BillingDescription>();
  });

  it('assertSafeRedirect returns the parsed URL', () => {
    expectTypeOf(assertSafeRedirect).toBeCallableWith('https://checkout.stripe.com/x');
    expectTypeOf(assertSafeRedirect).toBeCallableWith('https://checkout.stripe.com/x', [
      'checkout.stripe.com',
    ]);
    expectTypeOf(assertSafeRedirect).returns.toEqualTypeOf<URL>();
  });
});

describe('BillingDescription', () => {
  it('has the fields a UI reads', () => {
    expectTypeOf<BillingDescription['phase']>().toEqualTypeOf<BillingPhase>();
    expectTypeOf<BillingDescription['tier']>().toEqualTypeOf<Tier>();
    expectTypeOf<BillingDescription['planName']>().toEqualTypeOf<string>();
    expectTypeOf<BillingDescription['status']>().toEqualTypeOf<string>();
    expectTypeOf<BillingDescription['date']>().toEqualTypeOf<BillingDate | null>();
    expectTypeOf<BillingDescription['trialDaysLeft']>().toEqualTypeOf<number | null>();
    expectTypeOf<BillingDescription['action']>().toEqualTypeOf<'upgrade' | 'manage'>();
    expectTypeOf<BillingDescription['needsPaymentMethod']>().toEqualTypeOf<boolean>();
    expectTypeOf<BillingDescription['hasAccess']>().toEqualTypeOf<boolean>();
  });

  it('names every phase and date kind', () => {
    expectTypeOf<BillingPhase>().toEqualTypeOf<
      'free' | 'trialing' | 'active' | 'past_due' | 'unpaid' | 'canceled' | 'unknown'
    >();
    expectTypeOf<BillingDateKind>().toEqualTypeOf<
      'renews' | 'trial_ends' | 'access_ends' | 'access_ended' | 'period_ends'
    >();
    expectTypeOf<BillingDate>().toEqualTypeOf<{
      kind: BillingDateKind;
      date: Date;
      iso: string;
      formatted: string;
    }>();
  });
});

describe('BillingError', () => {
  it('has exactly these codes', () => {
    expectTypeOf<BillingErrorCode>().toEqualTypeOf<
      | 'unauthorized'
      | 'no_customer'
      | 'already_subscribed'
      | 'invalid_request'
      | 'rate_limited'
      | 'upstream'
      | 'network'
      | 'timeout'
      | 'invalid_response'
      | 'unsafe_redirect'
    >();
  });

  it('is constructed with a code, a message and optional status, retryAfter and cause', () => {
    expectTypeOf(BillingError).constructorParameters.toEqualTypeOf<
      [code: BillingErrorCode, message: string, options?: BillingErrorOptions]
    >();
    expectTypeOf<BillingErrorOptions>().toEqualTypeOf<{
      status?: number;
      retryAfter?: number;
      cause?: unknown;
    }>();
    // @ts-expect-error: codes are a closed union
    new BillingError('teapot', 'x');
  });

  it('is an Error with a code, status and retryAfter', () => {
    expectTypeOf<BillingError>().toExtend<Error>();
    expectTypeOf<BillingError['code']>().toEqualTypeOf<BillingErrorCode>();
    expectTypeOf<BillingError['status']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<BillingError['retryAfter']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<BillingError['isTransient']>().toEqualTypeOf<boolean>();
    expectTypeOf<ReturnType<BillingError['toJSON']>>().toExtend<{
      name: 'BillingError';
      code: BillingErrorCode;
      message: string;
      status?: number;
      retryAfter?: number;
    }>();
  });
});

describe('access', () => {
  const plans = [
    { tier: 'team', entitlements: ['forecasts'] },
    { tier: 'business', entitlements: ['forecasts', 'sso'] },
  ] as const satisfies readonly PlanInfo[];
  const state = {} as BillingState;

  it('checks feature keys against plans declared as const', () => {
    expectTypeOf<PlanFeature<typeof plans>>().toEqualTypeOf<'forecasts' | 'sso'>();
    canAccess(state, { feature: 'sso' }, plans);
    // @ts-expect-error a typo in a feature key the plans declare
    canAccess(state, { feature: 'forcasts' }, plans);
    // @ts-expect-error plansUnlocking checks them too
    plansUnlocking({ feature: 'forcasts' }, plans);
  });

  it('takes any feature key with plans typed as PlanInfo[], and any tier', () => {
    const wide: PlanInfo[] = [...plans];
    expectTypeOf<PlanFeature<PlanInfo[]>>().toEqualTypeOf<string>();
    canAccess(state, { feature: 'anything' }, wide);
    canAccess(state, { tier: 'platinum' }, plans);
    canAccess(state, undefined, plans);
    expectTypeOf(plansUnlocking({ tier: 'team' }, plans)).toEqualTypeOf<(typeof plans)[number][]>();
  });

  it('is the DESIGN.md shape', () => {
    expectTypeOf<AccessRequirement>().toEqualTypeOf<{ feature: string } | { tier: Tier }>();
    expectTypeOf<PlanInfo['entitlements']>().toEqualTypeOf<readonly string[] | undefined>();
  });
});
