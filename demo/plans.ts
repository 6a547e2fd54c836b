// The plans the demo host offers: the four seed tiers, prices in minor units as Stripe gives them.
import type { PlanInfo } from '../src';

export const demoPlans: readonly PlanInfo[] = [
  {
    tier: 'starter',
    description: 'For one person trying Saiku.',
    price: { amount: 0, currency: 'usd' },
    features: ['1 workspace', 'Community support'],
  },
  {
    tier: 'team',
    description: 'For a team sharing dashboards.',
    price: { amount: 4900, currency: 'usd', interval: 'month' },
    features: ['10 workspaces', 'Forecasts', 'Scheduled reports'],
    entitlements: ['forecasts', 'scheduled-reports'],
    highlighted: true,
  },
  {
    tier: 'business',
    description: 'For a company with many teams.',
    price: { amount: 14900, currency: 'usd', interval: 'month' },
    features: ['Unlimited workspaces', 'Forecasts', 'Single sign-on'],
    entitlements: ['forecasts', 'scheduled-reports', 'single-sign-on'],
  },
  {
    tier: 'enterprise',
    description: 'Custom contracts, support and hosting.',
    price: 'Custom',
    features: ['Everything in Business', 'A named contact'],
    entitlements: ['forecasts', 'scheduled-reports', 'single-sign-on'],
    contactUrl: 'mailto:sales@acme.test',
  },
];
