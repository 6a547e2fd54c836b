/** The one place that turns fetch outcomes into parsed bodies or `BillingError`s. */
import { BillingError, codeForStatus } from './BillingError';
import { parseErrorBody } from './parse';
import { redactSecret } from './redactSecret';

export interface RequestJsonOptions {
  fetch: typeof fetch | undefined;
  method: 'GET' | 'POST';
  headers: HeadersInit;
  body?: unknown;
  signal?: AbortSignal | undefined;
  timeoutMs: number;
  /** Names the service in messages ("the billing proxy", "the Saiku API"). */
  service: string;
  /** A secret (the API key) to cut out of any message the server sends back. */
  secret?: string;
}

/** Sends a request and resolves with the JSON body of a 2xx answer; rejects with a `BillingError` otherwise. */
export async function requestJson(url: string, options: RequestJsonOptions): Promise<unknown> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  // A timer we clear when the answer is in, rather than AbortSignal.timeout's, which lives on for
  // the whole timeoutMs after every request (memory pressure in a busy proxy).
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  const timeout = controller.signal;
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    return await send(url, options, fetchImpl, signal, timeout);
  } finally {
    clearTimeout(timer);
  }
}

async function send(
  url: string,
  options: RequestJsonOptions,
  fetchImpl: typeof fetch,
  signal: AbortSignal,
  timeout: AbortSignal,
): Promise<unknown> {
  const headers = new Headers(options.headers);
  headers.set('Accept', 'application/json');
  if (options.body !== undefined) headers.set('Content-Type', 'application/json');

  // One guard for the answer and its body: a stall or a broken connection fails the same way either way.
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(url, {
      method: options.method,
      headers,
      signal,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    text = await readCappedText(response, signal, options.service);
  } catch (cause) {
    // The caller's own abort (react-query cancelling a query) is not a billing error.
    if (options.signal?.aborted) throw options.signal.reason ?? cause;
    if (cause instanceof BillingError) throw cause;
    throw timeout.aborted
      ? new BillingError('timeout', `${options.service} did not answer within ${options.timeoutMs} ms.`, {
          cause,
        })
      : new BillingError('network', `Could not reach ${options.service}, or the connection broke.`, {
          cause,
        });
  }

  const json = parseJson(text);
  if (!response.ok) throw errorFromResponse(response, json, options.service, options.secret);
  if (json === undefined) {
    throw new BillingError(
      'invalid_response',
      `${options.service} answered ${response.status} without a JSON body.`,
      {
        status: response.status,
      },
    );
  }
  return json;
}

/** The most of an answer that is read, counted after decoding: the API's bodies are under 1 KiB. */
export const maxAnswerBytes = 64 * 1024;

/**
 * Reads the body as UTF-8 text, giving up when `signal` aborts (whatever the `fetch` that made the
 * response does with it: a body that never ends or drips a byte at a time still fails in time) and
 * at `maxAnswerBytes`, where it stops reading, so a huge answer or a gzip bomb is never buffered.
 */
async function readCappedText(response: Response, signal: AbortSignal, service: string): Promise<string> {
  const tooLarge = () =>
    new BillingError('invalid_response', `${service} answered with more than ${maxAnswerBytes} bytes.`, {
      status: response.status,
    });
  const body = response.body;
  if (body === null) return '';
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  // A compressed answer's length is before decoding, so only an identity one can be refused unread.
  if (declared > maxAnswerBytes && !response.headers.has('content-encoding')) {
    void body.cancel().catch(() => undefined);
    throw tooLarge();
  }
  const reader = body.getReader();
  let onAbort = () => {};
  const aborted = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(signal.reason);
  });
  aborted.catch(() => undefined);
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), aborted]);
      if (done) return text + decoder.decode();
      // Bytes from any realm (a test environment's fetch may be another global's).
      const chunk = ArrayBuffer.isView(value)
        ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
        : new Uint8Array(0);
      size += chunk.byteLength;
      if (size > maxAnswerBytes) throw tooLarge();
      text += decoder.decode(chunk, { stream: true });
    }
  } catch (caught) {
    // Stop the transfer: the rest of the answer is never read.
    void reader.cancel().catch(() => undefined);
    throw caught;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The `BillingError` an HTTP error answer means, keeping the server's message and `Retry-After`. */
export function errorFromResponse(
  response: Response,
  json: unknown,
  service: string,
  secret?: string,
): BillingError {
  const parsed = parseErrorBody(json);
  const error = parsed.error;
  // The two 409s: nothing to manage yet, or (from the proxy's duplicate guard) a subscription already.
  const code =
    response.status === 409 && (error === 'no_customer' || error === 'already_subscribed')
      ? error
      : error === 'no_customer'
        ? 'no_customer'
        : codeForStatus(response.status);
  const retryAfter =
    code === 'rate_limited' ? parseRetryAfter(response.headers.get('Retry-After')) : undefined;
  // A server that echoes the key back (in any spelling) must not put it into logs through our error.
  return new BillingError(
    code,
    redactSecret(
      parsed.message ?? `${service} answered ${response.status}${error ? ` (${error})` : ''}.`,
      secret,
    ),
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
