/**
 * `billingHandlers` as `/mock` exports it: msw is an optional peer, so it is loaded here with a dynamic
 * import, and `/mock` still works where msw is not installed (`createBillingSimulator`, `createMockBackend`).
 */
import type { RequestHandler, http } from 'msw';
import type { BillingSimulator } from './BillingSimulator';
import { handlersWith, type BillingHandlersOptions } from './handlersWith';

type Msw = { http: typeof http };

let loadError: unknown;
const msw: Msw | null = await import('msw').catch((error: unknown) => {
  loadError = error;
  return null;
});

/**
 * The simulator as msw handlers: the Saiku API paths, the proxy paths (as the default tenant,
 * with the proxy's `{ error, message }` error bodies) and the stand-in pages under `simulator.pages`.
 * Throws when msw could not be loaded; `@saiku/billing-react/mock/msw` exports the same function over
 * a static msw import.
 */
export function billingHandlers(
  simulator: BillingSimulator,
  options?: BillingHandlersOptions,
): RequestHandler[] {
  if (msw === null) {
    throw new Error(
      'billingHandlers needs msw (an optional peer of @saiku/billing-react): npm install -D msw.',
      {
        cause: loadError,
      },
    );
  }
  return handlersWith(msw.http, simulator, options);
}
