/**
 * Going to Stripe, loaded at the first click (startAction.ts holds the lock meanwhile): the state the
 * page has (or one fetched now) and the plan rule decide where a click goes; the session is minted at
 * that moment, its URL checked, the Portal's starting point remembered, the markers added, and the
 * browser sent.
 */
import type { BillingError } from '../BillingError';
import type { PlanInfo } from '../plans';
import { checkRedirect } from '../redirectRule';
import type { BillingState } from '../types';
import type { BillingFlow } from './billingFlow';
import { savePortalSnapshot } from './portalSnapshot';
import type { FlowIntent, GoingKit, StartActionOptions } from './startAction';

type Destination = 'checkout' | 'portal' | 'contact' | null;

/**
 * Does what `intent` asks for the caller that `startAction` locked, and settles its call: pending until
 * the page leaves (or `leaveTimeoutMs` if it stays), or the failure. `tab` is a new tab opened in the click.
 */
export async function goToStripe(
  flow: BillingFlow,
  intent: FlowIntent,
  options: StartActionOptions,
  settle: (error: BillingError | null) => void,
  tab: Window | null,
  kit: GoingKit,
): Promise<void> {
  try {
    // A Checkout asked for by tier is the rule's answer for a plan that is neither free nor a contact
    // link: the Portal for a tenant that has a subscription (on that tier or another), else Checkout.
    const plan: PlanInfo = intent.kind === 'plan' ? intent.plan : { tier: '' };
    const destination = intent.kind === 'portal' ? 'portal' : decide(kit, await readState(options), plan);
    if (destination === 'contact' && plan.contactUrl) flow.options.navigate(plan.contactUrl);
    if (destination === 'checkout' || destination === 'portal') {
      const url = await mint(kit, flow, destination, intent);
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
    const error = kit.toBillingError(caught);
    settle(error);
    options.onError?.(error);
  }
}

/** The state the page shows, fetched if nothing has; unreadable → undefined, for the proxy's guard to decide. */
function readState(options: StartActionOptions): Promise<BillingState | undefined> {
  return options.readState().catch(() => undefined);
}

/** The plan rule, as a destination: a subscriber's own plan is managed in the Portal; a free current plan has none. */
function decide(kit: GoingKit, state: BillingState | undefined, plan: PlanInfo): Destination {
  const kind = kit.planAction(state ?? kit.noSubscription, plan);
  if (kind === 'current') return state && kit.hasSubscription(state) ? 'portal' : null;
  return kind;
}

/**
 * Mints the session the destination needs and returns its checked URL. Stripe's answers lead where
 * the plan rule says: `already_subscribed` (a subscription began since the state was read) to the
 * Portal; `no_customer` (nobody to manage) to Checkout, unless the user asked for the Portal itself.
 */
async function mint(
  kit: GoingKit,
  flow: BillingFlow,
  destination: 'checkout' | 'portal',
  intent: FlowIntent,
): Promise<string> {
  const { BillingError, currentPageUrl, withCancelMarker, withCheckoutMarker, withPortalMarker } = kit;
  // The redirect rule's answer as the error `assertSafeRedirect` throws.
  const assertSafeRedirect = (url: string, hosts: readonly string[]): URL => {
    const checked = checkRedirect(url, hosts);
    if (checked instanceof URL) return checked;
    throw new BillingError('unsafe_redirect', checked.refused, { cause: checked.cause });
  };
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
      window.removeEventListener('pageshow', back);
      resolve();
    };
    const back = (event: PageTransitionEvent) => {
      if (event.persisted) done();
    };
    const timer = setTimeout(done, flow.options.leaveTimeoutMs ?? 10_000);
    window.addEventListener('pageshow', back);
  });
}

/** Whether a backend's rejection (a `BillingError`: the backends reject with nothing else) has `code`. */
function isCode(error: unknown, code: BillingError['code']): boolean {
  return (error as Partial<BillingError> | null)?.code === code;
}

function defined<T extends object>(input: T | undefined): Partial<T> {
  return Object.fromEntries(
    Object.entries(input ?? {}).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
