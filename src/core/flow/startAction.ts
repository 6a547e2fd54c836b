/**
 * A click on the trip to Stripe: the caller's lock is taken and its pending shown at once, a new tab
 * opened inside the click when asked, and the rest (goToStripe.ts) loaded then, so a page pays for it
 * only when someone clicks.
 */
import { BillingError, toBillingError } from '../BillingError';
import { currentPageUrl, withCancelMarker, withCheckoutMarker, withPortalMarker } from '../markers';
import { hasSubscription, planAction, type PlanInfo } from '../plans';
import type { BillingState, CheckoutSessionInput, PortalSessionInput } from '../types';
import type { BillingFlow } from './billingFlow';

/** Where a session opens: this tab (through the provider's `navigate`) or a new one. */
export type SessionTarget = '_self' | '_blank';

/** What a click asks for. */
export type FlowIntent =
  /** Checkout for a tier (the Portal for a tenant that already has a subscription). */
  | { kind: 'checkout'; input?: Partial<CheckoutSessionInput> }
  /** The Customer Portal, as asked: a `no_customer` answer is the caller's to show. */
  | { kind: 'portal'; input?: Partial<PortalSessionInput>; target?: SessionTarget | undefined }
  /** Whatever the plan rule says this plan's action is for this tenant. */
  | { kind: 'plan'; plan: PlanInfo };

export interface StartActionOptions {
  /** Who asked: the snapshot's call names it. */
  source: string;
  /** What a pending action holds: one action at a time per lock. @default source */
  lock?: string;
  /** Called with each failure, after it is in the snapshot. */
  onError?: ((error: BillingError) => void) | undefined;
  /** Called with the checked URL just before navigating. */
  onNavigate?: ((url: string) => void) | undefined;
  /** The state the page shows, fetched only if nothing has (one try); rejects when it cannot be read. */
  readState: () => Promise<BillingState>;
}

/** How the plan rule sees a tenant whose state cannot be read: no subscription (the proxy has the last word). */
export const noSubscription: BillingState = {
  tenantId: '',
  tier: '',
  stripeCustomerId: null,
  subscriptionStatus: '',
  currentPeriodEnd: null,
  trialEndsAt: null,
  billedFeaturesActive: false,
};

/**
 * What going needs from modules a page with buttons has already loaded. Handed over rather than imported,
 * so no bundler splits them into a shared chunk that every page would fetch on its first load.
 */
const kit = {
  BillingError,
  toBillingError,
  hasSubscription,
  planAction,
  noSubscription,
  currentPageUrl,
  withCheckoutMarker,
  withCancelMarker,
  withPortalMarker,
};
export type GoingKit = typeof kit;

/**
 * Does what `intent` asks, once: while an action holds its lock (from the click until the page leaves,
 * or `leaveTimeoutMs` if it stays) another click under that lock mints nothing. Resolves once the
 * browser is sent (or the action failed); never rejects: failures land in the snapshot's call and
 * `onError`.
 */
export function startAction(
  flow: BillingFlow,
  intent: FlowIntent,
  options: StartActionOptions,
): Promise<void> {
  const { source, lock = source } = options;
  if (flow.getSnapshot().calls[lock]?.pending) return Promise.resolve();
  const settle = (error: BillingError | null, pending = false) =>
    flow.update({ calls: { ...flow.getSnapshot().calls, [lock]: { source, error, pending } } });
  settle(null, true);
  flow.update({ returnedError: null });
  // A new tab must open inside the click (popup blockers allow nothing later); it is pointed at the
  // session once minted. Blocked anyway: this tab goes instead.
  const tab = intent.kind === 'portal' && intent.target === '_blank' ? window.open('', '_blank') : null;
  return import('./goToStripe').then(
    ({ goToStripe }) => goToStripe(flow, intent, options, settle, tab, kit),
    (cause: unknown) => {
      tab?.close();
      const error = new BillingError('network', 'Could not load the billing code; check the connection.', {
        cause,
      });
      settle(error);
      options.onError?.(error);
    },
  );
}
