/** msw handlers that put a simulator behind the Saiku API URLs and the proxy routes a browser calls. */
import type { http as mswHttp, RequestHandler } from 'msw';
import { defaultSaikuBaseUrl } from '../core/createSaikuClient';
import type { BillingSimulator } from './BillingSimulator';
import { defaultApiKey } from './createBillingSimulator';

export interface BillingHandlersOptions {
  /**
   * Where the proxy routes are (`GET {baseUrl}/state`, `POST {baseUrl}/checkout-session`,
   * `POST {baseUrl}/portal-session`); they act for the default tenant. An msw path: a leading `*`
   * matches any origin.
   * @default `/api/billing` on any origin
   */
  baseUrl?: string;
  /**
   * Where the Saiku API is: `{apiBaseUrl}/me/billing/…` goes to `simulator.fetch`, Bearer key and all.
   * @default 'https://api.saiku.bi'
   */
  apiBaseUrl?: string;
}

export const defaultHandlersBaseUrl = '*/api/billing';

/**
 * `billingHandlers` built with the `http` namespace of whichever msw the caller loaded: statically in
 * `/mock/msw`, lazily in `/mock` (so `/mock` imports without msw installed).
 */
export function handlersWith(
  http: typeof mswHttp,
  simulator: BillingSimulator,
  options: BillingHandlersOptions = {},
): RequestHandler[] {
  const base = (options.baseUrl ?? defaultHandlersBaseUrl).replace(/\/+$/, '');
  const apiBase = (options.apiBaseUrl ?? defaultSaikuBaseUrl).replace(/\/+$/, '');
  const pagePrefixes = [`${simulator.pages.checkout}/`, `${simulator.pages.portal}/`];

  // The proxy adds the key and forwards; the simulator gives the same answers and errors Saiku would.
  const asDefaultTenant =
    (path: string) =>
    async ({ request }: { request: Request }): Promise<Response> => {
      const headers = new Headers({ Authorization: `Bearer ${defaultApiKey}`, Accept: 'application/json' });
      const contentType = request.headers.get('Content-Type');
      if (contentType !== null) headers.set('Content-Type', contentType);
      const body = request.method === 'GET' ? undefined : await request.text();
      return simulator.fetch(
        new Request(`${defaultSaikuBaseUrl}/me/billing/${path}`, {
          method: request.method,
          headers,
          ...(body === undefined ? {} : { body }),
        }),
      );
    };

  return [
    http.get(`${base}/state`, asDefaultTenant('state')),
    http.post(`${base}/checkout-session`, asDefaultTenant('checkout-session')),
    http.post(`${base}/portal-session`, asDefaultTenant('portal-session')),
    http.all(`${apiBase}/me/billing/*`, ({ request }) => simulator.fetch(request)),
    http.all(
      ({ request }) => pagePrefixes.some((prefix) => request.url.startsWith(prefix)),
      ({ request }) => simulator.fetch(request),
    ),
  ];
}
