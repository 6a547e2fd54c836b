import { describe, expect, it } from 'vitest';
import { canAccess, plansUnlocking, type AccessRequirement, type PlanInfo } from '../../src/core';
import { stateWith } from './fixtures';

const plans = [
  { tier: 'starter', price: { amount: 0, currency: 'usd' } },
  { tier: 'team', entitlements: ['forecasts'], price: { amount: 4900, currency: 'usd', interval: 'month' } },
  { tier: 'business', entitlements: ['forecasts', 'sso'], price: { amount: 19900, currency: 'usd' } },
  { tier: 'enterprise', entitlements: ['forecasts', 'sso', 'audit'], contactUrl: 'https://acme.test/sales' },
] as const satisfies readonly PlanInfo[];
/** The same plans typed as any host's `PlanInfo[]`, so requirements may name keys the plans lack. */
const wide: readonly PlanInfo[] = plans;

const statuses = ['', 'trialing', 'active', 'past_due', 'unpaid', 'canceled', 'paused', 'incomplete'];
const tiers = ['starter', 'team', 'business', 'enterprise', 'platinum'];
const requirements: (AccessRequirement | undefined)[] = [
  undefined,
  { feature: 'forecasts' },
  { feature: 'sso' },
  { feature: 'audit' },
  { feature: 'unheard-of' },
  { tier: 'starter' },
  { tier: 'team' },
  { tier: 'business' },
  { tier: 'enterprise' },
  { tier: 'platinum' },
];

/** What each tenant tier may use with billed features on, written out by hand. */
const granted: Record<string, string[]> = {
  starter: ['any', 'tier:starter'],
  team: ['any', 'feature:forecasts', 'tier:starter', 'tier:team'],
  business: ['any', 'feature:forecasts', 'feature:sso', 'tier:starter', 'tier:team', 'tier:business'],
  enterprise: [
    'any',
    'feature:forecasts',
    'feature:sso',
    'feature:audit',
    'tier:starter',
    'tier:team',
    'tier:business',
    'tier:enterprise',
  ],
  // Known to no order: only "billed features on" with no requirement grants it.
  platinum: ['any'],
};

function name(requirement: AccessRequirement | undefined): string {
  if (requirement === undefined) return 'any';
  return 'feature' in requirement ? `feature:${requirement.feature}` : `tier:${requirement.tier}`;
}

describe('canAccess', () => {
  const rows = statuses.flatMap((status) =>
    tiers.flatMap((tier) =>
      [true, false].flatMap((active) =>
        requirements.map((requirement) => ({ status, tier, active, requirement })),
      ),
    ),
  );

  it.each(rows)(
    'status $status, tier $tier, billed features $active: $requirement',
    ({ status, tier, active, requirement }) => {
      const state = stateWith({ subscriptionStatus: status, tier, billedFeaturesActive: active });
      const expected = active && (granted[tier] ?? []).includes(name(requirement));
      expect(canAccess(state, requirement, wide)).toBe(expected);
    },
  );

  it('follows the plans’ order, not the seed’s, for tiers the plans name', () => {
    const reversed = [{ tier: 'business' }, { tier: 'team' }] as const;
    const team = stateWith({ tier: 'team' });
    expect(canAccess(team, { tier: 'business' }, reversed)).toBe(true);
    expect(canAccess(stateWith({ tier: 'business' }), { tier: 'team' }, reversed)).toBe(false);
  });

  it('places seed tiers the plans leave out after the nearest lower seed tier they include', () => {
    // Plans sell team and enterprise only: business still stands between them, starter below team.
    const sparse = [{ tier: 'team' }, { tier: 'enterprise' }] as const;
    expect(canAccess(stateWith({ tier: 'business' }), { tier: 'team' }, sparse)).toBe(true);
    expect(canAccess(stateWith({ tier: 'business' }), { tier: 'enterprise' }, sparse)).toBe(false);
    expect(canAccess(stateWith({ tier: 'starter' }), { tier: 'team' }, sparse)).toBe(false);
    expect(canAccess(stateWith({ tier: 'team' }), { tier: 'starter' }, sparse)).toBe(true);
  });

  it('orders a host’s own tiers by the plans, and grants an unknown required tier to nobody', () => {
    const own = [{ tier: 'basic' }, { tier: 'pro' }] as const;
    expect(canAccess(stateWith({ tier: 'pro' }), { tier: 'basic' }, own)).toBe(true);
    expect(canAccess(stateWith({ tier: 'basic' }), { tier: 'pro' }, own)).toBe(false);
    expect(canAccess(stateWith({ tier: 'enterprise' }), { tier: 'ultra' }, own)).toBe(false);
  });

  it('does not inherit entitlements from lower plans', () => {
    const partial = [{ tier: 'team', entitlements: ['forecasts'] }, { tier: 'business' }] as const;
    expect(canAccess(stateWith({ tier: 'business' }), { feature: 'forecasts' }, partial)).toBe(false);
  });

  it('grants nothing by feature with no plans, and by tier follows the seed’s order', () => {
    expect(canAccess(stateWith({ tier: 'enterprise' }), { feature: 'forecasts' }, [] as PlanInfo[])).toBe(
      false,
    );
    expect(canAccess(stateWith({ tier: 'business' }), { tier: 'team' }, [])).toBe(true);
    expect(canAccess(stateWith({ tier: 'team' }), { tier: 'business' }, [])).toBe(false);
  });

  it.each([{}, { feature: '' }, { tier: 7 }, { feature: 'sso', tier: 'team' }, null, 'forecasts'])(
    'refuses a malformed requirement %j with a TypeError',
    (requirement) => {
      expect(() => canAccess(stateWith(), requirement as never, wide)).toThrow(TypeError);
    },
  );
});

describe('plansUnlocking', () => {
  const tiersOf = (list: readonly PlanInfo[]) => list.map((plan) => plan.tier);

  it('lists the plans whose entitlements name the feature, in the plans’ order', () => {
    expect(tiersOf(plansUnlocking({ feature: 'forecasts' }, plans))).toEqual([
      'team',
      'business',
      'enterprise',
    ]);
    expect(tiersOf(plansUnlocking({ feature: 'audit' }, plans))).toEqual(['enterprise']);
    expect(plansUnlocking({ feature: 'unheard-of' }, wide)).toEqual([]);
  });

  it('lists the plans at or above a tier', () => {
    expect(tiersOf(plansUnlocking({ tier: 'business' }, plans))).toEqual(['business', 'enterprise']);
    expect(plansUnlocking({ tier: 'platinum' }, plans)).toEqual([]);
  });

  it('returns the host’s plan objects themselves', () => {
    expect(plansUnlocking({ tier: 'enterprise' }, plans)[0]).toBe(plans[3]);
  });

  it('with no requirement, lists every plan that is not free', () => {
    expect(tiersOf(plansUnlocking(undefined, plans))).toEqual(['team', 'business', 'enterprise']);
  });

  it('agrees with canAccess: a tenant on any plan it lists is granted', () => {
    for (const requirement of requirements) {
      for (const plan of plansUnlocking(requirement, wide)) {
        const state = stateWith({ tier: plan.tier, billedFeaturesActive: true });
        expect(canAccess(state, requirement, wide), `${plan.tier} ${name(requirement)}`).toBe(true);
      }
    }
  });
});
