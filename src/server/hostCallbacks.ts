/**
 * The host's own code the proxy calls: the key resolver, `customer`, and `onError`. A throw from
 * the first two is a 500 whose detail only `onError` hears; a throw from `onError` changes nothing.
 */
import type { Asking, Reporting } from './call';
import { checkProxyKey, type CustomerDetails, type UpstreamConfig } from './proxyOptions';
import { clientClosed, fail, type Reply } from './replies';
import { scrubError } from './scrubSecret';

/**
 * The key for this request, normalised once whether it is the configured string or the resolver's
 * answer (trimmed, as `fetch` would send it, so the key that goes upstream is the key kept out of
 * answers). 401 when the resolver returns no key; 500 when it throws, returns a key that cannot be
 * one, or the configured key is empty.
 */
export async function resolveKey(
  request: Request,
  config: Pick<UpstreamConfig, 'apiKey' | 'onError'>,
  owner = 'createBillingProxy',
): Promise<string | Reply> {
  const asking = { request, config, key: null };
  if (typeof config.apiKey === 'string') {
    if (config.apiKey !== '') return config.apiKey;
    const unset = new Error(`${owner}: apiKey is an empty string; is SAIKU_API_KEY set?`);
    return internalError(asking, unset);
  }
  let key: unknown;
  try {
    key = await config.apiKey(request);
    if (typeof key === 'string') key = checkProxyKey(key, `${owner} (the apiKey function)`);
  } catch (thrown) {
    return internalError(asking, thrown);
  }
  if (typeof key !== 'string')
    return fail(401, 'unauthorized', 'Not signed in, or not allowed to manage billing.');
  return key;
}

/** What `customer(request)` fills in (empty or non-string fields left out); 500 when it throws. */
export async function customerOf(asking: Asking): Promise<CustomerDetails | Reply> {
  const { customer } = asking.config;
  if (customer === undefined) return {};
  try {
    const details = await customer(asking.request);
    return {
      ...(typeof details?.email === 'string' && details.email !== '' ? { email: details.email } : {}),
      ...(typeof details?.name === 'string' && details.name !== '' ? { name: details.name } : {}),
    };
  } catch (thrown) {
    return internalError(asking, thrown);
  }
}

/**
 * The host's own code failed (or, by mistake, ours): 500 with no detail, which only `onError` hears;
 * 499 when the browser has already left, as nobody reads the answer and nothing needs logging.
 */
export function internalError(asking: Reporting, thrown: unknown): Reply {
  if (asking.request.signal.aborted) return clientClosed();
  report(asking, thrown instanceof Error ? thrown : new Error(String(thrown)));
  return fail(500, 'internal', 'The billing proxy failed.');
}

/** Tells `onError`, if any, with the key scrubbed out; a failing logger must not turn an answer into a throw. */
export function report({ request, config, key }: Reporting, error: Error): void {
  if (config.onError === undefined) return;
  const scrubbed = scrubError(error, key);
  try {
    const result = config.onError(
      scrubbed instanceof Error ? scrubbed : new Error(String(scrubbed)),
      request,
    );
    if (result instanceof Promise) result.catch(() => undefined);
  } catch {
    // ignored, as promised in the option's docs
  }
}
