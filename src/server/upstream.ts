/** Calls to the Saiku API: the guarded fetch, what its failures become, and the check on the session URLs it mints. */
import { BillingError } from '../core/BillingError';
import { assertSafeRedirect } from '../core/redirect';
import type { Replier, Reply } from './replies';
import { redactSecret } from '../core/redactSecret';

/** Saiku failed or refused: carries the `BillingError` core made of it. */
export class UpstreamFailure extends Error {
  override readonly name = 'UpstreamFailure';
  constructor(readonly error: BillingError) {
    super(error.message);
  }
}

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

/** Runs one call to Saiku; a `BillingError` from it becomes an `UpstreamFailure`. */
export async function upstream<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (caught) {
    throw asUpstreamFailure(caught);
  }
}

export function asUpstreamFailure(caught: unknown): unknown {
  return caught instanceof BillingError ? new UpstreamFailure(caught) : caught;
}

/**
 * A session URL goes to the browser only under the browser client's own rule (`assertSafeRedirect`):
 * `https:` on an allowed host, `http:` only on a loopback host the list names (local stand-ins).
 * The no-JavaScript form routes have no browser client to check it, so the proxy does.
 */
export function checkSessionUrl(value: string, allowedHosts: readonly string[]): string {
  try {
    return assertSafeRedirect(value, allowedHosts).href;
  } catch (caught) {
    throw asUpstreamFailure(caught);
  }
}

/** What the browser hears of Saiku's failure: its 4xx passed on (key scrubbed), anything else a 502 or 504. */
export function upstreamReply(error: BillingError, reply: Replier): Reply {
  switch (error.code) {
    case 'timeout':
      return reply.error(504, 'timeout', 'The Saiku API did not answer in time.');
    case 'network':
      return reply.error(502, 'upstream', 'Could not reach the Saiku API.');
    case 'unsafe_redirect':
      return reply.error(
        502,
        'upstream',
        'The Saiku API answered with a session URL outside the allowed billing hosts.',
      );
    case 'invalid_response':
      return reply.error(
        502,
        'upstream',
        'The Saiku API answered with something other than the documented shape.',
      );
    case 'unauthorized':
    case 'no_customer':
    case 'already_subscribed':
    case 'invalid_request':
    case 'rate_limited': {
      const status =
        error.status !== undefined && error.status >= 400 && error.status < 500 ? error.status : 502;
      if (status === 502)
        return reply.error(502, 'upstream', 'The Saiku API answered with an unexpected status.');
      const headers: Record<string, string> =
        error.retryAfter === undefined ? {} : { 'Retry-After': String(error.retryAfter) };
      return reply.error(
        status,
        error.code,
        truncate(redactSecret(error.message, reply.secret), 500),
        headers,
      );
    }
    default:
      return reply.error(502, 'upstream', 'The Saiku API failed.');
  }
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
