/**
 * The paywall's open and closed state, in the flow's store: one per provider, so `usePaywall()` in any
 * component opens the one `<Paywall />` under the same provider. Its own file, so only pages that
 * import the paywall carry it.
 */
import { plansUnlocking, type AccessRequirement } from '../access';
import type { PlanInfo } from '../plans';
import type { BillingFlow } from './billingFlow';

const noPlans: readonly PlanInfo[] = [];

// How many paywalls each flow has on the page, so opening one that is not there is reported in development.
const mounted = new WeakMap<BillingFlow, number>();

/** A `<Paywall>` is on the page for `flow`; the function takes it off. */
export function mountPaywall(flow: BillingFlow): () => void {
  mounted.set(flow, (mounted.get(flow) ?? 0) + 1);
  return () => mounted.set(flow, (mounted.get(flow) ?? 1) - 1);
}

/** Opens the paywall for `requirement` (none: any paid plan); `paywall_opened` once, when it was closed. */
export function openPaywall(flow: BillingFlow, requirement?: AccessRequirement): void {
  // The one rule reads the requirement: a malformed one is a TypeError here, at the click, not in a render.
  if (requirement !== undefined) plansUnlocking(requirement, noPlans);
  if (process.env.NODE_ENV !== 'production' && !mounted.get(flow))
    console.warn(
      '[@saiku/billing-react] usePaywall().open() found no <Paywall /> under this <BillingProvider>, so nothing ' +
        'is shown. Place <Paywall /> once anywhere under the provider.',
    );
  const wasOpen = isPaywallOpen(flow);
  flow.update({ paywall: { requirement } });
  if (!wasOpen)
    flow.emit(
      requirement === undefined ? { type: 'paywall_opened' } : { type: 'paywall_opened', requirement },
    );
}

/** Closes the paywall; `paywall_closed` once, when it was open. */
export function closePaywall(flow: BillingFlow): void {
  if (!isPaywallOpen(flow)) return;
  flow.update({ paywall: null });
  flow.emit({ type: 'paywall_closed' });
}

export function isPaywallOpen(flow: BillingFlow): boolean {
  return !!flow.getSnapshot().paywall;
}
