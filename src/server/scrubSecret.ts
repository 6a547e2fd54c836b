/** Keeps the API key out of everything the proxy says: response bodies, headers, and what `onError` receives. */
import { BillingError } from '../core/BillingError';

const redacted = '[redacted]';

let cachedSecret: string | null = null;
let cachedForms: string[] = [];

/** The spellings a key can take in text: raw, URL-encoded and JSON-escaped. */
function secretForms(secret: string): string[] {
  if (secret !== cachedSecret) {
    cachedForms = [
      ...new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]),
    ].filter((form) => form !== '');
    cachedSecret = secret;
  }
  return cachedForms;
}

export function containsSecret(text: string, secret: string | null): boolean {
  if (!secret) return false;
  return secretForms(secret).some((form) => text.includes(form));
}

export function scrubText(text: string, secret: string | null): string {
  if (!secret) return text;
  let out = text;
  for (const form of secretForms(secret)) out = out.split(form).join(redacted);
  return out;
}

/** A deep copy of a JSON value with the key scrubbed from every string in it (keys included). */
export function scrubJson(value: unknown, secret: string | null): unknown {
  if (!secret) return value;
  if (typeof value === 'string') return scrubText(value, secret);
  if (Array.isArray(value)) return value.map((item) => scrubJson(item, secret));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [scrubText(key, secret), scrubJson(item, secret)]),
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
  if (typeof error === 'string') return scrubText(error, secret);
  if (!(error instanceof Error)) return scrubJson(error, secret);
  const cause =
    depth < 5 && error.cause !== undefined ? scrubError(error.cause, secret, depth + 1) : undefined;
  const message = scrubText(error.message, secret);
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
      value: scrubText(error.name, secret),
      configurable: true,
      writable: true,
    });
  }
  copy.stack = error.stack === undefined ? undefined : scrubText(error.stack, secret);
  // Node's system errors carry what went wrong in properties (`code`, `address`, `port`): keep those.
  for (const [key, value] of Object.entries(error)) {
    if (key === 'cause' || key in copy) continue;
    if (typeof value === 'string') Object.assign(copy, { [key]: scrubText(value, secret) });
    else if (typeof value === 'number' || typeof value === 'boolean') Object.assign(copy, { [key]: value });
  }
  return copy;
}
