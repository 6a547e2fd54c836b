/** Named billing states for tests, stories and the demo: one tenant at each point of the lifecycle. */
import { parseBillingState } from '../core/parse';
import type { BillingState } from '../core/types';
import { DAY_MS, addMonths, iso } from './time';

/** The lifecycle points the simulator, stories and tests can start from. */
export type ScenarioName =
  | 'free'
  | 'trialing'
  | 'trialEndingSoon'
  | 'active'
  | 'pastDue'
  | 'unpaid'
  | 'canceled'
  | 'enterprise'
  | 'paused'
  | 'incomplete';

export const scenarioNames: readonly ScenarioName[] = [
  'free',
  'trialing',
  'trialEndingSoon',
  'active',
  'pastDue',
  'unpaid',
  'canceled',
  'enterprise',
  'paused',
  'incomplete',
];

/** The tenant id every scenario carries (the simulator gives each of its tenants its own). */
export const scenarioTenantId = '8f14e45f-ceea-4e7a-9f2b-0c5d1a2b3c4d';

/**
 * Builds a scenario's state with its dates relative to `now`:
 *
 * - `free`: tier `starter`, no customer, status `''`, no billed features.
 * - `trialing`: Team, 14-day trial started 3 days ago (11 days left).
 * - `trialEndingSoon`: Team, trial ends in 2 days.
 * - `active`: Team, renews in 18 days.
 * - `pastDue`: Team, the renewal 3 days ago failed; still has access while Stripe retries.
 * - `unpaid`: Team, the renewal 20 days ago failed and retries ran out; no access.
 * - `canceled`: Team, access ended 5 days ago.
 * - `enterprise`: Enterprise, active, renews in 25 days.
 * - `paused`: Team, the trial ended 4 days ago without a card, so Stripe paused the subscription; no access.
 * - `incomplete`: Team, the first payment needs the user (e.g. 3-D Secure) and is not finished; no access.
 */
export function createScenario(name: ScenarioName, now: Date = new Date()): BillingState {
  const t = now.getTime();
  const subscribed = {
    tenantId: scenarioTenantId,
    tier: 'team',
    stripeCustomerId: 'cus_sim_scenario',
    trialEndsAt: null,
  };
  let state: BillingState;
  switch (name) {
    case 'free':
      state = {
        tenantId: scenarioTenantId,
        tier: 'starter',
        stripeCustomerId: null,
        subscriptionStatus: '',
        currentPeriodEnd: null,
        trialEndsAt: null,
        billedFeaturesActive: false,
      };
      break;
    case 'trialing':
    case 'trialEndingSoon': {
      const trialEnd = iso(t + (name === 'trialing' ? 11 : 2) * DAY_MS);
      state = {
        ...subscribed,
        subscriptionStatus: 'trialing',
        currentPeriodEnd: trialEnd,
        trialEndsAt: trialEnd,
        billedFeaturesActive: true,
      };
      break;
    }
    case 'active':
      state = {
        ...subscribed,
        subscriptionStatus: 'active',
        currentPeriodEnd: iso(t + 18 * DAY_MS),
        billedFeaturesActive: true,
      };
      break;
    case 'pastDue':
      state = {
        ...subscribed,
        subscriptionStatus: 'past_due',
        currentPeriodEnd: iso(addMonths(t - 3 * DAY_MS, 1)),
        billedFeaturesActive: true,
      };
      break;
    case 'unpaid':
      state = {
        ...subscribed,
        subscriptionStatus: 'unpaid',
        currentPeriodEnd: iso(addMonths(t - 20 * DAY_MS, 1)),
        billedFeaturesActive: false,
      };
      break;
    case 'canceled':
      state = {
        ...subscribed,
        subscriptionStatus: 'canceled',
        currentPeriodEnd: iso(t - 5 * DAY_MS),
        billedFeaturesActive: false,
      };
      break;
    case 'enterprise':
      state = {
        ...subscribed,
        tier: 'enterprise',
        subscriptionStatus: 'active',
        currentPeriodEnd: iso(t + 25 * DAY_MS),
        billedFeaturesActive: true,
      };
      break;
    case 'paused':
      state = {
        ...subscribed,
        subscriptionStatus: 'paused',
        currentPeriodEnd: iso(t - 4 * DAY_MS),
        billedFeaturesActive: false,
      };
      break;
    case 'incomplete':
      state = {
        ...subscribed,
        subscriptionStatus: 'incomplete',
        currentPeriodEnd: iso(addMonths(t, 1)),
        billedFeaturesActive: false,
      };
      break;
    default:
      throw new TypeError(`Unknown billing scenario "${String(name)}". Known: ${scenarioNames.join(', ')}.`);
  }
  // The same parser the library runs on real answers: a scenario is always a valid state.
  return parseBillingState(state);
}

function buildAll(now: Date): Record<ScenarioName, BillingState> {
  const all = {} as Record<ScenarioName, BillingState>;
  for (const name of scenarioNames) all[name] = Object.freeze(createScenario(name, now));
  return Object.freeze(all);
}

/**
 * Every scenario, frozen, with dates relative to the moment this module was loaded
 * (use `createScenario(name, now)` for another clock).
 */
export const scenarios: Record<ScenarioName, BillingState> = buildAll(new Date());
