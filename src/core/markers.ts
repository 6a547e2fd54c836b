/** Query parameters shared by the proxy (which writes them) and the React layer (which reads them). */

/** Added to a Checkout success URL, so the page knows the user just paid and confirms it. */
export const checkoutReturnParam = 'saiku_checkout';
/** Added by the proxy's no-JavaScript form routes when they send the browser back with an error code. */
export const returnedErrorParam = 'billing_error';

/** `url` with the Checkout marker added; a string that is not an absolute URL is returned as it is. */
export function withCheckoutMarker(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.searchParams.set(checkoutReturnParam, 'success');
    return parsed.href;
  } catch {
    return url;
  }
}

/** `url` with the error code a form route sends the browser back with (e.g. `no_customer`). */
export function withReturnedError(url: string, code: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set(returnedErrorParam, code);
  return parsed.href;
}

/** Removes both markers from `url` in place; true when it carried either. */
export function stripReturnMarkers(url: URL): boolean {
  const had = url.searchParams.has(checkoutReturnParam) || url.searchParams.has(returnedErrorParam);
  url.searchParams.delete(checkoutReturnParam);
  url.searchParams.delete(returnedErrorParam);
  return had;
}
