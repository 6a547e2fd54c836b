/** Putting a tenant in a scenario at `now`: a named one, or a partial state laid over the one its status names. */
import { parseBillingState } from '../core/parse';
import type { BillingState } from '../core/types';
import { simulatorSchedule, type Tenant } from './lifecycle';
import { createScenario, scenarioNames, type ScenarioName } from './scenarios';
import { DAY_MS, addMonths } from './time';

/** The scenario a partial state is laid over, by its status. */
const scenarioForStatus: Record<string, ScenarioName> = {
  '': 'free',
  trialing: 'trialing',
  active: 'active',
  past_due: 'pastDue',
  unpaid: 'unpaid',
  canceled: 'canceled',
};

/** A named scenario at `now`, or a partial state laid over the scenario its status names. */
export function resolveScenario(scenario: ScenarioName | Partial<BillingState>, now: number): BillingState {
  if (typeof scenario === 'string') {
    if (!scenarioNames.includes(scenario)) {
      throw new TypeError(`Unknown billing scenario "${scenario}". Known: ${scenarioNames.join(', ')}.`);
    }
    return createScenario(scenario, new Date(now));
  }
  if (typeof scenario !== 'object' || scenario === null) {
    throw new TypeError('scenario must be a scenario name or a partial BillingState.');
  }
  const status = scenario.subscriptionStatus ?? '';
  const base = createScenario(
    Object.hasOwn(scenarioForStatus, status) ? (scenarioForStatus[status] ?? 'free') : 'free',
    new Date(now),
  );
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(scenario)) if (value !== undefined) merged[key] = value;
  // A trial given only by its end: the period ends with it.
  if (
    status === 'trialing' &&
    typeof scenario.trialEndsAt === 'string' &&
    scenario.currentPeriodEnd === undefined
  ) {
    merged.currentPeriodEnd = scenario.trialEndsAt;
  }
  return parseBillingState(merged);
}

/** Puts `tenant` in `scenario` at `now`, dropping its pending webhooks and flags; keeps `tenantId` unless given. */
export function applyScenario(
  tenant: Tenant,
  scenario: ScenarioName | Partial<BillingState>,
  tenantId: string,
  now: number,
): void {
  const state = resolveScenario(scenario, now);
  const explicitTenantId = typeof scenario === 'object' && scenario.tenantId !== undefined;
  if (!explicitTenantId) state.tenantId = tenantId;
  tenant.state = state;
  tenant.hadTrial = state.subscriptionStatus !== '';
  tenant.failNext = false;
  tenant.webhooks = [];
  const end = state.currentPeriodEnd === null ? null : Date.parse(state.currentPeriodEnd);
  // Canceled with access left is a cancel at period end; settle() ends the access when that period is over.
  tenant.canceledFrom =
    state.subscriptionStatus === 'canceled' && state.billedFeaturesActive && end !== null ? 'active' : null;
  tenant.dunningStart = inferDunningStart(state, end, now);
}

/** Where a `past_due` or `unpaid` tenant is on the retry schedule, from the period the failed charge began. */
function inferDunningStart(state: BillingState, end: number | null, now: number): number | null {
  const status = state.subscriptionStatus;
  if (status !== 'past_due' && status !== 'unpaid') return null;
  const failedAt = end === null ? null : addMonths(end, -1);
  const unpaidAfter = simulatorSchedule.unpaidAfterDays * DAY_MS;
  const canceledAfter = simulatorSchedule.canceledAfterDays * DAY_MS;
  if (status === 'past_due') {
    return failedAt !== null && failedAt <= now && failedAt > now - unpaidAfter ? failedAt : now;
  }
  return failedAt !== null && failedAt <= now - unpaidAfter && failedAt > now - canceledAfter
    ? failedAt
    : now - unpaidAfter;
}
