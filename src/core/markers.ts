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
