/** Query parameters shared by the proxy (which writes them) and the React layer (which reads them). */

/** Added to Checkout's success URL (`=success`) and cancel URL (`=canceled`), so the page knows how it went. */
export const checkoutReturnParam = 'saiku_checkout';
/** Added to the Portal's return URL (`=return`), so the page looks for what the user changed there. */
export const portalReturnParam = 'saiku_portal';
/** Added by the proxy's no-JavaScript form routes when they send the browser back with an error code. */
export const returnedErrorParam = 'billing_error';

/** `url` with `param=value` added; a string that is not an absolute URL is kept as it is, for the server to refuse. */
export function withMarker(url: string, param: string, value: string): string {
  try {
    const parsed = new URL(url);
    parsed.searchParams.set(param, value);
    return parsed.href;
  } catch {
    return url;
  }
}

/** `url` with Checkout's success marker. */
export const withCheckoutMarker = (url: string): string => withMarker(url, checkoutReturnParam, 'success');
/** `url` with Checkout's cancel marker. */
export const withCancelMarker = (url: string): string => withMarker(url, checkoutReturnParam, 'canceled');
/** `url` with the Portal's return marker. */
export const withPortalMarker = (url: string): string => withMarker(url, portalReturnParam, 'return');

/** `url` with the error code a form route sends the browser back with (e.g. `no_customer`). */
export function withReturnedError(url: string, code: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set(returnedErrorParam, code);
  return parsed.href;
}

const markerParams = [checkoutReturnParam, portalReturnParam, returnedErrorParam];

/** Removes every marker from `url` in place; true when it carried any. */
export function stripReturnMarkers(url: URL): boolean {
  const had = markerParams.some((param) => url.searchParams.has(param));
  for (const param of markerParams) url.searchParams.delete(param);
  return had;
}

/** What our markers on a page's address say about how it was reached. */
export interface ReturnMarkers {
  /** Back from a completed Checkout. */
  checkout: boolean;
  /** Back from a Checkout the user canceled. */
  canceled: boolean;
  /** Back from the Customer Portal. */
  portal: boolean;
  /** An error code a no-JavaScript form route sent the browser back with, such as `no_customer`. */
  error: string | null;
}

/**
 * Reads our markers from a query string (`window.location.search`). A returned error means the user
 * never reached Stripe, so it outweighs a trip marker left beside it.
 */
export function readReturnMarkers(search: string): ReturnMarkers {
  const params = new URLSearchParams(search);
  const checkout = params.get(checkoutReturnParam);
  const error = params.get(returnedErrorParam);
  const trip = error === null;
  return {
    checkout: trip && checkout === 'success',
    canceled: trip && checkout === 'canceled',
    portal: trip && params.get(portalReturnParam) === 'return',
    error,
  };
}

/** The current page without our markers or its hash: the default success, cancel and return URL. */
export function currentPageUrl(): string | undefined {
  if (typeof window === 'undefined') return undefined;
  const url = new URL(window.location.href);
  stripReturnMarkers(url);
  url.hash = '';
  return url.href;
}

/** Removes our markers from the address bar without a navigation or a history entry. */
export function clearReturnMarkers(): void {
  if (typeof window === 'undefined') return;
  const url = new URL(window.location.href);
  if (stripReturnMarkers(url)) window.history.replaceState(window.history.state, '', url.href);
}
