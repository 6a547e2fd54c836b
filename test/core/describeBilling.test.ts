import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  describeBilling,
  hasSubscription,
  planAction,
  type BillingDateKind,
  type BillingPhase,
  type BillingState,
} from '../../src/core';
import { formatDate, phaseFor } from '../../src/core/describeBilling';
import { planNameFor } from '../../src/core/tiers';
import { freeState, stateWith } from './fixtures';

const now = new Date('2026-06-20T12:00:00Z');
const periodEnd = '2026-06-23T00:00:00Z';
const past = '2026-06-01T00:00:00Z';

/** What a person in `locale` should read, computed by Intl itself rather than hard-coded ICU output. */
function expected(iso: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(iso));
}

const trialing = stateWith({
  subscriptionStatus: 'trialing',
  trialEndsAt: periodEnd,
  currentPeriodEnd: periodEnd,
});
const canceledWithAccess = stateWith({ subscriptionStatus: 'canceled', billedFeaturesActive: true });
const canceledWithoutAccess = stateWith({ subscriptionStatus: 'canceled', billedFeaturesActive: false });

describe('describeBilling', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  describe('phase', () => {
    it.each<[string, BillingPhase]>([
      ['', 'free'],
      ['trialing', 'trialing'],
      ['active', 'active'],
      ['past_due', 'past_due'],
      ['unpaid', 'unpaid'],
      ['canceled', 'canceled'],
      ['paused', 'unknown'],
      ['incomplete', 'unknown'],
      ['incomplete_expired', 'unknown'],
    ])('status %j is the %s phase', (status, phase) => {
      expect(describeBilling(stateWith({ subscriptionStatus: status }), { now }).phase).toBe(phase);
      expect(phaseFor(status)).toBe(phase);
    });

    it('keeps the status verbatim, even one it does not know', () => {
      expect(describeBilling(stateWith({ subscriptionStatus: 'paused' }), { now }).status).toBe('paused');
      expect(describeBilling(freeState, { now }).status).toBe('');
    });
  });

  describe('planName', () => {
    it.each([
      ['starter', 'Starter'],
      ['team', 'Team'],
      ['business', 'Business'],
      ['enterprise', 'Enterprise'],
    ])('names the %s tier %s', (tier, name) => {
      expect(describeBilling(stateWith({ tier }), { now }).planName).toBe(name);
      expect(planNameFor(tier)).toBe(name);
    });

    it.each([
      ['platinum', 'Platinum'],
      ['pro_plus', 'Pro plus'],
      ['scale-up', 'Scale up'],
    ])('capitalises the unknown tier %s as %s', (tier, name) => {
      const description = describeBilling(stateWith({ tier }), { now });
      expect(description.planName).toBe(name);
      expect(description.tier).toBe(tier);
    });

    it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
      'names a tier called %s with a string, not something inherited from Object',
      (tier) => {
        expect(typeof planNameFor(tier)).toBe('string');
        expect(planNameFor(tier).toLowerCase()).toBe(tier.replace(/[_-]+/g, ' ').trim().toLowerCase());
      },
    );

    it('says Free while not subscribed, whatever the tier', () => {
      expect(describeBilling(freeState, { now }).planName).toBe('Free');
      expect(describeBilling({ ...freeState, tier: 'team' }, { now }).planName).toBe('Free');
    });
  });

  describe('date', () => {
    it.each<[string, BillingState, BillingDateKind | null]>([
      ['free', { ...freeState, currentPeriodEnd: periodEnd }, null],
      ['trialing', trialing, 'trial_ends'],
      ['active', stateWith({ subscriptionStatus: 'active' }), 'renews'],
      ['past_due', stateWith({ subscriptionStatus: 'past_due' }), 'renews'],
      ['unpaid', stateWith({ subscriptionStatus: 'unpaid', billedFeaturesActive: false }), null],
      ['canceled, access until the period ends', canceledWithAccess, 'access_ends'],
      ['canceled, access already gone', canceledWithoutAccess, 'access_ended'],
      ['an unknown status', stateWith({ subscriptionStatus: 'paused' }), 'period_ends'],
    ])('%s → %s', (_label, state, kind) => {
      expect(describeBilling(state, { now }).date?.kind ?? null).toBe(kind);
    });

    it('says access ended for a canceled state whose period is over, even if access is still on', () => {
      const state = stateWith({
        subscriptionStatus: 'canceled',
        billedFeaturesActive: true,
        currentPeriodEnd: past,
      });
      expect(describeBilling(state, { now }).date?.kind).toBe('access_ended');
    });

    it('uses the trial end for a trial, not the period end', () => {
      const state = stateWith({
        subscriptionStatus: 'trialing',
        trialEndsAt: '2026-06-25T00:00:00Z',
        currentPeriodEnd: periodEnd,
      });
      expect(describeBilling(state, { now }).date?.iso).toBe('2026-06-25T00:00:00Z');
    });

    it('falls back to the period end for a trial without trialEndsAt', () => {
      const state = stateWith({
        subscriptionStatus: 'trialing',
        trialEndsAt: null,
        currentPeriodEnd: periodEnd,
      });
      expect(describeBilling(state, { now }).date).toMatchObject({ kind: 'trial_ends', iso: periodEnd });
    });

    it('has no date when the API sent none', () => {
      expect(
        describeBilling(stateWith({ subscriptionStatus: 'active', currentPeriodEnd: null }), { now }).date,
      ).toBeNull();
      expect(
        describeBilling(stateWith({ subscriptionStatus: 'canceled', currentPeriodEnd: null }), { now }).date,
      ).toBeNull();
    });

    it('gives the instant, the ISO string the API sent, and the formatted date', () => {
      const { date } = describeBilling(stateWith(), { now, locale: 'en-US' });
      expect(date).toEqual({
        kind: 'renews',
        date: new Date(periodEnd),
        iso: periodEnd,
        formatted: expected(periodEnd, 'en-US'),
      });
    });

    it.each(['en-US', 'de-DE', 'ja-JP'])('formats the date for %s', (locale) => {
      expect(describeBilling(stateWith(), { now, locale }).date?.formatted).toBe(expected(periodEnd, locale));
    });

    it('reads the same day as the API in every time zone (formats in UTC)', () => {
      // 00:00 UTC is still the 22nd in America; the API means the 23rd.
      expect(describeBilling(stateWith(), { now, locale: 'en-US' }).date?.formatted).toBe(
        expected(periodEnd, 'en-US'),
      );
      expect(expected(periodEnd, 'en-US')).toContain('23');
    });

    it('falls back to the default locale for an invalid locale tag instead of throwing', () => {
      for (const locale of ['not a locale!!', 'en_US', '']) {
        const description = describeBilling(stateWith(), { now, locale });
        expect(description.date?.formatted).toBe(expected(periodEnd));
      }
      expect(formatDate(new Date(periodEnd), '!!')).toBe(expected(periodEnd));
    });
  });

  describe('trialDaysLeft', () => {
    const trialEndingAt = (trialEndsAt: string) =>
      stateWith({ subscriptionStatus: 'trialing', trialEndsAt, currentPeriodEnd: trialEndsAt });

    it.each([
      ['2026-06-20T00:00:00Z', '2026-06-23T00:00:00Z', 3],
      ['2026-06-20T00:00:01Z', '2026-06-23T00:00:00Z', 3],
      ['2026-06-22T23:00:00Z', '2026-06-23T00:00:00Z', 1],
      ['2026-06-22T23:59:59.999Z', '2026-06-23T00:00:00Z', 1],
      ['2026-06-23T00:00:00Z', '2026-06-23T00:00:00Z', 0],
      ['2026-06-30T00:00:00Z', '2026-06-23T00:00:00Z', 0],
    ])('at %s with the trial ending %s: %i days left', (at, trialEndsAt, days) => {
      expect(describeBilling(trialEndingAt(trialEndsAt), { now: new Date(at) }).trialDaysLeft).toBe(days);
    });

    it('is null outside a trial', () => {
      expect(describeBilling(stateWith({ trialEndsAt: periodEnd }), { now }).trialDaysLeft).toBeNull();
      expect(describeBilling(freeState, { now }).trialDaysLeft).toBeNull();
    });

    it('counts from the current time when no now is given', () => {
      vi.useFakeTimers();
      vi.setSystemTime(new Date('2026-06-21T12:00:00Z'));
      expect(describeBilling(trialing).trialDaysLeft).toBe(2);
    });
  });

  describe('action and payment', () => {
    it.each<[string, BillingState, 'upgrade' | 'manage']>([
      ['free', freeState, 'upgrade'],
      ['trialing', trialing, 'manage'],
      ['active', stateWith(), 'manage'],
      ['past_due with access', stateWith({ subscriptionStatus: 'past_due' }), 'manage'],
      // A subscription that is not over goes to the Portal, access or not: Checkout would duplicate it.
      ['unpaid', stateWith({ subscriptionStatus: 'unpaid', billedFeaturesActive: false }), 'manage'],
      ['paused', stateWith({ subscriptionStatus: 'paused', billedFeaturesActive: false }), 'manage'],
      ['incomplete', stateWith({ subscriptionStatus: 'incomplete', billedFeaturesActive: false }), 'manage'],
      [
        'a status Stripe adds later',
        stateWith({ subscriptionStatus: 'on_hold', billedFeaturesActive: false }),
        'manage',
      ],
      [
        'incomplete_expired',
        stateWith({ subscriptionStatus: 'incomplete_expired', billedFeaturesActive: false }),
        'upgrade',
      ],
      // Stripe's Portal cannot renew a canceled subscription, and there is none to duplicate: Checkout.
      ['canceled with access', canceledWithAccess, 'upgrade'],
      ['canceled without access', canceledWithoutAccess, 'upgrade'],
      ['paused with access', stateWith({ subscriptionStatus: 'paused' }), 'manage'],
      [
        'access without a customer (granted by hand)',
        stateWith({ subscriptionStatus: '', stripeCustomerId: null, billedFeaturesActive: true }),
        'upgrade',
      ],
      [
        'an unknown status without a customer',
        stateWith({ subscriptionStatus: 'paused', stripeCustomerId: null, billedFeaturesActive: false }),
        'upgrade',
      ],
    ])('%s → %s', (_label, state, action) => {
      const description = describeBilling(state, { now });
      expect(description.action).toBe(action);
      expect(description.hasAccess).toBe(state.billedFeaturesActive);
    });

    it.each<[string, boolean]>([
      ['', false],
      ['trialing', false],
      ['active', false],
      ['past_due', true],
      ['unpaid', true],
      ['canceled', false],
      ['paused', true],
      ['incomplete', true],
      ['incomplete_expired', false],
      ['on_hold', false],
    ])('status %j needs a payment method: %s', (status, needs) => {
      expect(describeBilling(stateWith({ subscriptionStatus: status }), { now }).needsPaymentMethod).toBe(
        needs,
      );
    });
  });

  it('describes any valid state without throwing (property)', () => {
    const isoDate = fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2100-01-01T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((date) => date.toISOString());
    const state: fc.Arbitrary<BillingState> = fc.record({
      tenantId: fc.string({ minLength: 1 }),
      tier: fc.oneof(
        fc.constantFrom('starter', 'team', 'constructor', 'pro_plus'),
        fc.string({ minLength: 1 }),
      ),
      stripeCustomerId: fc.option(fc.string(), { nil: null }),
      subscriptionStatus: fc.oneof(
        fc.constantFrom('', 'trialing', 'active', 'past_due', 'unpaid', 'canceled'),
        fc.string(),
      ),
      currentPeriodEnd: fc.option(isoDate, { nil: null }),
      trialEndsAt: fc.option(isoDate, { nil: null }),
      billedFeaturesActive: fc.boolean(),
    });
    fc.assert(
      fc.property(state, fc.date({ noInvalidDate: true }), (value, at) => {
        const description = describeBilling(value, { now: at, locale: 'en-US' });
        expect(typeof description.planName).toBe('string');
        // One answer to "which button": the plan rule's for the tenant's own plan.
        const own = planAction(value, { tier: value.tier });
        expect(description.action).toBe(own === 'checkout' ? 'upgrade' : 'manage');
        expect(description.action).toBe(hasSubscription(value) ? 'manage' : 'upgrade');
        if (description.trialDaysLeft !== null) {
          expect(Number.isInteger(description.trialDaysLeft)).toBe(true);
          expect(description.trialDaysLeft).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });
});
