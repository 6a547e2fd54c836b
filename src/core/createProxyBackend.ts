import { BillingError } from './BillingError';
import { parseBillingState, parseCheckoutSession, parsePortalSession } from './parse';
import { requestJson } from './http';
import type { BillingBackend, CheckoutSessionInput, PortalSessionInput } from './types';

export interface ProxyBackendOptions {
  /**
   * Where the host mounted `createBillingProxy`: a path on the same origin or an absolute URL.
   * @default '/api/billing'
   */
  baseUrl?: string;
  /** The fetch to use (tests, custom credentials). @default globalThis.fetch at call time */
  fetch?: typeof fetch;
  /** Extra headers on every request, such as a CSRF token the host's auth expects. */
  headers?: HeadersInit;
  /** Give up and fail with `BillingError('timeout')` after this long. @default 15000 */
  timeoutMs?: number;
}

export const defaultProxyBasePath = '/api/billing';

/**
 * The key of the proxy's path on a backend `createProxyBackend` made (or a host spread from one),
 * where the buttons' no-JavaScript forms post. A symbol only the library imports (never exported from
 * an entry), so the path stays off `BillingBackend`, the three-method transport every backend implements.
 */
export const proxyPath = Symbol();

/** A backend that may carry the proxy's path: `backend[proxyPath]` is undefined for any but the proxy's. */
export type MaybeProxyBackend = BillingBackend & { [proxyPath]?: string };

/** The default backend: calls the proxy the host mounted on its own server, which adds the API key. */
export function createProxyBackend(options: ProxyBackendOptions = {}): BillingBackend {
  const base = (options.baseUrl ?? defaultProxyBasePath).replace(/\/+$/, '');
  const call = async <T>(
    path: string,
    parse: (json: unknown) => T,
    body?: CheckoutSessionInput | PortalSessionInput,
    signal?: AbortSignal,
  ): Promise<T> => {
    // A path only means something in a browser; on a server it can never work, so fail for good
    // (invalid_request is never retried) instead of as a retried network error.
    if (base.startsWith('/') && options.fetch === undefined && typeof location === 'undefined') {
      throw new BillingError(
        'invalid_request',
        `createProxyBackend's baseUrl "${base}" is a path: on a server, pass an absolute URL (or initialState).`,
      );
    }
    const json = await requestJson(`${base}/${path}`, {
      fetch: options.fetch,
      method: body ? 'POST' : 'GET',
      headers: options.headers ?? {},
      body,
      signal,
      timeoutMs: options.timeoutMs ?? 15_000,
      service: 'the billing proxy',
    });
    return parse(json);
  };
  const backend: MaybeProxyBackend = {
    [proxyPath]: base,
    getState: ({ signal } = {}) => call('state', parseBillingState, undefined, signal),
    createCheckoutSession: (input) => call('checkout-session', parseCheckoutSession, input),
    createPortalSession: (input) => call('portal-session', parsePortalSession, input),
  };
  return backend;
}
