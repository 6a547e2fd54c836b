/**
 * Keeps the API key out of everything the proxy says: response bodies, headers, and what `onError`
 * receives, with core's one redaction rule applied to every string in them.
 */
import { BillingError } from '../core/BillingError';
import { redactSecret } from '../core/redactSecret';

/** A deep copy of a JSON value with the key scrubbed from every string in it (keys included). */
export function scrubJson(value: unknown, secret: string | null): unknown {
  if (!secret) return value;
  if (typeof value === 'string') return redactSecret(value, secret);
  if (Array.isArray(value)) return value.map((item) => scrubJson(item, secret));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [redactSecret(key, secret), scrubJson(item, secret)]),
    );
  }
  return value;
}

/**
 * A copy of an error (and its chain of causes) with the key scrubbed from every message,
 * stack and string property, so a host may log it as it likes.
 */
export function scrubError(error: unknown, secret: string | null, depth = 0): unknown {
  if (!secret) return error;
  if (typeof error === 'string') return redactSecret(error, secret);
  if (!(error instanceof Error)) return scrubJson(error, secret);
  const cause =
    depth < 5 && error.cause !== undefined ? scrubError(error.cause, secret, depth + 1) : undefined;
  const message = redactSecret(error.message, secret);
  const copy =
    error instanceof BillingError
      ? new BillingError(error.code, message, {
          ...(error.status === undefined ? {} : { status: error.status }),
          ...(error.retryAfter === undefined ? {} : { retryAfter: error.retryAfter }),
          ...(cause === undefined ? {} : { cause }),
        })
      : new Error(message, cause === undefined ? undefined : { cause });
  if (!(error instanceof BillingError) && error.name !== 'Error') {
    Object.defineProperty(copy, 'name', {
      value: redactSecret(error.name, secret),
      configurable: true,
      writable: true,
    });
  }
  copy.stack = error.stack === undefined ? undefined : redactSecret(error.stack, secret);
  // Node's system errors carry what went wrong in properties (`code`, `address`, `port`): keep those.
  for (const [key, value] of Object.entries(error)) {
    if (key === 'cause' || key in copy) continue;
    if (typeof value === 'string') Object.assign(copy, { [key]: redactSecret(value, secret) });
    else if (typeof value === 'number' || typeof value === 'boolean') Object.assign(copy, { [key]: value });
  }
  return copy;
}
