/**
 * The redirect rule, written once: the URL if it is `https:` on an allowed host (or `http:` on a
 * loopback host the list names, for local stand-ins), else why it is refused. `assertSafeRedirect`
 * throws that reason; the click path (loaded on demand) reads it without importing `BillingError`.
 */
import { secureUrlProblem } from './secureUrl';

export function checkRedirect(
  url: string,
  allowedHosts: readonly string[],
): URL | { refused: string; cause?: unknown } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    return { refused: 'Refused to navigate: the session URL is not an absolute URL.', cause };
  }
  const allowed = allowedHosts.some((entry) => hostMatches(entry, parsed));
  const problem = secureUrlProblem(parsed);
  if (problem === 'insecure')
    return { refused: `Refused to navigate to a ${parsed.protocol} URL: only https is allowed.` };
  if (!allowed || problem === 'credentials') {
    return { refused: `Refused to navigate to ${parsed.host}: it is not an allowed billing host.` };
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
