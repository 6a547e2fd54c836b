/** The client's last line of defence: a session URL is followed only if it goes where Stripe lives. */
import { BillingError } from './BillingError';
import { checkRedirect } from './redirectRule';

import { defaultAllowedRedirectHosts } from './allowedHosts';

export { defaultAllowedRedirectHosts };

/**
 * Returns the URL if it is `https:` on an allowed host (or `http:` on a loopback host the
 * list names, for local stand-ins); throws `BillingError('unsafe_redirect')` otherwise.
 * An entry without a port (`checkout.stripe.com`) matches that host on the scheme's default port
 * only; an entry with one (`localhost:5173`) matches that host and port.
 */
export function assertSafeRedirect(
  url: string,
  allowedHosts: readonly string[] = defaultAllowedRedirectHosts,
): URL {
  const checked = checkRedirect(url, allowedHosts);
  if (checked instanceof URL) return checked;
  throw new BillingError('unsafe_redirect', checked.refused, { cause: checked.cause });
}
