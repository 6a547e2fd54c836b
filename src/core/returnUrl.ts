/** The one rule for success, cancel and return URLs, shared by the proxy and the simulator. */
import { secureUrlProblem } from './secureUrl';

/** Longer return URLs are refused: nothing legitimate needs more. */
export const maxReturnUrlLength = 2048;

/**
 * Checks that `value` is an absolute `https:` URL (plain `http:` only on a loopback host, for
 * local development) without a user name or password. Returns the parsed URL, or the reason it
 * is refused, worded for the `field` it came in.
 */
export function checkReturnUrlShape(value: string, field: string): { url: URL } | { problem: string } {
  if (value.length > maxReturnUrlLength)
    return { problem: `${field} must be at most ${maxReturnUrlLength} characters.` };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: `${field} must be an absolute URL.` };
  }
  const problem = secureUrlProblem(url);
  if (problem === 'insecure')
    return { problem: `${field} must be an https URL (http only on a loopback host).` };
  if (problem === 'credentials') return { problem: `${field} must not carry a user name or password.` };
  return { url };
}
