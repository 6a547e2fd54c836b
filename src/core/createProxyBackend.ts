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

/** The default backend: calls the proxy the host mounted on its own server, which adds the API key. */
export function createProxyBackend(options: ProxyBackendOptions = {}): BillingBackend {
  const base = (options.baseUrl ?? defaultProxyBasePath).replace(/\/+$/, '');
  // A path only means something in a browser; on a server it can never work, so fail for good
  // (invalid_request is never retried) instead of as a retried network error.
  const checkUsable = () => {
    if (base.startsWith('/') && options.fetch === undefined && typeof location === 'undefined') {
      throw new BillingError(
        'invalid_request',
        `createProxyBackend's baseUrl "${base}" is a path, which only works in a browser. ` +
          'Pass an absolute URL on the server, or pass initialState instead of fetching there.',
      );
    }
  };
  const common = {
    fetch: options.fetch,
    headers: options.headers ?? {},
    timeoutMs: options.timeoutMs ?? 15_000,
    service: 'the billing proxy',
  };
  return {
    formsUrl: base,
    async getState({ signal } = {}) {
      checkUsable();
      return parseBillingState(await requestJson(`${base}/state`, { ...common, method: 'GET', signal }));
    },
    async createCheckoutSession(input: CheckoutSessionInput) {
      checkUsable();
      return parseCheckoutSession(
        await requestJson(`${base}/checkout-session`, { ...common, method: 'POST', body: input }),
      );
    },
    async createPortalSession(input: PortalSessionInput) {
      checkUsable();
      return parsePortalSession(
        await requestJson(`${base}/portal-session`, { ...common, method: 'POST', body: input }),
      );
    },
  };
}
