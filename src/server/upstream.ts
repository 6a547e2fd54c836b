/**
 * Calls to the Saiku API: the guarded fetch, the reply to a failed call, and the check on the
 * session URLs it mints.
 */
import { BillingError } from '../core/BillingError';
import { assertSafeRedirect } from '../core/redirect';
import type { Asking } from './call';
import { internalError, report } from './hostCallbacks';
import { clientClosed, fail, type Reply } from './replies';

/**
 * The key never follows a redirect to wherever Saiku's answer points (a 3xx is a network fault),
 * and the time limit holds even for a custom `fetch` that ignores its abort signal.
 * `redirect: 'manual'`, not `'error'`: Cloudflare Workers refuse `'error'` outright.
 */
export function guardedFetch(
  fetchImpl: typeof fetch,
  input: RequestInfo | URL,
  init: RequestInit | undefined,
): Promise<Response> {
  const pending = fetchImpl(input, { ...init, redirect: 'manual' }).then((response) => {
    if (response.type !== 'opaqueredirect' && (response.status < 300 || response.status > 399))
      return response;
    void response.body?.cancel().catch(() => {});
    throw new TypeError(
      `Saiku answered ${response.status || 'a redirect'}; the proxy does not follow redirects with the key.`,
    );
  });
  const signal = init?.signal;
  if (!signal) return pending;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    pending.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** One call to Saiku: what it answered, or the reply to its failure (`saikuFailed`). */
export async function fromSaiku<T>(asking: Asking, call: () => Promise<T>): Promise<T | Reply> {
  try {
    return await call();
  } catch (caught) {
    return saikuFailed(asking, caught);
  }
}

/**
 * The reply to a call to Saiku that failed, `onError` told: its 4xx passed on, anything else 502 or
 * 504 (`upstreamReply`); 499 when the browser has left, which is what aborted the call.
 */
export function saikuFailed(asking: Asking, caught: unknown): Reply {
  if (asking.request.signal.aborted) return clientClosed();
  // Core makes every failure of a call a BillingError: anything else is a bug here.
  if (!(caught instanceof BillingError)) return internalError(asking, caught);
  report(asking, caught);
  return upstreamReply(caught);
}

/**
 * A session URL goes to the browser only under the browser client's own rule (`assertSafeRedirect`):
 * `https:` on an allowed host, `http:` only on a loopback host the list names (local stand-ins).
 * The no-JavaScript form routes have no browser client to check it, so the proxy does: 502 otherwise.
 */
export function checkSessionUrl(asking: Asking, url: string): string | Reply {
  try {
    return assertSafeRedirect(url, asking.config.allowedRedirectHosts).href;
  } catch (caught) {
    return saikuFailed(asking, caught);
  }
}

/** What the browser hears of Saiku's failure: its 4xx passed on, anything else a 502 or 504. */
export function upstreamReply(error: BillingError): Reply {
  switch (error.code) {
    case 'timeout':
      return fail(504, 'timeout', 'The Saiku API did not answer in time.');
    case 'network':
      return fail(502, 'upstream', 'Could not reach the Saiku API.');
    case 'unsafe_redirect':
      return fail(
        502,
        'upstream',
        'The Saiku API answered with a session URL outside the allowed billing hosts.',
      );
    case 'invalid_response':
      return fail(502, 'upstream', 'The Saiku API answered with something other than the documented shape.');
    case 'unauthorized':
    case 'no_customer':
    case 'already_subscribed':
    case 'invalid_request':
    case 'rate_limited': {
      const status = error.status;
      if (status === undefined || status < 400 || status >= 500)
        return fail(502, 'upstream', 'The Saiku API answered with an unexpected status.');
      const headers: Record<string, string> =
        error.retryAfter === undefined ? {} : { 'Retry-After': String(error.retryAfter) };
      // Saiku's own message, as it wrote it (`send` keeps the key out and cuts it to length).
      return fail(status, error.code, error.message, headers);
    }
    default:
      return fail(502, 'upstream', 'The Saiku API failed.');
  }
}
