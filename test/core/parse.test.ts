import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BillingError, parseBillingState, type BillingState } from '../../src/core';
import { parseCheckoutSession, parsePortalSession } from '../../src/core/parse';
import { parseErrorBody } from '../../src/core/parse';
import { seedCheckoutBody, seedPortalBody, seedStateBody } from './fixtures';

/** Runs `fn` and returns what it threw, failing the test if it did not throw. */
function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw, but the call returned');
}

/** Asserts `fn` throws `BillingError('invalid_response')` whose message mentions `field`. */
function expectInvalid(fn: () => unknown, field?: string): BillingError {
  const error = thrownBy(fn);
  expect(error).toBeInstanceOf(BillingError);
  const billingError = error as BillingError;
  expect(billingError.code).toBe('invalid_response');
  if (field !== undefined) expect(billingError.message).toContain(field);
  return billingError;
}

/** A copy of the seed body without `key`. */
function without(key: keyof typeof seedStateBody): Record<string, unknown> {
  return Object.fromEntries(Object.entries(seedStateBody).filter(([name]) => name !== key));
}

describe('parseBillingState', () => {
  it('parses the sample body from the Saiku docs', () => {
    expect(parseBillingState(structuredClone(seedStateBody))).toEqual(seedStateBody);
  });

  it('parses the sample body after a real JSON round trip', () => {
    expect(parseBillingState(JSON.parse(JSON.stringify(seedStateBody)))).toEqual(seedStateBody);
  });

  it.each(['', 'trialing', 'active', 'past_due', 'unpaid', 'canceled'])(
    'keeps the documented status %j verbatim',
    (subscriptionStatus) => {
      expect(parseBillingState({ ...seedStateBody, subscriptionStatus }).subscriptionStatus).toBe(
        subscriptionStatus,
      );
    },
  );

  it.each(['paused', 'incomplete', 'incomplete_expired'])(
    'keeps a status Stripe added later (%s) instead of rejecting it',
    (subscriptionStatus) => {
      expect(parseBillingState({ ...seedStateBody, subscriptionStatus }).subscriptionStatus).toBe(
        subscriptionStatus,
      );
    },
  );

  it.each(['starter', 'team', 'business', 'enterprise', 'platinum', 'pro_plus'])(
    'keeps the tier %j verbatim',
    (tier) => {
      expect(parseBillingState({ ...seedStateBody, tier }).tier).toBe(tier);
    },
  );

  it('reads a null subscriptionStatus as the empty (free) status', () => {
    expect(parseBillingState({ ...seedStateBody, subscriptionStatus: null }).subscriptionStatus).toBe('');
  });

  it('keeps null stripeCustomerId, currentPeriodEnd and trialEndsAt as null', () => {
    const state = parseBillingState({
      ...seedStateBody,
      stripeCustomerId: null,
      subscriptionStatus: '',
      currentPeriodEnd: null,
      trialEndsAt: null,
      billedFeaturesActive: false,
    });
    expect(state).toMatchObject({ stripeCustomerId: null, currentPeriodEnd: null, trialEndsAt: null });
  });

  it('keeps a trialing state with both dates', () => {
    const body = {
      ...seedStateBody,
      subscriptionStatus: 'trialing',
      currentPeriodEnd: '2026-07-07T00:00:00Z',
      trialEndsAt: '2026-07-07T00:00:00.000Z',
    };
    expect(parseBillingState(body)).toEqual(body);
  });

  it('returns only the documented fields, dropping extras the API may add', () => {
    const state = parseBillingState({ ...seedStateBody, seats: 12, internalNote: 'x' });
    expect(Object.keys(state).sort()).toEqual(Object.keys(seedStateBody).sort());
  });

  // Every field is required; the nullable ones must be present, as null.
  it.each([
    'tenantId',
    'tier',
    'subscriptionStatus',
    'billedFeaturesActive',
    'stripeCustomerId',
    'currentPeriodEnd',
    'trialEndsAt',
  ] as const)('rejects a body without %s, naming the field', (field) => {
    expectInvalid(() => parseBillingState(without(field)), field);
  });

  it.each<[string, unknown]>([
    ['tenantId', 42],
    ['tenantId', null],
    ['tenantId', ''],
    ['tier', 3],
    ['tier', null],
    ['tier', ''],
    ['tier', ['team']],
    ['stripeCustomerId', 123],
    ['stripeCustomerId', { id: 'cus_1' }],
    ['subscriptionStatus', 1],
    ['subscriptionStatus', true],
    ['currentPeriodEnd', 1782172800000],
    ['currentPeriodEnd', {}],
    ['trialEndsAt', false],
    ['billedFeaturesActive', 'true'],
    ['billedFeaturesActive', 1],
    ['billedFeaturesActive', null],
  ])('rejects %s = %j, naming the field', (field, value) => {
    expectInvalid(() => parseBillingState({ ...seedStateBody, [field]: value }), field);
  });

  it.each(['not a date', '2026-13-45T00:00:00Z', 'tomorrow', ''])('rejects the date string %j', (date) => {
    expectInvalid(() => parseBillingState({ ...seedStateBody, currentPeriodEnd: date }), 'currentPeriodEnd');
    expectInvalid(
      () => parseBillingState({ ...seedStateBody, subscriptionStatus: 'trialing', trialEndsAt: date }),
      'trialEndsAt',
    );
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['an array', [seedStateBody]],
    ['a string', JSON.stringify(seedStateBody)],
    ['a number', 200],
    ['a boolean', true],
  ])('rejects a body that is %s', (_label, body) => {
    const error = expectInvalid(() => parseBillingState(body));
    expect(error.message).toMatch(/object/);
  });

  it('says what it got, so a log line explains the failure', () => {
    expect(expectInvalid(() => parseBillingState([])).message).toContain('array');
    expect(expectInvalid(() => parseBillingState({ ...seedStateBody, tier: 3 })).message).toContain('number');
  });

  describe('for any JSON value (property)', () => {
    const isoDate = fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2100-01-01T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((date) => date.toISOString());
    const validState: fc.Arbitrary<BillingState> = fc.record({
      tenantId: fc.string({ minLength: 1 }),
      tier: fc.oneof(
        fc.constantFrom('starter', 'team', 'business', 'enterprise'),
        fc.string({ minLength: 1 }),
      ),
      stripeCustomerId: fc.option(fc.string(), { nil: null }),
      subscriptionStatus: fc.oneof(
        fc.constantFrom('', 'trialing', 'active', 'past_due', 'unpaid', 'canceled', 'paused'),
        fc.string(),
      ),
      currentPeriodEnd: fc.option(isoDate, { nil: null }),
      trialEndsAt: fc.option(isoDate, { nil: null }),
      billedFeaturesActive: fc.boolean(),
    });
    // Each field valid, absent, or replaced by any JSON value: close to real bodies, so
    // the property reaches the field checks rather than failing at "not an object".
    const nearlyValidBody = validState.chain((state) =>
      fc.record(
        Object.fromEntries(
          Object.entries(state).map(([key, value]) => [key, fc.oneof(fc.constant(value), fc.jsonValue())]),
        ),
        { requiredKeys: [] },
      ),
    );

    function satisfiesInvariants(state: BillingState): boolean {
      const dateOk = (value: string | null) => value === null || !Number.isNaN(Date.parse(value));
      return (
        typeof state.tenantId === 'string' &&
        state.tenantId !== '' &&
        typeof state.tier === 'string' &&
        state.tier !== '' &&
        (state.stripeCustomerId === null || typeof state.stripeCustomerId === 'string') &&
        typeof state.subscriptionStatus === 'string' &&
        dateOk(state.currentPeriodEnd) &&
        dateOk(state.trialEndsAt) &&
        typeof state.billedFeaturesActive === 'boolean' &&
        Object.keys(state).length === 7
      );
    }

    function parsesOrRefuses(json: unknown): void {
      let state: BillingState;
      try {
        state = parseBillingState(json);
      } catch (error) {
        expect(error).toBeInstanceOf(BillingError);
        expect((error as BillingError).code).toBe('invalid_response');
        return;
      }
      expect(satisfiesInvariants(state)).toBe(true);
    }

    it('returns a state that satisfies the type, or throws BillingError(invalid_response)', () => {
      fc.assert(fc.property(fc.jsonValue(), parsesOrRefuses), { numRuns: 500 });
    });

    it('does the same for bodies that are nearly valid', () => {
      fc.assert(fc.property(nearlyValidBody, parsesOrRefuses), { numRuns: 1000 });
    });

    it('returns every valid state unchanged after a JSON round trip', () => {
      fc.assert(
        fc.property(validState, (state) => {
          expect(parseBillingState(JSON.parse(JSON.stringify(state)))).toEqual(state);
        }),
      );
    });
  });
});

