/**
 * What the no-JavaScript form routes do where a `fetch` caller would handle it itself: return URLs
 * a form leaves out, and the portal form's way back when there is no customer to manage.
 */
import { BillingError } from '../core/BillingError';
import { stripReturnMarkers, withReturnedError } from '../core/markers';
import type { BillingBackend } from '../core/types';
import { checkReturnUrl } from './checkInput';
import { asUpstreamFailure, checkSessionUrl } from './upstream';

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
  if (referer !== null) {
    try {
      const page = new URL(checkReturnUrl('Referer', referer, allowedOrigins));
      stripReturnMarkers(page);
      page.hash = '';
      return page.href;
    } catch {
      // not acceptable: fall back to the origin root
    }
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

/** The portal form's next stop: Stripe, or back to the page with `billing_error=no_customer` to offer Checkout. */
export async function portalLocation(
  client: BillingBackend,
  returnUrl: string,
  allowedHosts: readonly string[],
): Promise<string> {
  try {
    return checkSessionUrl((await client.createPortalSession({ returnUrl })).url, allowedHosts);
  } catch (caught) {
    if (!(caught instanceof BillingError) || caught.code !== 'no_customer') throw asUpstreamFailure(caught);
    return backWithError(returnUrl, 'no_customer');
  }
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
