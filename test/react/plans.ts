// The four seed tiers as a host would offer them, for the pricing table's tests.
import type { PlanInfo } from '../../src';

export const seedPlans: readonly PlanInfo[] = [
  {
    tier: 'starter',
    description: 'For trying Saiku on your own.',
    price: { amount: 0, currency: 'usd' },
    features: ['1 workspace', 'Community support'],
  },
  {
    tier: 'team',
    description: 'For teams that share dashboards.',
    price: { amount: 4900, currency: 'usd', interval: 'month' },
    features: ['10 workspaces', 'Scheduled reports'],
    highlighted: true,
  },
  {
    tier: 'business',
    description: 'For companies with many teams.',
    price: { amount: 9900, currency: 'usd', interval: 'month' },
    features: ['Unlimited workspaces', 'SSO'],
  },
  {
    tier: 'enterprise',
    description: 'Custom contracts and support.',
    price: 'Custom',
    contactUrl: 'https://saiku.bi/contact-sales',
  },
];

/**
 * The same plans with what each unlocks: forecasts from Team up, SSO on Business only (listed in full,
 * as entitlements are not inherited), and an enterprise plan that sells by contact.
 */
export const entitledPlans: readonly PlanInfo[] = seedPlans.map((plan) => ({
  ...plan,
  entitlements: {
    starter: [],
    team: ['forecasts'],
    business: ['forecasts', 'sso'],
    enterprise: ['forecasts', 'sso', 'audit-log'],
  }[plan.tier as 'starter' | 'team' | 'business' | 'enterprise'],
}));
