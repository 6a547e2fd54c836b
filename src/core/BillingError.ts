/** The one error type of this library: every failure has a `code` a UI can branch on. */

/** What went wrong, independent of transport. */
export type BillingErrorCode =
  /** 401 / 403: no or wrong key, or the host's auth refused the user. */
  | 'unauthorized'
  /** 409: the tenant never completed Checkout, so there is no portal to open. */
  | 'no_customer'
  /** 409 from the proxy's duplicate guard: the tenant already has a subscription; open the Portal instead. */
  | 'already_subscribed'
  /** 400 / 422 (and other 4xx): the request was refused as invalid. */
  | 'invalid_request'
  /** 429: slow down; see `retryAfter`. */
  | 'rate_limited'
  /** 5xx: Saiku or the proxy failed. */
  | 'upstream'
  /** The request never got an answer (offline, DNS, refused connection). */
  | 'network'
  /** No answer within the time limit. */
  | 'timeout'
  /** An answer that is not the documented shape. */
  | 'invalid_response'
  /** A session URL that is not https on an allowed host: refused, not followed. */
  | 'unsafe_redirect';

export const billingErrorCodes = [
  'unauthorized',
  'no_customer',
  'already_subscribed',
  'invalid_request',
  'rate_limited',
  'upstream',
  'network',
  'timeout',
  'invalid_response',
  'unsafe_redirect',
] as const satisfies readonly BillingErrorCode[];

export interface BillingErrorOptions {
  /** The HTTP status, where there was one. */
  status?: number;
  /** Seconds to wait before retrying, from `Retry-After` on a 429. */
  retryAfter?: number;
  cause?: unknown;
}

export class BillingError extends Error {
  override readonly name = 'BillingError';
  readonly code: BillingErrorCode;
  readonly status?: number;
  readonly retryAfter?: number;

  constructor(code: BillingErrorCode, message: string, options: BillingErrorOptions = {}) {
    // Error reads only `cause` from the options, and only when it is there.
    super(message, options);
    this.code = code;
    this.status = options.status;
    this.retryAfter = options.retryAfter;
  }

  /** Whether trying again later may succeed: network faults, timeouts, 5xx and 429. */
  get isTransient(): boolean {
    return isTransientCode(this.code);
  }

  toJSON(): {
    name: 'BillingError';
    code: BillingErrorCode;
    message: string;
    status?: number;
    retryAfter?: number;
  } {
    const { name, code, message, status, retryAfter } = this;
    // What JSON.stringify would write: no keys for what is not there.
    return JSON.parse(JSON.stringify({ name, code, message, status, retryAfter })) as ReturnType<
      BillingError['toJSON']
    >;
  }
}

export function isBillingError(value: unknown): value is BillingError {
  return value instanceof BillingError;
}

/** Any rejection from a custom backend becomes a `BillingError`, so `error.code` is always there. */
export function toBillingError(error: unknown): BillingError {
  if (isBillingError(error)) return error;
  const message = error instanceof Error ? error.message : 'The billing backend failed.';
  return new BillingError('upstream', message, { cause: error });
}

export function isTransientCode(code: BillingErrorCode): boolean {
  return code === 'network' || code === 'timeout' || code === 'upstream' || code === 'rate_limited';
}

/** The code an HTTP error status means. */
export function codeForStatus(status: number): BillingErrorCode {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 409) return 'no_customer';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'upstream';
  return 'invalid_request';
}
