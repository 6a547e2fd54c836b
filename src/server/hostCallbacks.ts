/**
 * The host's own code the proxy calls: the key resolver, `customer`, and `onError`. A throw from
 * the first two is a 500 whose detail only `onError` hears; a throw from `onError` changes nothing.
 */
import { checkApiKey } from '../core/apiKey';
import type { CustomerDetails, ProxyConfig } from './proxyOptions';
import { Refusal } from './replies';

/** The host's own code failed (key resolver, `customer`): 500, with the detail only for `onError`. */
export class HostFailure extends Error {
  override readonly name = 'HostFailure';
  /** What `onError` gets: the host's own error as thrown (an `Error` made of anything else). */
  readonly reported: Error;
  constructor(thrown: unknown) {
    super('The host failed.');
    this.reported = thrown instanceof Error ? thrown : new Error(String(thrown));
  }
}

/**
 * The key for this request, normalised once whether it is the configured string or the resolver's
 * answer: trimmed, as `fetch` would send it, so the key that goes upstream is the key scrubbed.
 */
export async function resolveKey(request: Request, config: ProxyConfig): Promise<string> {
  let key: string | null | undefined;
  if (typeof config.apiKey === 'string') {
    key = config.apiKey;
    if (key === '')
      throw new HostFailure(
        new Error('createBillingProxy: apiKey is an empty string; is SAIKU_API_KEY set?'),
      );
  } else {
    try {
      key = await config.apiKey(request);
      if (typeof key === 'string') key = checkApiKey(key, 'createBillingProxy (the apiKey function)');
    } catch (cause) {
      throw new HostFailure(cause);
    }
  }
  if (typeof key !== 'string' || key === '') {
    throw new Refusal(401, 'unauthorized', 'Not signed in, or not allowed to manage billing.');
  }
  return key;
}

/** What `customer(request)` fills in; empty or non-string fields are left out. */
export async function customerOf(request: Request, config: ProxyConfig): Promise<CustomerDetails> {
  if (config.customer === undefined) return {};
  let details: CustomerDetails | null | undefined;
  try {
    details = await config.customer(request);
  } catch (cause) {
    throw new HostFailure(cause);
  }
  return {
    ...(typeof details?.email === 'string' && details.email !== '' ? { email: details.email } : {}),
    ...(typeof details?.name === 'string' && details.name !== '' ? { name: details.name } : {}),
  };
}

/** Tells `onError`, if any; a failing logger must not turn an answer into a throw. */
export function report(config: ProxyConfig, error: unknown, request: Request): void {
  if (config.onError === undefined) return;
  const reported = error instanceof Error ? error : new Error(String(error));
  try {
    const result = config.onError(reported, request);
    if (result instanceof Promise) result.catch(() => undefined);
  } catch {
    // ignored, as promised in the option's docs
  }
}
