/**
 * What the no-JavaScript form routes do where a `fetch` caller would handle it itself: return URLs
 * a form leaves out, the way back with an error code, and the portal form's way to Stripe.
 */
import { BillingError } from '../core/BillingError';
import { stripReturnMarkers, withReturnedError } from '../core/markers';
import type { Call } from './call';
import { checkReturnUrl } from './checkInput';
import { Reply, seeOther } from './replies';
import { checkSessionUrl, saikuFailed } from './upstream';

/** A browser's form post asks for a page, so its errors are answered with one. */
export function acceptsHtml(request: Request): boolean {
  return (request.headers.get('accept') ?? '').toLowerCase().includes('text/html');
}

// A defaulted success, cancel or return URL carries its marker (as the client's do), so the page knows
// how the trip went; the page URL a form came from never keeps an old one.

/**
 * Where a form post returns when it names no URL: the page it came from (`Referer`) when that page
 * is an acceptable return URL, else the root of the origin it came from.
 */
export function formFallbackUrl(request: Request, url: URL, allowedOrigins: ReadonlySet<string>): string {
  const referer = request.headers.get('referer');
  const checked = referer === null ? null : checkReturnUrl('Referer', referer, allowedOrigins);
  if (typeof checked === 'string') {
    const page = new URL(checked);
    stripReturnMarkers(page);
    page.hash = '';
    return page.href;
  }
  const origin = request.headers.get('origin');
  const home =
    origin !== null && allowedOrigins.has(origin)
      ? origin
      : allowedOrigins.has(url.origin)
        ? url.origin
        : [...allowedOrigins][0];
  return `${home ?? url.origin}/`;
}

/**
 * Where a form route sends the browser back with an error code: the page without its return markers,
 * since the user never reached Stripe (a marker left on reads as a trip there and back).
 */
export function backWithError(page: string, code: 'no_customer' | 'rate_limited'): string {
  const url = new URL(page);
  stripReturnMarkers(url);
  return withReturnedError(url.href, code);
}

/**
 * The portal form's answer: 303 to a new Portal session; 303 back to the page with
 * `billing_error=no_customer` when there is nothing to manage (it offers Checkout); else Saiku's failure.
 */
export async function portalRedirect(call: Call, returnUrl: string): Promise<Reply> {
  let url: string;
  try {
    ({ url } = await call.client.createPortalSession({ returnUrl }));
  } catch (caught) {
    if (caught instanceof BillingError && caught.code === 'no_customer')
      return seeOther(backWithError(returnUrl, 'no_customer'));
    return saikuFailed(call, caught);
  }
  const location = checkSessionUrl(call, url);
  return location instanceof Reply ? location : seeOther(location);
}