describe('parseCheckoutSession', () => {
  it('parses the sample body from the Saiku docs', () => {
    expect(parseCheckoutSession({ ...seedCheckoutBody })).toEqual(seedCheckoutBody);
  });

  it('returns only url and sessionId', () => {
    expect(parseCheckoutSession({ ...seedCheckoutBody, expiresAt: 123 })).toEqual(seedCheckoutBody);
  });

  it.each(['url', 'sessionId'])('rejects a body without %s', (field) => {
    const body = Object.fromEntries(Object.entries(seedCheckoutBody).filter(([name]) => name !== field));
    expectInvalid(() => parseCheckoutSession(body), field);
  });

  it.each<[string, unknown]>([
    ['url', ''],
    ['url', 42],
    ['url', null],
    ['sessionId', ''],
    ['sessionId', 7],
  ])('rejects %s = %j', (field, value) => {
    expectInvalid(() => parseCheckoutSession({ ...seedCheckoutBody, [field]: value }), field);
  });

  it.each([null, [], 'https://checkout.stripe.com/c/pay/cs_1', 1])(
    'rejects the non-object body %j',
    (body) => {
      expectInvalid(() => parseCheckoutSession(body));
    },
  );
});

describe('parsePortalSession', () => {
  it('parses the sample body from the Saiku docs', () => {
    expect(parsePortalSession({ ...seedPortalBody })).toEqual(seedPortalBody);
  });

  it.each<[string, unknown]>([
    ['missing', undefined],
    ['empty', ''],
    ['a number', 5],
    ['null', null],
  ])('rejects a url that is %s', (_label, url) => {
    expectInvalid(() => parsePortalSession(url === undefined ? {} : { url }), 'url');
  });

  it.each([null, [], 'https://billing.stripe.com/p/session/x'])('rejects the non-object body %j', (body) => {
    expectInvalid(() => parsePortalSession(body));
  });
});

