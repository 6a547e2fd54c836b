import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  currentPlan,
  formatPlanPrice,
  hasSubscription,
  planAction,
  planTitle,
  type BillingState,
  type PlanActionKind,
  type PlanInfo,
} from '../../src/core';
import { stateWith } from './fixtures';
import { inOlderRuntime } from './olderRuntime';

const knownStatuses = [
  '',
  'trialing',
  'active',
  'past_due',
  'unpaid',
  'canceled',
  'paused',
  'incomplete',
  'incomplete_expired',
  'on_hold',
] as const;

/** Statuses whose subscription is not over: with a customer, a Checkout would start a second one. */
const liveStatuses = new Set(['trialing', 'active', 'past_due', 'unpaid', 'paused', 'incomplete', 'on_hold']);

describe('hasSubscription', () => {
  it.each(knownStatuses.map((status) => [status, liveStatuses.has(status)] as const))(
    'status %j with a customer: %s',
    (status, expected) => {
      expect(hasSubscription(stateWith({ subscriptionStatus: status }))).toBe(expected);
    },
  );

  it.each(knownStatuses)('status %j without a customer: false', (status) => {
    expect(hasSubscription(stateWith({ subscriptionStatus: status, stripeCustomerId: null }))).toBe(false);
  });
});

describe('planAction', () => {
  const team: PlanInfo = { tier: 'team', price: { amount: 4900, currency: 'usd', interval: 'month' } };
  const free: PlanInfo = { tier: 'starter', price: { amount: 0, currency: 'usd' } };

  // Every status × customer × the tenant's own tier or another × contactUrl, against the rule as DESIGN.md words it.
  const rows: Array<[string, boolean, 'own' | 'other', boolean, PlanActionKind]> = [];
  for (const status of knownStatuses) {
    for (const customer of [true, false]) {
      for (const which of ['own', 'other'] as const) {
        for (const contact of [true, false]) {
          const subscribed = customer && liveStatuses.has(status);
          const expected: PlanActionKind =
            subscribed && which === 'own'
              ? 'current'
              : contact
                ? 'contact'
                : subscribed
                  ? 'portal'
                  : 'checkout';
          rows.push([status, customer, which, contact, expected]);
        }
      }
    }
  }

  it.each(rows)(
    'status %j, customer %s, %s tier, contactUrl %s → %s',
    (status, customer, which, contact, expected) => {
      const state = stateWith({
        tier: 'team',
        subscriptionStatus: status,
        stripeCustomerId: customer ? 'cus_1' : null,
      });
      const plan: PlanInfo = {
        tier: which === 'own' ? 'team' : 'business',
        price: { amount: 9900, currency: 'usd', interval: 'month' },
        ...(contact ? { contactUrl: 'https://saiku.bi/sales' } : {}),
      };
      expect(planAction(state, plan)).toBe(expected);
    },
  );

  it('a free plan is current for a tenant without a subscription, and a Portal downgrade for one with it', () => {
    expect(planAction(stateWith({ subscriptionStatus: '', stripeCustomerId: null }), free)).toBe('current');
    expect(planAction(stateWith({ subscriptionStatus: 'canceled' }), free)).toBe('current');
    expect(planAction(stateWith({ subscriptionStatus: 'active' }), free)).toBe('portal');
  });

  it('a plan without a price or with a text price is never current for a tenant without a subscription', () => {
    const noSub = stateWith({ subscriptionStatus: '', stripeCustomerId: null, tier: 'team' });
    expect(planAction(noSub, { tier: 'team' })).toBe('checkout');
    expect(planAction(noSub, { tier: 'team', price: 'Free' })).toBe('checkout');
  });

  it('the current plan beats a contact link: an enterprise tenant sees its plan as current', () => {
    const enterprise = stateWith({ tier: 'enterprise', subscriptionStatus: 'active' });
    expect(planAction(enterprise, { tier: 'enterprise', contactUrl: 'https://saiku.bi/sales' })).toBe(
      'current',
    );
  });

  it('finds the current plan among several', () => {
    const plans = [free, team, { tier: 'business' }];
    expect(currentPlan(stateWith({ subscriptionStatus: 'active' }), plans)).toBe(team);
    expect(currentPlan(stateWith({ subscriptionStatus: '', stripeCustomerId: null }), plans)).toBe(free);
    expect(currentPlan(stateWith({ tier: 'pro_plus' }), plans)).toBeUndefined();
  });

  it('never answers checkout for a tenant that has a subscription (property)', () => {
    const state: fc.Arbitrary<BillingState> = fc.record({
      tenantId: fc.string({ minLength: 1 }),
      tier: fc.oneof(fc.constantFrom('starter', 'team', 'business', 'enterprise'), fc.string()),
      stripeCustomerId: fc.option(fc.string(), { nil: null }),
      subscriptionStatus: fc.oneof(fc.constantFrom(...knownStatuses), fc.string()),
      currentPeriodEnd: fc.constant(null),
      trialEndsAt: fc.constant(null),
      billedFeaturesActive: fc.boolean(),
    });
    const plan: fc.Arbitrary<PlanInfo> = fc.record(
      {
        tier: fc.oneof(fc.constantFrom('starter', 'team', 'business', 'enterprise'), fc.string()),
        price: fc.oneof(
          fc.string(),
          fc.record({ amount: fc.nat(), currency: fc.constantFrom('usd', 'eur', 'jpy') }),
        ),
        contactUrl: fc.oneof(fc.constant(''), fc.webUrl()),
        highlighted: fc.boolean(),
      },
      { requiredKeys: ['tier'] },
    );
    fc.assert(
      fc.property(state, plan, (s, p) => {
        const kind = planAction(s, p);
        if (hasSubscription(s)) expect(kind).not.toBe('checkout');
        else expect(kind).not.toBe('portal');
      }),
    );
  });
});

