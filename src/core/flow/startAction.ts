/**
 * Going to Stripe: from a click to the page leaving. The state the page has (or one fetched now)
 * and the plan rule decide where a click goes; the session is minted at that moment, its URL
 * checked, the Portal's starting point remembered, the markers added, and the browser sent.
 */
import { BillingError, toBillingError } from '../BillingError';
import { currentPageUrl, withCancelMarker, withCheckoutMarker, withPortalMarker } from '../markers';
import { hasSubscription, planAction, type PlanInfo } from '../plans';
import { assertSafeRedirect } from '../redirect';
import type { BillingState, CheckoutSessionInput, PortalSessionInput } from '../types';
import type { BillingFlow } from './billingFlow';
import { savePortalSnapshot } from './portalSnapshot';

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

type Destination = 'checkout' | 'portal' | 'contact' | null;

/**
 * Does what `intent` asks, once: while an action holds its lock (from the click until the page leaves,
 * or `leaveTimeoutMs` if it stays) another click under that lock mints nothing. Never rejects:
 * failures land in the snapshot's call and `onError`.
 */
export async function startAction(
  flow: BillingFlow,
  intent: FlowIntent,
  options: StartActionOptions,
): Promise<void> {
  const { source, lock = source } = options;
  if (flow.getSnapshot().calls[lock]?.pending) return;
  const settle = (error: BillingError | null, pending = false) =>
    flow.update({ calls: { ...flow.getSnapshot().calls, [lock]: { source, error, pending } } });
  settle(null, true);
  flow.update({ returnedError: null });
  // A new tab must open inside the click (popup blockers allow nothing later); it is pointed at the
  // session once minted. Blocked anyway: this tab goes instead.
  const tab = intent.kind === 'portal' && intent.target === '_blank' ? window.open('', '_blank') : null;
  try {
    const plan: PlanInfo =
      intent.kind === 'plan'
        ? intent.plan
        : { tier: (intent.kind === 'checkout' && intent.input?.tier) || flow.options.checkout.tier || '' };
    const destination = intent.kind === 'portal' ? 'portal' : decide(await readState(flow), plan);
    if (destination === 'contact' && plan.contactUrl) flow.options.navigate(plan.contactUrl);
    if (destination === 'checkout' || destination === 'portal') {
      const url = await mint(flow, destination, intent);
      options.onNavigate?.(url);
      if (tab) {
        tab.opener = null;
        tab.location.href = url;
      } else {
        flow.options.navigate(url);
        // Resolved now, for a caller that awaits the click; pending until the page is gone.
        void leave(flow).then(() => settle(null));
        return;
      }
    }
    settle(null);
  } catch (caught) {
    tab?.close();
    const error = toBillingError(caught);
    settle(error);
    options.onError?.(error);
  }
}

/** The state the page shows, fetched if nothing has; unreadable → undefined, for the proxy's guard to decide. */
function readState(flow: BillingFlow): Promise<BillingState | undefined> {
  return flow.options.readState().catch(() => undefined);
}

/** The plan rule, as a destination: a subscriber's own plan is managed in the Portal; a free current plan has none. */
function decide(state: BillingState | undefined, plan: PlanInfo): Destination {
  const kind = planAction(state ?? noSubscription, plan);
  if (kind === 'current') return state && hasSubscription(state) ? 'portal' : null;
  return kind;
}

/**
 * Mints the session the destination needs and returns its checked URL. Stripe's answers lead where
 * the plan rule says: `already_subscribed` (a subscription began since the state was read) to the
 * Portal; `no_customer` (nobody to manage) to Checkout, unless the user asked for the Portal itself.
 */
async function mint(
  flow: BillingFlow,
  destination: 'checkout' | 'portal',
  intent: FlowIntent,
): Promise<string> {
  const { backend, allowedRedirectHosts } = flow.options;
  const here = currentPageUrl();
  const checkout = {
    ...flow.options.checkout,
    ...defined(intent.kind === 'checkout' ? intent.input : undefined),
  };
  if (intent.kind === 'plan') checkout.tier = intent.plan.tier;
  const returnUrl =
    (intent.kind === 'portal' ? intent.input?.returnUrl : undefined) ??
    flow.options.portal.returnUrl ??
    (intent.kind === 'portal' ? here : (checkout.cancelUrl ?? here));

  const toPortal = async (): Promise<string> => {
    if (!returnUrl)
      throw new BillingError('invalid_request', 'The portal needs a returnUrl outside a browser.');
    // What the page shows now, so the return can tell what the user changed in the Portal. Saved
    // before a new tab opens: it starts with a copy of this tab's sessionStorage.
    savePortalSnapshot(flow.options.peekState());
    const session = await backend.createPortalSession({ returnUrl: withPortalMarker(returnUrl) });
    const url = assertSafeRedirect(session.url, allowedRedirectHosts).href;
    flow.emit({ type: 'portal_opened' });
    return url;
  };
  const toCheckout = async (): Promise<string> => {
    const { tier, email, name } = checkout;
    const successUrl = checkout.successUrl ?? here;
    const cancelUrl = checkout.cancelUrl ?? here;
    if (!tier) {
      throw new BillingError(
        'invalid_request',
        "Choose a plan: pass `tier` to start() or the provider's `checkout` prop.",
      );
    }
    if (!successUrl || !cancelUrl) {
      throw new BillingError('invalid_request', 'Checkout needs successUrl and cancelUrl outside a browser.');
    }
    flow.emit({ type: 'checkout_started', tier });
    const session = await backend
      .createCheckoutSession({
        tier,
        ...(email === undefined ? {} : { email }),
        ...(name === undefined ? {} : { name }),
        successUrl: withCheckoutMarker(successUrl),
        cancelUrl: withCancelMarker(cancelUrl),
      })
      .catch((caught: unknown) => {
        if (isCode(caught, 'already_subscribed')) return null;
        throw caught;
      });
    return session ? assertSafeRedirect(session.url, allowedRedirectHosts).href : toPortal();
  };

  if (destination === 'checkout') return toCheckout();
  try {
    return await toPortal();
  } catch (caught) {
    if (intent.kind === 'portal' || !isCode(caught, 'no_customer')) throw caught;
    // The state said subscribed, Stripe has nobody to manage: nothing a Checkout could duplicate.
    return toCheckout();
  }
}

/**
 * Waits until the page leaves: it is hidden and gone (and this never settles), or comes back from
 * the back/forward cache, or stays past `leaveTimeoutMs` (a blocked navigation, a host `navigate`
 * that does not leave).
 */
function leave(flow: BillingFlow): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      forget();
      resolve();
    };
    const timer = setTimeout(done, flow.options.leaveTimeoutMs ?? 10_000);
    const forget = flow.leaving(done);
  });
}

function isCode(error: unknown, code: BillingError['code']): boolean {
  return error instanceof BillingError && error.code === code;
}

function defined<T extends object>(input: T | undefined): Partial<T> {
  return Object.fromEntries(
    Object.entries(input ?? {}).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
