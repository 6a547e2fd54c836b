/** The marker the library adds to a Checkout success URL, and reading it back from the address bar. */

import { BillingError } from '../core/BillingError';
import { checkoutReturnParam, returnedErrorParam } from '../core/markers';

export { checkoutReturnParam, returnedErrorParam };

/** How long the provider polls for the webhook before telling the user it is still coming. */
export const confirmTimeoutMs = 30_000;

/** Back-off for confirmation polls: 1 s, 1.5 s, 2.25 s … capped at 5 s (about 10 polls in 30 s). */
export function confirmPollDelay(attempt: number): number {
  return Math.min(1000 * 1.5 ** attempt, 5000);
}

export function withCheckoutMarker(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.searchParams.set(checkoutReturnParam, 'success');
    return parsed.toString();
  } catch {
    return url;
  }
}

/** The current page without our markers: the default success, cancel and return URL. */
export function currentPageUrl(): string | undefined {
  if (typeof window === 'undefined') return undefined;
  const url = new URL(window.location.href);
  url.searchParams.delete(checkoutReturnParam);
  url.searchParams.delete(returnedErrorParam);
  url.hash = '';
  return url.toString();
}

export interface ReturnMarkers {
  /** The user is back from a completed Checkout. */
  checkout: boolean;
  /** An error code the proxy's form routes sent back, such as `no_customer`. */
  error: string | null;
}

/** Reads our markers from a query string (`window.location.search`). */
export function readReturnMarkers(search: string): ReturnMarkers {
  const params = new URLSearchParams(search);
  return { checkout: params.get(checkoutReturnParam) === 'success', error: params.get(returnedErrorParam) };
}

/** Removes our markers from the address bar without a navigation or a history entry. */
export function clearReturnMarkers(): void {
  if (typeof window === 'undefined') return;
  const url = new URL(window.location.href);
  if (!url.searchParams.has(checkoutReturnParam) && !url.searchParams.has(returnedErrorParam)) return;
  url.searchParams.delete(checkoutReturnParam);
  url.searchParams.delete(returnedErrorParam);
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