describe('formatPlanPrice', () => {
  const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
  const prices: [string, number, string, string][] = [
    ['en-US', 4900, 'usd', '$49'],
    ['en-US', 4950, 'usd', '$49.50'],
    ['de-DE', 4900, 'eur', '49 €'],
    ['de-DE', 123456, 'eur', '1.234,56 €'],
    ['ja-JP', 4900, 'jpy', '￥4,900'],
    ['en-US', 4900, 'jpy', '¥4,900'],
    ['ja-JP', 4900, 'usd', '$49'],
    ['en-US', 49000, 'kwd', 'KWD 49'],
    // Three decimals: Stripe's minor unit for the Kuwaiti dinar is the fils (1/1000).
    ['en-US', 12345, 'kwd', 'KWD 12.345'],
  ];

  it.each(prices)('%s: %d %s minor units reads %s', (locale, amount, currency, expected) => {
    expect(nbsp(formatPlanPrice({ amount, currency }, locale))).toBe(expected);
  });

  it('reads as Intl’s own trailingZeroDisplay: stripIfInteger would, for any whole number of minor units', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.constantFrom('usd', 'eur', 'jpy', 'kwd', 'chf'),
        fc.constantFrom('en-US', 'de-DE', 'ja-JP', 'fr-CH', 'ar-EG'),
        (amount, currency, locale) => {
          const native = new Intl.NumberFormat(locale, {
            style: 'currency',
            currency,
            trailingZeroDisplay: 'stripIfInteger',
          });
          const digits = native.resolvedOptions().maximumFractionDigits ?? 2;
          expect(formatPlanPrice({ amount, currency }, locale)).toBe(native.format(amount / 10 ** digits));
        },
      ),
    );
  });

  describe('where Intl ignores trailingZeroDisplay (Chrome before 106, Firefox before 116)', () => {
    inOlderRuntime();

    it.each(prices)('%s: %d %s minor units still reads %s', (locale, amount, currency, expected) => {
      expect(nbsp(formatPlanPrice({ amount, currency }, locale))).toBe(expected);
    });
  });

  it('shows a text price as given', () => {
    expect(formatPlanPrice('Custom pricing', 'de-DE')).toBe('Custom pricing');
  });

  it("falls back to the runtime's locale for an invalid tag", () => {
    expect(formatPlanPrice({ amount: 100, currency: 'usd' }, 'not a locale!')).toMatch(/1/);
  });

  it('refuses a currency Intl does not know and an amount that is not a number, naming the value', () => {
    const thrown = (run: () => unknown): unknown => {
      try {
        run();
      } catch (error) {
        return error;
      }
      throw new Error('expected a throw');
    };
    const currency = thrown(() => formatPlanPrice({ amount: 100, currency: 'dollars' }, 'en-US'));
    expect(currency).toBeInstanceOf(TypeError);
    expect(currency).toHaveProperty('message', '"dollars" is not an ISO 4217 currency code.');
    // Intl's own RangeError stays as the cause, for the host's logs.
    expect((currency as Error).cause).toBeInstanceOf(RangeError);
    expect(() => formatPlanPrice({ amount: Number.NaN, currency: 'usd' }, 'en-US')).toThrow(
      new TypeError("A plan price's amount must be a finite number of minor units, got NaN."),
    );
  });
});

describe('planTitle', () => {
  it("is the plan's own name, else its tier's display name", () => {
    expect(planTitle({ tier: 'team', name: 'Teams' })).toBe('Teams');
    expect(planTitle({ tier: 'team' })).toBe('Team');
    expect(planTitle({ tier: 'pro_plus' })).toBe('Pro plus');
  });
});
