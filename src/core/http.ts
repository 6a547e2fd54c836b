/** The one place that turns fetch outcomes into parsed bodies or `BillingError`s. */
import { BillingError, codeForStatus } from './BillingError';
import { parseErrorBody } from './parse';

export interface RequestJsonOptions {
  fetch: typeof fetch | undefined;
  method: 'GET' | 'POST';
  headers: HeadersInit;
  body?: unknown;
  signal?: AbortSignal | undefined;
  timeoutMs: number;
  /** Names the service in messages ("the billing proxy", "the Saiku API"). */
  service: string;
  /**
   * Cuts a secret (the API key) out of any message the server sends back: `createSaikuClient`
   * passes core's `redactSecret` here, so a browser bundle, which has no secret, does not carry it.
   */
  redact?: (text: string) => string;
  /** Reads the answer's body (`readCappedText` on servers); default `response.text()`. */
  readText?: (response: Response, signal: AbortSignal, service: string) => Promise<string>;
}

/** Sends a request and resolves with the JSON body of a 2xx answer; rejects with a `BillingError` otherwise. */
export async function requestJson(url: string, options: RequestJsonOptions): Promise<unknown> {
  const { signal: callerSignal, service, body } = options;
  // Already aborted (the caller has left): no request is started at all.
  callerSignal?.throwIfAborted();
  // A timer we clear when the answer is in, rather than AbortSignal.timeout's, which lives on for
  // the whole timeoutMs after every request (memory pressure in a busy proxy).
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  const { signal } = controller;
  // The caller's abort stops it too. Followed by hand: the controller is ours, so no AbortSignal.any
  // (missing in Safari before 17.4 and Next.js's edge runtime), and the browser client needs no anySignal.
  const follow = () => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener('abort', follow);
  const headers = new Headers(options.headers);
  headers.set('Accept', 'application/json');
  if (body !== undefined) headers.set('Content-Type', 'application/json');

  // One guard for the answer and its body: a stall or a broken connection fails the same way either way.
  let response: Response;
  let text: string;
  try {
    response = await (options.fetch ?? globalThis.fetch)(url, {
      method: options.method,
      headers,
      signal,
      body: body === undefined ? null : JSON.stringify(body),
    });
    text = await (options.readText?.(response, signal, service) ?? response.text());
  } catch (cause) {
    // The caller's own abort (react-query cancelling a query) is not a billing error.
    if (callerSignal?.aborted) throw callerSignal.reason ?? cause;
    if (cause instanceof BillingError) throw cause;
    // Not the caller's abort (above), so an aborted signal is the timer's.
    throw signal.aborted
      ? new BillingError('timeout', `${service} did not answer within ${options.timeoutMs} ms.`, { cause })
      : new BillingError('network', `Could not reach ${service}, or the connection broke.`, { cause });
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', follow);
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON (or empty): an error answer keeps its status, a 2xx one is invalid
  }
  if (!response.ok) throw errorFromResponse(response, json, service, options.redact);
  if (json === undefined) {
    throw new BillingError(
      'invalid_response',
      `${service} answered ${response.status} without a JSON body.`,
      {
        status: response.status,
      },
    );
  }
  return json;
}

/** The `BillingError` an HTTP error answer means, keeping the server's message and `Retry-After`. */
export function errorFromResponse(
  response: Response,
  json: unknown,
  service: string,
  redact: (text: string) => string = (text) => text,
): BillingError {
  const parsed = parseErrorBody(json);
  const error = parsed.error;
  // The proxy's two 409s: nothing to manage yet, or (its duplicate guard) a subscription already.
  const code =
    error === 'no_customer' || error === 'already_subscribed' ? error : codeForStatus(response.status);
  const retryAfter =
    code === 'rate_limited' ? parseRetryAfter(response.headers.get('Retry-After')) : undefined;
  // A server that echoes the key back (in any spelling) must not put it into logs through our error.
  return new BillingError(
    code,
    redact(parsed.message ?? `${service} answered ${response.status}${error ? ` (${error})` : ''}.`),
    {
      status: response.status,
      ...(retryAfter === undefined ? {} : { retryAfter }),
    },
  );
}

function parseRetryAfter(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
