/**
 * Access: what a tenant's plan pays for. One rule, used by the browser (to shape the UI) and the
 * server (to refuse the work), so the two never disagree about who may use a feature.
 */
import { isFreePlan, type PlanInfo } from './plans';
import { knownTiers } from './tiers';
import type { BillingState, Tier } from './types';

/**
 * What a gated action needs: a feature key some plan lists in `entitlements`, or a tier at or above
 * which access is granted. `Feature` narrows the keys to those a host's plans declare (`as const`).
 */
export type AccessRequirement<Feature extends string = string> = { feature: Feature } | { tier: Tier };

/**
 * The feature keys a list of plans declares: with plans written `as const`, the union of their
 * `entitlements` (a typo in a requirement is a type error); with `PlanInfo[]`, any string.
 */
export type PlanFeature<Plans extends readonly PlanInfo[]> = PlanInfo extends Plans[number]
  ? string
  : Plans[number] extends infer Plan
    ? Plan extends { readonly entitlements: readonly (infer Feature extends string)[] }
      ? Feature
      : never
    : never;

/**
 * The order tiers stand in: the plans' own order, with each of the seed's tiers the plans leave out
 * placed right after the nearest seed tier below it that they include (first when there is none).
 */
function tierOrder(plans: readonly PlanInfo[]): string[] {
  const order = [...new Set(plans.map((plan) => plan.tier))];
  knownTiers.forEach((tier, seedRank) => {
    if (order.includes(tier)) return;
    const lower = knownTiers.slice(0, seedRank).findLast((below) => order.includes(below));
    order.splice(lower === undefined ? 0 : order.indexOf(lower) + 1, 0, tier);
  });
  return order;
}

/** The requirement as a checked value; a malformed one (neither key a non-empty string) is a TypeError. */
function readRequirement(requirement: AccessRequirement): { feature: string } | { tier: string } {
  const value: unknown = requirement;
  if (typeof value === 'object' && value !== null) {
    const { feature, tier } = value as { feature?: unknown; tier?: unknown };
    if (typeof feature === 'string' && feature !== '' && tier === undefined) return { feature };
    if (typeof tier === 'string' && tier !== '' && feature === undefined) return { tier };
  }
  throw new TypeError(
    `An access requirement is { feature: string } or { tier: string }, got ${JSON.stringify(value)}`,
  );
}

/** Whether a plan on `tier` grants the requirement, by the plans' entitlements or the tier order. */
function grants(
  tier: string,
  requirement: { feature: string } | { tier: string },
  plans: readonly PlanInfo[],
) {
  if ('feature' in requirement) {
    const plan = plans.find((candidate) => candidate.tier === tier);
    return plan?.entitlements?.includes(requirement.feature) ?? false;
  }
  const order = tierOrder(plans);
  const held = order.indexOf(tier);
  const needed = order.indexOf(requirement.tier);
  return held !== -1 && needed !== -1 && held >= needed;
}

/**
 * Whether the tenant may use what `requirement` names: never while billed features are off; with no
 * requirement, whenever they are on; for a feature, when the plan of the tenant's tier lists it in
 * `entitlements` (not inherited from lower plans); for a tier, when the tenant's tier stands at or
 * above it. An unknown tenant tier, or a required tier known to no order, grants nothing.
 */
export function canAccess<const Plans extends readonly PlanInfo[]>(
  state: BillingState,
  requirement: AccessRequirement<NoInfer<PlanFeature<Plans>>> | undefined,
  plans: Plans,
): boolean {
  if (!state.billedFeaturesActive) return false;
  if (requirement === undefined) return true;
  return grants(state.tier, readRequirement(requirement), plans);
}

/**
 * The plans that would grant `requirement`, in the plans' order: those listing the feature, or those
 * at or above the tier. With no requirement, every plan that is not free (billed features come with
 * any paid plan).
 */
export function plansUnlocking<const Plans extends readonly PlanInfo[]>(
  requirement: AccessRequirement<NoInfer<PlanFeature<Plans>>> | undefined,
  plans: Plans,
): Plans[number][] {
  if (requirement === undefined) {
    return plans.filter((plan) => !isFreePlan(plan));
  }
  const checked = readRequirement(requirement);
  return plans.filter((plan) => grants(plan.tier, checked, plans));
}
