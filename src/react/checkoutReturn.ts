/** The markers the library adds to success, cancel and return URLs, and reading them back from the address bar. */

import { BillingError } from '../core/BillingError';
import {
  checkoutReturnParam,
  portalReturnParam,
  returnedErrorParam,
  stripReturnMarkers,
  withCancelMarker,
  withCheckoutMarker,
  withPortalMarker,
} from '../core/markers';

export {
  checkoutReturnParam,
  portalReturnParam,
  returnedErrorParam,
  withCancelMarker,
  withCheckoutMarker,
  withPortalMarker,
};

/** How long the provider polls for the webhook before telling the user it is still coming. */
export const confirmTimeoutMs = 30_000;

/** How long the provider looks for the Portal's changes (they reach Saiku by webhook too) after the return. */
export const portalReturnTimeoutMs = 15_000;

/** Back-off for confirmation polls: 1 s, 1.5 s, 2.25 s … capped at 5 s (about 10 polls in 30 s). */
export function confirmPollDelay(attempt: number): number {
  return Math.min(1000 * 1.5 ** attempt, 5000);
}

/** The current page without our markers: the default success, cancel and return URL. */
export function currentPageUrl(): string | undefined {
  if (typeof window === 'undefined') return undefined;
  const url = new URL(window.location.href);
  stripReturnMarkers(url);
  url.hash = '';
  return url.toString();
}

export interface ReturnMarkers {
  /** The user is back from a completed Checkout. */
  checkout: boolean;
  /** The user is back from a Checkout they canceled. */
  canceled: boolean;
  /** The user is back from the Customer Portal. */
  portal: boolean;
  /** An error code the proxy's form routes sent back, such as `no_customer`. */
  error: string | null;
}

/** Reads our markers from a query string (`window.location.search`). */
export function readReturnMarkers(search: string): ReturnMarkers {
  const params = new URLSearchParams(search);
  const checkout = params.get(checkoutReturnParam);
  return {
    checkout: checkout === 'success',
    canceled: checkout === 'canceled',
    portal: params.get(portalReturnParam) === 'return',
    error: params.get(returnedErrorParam),
  };
}

/** Removes our markers from the address bar without a navigation or a history entry. */
export function clearReturnMarkers(): void {
  if (typeof window === 'undefined') return;
  const url = new URL(window.location.href);
  if (!stripReturnMarkers(url)) return;
  window.history.replaceState(window.history.state, '', url.toString());
}

/**
 * The error a no-JavaScript form route sent the browser back with, as the buttons show it: only
 * `rate_limited` (the proxy's limit on session mints) is an error every billing button shares;
 * `no_customer` is ManageButton's own offer of Checkout.
 */
export function returnedBillingError(code: string | null): BillingError | null {
  return code === 'rate_limited'
    ? new BillingError(code, 'Too many billing sessions.', { status: 429 })
    : null;
}
