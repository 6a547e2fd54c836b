/** The client's last line of defence: a session URL is followed only if it goes where Stripe lives. */
import { BillingError } from './BillingError';
import { secureUrlProblem } from './secureUrl';

/** Hosts a Checkout or Portal URL may point at by default. */
export const defaultAllowedRedirectHosts: readonly string[] = ['checkout.stripe.com', 'billing.stripe.com'];

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
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new BillingError(
      'unsafe_redirect',
      'Refused to navigate: the session URL is not an absolute URL.',
      { cause },
    );
  }
  const allowed = allowedHosts.some((entry) => hostMatches(entry, parsed));
  const problem = secureUrlProblem(parsed);
  if (problem === 'insecure') {
    throw new BillingError(
      'unsafe_redirect',
      `Refused to navigate to a ${parsed.protocol} URL: only https is allowed.`,
    );
  }
  if (!allowed || problem === 'credentials') {
    throw new BillingError(
      'unsafe_redirect',
      `Refused to navigate to ${parsed.host}: it is not an allowed billing host.`,
    );
  }
  return parsed;
}

/** `entry` names `url`'s host, and its port when the URL has one other than the default. */
function hostMatches(entry: string, url: URL): boolean {
  const host = entry.trim().toLowerCase();
  // `url.host` drops the scheme's default port (443 for https), so `host:443` written out matches too.
  if (host === url.host) return true;
  return url.protocol === 'https:' && host === `${url.hostname}:443`;
}