describe('parseErrorBody', () => {
  it('reads { error, message }', () => {
    expect(parseErrorBody({ error: 'no_customer', message: 'Run checkout first.' })).toEqual({
      error: 'no_customer',
      message: 'Run checkout first.',
    });
  });

  it('reads { code, message } as well', () => {
    expect(parseErrorBody({ code: 'rate_limited', message: 'Slow down.' })).toEqual({
      error: 'rate_limited',
      message: 'Slow down.',
    });
  });

  it('prefers error over code when both are there', () => {
    expect(parseErrorBody({ error: 'no_customer', code: 'other' }).error).toBe('no_customer');
  });

  it('gives null for fields that are missing or not strings', () => {
    expect(parseErrorBody({ error: 409, message: { text: 'x' } })).toEqual({ error: null, message: null });
    expect(parseErrorBody({ message: 'Only a message.' })).toEqual({
      error: null,
      message: 'Only a message.',
    });
  });

  it.each([null, undefined, [], 'Internal Server Error', 500, true])(
    'gives nulls for the non-object body %j',
    (body) => {
      expect(parseErrorBody(body)).toEqual({ error: null, message: null });
    },
  );

  it('never throws, whatever the body (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const { error, message } = parseErrorBody(json);
        expect(error === null || typeof error === 'string').toBe(true);
        expect(message === null || typeof message === 'string').toBe(true);
      }),
    );
  });
});
