/**
 * What the no-JavaScript form routes do where a `fetch` caller would handle it itself: return URLs
 * a form leaves out, and the portal form's way back when there is no customer to manage.
 */
import { BillingError } from '../core/BillingError';
import { checkoutReturnParam, returnedErrorParam } from '../core/markers';
import type { BillingBackend } from '../core/types';
import { checkReturnUrl } from './checkInput';
import { asUpstreamFailure, checkSessionUrl } from './upstream';

/** A browser's form post asks for a page, so its errors are answered with one. */
export function acceptsHtml(request: Request): boolean {
  return (request.headers.get('accept') ?? '').toLowerCase().includes('text/html');
}

// A defaulted success URL carries the Checkout marker, so the page confirms the subscription; a
// page URL never keeps either marker.

/**
 * Where a form post returns when it names no URL: the page it came from (`Referer`) when that page
 * is an acceptable return URL, else the root of the origin it came from.
 */
export function formFallbackUrl(request: Request, url: URL, allowedOrigins: ReadonlySet<string>): string {
  const referer = request.headers.get('referer');
  if (referer !== null) {
    try {
      const page = new URL(checkReturnUrl('Referer', referer, allowedOrigins));
      page.searchParams.delete(checkoutReturnParam);
      page.searchParams.delete(returnedErrorParam);
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

export function withCheckoutMarker(page: string): string {
  const url = new URL(page);
  url.searchParams.set(checkoutReturnParam, 'success');
  return url.href;
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
    return withReturnedError(returnUrl, 'no_customer');
  }
}

/** Back to the form's page with `billing_error=CODE`, which the buttons there read and explain. */
export function withReturnedError(page: string, code: 'no_customer' | 'rate_limited'): string {
  const back = new URL(page);
  back.searchParams.set(returnedErrorParam, code);
  return back.href;
}
