/** `billingHandlers` over a static msw import: the `/mock/msw` entry, for hosts and bundlers that have msw. */
import { http, type RequestHandler } from 'msw';
import type { BillingSimulator } from './BillingSimulator';
import { handlersWith, type BillingHandlersOptions } from './handlersWith';

/**
 * The simulator as msw handlers: the Saiku API paths, the proxy paths (as the default tenant,
 * with the proxy's `{ error, message }` error bodies) and the stand-in pages under `simulator.pages`.
 */
export function billingHandlers(
  simulator: BillingSimulator,
  options?: BillingHandlersOptions,
): RequestHandler[] {
  return handlersWith(http, simulator, options);
}
