import { describe, expect, it } from 'vitest';
import { describeBilling, parseBillingState } from '../../src/core';
import { scenarios } from '../../src/mock';
import { createScenario, scenarioNames } from '../../src/mock/scenarios';
import { DAY, start } from './support';

describe('scenarios', () => {
  it('has every named scenario, each a valid state the library parses unchanged', () => {
    expect(Object.keys(scenarios).sort()).toEqual([...scenarioNames].sort());
    for (const name of scenarioNames) expect(parseBillingState(scenarios[name])).toEqual(scenarios[name]);
  });

  it('is frozen, so one test cannot change another test’s starting point', () => {
    expect(Object.isFrozen(scenarios)).toBe(true);
    expect(Object.isFrozen(scenarios.active)).toBe(true);
  });

  it('starts free on the starter tier with no customer and no billed features', () => {
    expect(createScenario('free', start)).toEqual({
      tenantId: expect.any(String),
      tier: 'starter',
      stripeCustomerId: null,
      subscriptionStatus: '',
      currentPeriodEnd: null,
      trialEndsAt: null,
      billedFeaturesActive: false,
    });
  });

  it.each([
    ['free', '', false],
    ['trialing', 'trialing', true],
    ['trialEndingSoon', 'trialing', true],
    ['active', 'active', true],
    ['pastDue', 'past_due', true],
    ['unpaid', 'unpaid', false],
    ['canceled', 'canceled', false],
    ['enterprise', 'active', true],
    ['paused', 'paused', false],
    ['incomplete', 'incomplete', false],
  ] as const)('%s has status "%s" and billed features %s', (name, status, billed) => {
    const state = createScenario(name, start);
    expect(state.subscriptionStatus).toBe(status);
    expect(state.billedFeaturesActive).toBe(billed);
    expect(state.trialEndsAt !== null).toBe(status === 'trialing');
    expect(state.stripeCustomerId !== null).toBe(name !== 'free');
  });

  it('dates its scenarios relative to the given time', () => {
    const soon = createScenario('trialEndingSoon', start);
    expect(soon.trialEndsAt).toBe(new Date(start.getTime() + 2 * DAY).toISOString());
    expect(describeBilling(soon, { now: start }).trialDaysLeft).toBe(2);
    expect(describeBilling(createScenario('trialing', start), { now: start }).trialDaysLeft).toBe(11);
    expect(Date.parse(createScenario('active', start).currentPeriodEnd ?? '')).toBeGreaterThan(
      start.getTime(),
    );
    expect(Date.parse(createScenario('canceled', start).currentPeriodEnd ?? '')).toBeLessThan(
      start.getTime(),
    );
    expect(createScenario('enterprise', start).tier).toBe('enterprise');
    // Paused: the trial ended without a card; incomplete: the first period has only just begun.
    expect(Date.parse(createScenario('paused', start).currentPeriodEnd ?? '')).toBeLessThan(start.getTime());
    expect(Date.parse(createScenario('incomplete', start).currentPeriodEnd ?? '')).toBeGreaterThan(
      start.getTime(),
    );
  });

  it.each(['paused', 'incomplete'] as const)(
    '%s keeps its subscription: the Portal fixes the payment, Checkout is never offered',
    (name) => {
      const description = describeBilling(createScenario(name, start), { now: start });
      expect(description.action).toBe('manage');
      expect(description.needsPaymentMethod).toBe(true);
      expect(description.hasAccess).toBe(false);
    },
  );

  it('dates the exported record relative to when the module loaded', () => {
    const trialEnd = Date.parse(scenarios.trialEndingSoon.trialEndsAt ?? '');
    expect(Math.abs(trialEnd - (Date.now() + 2 * DAY))).toBeLessThan(DAY);
  });

  it('rejects an unknown name', () => {
    expect(() => createScenario('gold' as never, start)).toThrow(/Unknown billing scenario "gold"/);
  });
});
